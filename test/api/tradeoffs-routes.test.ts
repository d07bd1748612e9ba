import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.js';
import { readConfig } from '../../api/config.js';
import { ajv } from '../../src/schema/ajv.js';
import { schemaDocuments } from '../../src/index.js';
import { injectPost, safetyAndComfort } from '../helpers.js';

const testWorker = new URL('../support/test-worker.mjs', import.meta.url);
const criteria = safetyAndComfort;

describe('HTTP routes of the trade-off kinds', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildApp({ config: { ...readConfig({}), workers: 1 }, logger: false, workerUrl: testWorker });
    await app.warm;
  });
  after(async () => app.close());

  const post = (url: string, payload: object) => injectPost(app, url, payload);

  test('POST /v1/pareto, /v1/compare and /v1/approachability answer 200 with documents that match their schemas', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      [
        'pareto',
        {
          criteria,
          target: { thresholds: { safety: 0.45, comfort: 0.45 } },
          weights: { safety: 1, comfort: 1 },
          sweep: { grid: { safety: [0.3, 0.4] } },
        },
      ],
      [
        'compare',
        {
          criteria,
          overall: [
            [0.5, 0.45, 0.6],
            [0.55, 0.5, 0.52],
            [0.4, 0.48, 0.5],
          ],
          targets: [{ name: 'safe', target: { thresholds: { safety: 0.45 } } }],
        },
      ],
      [
        'approachability',
        {
          criteria,
          target: { thresholds: { safety: 0.55 } },
          strategy: { average: { safety: 0.3, comfort: 0.6 }, rounds: 10 },
          simulate: { rounds: 50, opponent: { type: 'random' }, checkpoints: 3 },
        },
      ],
      [
        'approachability',
        {
          payoffs: [
            {
              name: 'a',
              payoff: [
                [1, 0],
                [0, 1],
              ],
            },
            {
              name: 'b',
              payoff: [
                [0, 1],
                [1, 0],
              ],
            },
          ],
          target: { constraints: ['a == b'] },
        },
      ],
    ];
    for (const [kind, body] of cases) {
      for (const [url, payload] of [
        [`/v1/${kind}`, body],
        ['/v1/solve', { ...body, kind }],
      ] as const) {
        const response = await post(url, payload);
        assert.equal(response.statusCode, 200, response.body);
        const result = response.json();
        assert.equal(result.kind, kind);
        assert.equal(result.status, 'optimal');
        const validate = ajv.compile(schemaDocuments[`${kind}-result`]);
        assert.ok(validate(result), JSON.stringify(validate.errors));
      }
    }
  });

  test('content errors are 422 and schema errors 400, with pointers', async () => {
    const bad = await post('/v1/pareto', { criteria: criteria.slice(0, 1) });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().pointer, '/criteria');
    const unknown = await post('/v1/compare', {
      criteria,
      lotteries: [{ name: 'x', source: 'lottery', probabilities: { reckless: 1 } }],
    });
    assert.equal(unknown.statusCode, 422);
    assert.equal(unknown.json().code, 'PREF_ERR_UNKNOWN_ITEM');
    const empty = await post('/v1/approachability', { criteria, target: { thresholds: { safety: 2 } } });
    assert.equal(empty.statusCode, 422);
    assert.equal(empty.json().pointer, '/target/thresholds/safety');
  });

  test('the OpenAPI document describes the new routes with their own schemas', async () => {
    const openapi = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const kind of ['pareto', 'compare', 'approachability']) {
      const operation = openapi.paths[`/v1/${kind}`].post;
      assert.ok(operation.requestBody, kind);
      assert.doesNotMatch(operation.summary, /not available/);
    }
  });
});
