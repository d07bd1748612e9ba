import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { capText, errorRegistry, type ErrorDetail } from '../src/errors.js';

/** The RFC 9457 problem document of every error response. */
export const ProblemDetails = Type.Object(
  {
    type: Type.String({ description: 'urn:prefgame:error:CODE' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable error code from the registry.' }),
    pointer: Type.String({ description: 'JSON pointer of the offending field ("" when it is the whole request).' }),
    instance: Type.String({ description: 'The request path.' }),
    requestId: Type.String(),
  },
  { $id: 'ProblemDetails', additionalProperties: false },
);

/**
 * Sends an error as `application/problem+json` (RFC 9457) with our stable code, the pointer of
 * the bad field and no stack trace. 503s carry `Retry-After`.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify'
 * const app = Fastify()
 * app.get('/target', (request, reply) => sendProblem(request, reply, { code: 'PREF_ERR_EMPTY_TARGET', message: 'the target is empty', pointer: '/target' }))
 * const response = await app.inject({ method: 'GET', url: '/target' })
 * assert.equal(response.statusCode, 422)
 * assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8')
 * assert.equal(response.json().code, 'PREF_ERR_EMPTY_TARGET')
 * await app.close()
 * ```
 */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: ErrorDetail,
  retryAfterSeconds = 1,
): FastifyReply {
  const entry = errorRegistry[error.code] ?? errorRegistry.PREF_ERR_INTERNAL;
  if (entry.status === 503) reply.header('retry-after', String(retryAfterSeconds));
  return reply
    .code(entry.status)
    .type('application/problem+json')
    .send({
      type: `urn:prefgame:error:${error.code}`,
      title: entry.title,
      status: entry.status,
      // Messages and pointers may quote the input (a key name): never at any length.
      detail: capText(error.message),
      code: error.code,
      pointer: capText(error.pointer),
      instance: request.url.split('?')[0],
      requestId: String(request.id),
    });
}
