/**
 * `prefgame/service`: the HTTP service as a fastify instance, to embed or test with `inject`
 * (`npm start` and `prefgame serve` listen with it).
 *
 * @example
 * ```ts
 * import { buildApp, readConfig } from 'prefgame/service'
 * const app = await buildApp({ config: readConfig(), logger: false })
 * const address = await app.listen({ host: '127.0.0.1', port: 0 }) // port 0: any free port; npm start uses PORT
 * assert.match(address, /^http:\/\/127\.0\.0\.1:\d+$/)
 * await app.close()
 * ```
 *
 * @packageDocumentation
 */
export { buildApp, type AppOptions } from './app.js';
export { readConfig, type ServiceConfig } from './config.js';
