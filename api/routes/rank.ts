import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PrefgameError } from '../../src/errors.js';
import { RankQuery, RankRequest, RankResult } from '../../src/schema/rank.js';
import { rankMediaTypes, settingsFromQuery, type RankMediaType } from '../../src/rank/rank-settings.js';
import { sendProblem } from '../problem.js';
import { admission } from '../admission.js';

const errors = { '4xx': { $ref: 'ProblemDetails#' }, '5xx': { $ref: 'ProblemDetails#' } };

/** A small battle log in each media type, for the OpenAPI document. */
const csvExample =
  'model_a,model_b,winner\natlas,bolt,model_a\nbolt,cedar,tie\ncedar,atlas,model_b\natlas,cedar,model_a\nbolt,atlas,model_b\n';
const jsonExample = {
  format: 'arena',
  rows: [
    { model_a: 'atlas', model_b: 'bolt', winner: 'model_a' },
    { model_a: 'bolt', model_b: 'cedar', winner: 'tie' },
    { model_a: 'cedar', model_b: 'atlas', winner: 'model_b' },
  ],
  bootstrap: 50,
  seed: 7,
};

function mediaTypeOf(request: FastifyRequest): RankMediaType {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  const known = (rankMediaTypes as readonly string[]).includes(type) ? (type as RankMediaType) : undefined;
  if (!known)
    throw new PrefgameError('PREF_ERR_UNSUPPORTED_MEDIA_TYPE', `send battle logs as ${rankMediaTypes.join(', ')}`, '');
  return known;
}

/**
 * `POST /v1/rank`: a battle log as `text/csv`, `application/x-ndjson` (one battle a line) or
 * `application/json` (`{ format, rows }` or the comparisons form), gzip-compressed or not;
 * settings as query parameters or JSON fields. Answers the rank document; 422
 * `PREF_ERR_EMPTY_IMPORT` naming the bad lines when no row is usable, else the rejected rows
 * are listed in `warnings`. Reading and ranking run in the worker pool, within the server's
 * maximum time from arrival; the request takes its place there before its body is read
 * (`admission`).
 */
export async function rankRoutes(app: FastifyInstance): Promise<void> {
  for (const type of ['text/csv', 'application/x-ndjson'])
    app.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/v1/rank',
    {
      onRequest: admission(app),
      schema: {
        tags: ['rank'],
        summary: 'Battle log -> leaderboard (Elo-scale ratings with bootstrap intervals) and the game-theoretic winner',
        description:
          'The body is a battle log: text/csv or application/x-ndjson (arena: model_a, model_b, winner; pairs: winner, loser; ratings: item_a, item_b, one column per criterion), or application/json ({ format, rows } or { items, comparisons }). Settings (format, criterion, target, norm, bootstrap, seed, level, bothBad, timeLimitMs) as query parameters or JSON fields.',
        querystring: RankQuery,
        body: {
          content: {
            'application/json': { schema: { ...RankRequest, examples: [jsonExample] } },
            'text/csv': { schema: { type: 'string', examples: [csvExample] } },
            'application/x-ndjson': {
              schema: {
                type: 'string',
                examples: [jsonExample.rows.map((row) => JSON.stringify(row)).join('\n') + '\n'],
              },
            },
          },
        },
        response: { 200: RankResult, ...errors },
      },
    },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const mediaType = mediaTypeOf(request);
      const settings = settingsFromQuery((request.query ?? {}) as Record<string, unknown>);
      const body = request.body as Buffer;
      const answer = await app.pool.rankRequest(
        body,
        mediaType,
        settings,
        { limits: app.limits },
        app.config.maxTimeLimitMs,
        app.config.workerGraceMs,
        request.arrivedAt,
        request.place,
      );
      if (!answer.ok) return sendProblem(request, reply, answer.error, app.config.retryAfterSeconds);
      app.metrics.observeSolve(request, 'rank', answer.result);
      return answer.result;
    },
  );
}
