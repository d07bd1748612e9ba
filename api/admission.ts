import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Place } from '../src/pool/solve-pool.js';
import { sendProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The place in the worker pool this request holds (solve and rank routes), taken before its body is read. */
    place?: Place;
  }
}

/**
 * The `onRequest` hook of the routes that solve: it takes a place in the worker pool before the
 * body is read. With room, at once; with the pool full, the request waits unread (its bytes stay
 * in the socket) for up to `ADMISSION_WAIT_MS`, behind at most `ADMISSION_WAITING` others, and
 * places go to the waiting requests in arrival order as solves finish. A request that gets no
 * place is answered 503 (`PREF_ERR_OVERLOADED`, `Retry-After`) with `Connection: close`, so that
 * its unread body is never drained: a refusal costs almost nothing, and clients that retry at
 * once on 503 are paced by the pool instead of crowding out the solves.
 *
 * The place is released when the response ends (or the client leaves) unless the request's solve
 * took it over. The wait counts toward the request's time limit, like any queue wait.
 */
export function admission(app: FastifyInstance) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const left = new AbortController();
    reply.raw.once('close', () => {
      left.abort();
      request.place?.release();
    });
    request.place = await app.pool.waitForPlace(app.config.admissionWaitMs, app.config.admissionWaiting, left.signal);
    if (request.place || left.signal.aborted) return;
    reply.header('connection', 'close');
    return sendProblem(request, reply, app.pool.refusal().toDetail(), app.config.retryAfterSeconds);
  };
}
