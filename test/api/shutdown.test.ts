import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { root } from '../helpers.js';
import { randomPreferences } from '../../src/generate/preference-matrices.js';

function postJson(port: number, path: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify(body));
  });
}

test('SIGTERM: the server stops accepting, finishes the request in flight, and exits 0', async () => {
  const server = spawn(process.execPath, [`${root}/dist/bundle/server.js`], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', WORKERS: '1', LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '600000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  let log = '';
  const seen = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve) => {
      const check = () => {
        const match = log.match(pattern);
        if (match) {
          server.stdout.off('data', onData);
          resolve(match);
        }
      };
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        check();
      };
      server.stdout.on('data', onData);
      check();
    });
  try {
    const port = Number((await seen(/listening at http:\/\/127\.0\.0\.1:(\d+)/))[1]);
    await seen(/ready/);
    // A problem that keeps the worker busy for a while (l2 cutting planes on 150 random items).
    const criteria = [0, 1, 2].map((c) => ({ name: `c${c}`, preferences: randomPreferences(150, 40 + c) }));
    const inFlight = postJson(port, '/v1/blackwell', {
      criteria,
      target: { thresholds: { c0: 0.6, c1: 0.6, c2: 0.6 } },
      norm: 'l2',
    });
    await seen(/incoming request/);
    server.kill('SIGTERM');
    await seen(/shutting down/);
    await assert.rejects(postJson(port, '/v1/von-neumann', { preferences: [[0.5]] }));
    const response = await inFlight;
    assert.equal(response.status, 200, response.body);
    assert.equal(JSON.parse(response.body).kind, 'blackwell');
    assert.equal(await exited, 0);
  } finally {
    server.kill('SIGKILL');
  }
});

test('SIGTERM past SHUTDOWN_GRACE_MS: waiting and running requests get 503 with Retry-After, and the exit status is 0', async () => {
  const server = spawn(process.execPath, [`${root}/dist/bundle/server.js`], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      WORKERS: '1',
      QUEUE_SIZE: '4',
      SHUTDOWN_GRACE_MS: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  let log = '';
  server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const seen = async (pattern: RegExp, count = 1): Promise<RegExpMatchArray> => {
    for (;;) {
      const matches = [...log.matchAll(new RegExp(pattern.source, 'g'))];
      if (matches.length >= count) return matches[count - 1];
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  try {
    const port = Number((await seen(/listening at http:\/\/127\.0\.0\.1:(\d+)/))[1]);
    await seen(/ready/);
    // One request runs (seconds of l2 cutting planes), two wait for the only worker.
    const criteria = [0, 1, 2].map((c) => ({ name: `c${c}`, preferences: randomPreferences(150, 40 + c) }));
    const running = postJsonWithHeaders(port, '/v1/blackwell', {
      criteria,
      target: { thresholds: { c0: 0.6, c1: 0.6, c2: 0.6 } },
      norm: 'l2',
    });
    await poolReaches(port, (pool) => pool.running >= 1);
    const waiting = [
      postJsonWithHeaders(port, '/v1/von-neumann', { preferences: [[0.5]] }),
      postJsonWithHeaders(port, '/v1/von-neumann', { preferences: [[0.5]] }),
    ];
    await poolReaches(port, (pool) => pool.queueSize >= 2);
    server.kill('SIGTERM');
    for (const response of await Promise.all(waiting)) {
      assert.equal(response.status, 503, response.body);
      assert.equal(JSON.parse(response.body).code, 'PREF_ERR_SHUTTING_DOWN');
      assert.ok(response.retryAfter);
    }
    const stopped = await running;
    assert.equal(stopped.status, 503, stopped.body);
    assert.equal(JSON.parse(stopped.body).code, 'PREF_ERR_SHUTTING_DOWN');
    assert.ok(stopped.retryAfter);
    assert.equal(await exited, 0);
  } finally {
    server.kill('SIGKILL');
  }
});

function postJsonWithHeaders(
  port: number,
  path: string,
  body: unknown,
): Promise<{ status: number; body: string; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: text, retryAfter: response.headers['retry-after'] }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify(body));
  });
}

/** Polls GET /ready until the pool's stats satisfy `condition` (which request runs, which wait). */
async function poolReaches(
  port: number,
  condition: (pool: { running: number; queueSize: number }) => boolean,
): Promise<void> {
  for (;;) {
    const stats = await new Promise<{ running: number; queueSize: number }>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/ready' }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(JSON.parse(text).pool));
      })
        .on('error', reject)
        .end();
    });
    if (condition(stats)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
