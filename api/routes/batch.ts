import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { batchExample } from '../examples.js';
import { PrefgameError } from '../../src/errors.js';
import { solveInOrder } from '../../src/pool/ordered-batch.js';
import { bodyLines, countLinesUpTo } from '../batch-lines.js';

/**
 * `POST /v1/batch`: an `application/x-ndjson` body of problem documents; the response streams
 * one result or error line per non-blank input line, in order, each as soon as it and the lines
 * before it are solved. Every line, blank or not, counts toward `MAX_BATCH_LINES`; the body is
 * split lazily, yielding to the event loop, so no body blocks other requests. A batch is one client: its lines wait for room in the pool rather than
 * being refused, with at most one line per worker in flight.
 */
export async function batchRoutes(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/v1/batch',
    {
      schema: {
        tags: ['solve'],
        summary: 'Solve an NDJSON batch; results stream back as NDJSON, one line per input line, in order',
        consumes: ['application/x-ndjson'],
        produces: ['application/x-ndjson'],
        body: {
          type: 'string',
          description:
            'One problem document (any kind, as for POST /v1/solve) per line; blank lines are skipped. Each output line is the result document, or an error line `{ id, status: "error", line, error }`.',
          examples: [batchExample],
        },
        response: {
          200: {
            type: 'string',
            description: 'One result or error line per non-blank input line, in input order (application/x-ndjson).',
          },
          '4xx': { $ref: 'ProblemDetails#' },
        },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body))
        throw new PrefgameError(
          'PREF_ERR_UNSUPPORTED_MEDIA_TYPE',
          'send batches as application/x-ndjson: one problem document per line',
          '',
        );
      // Every line counts toward the limit, blank or not; counting stops just past it.
      const count = countLinesUpTo(request.body, app.config.maxBatchLines);
      if (count > app.config.maxBatchLines) {
        throw new PrefgameError(
          'PREF_ERR_TOO_LARGE',
          `the batch has more than ${app.config.maxBatchLines} lines (blank lines count); the limit maxBatchLines is ${app.config.maxBatchLines}`,
          '',
        );
      }
      const lines = bodyLines(request.body);
      const config = { limits: app.limits };
      // Each line gets the server's maximum time from when it is handed to the pool.
      const outputs = solveInOrder(
        lines,
        (text, lineNumber) =>
          app.pool.solveLine(text, lineNumber, config, app.config.maxTimeLimitMs, app.config.workerGraceMs),
        app.pool.threads,
      );
      async function* encode() {
        for await (const output of outputs) {
          if (output.status !== 'error') app.metrics.observeSolve(request, output.kind, output);
          yield JSON.stringify(output) + '\n';
        }
      }
      reply.type('application/x-ndjson');
      return reply.send(Readable.from(encode()));
    },
  );
}
