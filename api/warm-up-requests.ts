import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { warmUpProblems } from '../src/warm-up.js';

/** The header that marks the service's own warm-up requests; its value is a secret of this process. */
const warmUpHeader = 'x-prefgame-warm-up';
const warmUpToken = randomUUID();

/**
 * Items of the von Neumann warm-up request: enough that the double oracle reaches its cap and
 * hands over to the full LP (uniform n = 100: a cap of 40 items), so that path is compiled too.
 * The workers' own warm-up keeps 40 items, as `ready()` does.
 */
const warmUpItems = 100;

/**
 * True for a request that the service sent itself to warm up ({@link warmUpThroughRoutes}):
 * `/metrics` does not count it and the request log leaves it out. No client can send one: the
 * header's value is a random token that never leaves the process.
 *
 * @example
 * ```ts
 * isWarmUpRequest({ headers: { 'x-prefgame-warm-up': 'a guess' } }) // false: only the service knows the token
 * ```
 */
export function isWarmUpRequest(request: { headers: IncomingHttpHeaders }): boolean {
  return request.headers[warmUpHeader] === warmUpToken;
}

/**
 * Sends the warm-up problems (`src/warm-up.ts`, the von Neumann one with {@link warmUpItems}
 * items) through the service's own solve routes
 * (`inject`: no socket), `rounds` times, each problem to every worker at once, so that the code
 * a request runs is compiled before `/ready` says ready: in this thread (routing, hooks,
 * admission, the messages to and from the pool, writing the answer) as well as in the workers.
 * Without it the first requests of a fresh service took 4-10x as long as later ones (von
 * Neumann n = 60: 60-150 ms against 15-30 ms); after one round 1.3-1.7x (23-35 ms against
 * 17-24 ms), after two 0.9-1.3x, for about 0.1 s more before `/ready` per round
 * (docs/startup.md). One log line reports them (the request log leaves each out); a failing
 * one stops the start with its answer.
 *
 * @example
 * ```ts
 * const app = await buildApp({ config: { ...readConfig(), workers: 1 }, logger: false })
 * await app.warm
 * await warmUpThroughRoutes(app, 1, 1) // 1 round x 2 problems x 1 worker: 2 requests
 * assert.equal(app.pool.stats().completed, 1 + 2) // the worker's own warm-up task, then the requests
 * await app.close()
 * ```
 */
export async function warmUpThroughRoutes(app: FastifyInstance, rounds: number, workers: number): Promise<void> {
  const started = performance.now();
  let sent = 0;
  for (let round = 0; round < rounds; round++) {
    for (const { kind, ...body } of warmUpProblems(warmUpItems)) {
      const answers = await Promise.all(
        Array.from({ length: workers }, () =>
          app.inject({
            method: 'POST',
            url: `/v1/${String(kind)}`,
            payload: body,
            headers: { [warmUpHeader]: warmUpToken, 'x-request-id': `warm-up-${++sent}` },
          }),
        ),
      );
      for (const answer of answers)
        if (answer.statusCode !== 200)
          throw new Error(`a warm-up request (${String(kind)}) was answered ${answer.statusCode}: ${answer.body}`);
    }
  }
  app.log.info({ requests: sent, ms: Math.round(performance.now() - started) }, 'warmed up through the solve routes');
}
