import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.js';
import { readConfig } from '../../api/config.js';
import { comparisonsFromJudgements, preferencesFromStrengths, sampleJudgements } from '../../src/generate/index.js';
import { solve } from '../../src/index.js';
import { injectPost } from '../helpers.js';

const comparisons = comparisonsFromJudgements(
  sampleJudgements(
    { safety: preferencesFromStrengths([1, 0.2, -0.5, 0]), speed: preferencesFromStrengths([-1, 0.5, 0.8, 0]) },
    ['a', 'b', 'c', 'd'],
    { seed: 5, perPair: 15, tieRate: 0.1 },
  ),
);
const estimate = {
  comparisons,
  winner: 'blackwell',
  target: { thresholds: { safety: 0.55, speed: 0.55 } },
  bootstrap: { rounds: 20, seed: 2 },
  plan: { epsilon: 0.2 },
  rankings: { rounds: 10 },
};

/** A result without its timings, which differ from run to run. */
function withoutTimings(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, field) => (key === 'elapsedMs' || key === 'bootstrapMs' ? 0 : field));
}

describe('HTTP service: estimation', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildApp({ config: { ...readConfig({}), workers: 1 }, logger: false });
    await app.warm;
  });
  after(async () => app.close());

  const post = (url: string, payload: object) => injectPost(app, url, payload);

  test("POST /v1/estimate answers the library's result, field for field (nothing lost in serialisation)", async () => {
    const response = await post('/v1/estimate', estimate);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.kind, 'estimate');
    assert.deepEqual(withoutTimings(body), withoutTimings(solve({ kind: 'estimate', ...estimate } as never)));
    assert.ok(body.bootstrap && body.bound && body.plan && body.rankings && body.winner.guarantees);
    const viaSolve = await post('/v1/solve', { kind: 'estimate', ...estimate });
    assert.equal(viaSolve.statusCode, 200);
    assert.deepEqual(withoutTimings(viaSolve.json()), withoutTimings(body));
  });

  test('the solver routes take comparisons and return rankings', async () => {
    const response = await post('/v1/linear', { comparisons, rankings: true });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.deepEqual(withoutTimings(body), withoutTimings(solve({ kind: 'linear', comparisons, rankings: true })));
    assert.deepEqual(
      body.rankings.criteria.map((entry: { criterion: string }) => entry.criterion),
      ['safety', 'speed'],
    );
    const vonNeumann = await post('/v1/von-neumann', { comparisons, criterion: 'speed' });
    assert.equal(vonNeumann.statusCode, 200, vonNeumann.body);
  });

  test('422 and 400 with the field named', async () => {
    const missing = await post('/v1/estimate', {
      comparisons: [
        { winner: 'a', loser: 'b' },
        { winner: 'b', loser: 'c' },
      ],
      estimation: { missingPairs: 'error' },
    });
    assert.equal(missing.statusCode, 422);
    assert.equal(missing.json().code, 'PREF_ERR_MISSING_PAIR');
    const self = await post('/v1/von-neumann', { comparisons: [{ winner: 'a', loser: 'a' }] });
    assert.equal(self.statusCode, 422);
    assert.deepEqual([self.json().code, self.json().pointer], ['PREF_ERR_SELF_COMPARISON', '/comparisons/0/loser']);
    const both = await post('/v1/von-neumann', { preferences: [[0.5]], comparisons: [{ winner: 'a', loser: 'b' }] });
    assert.equal(both.statusCode, 400);
    assert.equal(both.json().code, 'PREF_ERR_SCHEMA');
    const unknown = await post('/v1/estimate', { comparisons: [{ winner: 'a', loser: 'b', weight: 2 }] });
    assert.deepEqual([unknown.statusCode, unknown.json().pointer], [400, '/comparisons/0/weight']);
  });

  test('the OpenAPI document lists /v1/estimate with its result schema', async () => {
    const openapi = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const route = openapi.paths['/v1/estimate'];
    assert.ok(route?.post, 'POST /v1/estimate');
    assert.match(JSON.stringify(route.post.responses['200']), /totalComparisons/);
  });
});
