import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers.js';
import { startRedis, waitFor, type TestRedis } from '../support/redis.js';
import { connectQueue, queuePrefix, type QueueConnection } from '../../src/queue/connect.js';
import { jobKeys } from '../../src/queue/job-store.js';
import {
  comparable,
  jobIdOf,
  prefgame,
  problem,
  startCliWorker,
  startTestWorker,
  stop,
  type Spawned,
} from './helpers.js';

describe('prefgame worker and prefgame batch --queue (BullMQ on a test redis-server)', () => {
  let redis: TestRedis;
  let directory: string;
  let connection: QueueConnection;
  const workers: Spawned[] = [];

  before(async () => {
    redis = await startRedis({ appendOnly: true });
    directory = mkdtempSync(join(tmpdir(), 'prefgame-queue-'));
    connection = await connectQueue(redis.url, 'client');
  });
  /** `prefgame batch FILE --queue URL --chunk-lines N -o OUTPUT`, OUTPUT in the test directory. */
  const queuedBatch = (file: string, chunkLines: number, output: string) =>
    prefgame(['batch', file, '--queue', redis.url, '--chunk-lines', String(chunkLines), '-o', join(directory, output)]);
  // Workers share the queue: none outlives its test.
  afterEach(async () => {
    await Promise.all(workers.map((worker) => stop(worker, 'SIGKILL')));
    workers.length = 0;
  });
  after(async () => {
    await connection.close();
    await redis.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  test('a queued batch writes the lines of a local batch (bad lines too), and --job writes them again', async () => {
    const lines = Array.from({ length: 40 }, (_, index) => problem(index));
    lines.splice(7, 0, '', '{not json');
    lines.splice(
      20,
      0,
      JSON.stringify({
        id: 'bad',
        kind: 'von-neumann',
        preferences: [
          [0.5, 0.9],
          [0.9, 0.5],
        ],
      }),
    );
    const file = join(directory, 'same.ndjson');
    writeFileSync(file, lines.join('\n') + '\n');
    const worker = await startCliWorker(redis.url);
    workers.push(worker);
    const queued = queuedBatch(file, 5, 'queued.ndjson');
    const id = await jobIdOf(queued);
    assert.equal(await queued.exited, 1, queued.stderr());
    assert.match(queued.stderr(), /40 solved, 2 failed/);
    const local = runCli(['batch', file, '--jobs', '1', '-o', join(directory, 'local.ndjson')]);
    assert.equal(local.code, 1);
    const expected = comparable(readFileSync(join(directory, 'local.ndjson'), 'utf8'));
    assert.equal(expected.length, 42);
    assert.deepEqual(comparable(readFileSync(join(directory, 'queued.ndjson'), 'utf8')), expected);

    const again = prefgame(['batch', '--queue', redis.url, '--job', id]);
    assert.equal(await again.exited, 1, again.stderr());
    assert.deepEqual(comparable(again.stdout()), expected);
    assert.match(again.stderr(), /40 solved, 2 failed/);
    assert.deepEqual(await connection.store.status(id), { id, status: 'done', total: 42, done: 42, failed: 2 });

    // SIGTERM: the worker finishes what it holds and exits 0.
    assert.equal(await stop(worker), 0, worker.stderr());
    workers.splice(workers.indexOf(worker), 1);
  });

  test('--job-ttl: the job keeps its own TTL after a worker with the default stores its results', async () => {
    const file = join(directory, 'ttl.ndjson');
    writeFileSync(file, Array.from({ length: 6 }, (_, index) => problem(index)).join('\n') + '\n');
    const worker = await startCliWorker(redis.url); // the worker's own store: the default TTL of a day
    workers.push(worker);
    const queued = prefgame(['batch', file, '--queue', redis.url, '--chunk-lines', '2', '--job-ttl', '600']);
    const id = await jobIdOf(queued);
    assert.equal(await queued.exited, 0, queued.stderr());
    for (const key of [jobKeys(queuePrefix, id).meta, jobKeys(queuePrefix, id).output]) {
      const ttl = await connection.redis.ttl(key);
      assert.ok(ttl > 0 && ttl <= 600, `${key} expires in ${ttl} s`);
    }
    const misuse = runCli(['batch', file, '--job-ttl', '600']);
    assert.equal(misuse.code, 2);
    assert.match(misuse.stderr, /--job-ttl needs --queue/);
  });

  test('a worker SIGKILLed in the middle of a chunk loses nothing: another worker takes the chunk up, no line twice', async () => {
    const gate = join(directory, 'gate-kill');
    const lines = Array.from({ length: 12 }, (_, index) => problem(index));
    lines[4] = problem(4, `wait-for:${gate}`);
    const file = join(directory, 'kill.ndjson');
    writeFileSync(file, lines.join('\n') + '\n');
    const first = await startTestWorker(redis.url, { threads: 2 });
    workers.push(first);
    const queued = queuedBatch(file, 3, 'kill-out.ndjson');
    const id = await jobIdOf(queued);
    // The first worker holds the chunk of line 5 (waiting for the gate) while the others finish.
    await waitFor('every chunk but the held one', async () => (await connection.store.status(id))?.done === 9);
    first.child.kill('SIGKILL');
    await first.exited;
    workers.splice(workers.indexOf(first), 1);
    writeFileSync(gate, '');
    const second = await startTestWorker(redis.url);
    workers.push(second);
    assert.equal(await queued.exited, 0, queued.stderr() + second.stderr());
    const output = readFileSync(join(directory, 'kill-out.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      output.map((line) => line.id),
      lines.map((line) => JSON.parse(line).id),
    );
    assert.ok(output.every((line) => line.status === 'optimal'));
    assert.match(second.stderr(), /runs again/);
    assert.deepEqual(await connection.store.status(id), { id, status: 'done', total: 12, done: 12, failed: 0 });
  });

  test('a poison line that kills its worker process every time fails alone, after a bounded number of tries', async () => {
    const lines = Array.from({ length: 6 }, (_, index) => problem(index));
    lines[2] = problem(2, 'kill-process');
    const file = join(directory, 'poison.ndjson');
    writeFileSync(file, lines.join('\n') + '\n');
    const queued = queuedBatch(file, 3, 'poison-out.ndjson');
    const id = await jobIdOf(queued);
    // A supervisor that starts a new worker whenever the last one died (at most 6).
    let restarts = 0;
    let log = '';
    while (queued.child.exitCode === null) {
      const worker = await startTestWorker(redis.url);
      workers.push(worker);
      await Promise.race([worker.exited, queued.exited]);
      log += worker.stderr();
      if (worker.child.exitCode === null && worker.child.signalCode === null) break;
      workers.splice(workers.indexOf(worker), 1);
      restarts++;
      assert.ok(restarts <= 6, 'the poison line should be given up after a bounded number of tries');
    }
    assert.equal(await queued.exited, 1, queued.stderr());
    const output = readFileSync(join(directory, 'poison-out.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(output.length, 6);
    assert.deepEqual(
      output.map((line) => line.status),
      ['optimal', 'optimal', 'error', 'optimal', 'optimal', 'optimal'],
    );
    assert.equal(output[2].error.code, 'PREF_ERR_WORKER_FAILED');
    assert.equal(output[2].id, 'kill-process');
    assert.equal(output[2].line, 3);
    assert.match(output[2].error.message, /stopped its worker process 2 times/);
    assert.equal(restarts, 3, `one crash on the first run, then one per counted try: ${log}`);
    assert.deepEqual(await connection.store.status(id), { id, status: 'done', total: 6, done: 6, failed: 1 });
  });

  test('lines that crash or hang a solver thread fail alone with their error lines', async () => {
    const worker = await startTestWorker(redis.url, { lineTimeLimitMs: 4_000, threads: 2 });
    workers.push(worker);
    const lines = [problem(0), problem(1, 'crash'), problem(2), problem(4), problem(3, 'hang')];
    const queued = prefgame(['batch', '-', '--queue', redis.url], lines.join('\n'));
    assert.equal(await queued.exited, 1, queued.stderr());
    const output = comparable(queued.stdout()).map((line) => JSON.parse(line));
    assert.deepEqual(
      output.map((line) => line.status),
      ['optimal', 'error', 'optimal', 'optimal', 'error'],
    );
    assert.equal(output[1].error.code, 'PREF_ERR_WORKER_FAILED');
    assert.equal(output[4].error.code, 'PREF_ERR_WORKER_TIMEOUT');
    assert.equal(await stop(worker), 0);
    workers.splice(workers.indexOf(worker), 1);
  });

  test('Redis restarted (append-only file on) in the middle of a job: the job completes, nothing lost', async () => {
    const gate = join(directory, 'gate-redis');
    const lines = Array.from({ length: 9 }, (_, index) => problem(index));
    lines[7] = problem(7, `wait-for:${gate}`);
    const file = join(directory, 'restart.ndjson');
    writeFileSync(file, lines.join('\n') + '\n');
    const worker = await startTestWorker(redis.url, { threads: 2 });
    workers.push(worker);
    const queued = queuedBatch(file, 3, 'restart-out.ndjson');
    const id = await jobIdOf(queued);
    await waitFor('the first chunks', async () => (await connection.store.status(id))?.done === 6);
    await redis.kill();
    await redis.start();
    writeFileSync(gate, '');
    assert.equal(await queued.exited, 0, `${queued.child.signalCode} ${queued.stderr()} ${worker.stderr()}`);
    const output = comparable(readFileSync(join(directory, 'restart-out.ndjson'), 'utf8')).map((line) =>
      JSON.parse(line),
    );
    assert.deepEqual(
      output.map((line) => line.id),
      lines.map((line) => JSON.parse(line).id),
    );
    assert.deepEqual(
      output.map((line) => line.status),
      Array(9).fill('optimal'),
    );
    assert.deepEqual(await connection.store.status(id), { id, status: 'done', total: 9, done: 9, failed: 0 });
    assert.equal(await stop(worker), 0);
    workers.splice(workers.indexOf(worker), 1);
  });

  test('Redis down: batch --queue and worker exit 2 with PREF_ERR_QUEUE_UNAVAILABLE; an unknown job is PREF_ERR_JOB_NOT_FOUND', async () => {
    const nowhere = 'redis://127.0.0.1:1';
    const batch = prefgame(['batch', '-', '--queue', nowhere], problem(0));
    assert.equal(await batch.exited, 2);
    assert.match(batch.stderr(), /PREF_ERR_QUEUE_UNAVAILABLE: cannot reach the job queue at redis:\/\/127\.0\.0\.1:1/);
    const worker = prefgame(['worker', '--queue', nowhere]);
    assert.equal(await worker.exited, 2);
    assert.match(worker.stderr(), /PREF_ERR_QUEUE_UNAVAILABLE/);
    const missing = prefgame(['batch', '--queue', redis.url, '--job', '00000000-0000-0000-0000-000000000000']);
    assert.equal(await missing.exited, 2);
    assert.match(missing.stderr(), /PREF_ERR_JOB_NOT_FOUND/);
    const usage = runCli(['batch', '--job', 'x']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--job needs --queue/);
    const badUrl = runCli(['batch', '-', '--queue', 'http://x']);
    assert.equal(badUrl.code, 2);
    assert.match(badUrl.stderr, /PREF_ERR_INVALID_OPTION/);
  });
});
