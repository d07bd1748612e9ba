import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { AnyResult, kindSchemas, Problem, problemKinds } from '../../src/schema/kinds.js';
import { sendProblem } from '../problem.js';
import { admission } from '../admission.js';
import { problemExamples } from '../examples.js';

/** A kind's schema with `kind` optional: the kind routes fill it in (derived, not a copy). */
function withOptionalKind(schema: TSchema): TSchema {
  return { ...schema, required: (schema.required as string[]).filter((name) => name !== 'kind') };
}

/** A document without its `kind` (what a kind route takes). */
function withoutKind(document: { kind: string }): Record<string, unknown> {
  const { kind: _kind, ...rest } = document;
  return rest;
}

const errors = { '4xx': { $ref: 'ProblemDetails#' }, '5xx': { $ref: 'ProblemDetails#' } };

/**
 * `POST /v1/solve` (any kind) and `POST /v1/KIND` for every kind of the contract (`kind`
 * optional). A request takes its place in the worker pool before its body is read
 * (`admission`). The raw JSON goes to a worker, which parses it, validates it against the same
 * schemas, checks the content rules and solves. Every request gets the server's maximum time
 * from arrival (`options.timeLimitMs` shortens it).
 */
export async function solveRoutes(app: FastifyInstance): Promise<void> {
  function handlerFor(kind?: string) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const answer = await app.pool.solveRequest(
        request.body as Buffer,
        kind,
        { limits: app.limits },
        app.config.maxTimeLimitMs,
        app.config.workerGraceMs,
        request.arrivedAt,
        request.place,
      );
      if (!answer.ok) return sendProblem(request, reply, answer.error, app.config.retryAfterSeconds);
      app.metrics.observeSolve(request, answer.result.kind, answer.result);
      return answer.result;
    };
  }

  const anyExample = { ...Problem, examples: [problemExamples['von-neumann']] };
  app.post(
    '/v1/solve',
    {
      onRequest: admission(app),
      schema: {
        tags: ['solve'],
        summary: 'Solve a problem document of any kind',
        body: anyExample,
        response: { 200: AnyResult, ...errors },
      },
    },
    handlerFor(),
  );

  for (const kind of problemKinds) {
    app.post(
      `/v1/${kind}`,
      {
        onRequest: admission(app),
        schema: {
          tags: ['solve'],
          summary: `Solve ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} problem (kind optional)`,
          body: { ...withOptionalKind(kindSchemas[kind].problem), examples: [withoutKind(problemExamples[kind])] },
          response: { 200: kindSchemas[kind].result, ...errors },
        },
      },
      handlerFor(kind),
    );
  }
}
