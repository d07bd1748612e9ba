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
import { injectPost } from '../helpers.js';

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
      const post = (body: unknown) => injectPost(app, '/v1/solve', body);
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
  test('503 OVERLOADED with Connection: close arrives although the request body never ends', async () => {
    const app = await appWith({ queueSize: 0, admissionWaitMs: 50 });
    try {
      const release = join(mkdtempSync(join(tmpdir(), 'prefgame-')), 'release');
      const busy = injectPost(app, '/v1/solve', { ...rps, id: `wait-for:${release}` });
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
      assert.equal(refused.headers.connection, 'close', 'the unread body is not drained');
      writeFileSync(release, '');
      assert.equal((await busy).statusCode, 200);
    } finally {
      await app.close();
    }
  });
});

/** Waits (by state, not by time) until `ready()` holds. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await sleep(5);
}

describe('item 11: requests wait unread for a place, in arrival order (admission)', () => {
  test('the pool: places go to the waiting requests first come first served; a held place becomes a task', async () => {
    const pool = createSolvePool({ threads: 1, maxQueue: 0, workerUrl: testWorker });
    try {
      await pool.ready();
      const release = join(mkdtempSync(join(tmpdir(), 'prefgame-')), 'release');
      const busy = pool.solve({ ...rps, id: `wait-for:${release}` }, {}, 60_000, 5_000);
      assert.equal(pool.saturated(), true);
      const answers: string[] = [];
      const first = pool.waitForPlace(60_000, 8).then((place) => (answers.push('first'), place));
      const second = pool.waitForPlace(60_000, 8).then((place) => (answers.push('second'), place));
      assert.equal(pool.stats().waitingForPlace, 2);
      writeFileSync(release, '');
      assert.equal((await busy).ok, true);
      const place = await first;
      assert.ok(place, 'the first to wait gets the room');
      assert.deepEqual(answers, ['first']);
      assert.equal(pool.stats().held, 1);
      // A request holding a place is taken although the pool is otherwise full.
      const answer = await pool.solveRequest(
        Buffer.from(JSON.stringify(rps)),
        undefined,
        {},
        60_000,
        5_000,
        undefined,
        place,
      );
      assert.equal(answer.ok && answer.result.status, 'optimal');
      place.release(); // already used: does nothing
      const next = await second;
      assert.ok(next, 'the place went on to the second request when the first one finished');
      next.release();
      assert.equal(pool.stats().held, 0);
      assert.equal(pool.saturated(), false);
    } finally {
      await pool.close();
    }
  });

  test('the pool: no place when the wait passes, the line is full, the client leaves or the pool shuts down', async () => {
    const pool = createSolvePool({ threads: 1, maxQueue: 0, workerUrl: testWorker });
    try {
      await pool.ready();
      const release = join(mkdtempSync(join(tmpdir(), 'prefgame-')), 'release');
      const busy = pool.solve({ ...rps, id: `wait-for:${release}` }, {}, 60_000, 5_000);
      assert.equal(await pool.waitForPlace(0, 8), undefined, 'no wait allowed: refused at once');
      assert.equal(await pool.waitForPlace(20, 8), undefined, 'the wait passed (the busy task holds until released)');
      const leaving = new AbortController();
      const left = pool.waitForPlace(60_000, 1, leaving.signal);
      assert.equal(await pool.waitForPlace(60_000, 1), undefined, 'one may wait: the second is refused at once');
      leaving.abort();
      assert.equal(await left, undefined);
      assert.equal(pool.stats().waitingForPlace, 0, 'a client that left no longer waits');
      const shutDown = pool.waitForPlace(60_000, 8);
      pool.refuseWaiting();
      assert.equal(await shutDown, undefined);
      assert.equal(pool.refusal().code, 'PREF_ERR_SHUTTING_DOWN');
      writeFileSync(release, '');
      assert.equal((await busy).ok, true);
    } finally {
      await pool.close();
    }
  });

  test('HTTP: a request that arrives when the pool is full waits unread and is solved when room opens', async () => {
    const app = await appWith({ queueSize: 0, admissionWaitMs: 60_000 });
    try {
      const release = join(mkdtempSync(join(tmpdir(), 'prefgame-')), 'release');
      const post = (body: unknown) => injectPost(app, '/v1/solve', body);
      const busy = post({ ...rps, id: `wait-for:${release}` });
      await until(() => app.pool.stats().running === 1);
      const waiting = post({ ...rps, id: 'waited' });
      await until(() => app.pool.stats().waitingForPlace === 1);
      assert.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
      assert.equal((await app.inject({ method: 'GET', url: '/ready' })).statusCode, 503);
      writeFileSync(release, '');
      assert.equal((await busy).statusCode, 200);
      const response = await waiting;
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().id, 'waited');
      const { held, waitingForPlace, running } = app.pool.stats();
      assert.deepEqual({ held, waitingForPlace, running }, { held: 0, waitingForPlace: 0, running: 0 });
    } finally {
      await app.close();
    }
  });

  test('HTTP: a request waiting for a place when shutdown begins gets 503 PREF_ERR_SHUTTING_DOWN', async () => {
    const app = await appWith({ queueSize: 0, admissionWaitMs: 60_000 });
    try {
      const release = join(mkdtempSync(join(tmpdir(), 'prefgame-')), 'release');
      const busy = injectPost(app, '/v1/solve', { ...rps, id: `wait-for:${release}` });
      await until(() => app.pool.stats().running === 1);
      const waiting = injectPost(app, '/v1/solve', rps);
      await until(() => app.pool.stats().waitingForPlace === 1);
      app.pool.refuseWaiting();
      const response = await waiting;
      assert.equal(response.statusCode, 503, response.body);
      assert.equal(response.json().code, 'PREF_ERR_SHUTTING_DOWN');
      assert.equal(response.headers.connection, 'close');
      writeFileSync(release, '');
      assert.equal((await busy).statusCode, 200, 'the running solve still finishes');
    } finally {
      await app.close();
    }
  });

  test('HTTP: a place taken by a request that fails before it is solved is given back', async () => {
    const app = await appWith({ queueSize: 0, bodyLimit: 1024 });
    try {
      const tooLarge = await injectPost(app, '/v1/von-neumann', { preferences: [[0.5]], id: 'x'.repeat(4096) });
      assert.equal(tooLarge.statusCode, 413, tooLarge.body);
      const wrongType = await injectPost(app, '/v1/rank', 'a;b', { 'content-type': 'text/plain' });
      assert.equal(wrongType.statusCode, 415, wrongType.body);
      await until(() => app.pool.stats().held === 0);
      const solved = await injectPost(app, '/v1/von-neumann', { preferences: [[0.5]] });
      assert.equal(solved.statusCode, 200, solved.body);
    } finally {
      await app.close();
    }
  });
});
