import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.js';
import { readConfig } from '../../api/config.js';
import { ajv } from '../../src/schema/ajv.js';
import { schemaDocuments } from '../../src/index.js';
import { rankComparisons, readBattleText } from '../../src/rank/index.js';
import { root } from '../helpers.js';

const battles = readFileSync(`${root}/examples/assistants/battles.jsonl`, 'utf8');
const rows = battles
  .trim()
  .split('\n')
  .slice(0, 600)
  .map((line) => JSON.parse(line) as Record<string, string>);
const csv =
  ['model_a,model_b,winner', ...rows.map((row) => `${row.model_a},${row.model_b},${row.winner}`)].join('\n') + '\n';
const ndjson = rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
const validRank = ajv.compile(schemaDocuments['rank-result']);

/** A result without its timings, which differ from run to run. */
function withoutTimings(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, field) => (key === 'elapsedMs' || key === 'bootstrapMs' ? 0 : field));
}

describe('HTTP service: POST /v1/rank', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildApp({ config: { ...readConfig({}), workers: 1 }, logger: false });
    await app.warm;
  });
  after(async () => app.close());

  const post = (url: string, payload: string | Buffer, type: string) =>
    app.inject({ method: 'POST', url, payload, headers: { 'content-type': type } });

  test('CSV, NDJSON, JSON rows and gzip give the same rank document as the library, valid against its schema', async () => {
    const read = readBattleText(csv);
    const expected = withoutTimings({
      ...rankComparisons({ items: read.items, comparisons: read.comparisons, rows: read }, { bootstrap: 20, seed: 3 }),
      rows: undefined,
    });
    const answers = [
      await post('/v1/rank?bootstrap=20&seed=3', csv, 'text/csv'),
      await post('/v1/rank?bootstrap=20&seed=3', ndjson, 'application/x-ndjson'),
      await post('/v1/rank', JSON.stringify({ format: 'arena', rows, bootstrap: 20, seed: 3 }), 'application/json'),
      await post('/v1/rank?bootstrap=20&seed=3', gzipSync(csv), 'text/csv'),
    ];
    for (const response of answers) {
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json<Record<string, unknown>>();
      assert.ok(validRank(body), JSON.stringify(validRank.errors));
      assert.equal(body.kind, 'rank');
      assert.deepEqual(withoutTimings({ ...body, rows: undefined }), expected);
    }
  });

  test('the comparisons form, with settings as JSON fields overriding the query', async () => {
    const read = readBattleText(ndjson);
    const response = await post(
      '/v1/rank?bootstrap=500',
      JSON.stringify({ comparisons: read.comparisons, bootstrap: 10 }),
      'application/json',
    );
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().bootstrap.rounds, 10);
    assert.equal(response.json().leaderboard.length, read.items.length);
  });

  test('bad rows: warnings with line numbers when some rows are usable, 422 naming each line when none is', async () => {
    const mixed = `${csv}atlas,atlas,model_a\nbolt,cedar,maybe\n`;
    const some = await post('/v1/rank?bootstrap=0', mixed, 'text/csv');
    assert.equal(some.statusCode, 200, some.body);
    const warning = some.json().warnings.find((text: string) => text.includes('left out'));
    assert.match(warning, /line 602: model_a and model_b are both "atlas"/);
    assert.match(warning, /line 603: winner is "maybe"/);
    const none = await post('/v1/rank', 'model_a,model_b,winner\natlas,atlas,model_a\nbolt,cedar,maybe\n', 'text/csv');
    assert.equal(none.statusCode, 422);
    assert.equal(none.json().code, 'PREF_ERR_EMPTY_IMPORT');
    assert.match(none.json().detail, /line 2: .*; line 3: /);
  });

  test('bad settings and media types are 400 and 415 with the field named', async () => {
    const badQuery = await post('/v1/rank?bootstrap=many', csv, 'text/csv');
    assert.equal(badQuery.statusCode, 400);
    assert.equal(badQuery.json().pointer, '/bootstrap');
    const unknownCriterion = await post('/v1/rank?criterion=speed', csv, 'text/csv');
    assert.equal(unknownCriterion.statusCode, 422);
    assert.equal(unknownCriterion.json().code, 'PREF_ERR_UNKNOWN_CRITERION');
    const badTarget = await post('/v1/rank?target=helpfulness', csv, 'text/csv');
    assert.equal(badTarget.statusCode, 400);
    assert.equal(badTarget.json().pointer, '/target');
    const badJson = await post('/v1/rank', JSON.stringify({ rows, bootstrap: -1 }), 'application/json');
    assert.equal(badJson.statusCode, 400);
    assert.equal(badJson.json().pointer, '/bootstrap');
    const badGzip = await post('/v1/rank', Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'text/csv');
    assert.equal(badGzip.statusCode, 400);
    assert.equal(badGzip.json().code, 'PREF_ERR_BAD_COMPRESSION');
    const wrongType = await post('/v1/rank', csv, 'text/plain');
    assert.equal(wrongType.statusCode, 415);
  });

  test('the OpenAPI document describes the route, and its JSON example is a valid request', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const route = spec.paths['/v1/rank'].post;
    assert.deepEqual(Object.keys(route.requestBody.content).sort(), [
      'application/json',
      'application/x-ndjson',
      'text/csv',
    ]);
    const example = route.requestBody.content['application/json'].example;
    assert.ok(ajv.compile(schemaDocuments['rank-request'])(example));
    const response = await post('/v1/rank', JSON.stringify(example), 'application/json');
    assert.equal(response.statusCode, 200, response.body);
    const csvExample = await post('/v1/rank', route.requestBody.content['text/csv'].example, 'text/csv');
    assert.equal(csvExample.statusCode, 200, csvExample.body);
    assert.ok(
      route.parameters.some(
        (parameter: { name: string; in: string }) => parameter.name === 'bootstrap' && parameter.in === 'query',
      ),
    );
  });
});
