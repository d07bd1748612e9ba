import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PrefgameError } from '../../src/index.js';
import type { QueueConnection } from '../../src/queue/connect.js';

const errors = { '4xx': { $ref: 'ProblemDetails#' }, '5xx': { $ref: 'ProblemDetails#' } };

const JobState = Type.Union(
  ['queued', 'running', 'done', 'failed', 'cancelled'].map((state) => Type.Literal(state)),
  {
    description:
      'queued: no chunk started; running; done: every line has its result line; failed: every line has one, ' +
      'but the queue gave up on some chunk (its lines are error lines); cancelled.',
  },
);

const JobStatus = Type.Object(
  {
    id: Type.String(),
    status: JobState,
    total: Type.Integer({ description: 'Non-blank input lines.' }),
    done: Type.Integer({ description: 'Lines whose result line is stored (error lines included).' }),
    failed: Type.Integer({ description: 'Lines whose result is an error line.' }),
  },
  { additionalProperties: false },
);

const JobAccepted = Type.Object(
  { id: Type.String(), status: JobState, total: Type.Integer() },
  { additionalProperties: false },
);
const JobParams = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$', description: 'The id POST /v1/jobs answered.' }),
});
// Query strings are not coerced (ajv coerceTypes is off): words and digits, read below.
const ResultsQuery = Type.Object(
  {
    follow: Type.Optional(
      Type.Union([Type.Literal('true'), Type.Literal('false')], {
        description:
          'true: keep the response open and stream every line until the job ends ' +
          '(default false: the lines finished so far, in order).',
      }),
    ),
    from: Type.Optional(
      Type.String({
        pattern: '^[0-9]{1,15}$',
        description: 'Result lines to skip (those a client already has); default 0.',
      }),
    ),
  },
  { additionalProperties: false },
);

const disabled = () =>
  new PrefgameError(
    'PREF_ERR_JOBS_DISABLED',
    'asynchronous jobs are not enabled on this service: start it with PREFGAME_QUEUE_URL=redis://HOST:PORT ' +
      'and run prefgame worker --queue with the same URL (docs/scaling-out.md)',
    '',
  );

/**
 * The asynchronous jobs of `POST /v1/jobs` and `/v1/jobs/{id}`: an NDJSON body is queued in chunks
 * on Redis (BullMQ) for `prefgame worker` processes; every state is in Redis, so any replica
 * answers for any job. Without PREFGAME_QUEUE_URL every route answers 404 `PREF_ERR_JOBS_DISABLED`.
 */
export async function jobRoutes(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  /** The queue, or a 404 problem saying how to turn jobs on. */
  function queue(): QueueConnection {
    if (!app.jobQueue) throw disabled();
    return app.jobQueue;
  }

  /** Runs a Redis operation; a failure to reach Redis becomes 503 PREF_ERR_QUEUE_UNAVAILABLE. */
  async function guarded<T>(connection: QueueConnection, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof PrefgameError) throw error;
      const { queueUnavailable } = await import('../../src/queue/connect.js');
      throw queueUnavailable(connection.display, connection.lastError() ?? (error as Error).message);
    }
  }

  async function statusOf(connection: QueueConnection, id: string) {
    const status = await guarded(connection, () => connection.store.status(id));
    if (!status)
      throw new PrefgameError(
        'PREF_ERR_JOB_NOT_FOUND',
        `there is no job ${id} (never submitted, or its results expired)`,
        '',
      );
    return status;
  }

  app.post(
    '/v1/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary:
          'Queue an NDJSON batch as an asynchronous job (needs PREFGAME_QUEUE_URL and prefgame worker processes)',
        consumes: ['application/x-ndjson'],
        response: { 202: JobAccepted, ...errors },
      },
    },
    async (request, reply) => {
      const connection = queue();
      if (!Buffer.isBuffer(request.body))
        throw new PrefgameError(
          'PREF_ERR_UNSUPPORTED_MEDIA_TYPE',
          'send jobs as application/x-ndjson: one problem document per line',
          '',
        );
      const body = request.body;
      const [{ submitJob }, { byteLines }] = await Promise.all([
        import('../../src/queue/submit.js'),
        import('../../src/pool/byte-lines.js'),
      ]);
      const { id, total } = await guarded(connection, () =>
        submitJob(connection, byteLines([new Uint8Array(body.buffer, body.byteOffset, body.byteLength)]), {
          chunkSize: { maxLines: app.config.jobChunkLines, maxBytes: 4 << 20 },
        }),
      );
      const status = await statusOf(connection, id);
      reply.code(202).header('location', `/v1/jobs/${id}`);
      return { id, status: status.status, total };
    },
  );

  app.get(
    '/v1/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'The status of a job and its line counts',
        params: JobParams,
        response: { 200: JobStatus, ...errors },
      },
    },
    async (request: FastifyRequest<{ Params: { id: string } }>) => statusOf(queue(), request.params.id),
  );

  app.get(
    '/v1/jobs/:id/results',
    {
      schema: {
        tags: ['jobs'],
        summary:
          'The result lines of a job in input order, streamed as NDJSON: those finished so far, ' +
          'or with follow=true all of them as they finish',
        params: JobParams,
        querystring: ResultsQuery,
        produces: ['application/x-ndjson'],
        response: { ...errors },
      },
    },
    async (
      request: FastifyRequest<{ Params: { id: string }; Querystring: { follow?: 'true' | 'false'; from?: string } }>,
      reply,
    ) => {
      const connection = queue();
      const { id } = request.params;
      await statusOf(connection, id);
      const { readResults } = await import('../../src/queue/results.js');
      const stop = new AbortController();
      request.raw.once('close', () => stop.abort());
      const follow = request.query.follow === 'true';
      const lines = readResults(connection, id, {
        follow,
        from: Number(request.query.from ?? 0),
        signal: stop.signal,
        unavailableMs: 10_000,
      });
      reply.type('application/x-ndjson');
      return reply.send(Readable.from(lines));
    },
  );

  app.delete(
    '/v1/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Cancel a job: workers skip its chunks not started; results stored so far stay readable',
        params: JobParams,
        response: { 200: JobStatus, ...errors },
      },
    },
    async (request: FastifyRequest<{ Params: { id: string } }>) => {
      const connection = queue();
      const { id } = request.params;
      const cancelled = await guarded(connection, () => connection.store.cancel(id));
      if (!cancelled)
        throw new PrefgameError(
          'PREF_ERR_JOB_NOT_FOUND',
          `there is no job ${id} (never submitted, or its results expired)`,
          '',
        );
      return statusOf(connection, id);
    },
  );
}
