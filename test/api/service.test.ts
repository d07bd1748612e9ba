import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.js';
import { readConfig, type ServiceConfig } from '../../api/config.js';
import { injectPost as post, referenceCases } from '../helpers.js';

const testWorker = new URL('../support/test-worker.mjs', import.meta.url);
const rps = {
  kind: 'von-neumann',
  items: ['rock', 'paper', 'scissors'],
  preferences: [
    [0.5, 0, 1],
    [1, 0.5, 0],
    [0, 1, 0.5],
  ],
};

async function appWith(overrides: Partial<ServiceConfig> = {}): Promise<FastifyInstance> {
  const app = await buildApp({
    config: { ...readConfig({}), workers: 2, ...overrides },
    logger: false,
    workerUrl: testWorker,
  });
  await app.warm;
  return app;
}

function assertProblem(response: Awaited<ReturnType<typeof post>>, status: number, code: string, pointer?: string) {
  assert.equal(response.statusCode, status, response.body);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const body = response.json();
  assert.equal(body.code, code, response.body);
  assert.equal(body.status, status);
  assert.equal(body.type, `urn:prefgame:error:${code}`);
  assert.ok(typeof body.detail === 'string' && body.detail.length > 0);
  assert.ok(!/\bat .*\.(js|ts):\d+/.test(response.body), 'no stack traces');
  if (pointer !== undefined) assert.equal(body.pointer, pointer);
  return body;
}

describe('HTTP service: routes and status codes', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await appWith({ bodyLimit: 64 * 1024, maxItems: 50, maxBatchLines: 5 });
  });
  after(async () => app.close());

  test('200: every public reference case through /v1/solve and through its kind route without kind', async () => {
    for (const reference of referenceCases) {
      const viaSolve = await post(app, '/v1/solve', reference.problem);
      assert.equal(viaSolve.statusCode, 200, viaSolve.body);
      const result = viaSolve.json();
      assert.equal(result.status, 'optimal');
      assert.ok(Math.abs(result.value - reference.expect.value) <= 1e-7);
      const { kind, ...withoutKind } = reference.problem;
      const viaKind = await post(app, `/v1/${String(kind)}`, withoutKind);
      assert.equal(viaKind.statusCode, 200, viaKind.body);
      assert.equal(viaKind.json().kind, kind);
    }
  });

  test('400: schema violations, wrong kind for the route, invalid JSON, forbidden keys, deep nesting', async () => {
    assertProblem(
      await post(app, '/v1/von-neumann', { preferences: 'matrix' }),
      400,
      'PREF_ERR_SCHEMA',
      '/preferences',
    );
    assertProblem(
      await post(app, '/v1/von-neumann', { preferences: [[0.5]], extra: 1 }),
      400,
      'PREF_ERR_UNKNOWN_FIELD',
      '/extra',
    );
    assertProblem(
      await post(app, '/v1/von-neumann', { preferences: [[0.5]], options: { turbo: true } }),
      400,
      'PREF_ERR_UNKNOWN_OPTION',
      '/options/turbo',
    );
    assertProblem(
      await post(app, '/v1/blackwell', {
        criteria: [{ name: 'a', preferences: [[0.5]] }],
        target: { thresholds: { a: 0.5 } },
        norm: 'l7',
      }),
      400,
      'PREF_ERR_UNKNOWN_NORM',
      '/norm',
    );
    assertProblem(
      await post(app, '/v1/linear', { kind: 'blackwell', criteria: [] }),
      400,
      'PREF_ERR_UNKNOWN_KIND',
      '/kind',
    );
    assertProblem(await post(app, '/v1/solve', { kind: 'nash' }), 400, 'PREF_ERR_UNKNOWN_KIND', '/kind');
    assertProblem(await post(app, '/v1/solve', { preferences: [[0.5]] }), 400, 'PREF_ERR_MISSING_FIELD', '/kind');
    assertProblem(await post(app, '/v1/solve', '[1, 2]'), 400, 'PREF_ERR_SCHEMA');
    assertProblem(await post(app, '/v1/solve', '{"kind": "von-neumann", '), 400, 'PREF_ERR_INVALID_JSON');
    assertProblem(await post(app, '/v1/solve', ''), 400, 'PREF_ERR_INVALID_JSON');
    assertProblem(
      await post(app, '/v1/solve', '{"kind":"von-neumann","preferences":[[0.5]],"__proto__":{"x":1}}'),
      400,
      'PREF_ERR_FORBIDDEN_KEY',
    );
    assertProblem(
      await post(app, '/v1/solve', '{"kind":"von-neumann","preferences":[[0.5]],"constructor":{"prototype":{"x":1}}}'),
      400,
      'PREF_ERR_FORBIDDEN_KEY',
    );
    assertProblem(await post(app, '/v1/solve', '['.repeat(20_000) + ']'.repeat(20_000)), 400, 'PREF_ERR_SCHEMA');
    assertProblem(
      await post(app, '/v1/solve', `{"kind":"von-neumann","preferences":${'['.repeat(5_000)}${']'.repeat(5_000)}}`),
      400,
      'PREF_ERR_SCHEMA',
    );
  });

  test('413: a body above the limit', async () => {
    const big = {
      ...rps,
      id: 'x'.repeat(100),
      items: undefined,
      preferences: Array.from({ length: 120 }, (_, i) =>
        Array.from({ length: 120 }, (_, j) => (i === j ? 0.5 : i < j ? 0.25 : 0.75)),
      ),
    };
    assertProblem(await post(app, '/v1/solve', big), 413, 'PREF_ERR_BODY_TOO_LARGE');
  });

  test('415: a wrong media type', async () => {
    assertProblem(
      await app.inject({
        method: 'POST',
        url: '/v1/solve',
        payload: 'kind=von-neumann',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
      'PREF_ERR_UNSUPPORTED_MEDIA_TYPE',
    );
    assertProblem(
      await app.inject({
        method: 'POST',
        url: '/v1/solve',
        payload: 'a=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'PREF_ERR_UNSUPPORTED_MEDIA_TYPE',
    );
  });

  test('422: well-formed but invalid content, named by pointer', async () => {
    assertProblem(
      await post(app, '/v1/von-neumann', {
        preferences: [
          [0.5, 0.7],
          [0.6, 0.5],
        ],
      }),
      422,
      'PREF_ERR_NOT_COMPLEMENTARY',
      '/preferences/0/1',
    );
    const criteria = [
      {
        name: 'safety',
        preferences: [
          [0.5, 0.7],
          [0.3, 0.5],
        ],
      },
    ];
    assertProblem(
      await post(app, '/v1/blackwell', { criteria, target: { thresholds: { safety: 1.5 } } }),
      422,
      'PREF_ERR_EMPTY_TARGET',
      '/target/thresholds/safety',
    );
    assertProblem(
      await post(app, '/v1/blackwell', { criteria, target: { thresholds: { comfort: 0.5 } } }),
      422,
      'PREF_ERR_UNKNOWN_CRITERION',
      '/target/thresholds/comfort',
    );
    assertProblem(
      await post(app, '/v1/blackwell', { criteria, target: { constraints: ['safety * safety >= 0.2'] } }),
      422,
      'PREF_ERR_CONSTRAINT_NONLINEAR',
      '/target/constraints/0',
    );
    const large = Array.from({ length: 60 }, (_, i) =>
      Array.from({ length: 60 }, (_, j) => (i === j ? 0.5 : i < j ? 0.25 : 0.75)),
    );
    const tooLarge = assertProblem(
      await post(app, '/v1/von-neumann', { preferences: large }),
      422,
      'PREF_ERR_TOO_LARGE',
      '/preferences',
    );
    assert.match(tooLarge.detail, /maxItems/);
    assertProblem(
      await post(app, '/v1/estimate', { comparisons: [{ winner: 'a', loser: 'a' }] }),
      422,
      'PREF_ERR_SELF_COMPARISON',
    );
    const batch = Array.from({ length: 6 }, () => JSON.stringify(rps)).join('\n');
    assert.match(
      assertProblem(
        await app.inject({
          method: 'POST',
          url: '/v1/batch',
          payload: batch,
          headers: { 'content-type': 'application/x-ndjson' },
        }),
        422,
        'PREF_ERR_TOO_LARGE',
      ).detail,
      /maxBatchLines/,
    );
  });

  test('404 for unknown routes', async () => {
    assertProblem(await app.inject({ method: 'GET', url: '/v2/anything' }), 404, 'PREF_ERR_NOT_FOUND');
  });

  test('the batch route answers one line per input line, in order, with error lines', async () => {
    const lines = [
      JSON.stringify({ ...rps, id: 'a' }),
      'not json',
      '',
      JSON.stringify({ id: 'b', kind: 'matrix-game', payoff: [[1, 2]] }),
    ];
    const response = await app.inject({
      method: 'POST',
      url: '/v1/batch',
      payload: lines.join('\n'),
      headers: { 'content-type': 'application/x-ndjson' },
    });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /application\/x-ndjson/);
    const output = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      output.map((line) => [line.id, line.status]),
      [
        ['a', 'optimal'],
        [null, 'error'],
        ['b', 'optimal'],
      ],
    );
    assert.equal(output[1].error.code, 'PREF_ERR_INVALID_JSON');
  });

  test('docs, OpenAPI, health and metrics', async () => {
    const openapi = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    assert.equal(openapi.openapi, '3.1.0');
    for (const path of ['/v1/solve', '/v1/von-neumann', '/v1/linear', '/v1/blackwell', '/v1/matrix-game', '/v1/batch'])
      assert.ok(openapi.paths[path], path);
    assert.equal((await app.inject({ method: 'GET', url: '/docs/' })).statusCode, 200);
    assert.deepEqual((await app.inject({ method: 'GET', url: '/health' })).json(), { status: 'ok' });
    assert.equal((await app.inject({ method: 'GET', url: '/ready' })).statusCode, 200);
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    for (const name of [
      'prefgame_http_requests_total',
      'prefgame_http_request_duration_seconds',
      'prefgame_solve_duration_seconds',
      'prefgame_pool_queue_length',
      'prefgame_pool_waiting_for_place',
      'prefgame_pool_utilization',
      'prefgame_pool_busy_threads',
    ]) {
      assert.ok(metrics.includes(name), name);
    }
  });
});

describe('HTTP service under load, deadlines and faults', () => {
  test('503 with Retry-After at once when every worker is busy and the queue is full; health still answers', async () => {
    const app = await appWith({ workers: 1, queueSize: 1, retryAfterSeconds: 2, admissionWaitMs: 0 });
    try {
      const directory = mkdtempSync(join(tmpdir(), 'prefgame-'));
      const release = join(directory, 'release');
      const blocked = [
        post(app, '/v1/solve', { ...rps, id: `wait-for:${release}` }),
        post(app, '/v1/solve', { ...rps, id: `wait-for:${release}` }),
      ];
      // Wait (by state, not by time) until one request runs and the other waits in the queue.
      while (app.pool.stats().queueSize < 1) await new Promise((resolve) => setTimeout(resolve, 5));
      const refused = await post(app, '/v1/solve', rps);
      assertProblem(refused, 503, 'PREF_ERR_OVERLOADED');
      assert.equal(refused.headers['retry-after'], '2');
      assert.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
      assert.equal((await app.inject({ method: 'GET', url: '/ready' })).statusCode, 503);
      writeFileSync(release, '');
      for (const response of await Promise.all(blocked)) assert.equal(response.statusCode, 200);
      assert.equal((await app.inject({ method: 'GET', url: '/ready' })).statusCode, 200);
    } finally {
      await app.close();
    }
  });

  test('a solve that runs out of time returns its best lottery with status time_limit (200)', async () => {
    const app = await appWith();
    try {
      const n = 150;
      const criteria = [0, 1, 2].map((c) => ({
        name: `c${c}`,
        preferences: Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, j) => (i === j ? 0.5 : ((i * 7 + j * 13 + c * 5) % 17) / 17)),
        ),
      }));
      for (const criterion of criteria)
        for (let i = 0; i < n; i++)
          for (let j = 0; j < i; j++) criterion.preferences[i][j] = 1 - criterion.preferences[j][i];
      // The test worker runs `out-of-time` under a clock that jumps an hour at each reading. The
      // default time limit: limits count from arrival, and 20 ms could run out before solving starts.
      const response = await post(app, '/v1/blackwell', {
        id: 'out-of-time',
        criteria,
        target: { thresholds: { c0: 0.6, c1: 0.6, c2: 0.6 } },
        norm: 'l2',
      });
      assert.equal(response.statusCode, 200, response.body);
      const result = response.json();
      assert.equal(result.status, 'time_limit');
      assert.ok(result.certificate.lowerBound <= result.value && result.value === result.certificate.upperBound);
      assert.ok(Math.abs(result.distribution.reduce((a: number, b: number) => a + b, 0) - 1) < 1e-12);
    } finally {
      await app.close();
    }
  });

  test('a worker that hangs is replaced after the deadline; a crashing worker gives 500; neither affects other requests', async () => {
    const hanging = await appWith({ maxTimeLimitMs: 3000, workerGraceMs: 500 });
    try {
      const [hung, fine] = await Promise.all([
        post(hanging, '/v1/solve', { ...rps, id: 'hang' }),
        post(hanging, '/v1/solve', rps),
      ]);
      assertProblem(hung, 503, 'PREF_ERR_WORKER_TIMEOUT');
      assert.ok(hung.headers['retry-after']);
      assert.equal(fine.statusCode, 200);
      // Limits count from arrival, queue wait included: let the replacement worker start first.
      await hanging.pool.ready();
      assert.equal((await post(hanging, '/v1/solve', rps)).statusCode, 200, 'the replaced worker solves again');
    } finally {
      await hanging.close();
    }
    // Crashes must be told from overruns however slowly a replacement worker starts on a loaded
    // machine: a deadline no test machine reaches, so only the crash itself can end these tasks.
    const app = await appWith({ maxTimeLimitMs: 600_000, workerGraceMs: 500 });
    try {
      assertProblem(await post(app, '/v1/solve', { ...rps, id: 'crash' }), 500, 'PREF_ERR_WORKER_FAILED');
      await app.pool.ready();
      assertProblem(await post(app, '/v1/solve', { ...rps, id: 'throw' }), 500, 'PREF_ERR_WORKER_FAILED');
      for (let round = 0; round < 4; round++) assert.equal((await post(app, '/v1/solve', rps)).statusCode, 200);
      const batch = [JSON.stringify({ ...rps, id: 'crash' }), JSON.stringify({ ...rps, id: 'ok' })].join('\n');
      const lines = (
        await app.inject({
          method: 'POST',
          url: '/v1/batch',
          payload: batch,
          headers: { 'content-type': 'application/x-ndjson' },
        })
      ).body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      assert.deepEqual(
        lines.map((line) => [line.id, line.status]),
        [
          ['crash', 'error'],
          ['ok', 'optimal'],
        ],
      );
      assert.equal(lines[0].error.code, 'PREF_ERR_WORKER_FAILED');
    } finally {
      await app.close();
    }
  });

  test('the batch route streams: the first result arrives while a later line is still being solved', async () => {
    const app = await appWith();
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address() as { port: number };
      const directory = mkdtempSync(join(tmpdir(), 'prefgame-'));
      const release = join(directory, 'release');
      // Line 2 waits until the client has seen line 1: without streaming this never finishes.
      const body = [
        JSON.stringify({ ...rps, id: 'first' }),
        JSON.stringify({ ...rps, id: `wait-for:${release}` }),
      ].join('\n');
      const received = await new Promise<string>((resolve, reject) => {
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port: address.port,
            path: '/v1/batch',
            method: 'POST',
            headers: { 'content-type': 'application/x-ndjson' },
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => {
              text += chunk;
              if (text.includes('"first"')) writeFileSync(release, '');
            });
            response.on('end', () => resolve(text));
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end(body);
      });
      const lines = received
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      assert.deepEqual(
        lines.map((line) => line.status),
        ['optimal', 'optimal'],
      );
    } finally {
      await app.close();
    }
  });
});

describe('HTTP service: warm-up requests through its own routes', () => {
  test('are answered before /ready, reach every worker and are neither counted in /metrics nor logged one by one', async () => {
    const log: string[] = [];
    const app = await buildApp({
      config: { ...readConfig({}), workers: 2 },
      logger: { level: 'info', stream: { write: (line: string) => log.push(line) } },
      workerUrl: testWorker,
      warmUpRounds: 1,
    });
    try {
      assert.equal((await app.inject({ method: 'GET', url: '/ready' })).statusCode, 503, 'not ready while warming up');
      await app.warm;
      assert.equal((await app.inject({ method: 'GET', url: '/ready' })).statusCode, 200);
      // One round: the two warm-up problems, each to both workers (in place of the workers' own warm-up task).
      assert.equal(app.pool.stats().completed, 2 * 2);
      const counted = (body: string, route: string) =>
        body
          .split('\n')
          .some((line) => line.startsWith('prefgame_http_requests_total') && line.includes(`route="${route}"`));
      const before = (await app.inject({ method: 'GET', url: '/metrics' })).body;
      assert.ok(!counted(before, '/v1/von-neumann') && !counted(before, '/v1/blackwell'), before);
      assert.ok(!/prefgame_solve_duration_seconds_count\{[^}]*\} [1-9]/.test(before), 'no solve observed');
      assert.ok(!log.some((line) => line.includes('/v1/')), log.join(''));
      assert.equal(
        log.filter((line) => line.includes('"requests":4') && line.includes('warmed up through the solve routes'))
          .length,
        1,
        log.join(''),
      );
      // A client cannot pass for the warm-up: its requests are counted whatever the header says.
      const posed = await app.inject({
        method: 'POST',
        url: '/v1/von-neumann',
        payload: { preferences: rps.preferences },
        headers: { 'x-prefgame-warm-up': 'anything' },
      });
      assert.equal(posed.statusCode, 200, posed.body);
      const after = (await app.inject({ method: 'GET', url: '/metrics' })).body;
      assert.ok(counted(after, '/v1/von-neumann'), after);
      assert.ok(
        log.some((line) => line.includes('"url":"/v1/von-neumann"')),
        'the client request is logged',
      );
    } finally {
      await app.close();
    }
  });

  test('WARM_UP_ROUNDS sets the rounds npm start sends (1 by default, 0 for none)', () => {
    assert.equal(readConfig({}).warmUpRounds, 1);
    assert.equal(readConfig({ WARM_UP_ROUNDS: '0' }).warmUpRounds, 0);
    assert.throws(() => readConfig({ WARM_UP_ROUNDS: '-1' }), /WARM_UP_ROUNDS must be an integer >= 0/);
  });
});
