import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { root } from '../helpers.js';
import { randomPreferences } from '../../src/generate/preference-matrices.js';

function postJson(port: number, path: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify(body));
  });
}

test('SIGTERM: the server stops accepting, finishes the request in flight, and exits 0', async () => {
  const server = spawn(process.execPath, [`${root}/dist/api/server.js`], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', WORKERS: '1', LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '600000' }, stdio: ['ignore', 'pipe', 'inherit'] });
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
    const inFlight = postJson(port, '/v1/blackwell', { criteria, target: { thresholds: { c0: 0.6, c1: 0.6, c2: 0.6 } }, norm: 'l2' });
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
