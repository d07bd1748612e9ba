// Regression tests for the reliability issue's cases that are not documents: CLI I/O errors,
// character sets, batch splitting and limits, echo caps, ordered bounds, and scaling.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../api/app.js';
import { readConfig } from '../api/config.js';
import { bodyLines, countLinesUpTo } from '../api/batch-lines.js';
import { matrixGame, PrefgameError, solve } from '../src/index.js';
import { capText, echoLimit } from '../src/errors.js';
import { orderedBounds } from '../src/winners/result.js';
import { binaryExponent, timesPowerOfTwo } from '../src/numeric/power-of-two.js';
import { checkProblem } from '../src/check.js';
import { root } from './helpers.js';

const problemLine = JSON.stringify({
  kind: 'von-neumann',
  preferences: [
    [0.5, 0.7],
    [0.3, 0.5],
  ],
});

function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [join(root, 'bin/prefgame.js'), ...args], {
    input,
    encoding: 'utf8',
    cwd: root,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('item 7: CLI I/O errors are one coded line with exit status 2; a closed pipe ends quietly', () => {
  const directory = mkdtempSync(join(tmpdir(), 'prefgame-io-'));
  const input = join(directory, 'in.ndjson');
  writeFileSync(input, problemLine + '\n');

  test('batch -o into a directory that does not exist', () => {
    const { code, stderr } = cli(['batch', input, '--jobs', '1', '-o', join(directory, 'missing/dir/out.ndjson')]);
    assert.equal(code, 2);
    assert.match(stderr, /^prefgame: PREF_ERR_IO: cannot open \S+out\.ndjson: ENOENT\n$/);
  });

  test('batch -o a file that cannot be written (/proc/version)', { skip: !existsSync('/proc/version') }, () => {
    const { code, stderr } = cli(['batch', input, '--jobs', '1', '-o', '/proc/version']);
    assert.equal(code, 2);
    assert.match(stderr, /^prefgame: PREF_ERR_IO: cannot (open|write)[^\n]*: E[A-Z]+\n$/);
  });

  test('solve of a file that does not exist', () => {
    const { code, stdout, stderr } = cli(['solve', join(directory, 'nothing.json')]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^prefgame: PREF_ERR_IO: cannot open \S+nothing\.json: ENOENT\n$/);
  });

  test('prefgame schema | head: the reader closes the pipe; no stack trace, status 0', async () => {
    const child = spawn(process.execPath, [join(root, 'bin/prefgame.js'), 'schema'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Read one chunk, then close our end, as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });
});

describe('items 3, 9, 12 over HTTP', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildApp({ config: { ...readConfig({}), workers: 1, maxBatchLines: 10 }, logger: false });
    await app.warm;
  });
  after(async () => {
    await app.close();
  });

  test('item 12: a body declared in another charset is 415; utf-8 in any spelling is fine', async () => {
    for (const type of [
      'application/json; charset=latin1',
      'application/json; charset="ISO-8859-1"',
      'application/json;charset=utf-16',
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/von-neumann',
        payload: problemLine,
        headers: { 'content-type': type },
      });
      assert.equal(response.statusCode, 415, type);
      assert.equal(response.json().code, 'PREF_ERR_UNSUPPORTED_MEDIA_TYPE');
    }
    const batch = await app.inject({
      method: 'POST',
      url: '/v1/batch',
      payload: problemLine,
      headers: { 'content-type': 'application/x-ndjson; charset=latin1' },
    });
    assert.equal(batch.statusCode, 415);
    for (const type of ['application/json; charset=utf-8', 'application/json; charset=UTF8', 'application/json']) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/von-neumann',
        payload: problemLine,
        headers: { 'content-type': type },
      });
      assert.equal(response.statusCode, 200, type);
    }
  });

  test('item 3: blank lines count toward MAX_BATCH_LINES', async () => {
    const fits = await app.inject({
      method: 'POST',
      url: '/v1/batch',
      payload: problemLine + '\n'.repeat(9),
      headers: { 'content-type': 'application/x-ndjson' },
    });
    assert.equal(fits.statusCode, 200);
    assert.equal(fits.body.trim().split('\n').length, 1);
    const over = await app.inject({
      method: 'POST',
      url: '/v1/batch',
      payload: problemLine + '\n'.repeat(10) + ' ',
      headers: { 'content-type': 'application/x-ndjson' },
    });
    assert.equal(over.statusCode, 422);
    assert.equal(over.json().code, 'PREF_ERR_TOO_LARGE');
  });

  test('item 9: a 1 MB unknown key and a 1 MB id are not echoed back whole', async () => {
    const key = 'k'.repeat(1 << 20);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/von-neumann',
      payload: `{"preferences":[[0.5]],"${key}":1}`,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().code, 'PREF_ERR_UNKNOWN_FIELD');
    assert.ok(response.body.length < 4 * echoLimit, `${response.body.length} bytes`);
    const batch = await app.inject({
      method: 'POST',
      url: '/v1/batch',
      payload: `{"id":"${key}","kind":"von-neumann","preferences":[[0.5,2],[0,0.5]]}\n`,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    assert.equal(batch.statusCode, 200);
    assert.ok(batch.body.length < 4 * echoLimit, `${batch.body.length} bytes`);
  });
});

describe('item 3: splitting a batch body', () => {
  test('counting stops just past the limit, and every line counts', () => {
    assert.equal(countLinesUpTo(Buffer.from('a\n\nb'), 100), 3);
    assert.equal(countLinesUpTo(Buffer.from('a\n\nb\n'), 100), 3);
    assert.equal(countLinesUpTo(Buffer.from('\n'.repeat(1_000_000)), 10), 11);
  });

  test('bodyLines yields to the event loop every 1024 lines (counted, not timed)', async () => {
    const body = Buffer.from('\n'.repeat(5000));
    let turns = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    let lines = 0;
    for await (const line of bodyLines(body)) {
      assert.equal(line.length, 0);
      lines++;
    }
    running = false;
    assert.equal(lines, 5000);
    assert.ok(turns >= 4, `the loop turned ${turns} times while 5000 lines were split`);
  });
});

describe('items 2 and 13: scale and rounding', () => {
  test('capText is idempotent and bounded', () => {
    const once = capText('x'.repeat(10_000));
    assert.ok(once.length <= echoLimit && once.endsWith('(10000 characters)'));
    assert.equal(capText(once), once);
    assert.equal(capText('short'), 'short');
  });

  test('orderedBounds keeps the value and moves the other bound', () => {
    assert.deepEqual(orderedBounds(2, 2, 1.9999999999999998), { lowerBound: 2, upperBound: 2 });
    assert.deepEqual(orderedBounds(1.9999999999999998, 2, 1.9999999999999998), {
      lowerBound: 1.9999999999999998,
      upperBound: 1.9999999999999998,
    });
    assert.deepEqual(orderedBounds(1, 0.5, 1), { lowerBound: 0.5, upperBound: 1 });
  });

  test('powers of two scale exactly across the whole exponent range', () => {
    for (const value of [1e-320, 1e-300, 3, 1e300, Number.MAX_VALUE]) {
      const exponent = binaryExponent(value);
      const scaled = timesPowerOfTwo(value, -exponent);
      assert.ok(scaled >= 0.5 && scaled < 1, `${value}: ${scaled}`);
      assert.equal(timesPowerOfTwo(scaled, exponent), value);
    }
  });

  test('a matrix game and the same game times 10^k (k = -300..300) have the same strategies', () => {
    const base = [
      [3, -1, 2],
      [-2, 1, 0],
      [1, 2, -3],
    ];
    const reference = matrixGame({ payoff: base });
    for (let k = -300; k <= 300; k += 25) {
      const result = matrixGame({ payoff: base.map((row) => row.map((value) => value * 10 ** k)) });
      assert.equal(result.status, 'optimal', `10^${k}`);
      result.distribution.forEach((p, i) =>
        assert.ok(Math.abs(p - reference.distribution[i]) < 1e-9, `10^${k}: ${result.distribution}`),
      );
      assert.ok(
        Math.abs(result.value / 10 ** k - reference.value) < 1e-9 * Math.max(1, Math.abs(reference.value)),
        `10^${k}: ${result.value}`,
      );
      assert.ok(result.certificate.lowerBound <= result.certificate.upperBound);
    }
  });

  test('prefgame validate rejects what solve rejects for non-finite content', () => {
    const document = JSON.parse(
      '{"kind":"blackwell","criteria":[{"name":"speed","preferences":[[0.5,0.7],[0.3,0.5]]}],"target":{"constraints":["1e308*1e308*speed >= 1"]}}',
    );
    assert.throws(
      () => checkProblem(document),
      (error: PrefgameError) => error.code === 'PREF_ERR_NON_FINITE' && error.pointer === '/target/constraints/0',
    );
    assert.throws(
      () => solve(document),
      (error: PrefgameError) => error.code === 'PREF_ERR_NON_FINITE',
    );
    const { code, stdout } = cli(['validate', '-'], '{"kind":"matrix-game","payoff":[[1,1e999]]}');
    assert.equal(code, 1);
    assert.equal(JSON.parse(stdout).error.code, 'PREF_ERR_NON_FINITE');
  });
});
