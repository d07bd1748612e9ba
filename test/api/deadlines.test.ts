// Deadlines count from arrival (item 4), and a full queue refuses before the body is read
// (item 11). Waits only ever make a deadline more expired, never less: not timing-sensitive.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from '../../api/app.js';
import { readConfig, type ServiceConfig } from '../../api/config.js';
import { PrefgameError, solve } from '../../src/index.js';
import { createSolvePool } from '../../src/pool/solve-pool.js';

const testWorker = new URL('../support/test-worker.mjs', import.meta.url);
const rps = {
  kind: 'von-neumann',
  preferences: [
    [0.5, 0, 1],
    [1, 0.5, 0],
    [0, 1, 0.5],
  ],
};

async function appWith(overrides: Partial<ServiceConfig>) {
  const app = await buildApp({
    config: { ...readConfig({}), workers: 1, ...overrides },
    logger: false,
    workerUrl: testWorker,
  });
  await app.warm;
  return app;
}

describe('item 4: time limits count from arrival', () => {
  test('the library: a limit that ran out before solving is refused unsolved; the rest of it is used (injected clock)', () => {
    const now = 1_000_000;
    const clock = () => now;
    const problem = { ...rps, options: { timeLimitMs: 3000 } };
    assert.throws(
      () => solve(problem, { arrivedAt: now - 5000, clock }),
      (error: PrefgameError) =>
        error.code === 'PREF_ERR_DEADLINE_EXPIRED' && error.pointer === '/options/timeLimitMs' && error.status === 503,
    );
    assert.throws(
      () => solve(rps, { deadline: now, clock }),
      (error: PrefgameError) => error.code === 'PREF_ERR_DEADLINE_EXPIRED',
    );
    const generous = { ...rps, options: { timeLimitMs: 60_000 } };
    assert.equal(solve(generous, { arrivedAt: now - 2000, clock }).status, 'optimal');
  });

  test('the pool: a task whose deadline passes while it waits for a worker is answered at once, unsolved', async () => {
    const pool = createSolvePool({ threads: 1, maxQueue: 4, workerUrl: testWorker });
    try {
      await pool.ready();
      const release = join(mkdtempSync(join(tmpdir(), 'prefgame-')), 'release');
      const busy = pool.solve({ ...rps, id: `wait-for:${release}` }, {}, 60_000, 5_000);
      const completedBefore = pool.stats().completed;
      const waiting = pool.solve(rps, {}, 50, 5_000);
      await sleep(200); // its 50 ms are over, whatever the load
      writeFileSync(release, '');
      assert.equal((await busy).ok, true);
      await assert.rejects(waiting, (error: PrefgameError) => error.code === 'PREF_ERR_DEADLINE_EXPIRED');
      assert.equal(pool.stats().completed, completedBefore + 1, 'the expired task never reached a worker');
    } finally {
      await pool.close();
    }
  });

  test('HTTP: options.timeLimitMs that runs out in the queue gives 503 PREF_ERR_DEADLINE_EXPIRED with Retry-After', async () => {
    const app = await appWith({});
    try {
      const release = join(mkdtempSync(join(tmpdir(), 'prefgame-')), 'release');
      const post = (body: unknown) =>
        app.inject({
          method: 'POST',
          url: '/v1/solve',
          payload: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        });
      const busy = post({ ...rps, id: `wait-for:${release}` });
      await sleep(50);
      const late = post({ ...rps, options: { timeLimitMs: 100 } });
      await sleep(300);
      writeFileSync(release, '');
      assert.equal((await busy).statusCode, 200);
      const response = await late;
      assert.equal(response.statusCode, 503, response.body);
      assert.equal(response.json().code, 'PREF_ERR_DEADLINE_EXPIRED');
      assert.ok(response.headers['retry-after']);
    } finally {
      await app.close();
    }
  });
});

describe('item 11: a full queue refuses before reading the body', () => {
  test('503 OVERLOADED arrives although the request body never ends', async () => {
    const app = await appWith({ queueSize: 0 });
    try {
      const release = join(mkdtempSync(join(tmpdir(), 'prefgame-')), 'release');
      const busy = app.inject({
        method: 'POST',
        url: '/v1/solve',
        payload: JSON.stringify({ ...rps, id: `wait-for:${release}` }),
        headers: { 'content-type': 'application/json' },
      });
      await sleep(50);
      let pushed = 0;
      const endless = new Readable({
        read() {
          if (pushed++ < 3) this.push('{"kind":"von-neumann","preferences":[[0.5');
        },
      });
      const refused = await app.inject({
        method: 'POST',
        url: '/v1/von-neumann',
        payload: endless,
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(refused.statusCode, 503, refused.body);
      assert.equal(refused.json().code, 'PREF_ERR_OVERLOADED');
      assert.ok(refused.headers['retry-after']);
      writeFileSync(release, '');
      assert.equal((await busy).statusCode, 200);
    } finally {
      await app.close();
    }
  });
});
