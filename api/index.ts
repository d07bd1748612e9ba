/**
 * `prefgame/service`: the HTTP service as a fastify instance, to embed or test with `inject`
 * (`npm start` and `prefgame serve` listen with it).
 *
 * @example
 * ```ts
 * import { buildApp, readConfig } from 'prefgame/service'
 * const app = await buildApp({ config: readConfig(), logger: false })
 * await app.listen({ port: 8080 })
 * ```
 *
 * @packageDocumentation
 */
export { buildApp, type AppOptions } from './app.js';
export { readConfig, type ServiceConfig } from './config.js';
