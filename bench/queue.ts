// npm run bench:queue: scale-out on BullMQ and Redis, measured in one run on this machine.
// - Throughput: two `prefgame worker --concurrency 1` processes against a local
//   `prefgame batch --jobs 2` on the batch benchmark's file (100 x Blackwell, 128 items,
//   5 criteria, thresholds 0.55, l-inf). Both rates come from the batch commands' own summaries
//   (first line read to last line written); the workers are started (and warm) beforehand, as
//   long-running workers are, while the local batch starts its threads within its run.
// - Queue overhead per line: on tiny problems (von Neumann, 8 items), the extra seconds of a
//   queued batch over a local one, start-up of each removed (a 1-line run of each), per line.
// - Redis memory per million result lines: used_memory after a job over before it (inputs are
//   deleted as chunks finish, so what stays is the results until their TTL), per line.
// Writes bench/results/queue.{json,md}. Needs redis-server on the PATH (or REDIS_SERVER).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { batchBlackwellProblem, familyMatrix, rounded } from './families.js';
import { machine, markdownTable, saveResults } from './harness.js';
import { startRedis, waitFor } from '../test/support/redis.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}/bin/prefgame.js`;
const log = (line: string) => process.stderr.write(line + '\n');
const directory = mkdtempSync(join(tmpdir(), 'prefgame-bench-queue-'));

async function writeFile(file: string, count: number, make: (index: number) => object): Promise<void> {
  const out = createWriteStream(file);
  for (let index = 0; index < count; index++)
    if (!out.write(JSON.stringify(make(index)) + '\n')) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

interface BatchRun {
  solved: number;
  failed: number;
  seconds: number;
  rate: number;
  wallSeconds: number;
}

function batch(args: string[]): BatchRun {
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, 'batch', ...args], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 26 });
  const wallSeconds = (performance.now() - started) / 1000;
  const summary = /(\d+) solved, (\d+) failed.*? in ([\d.]+) s \(([\d.]+)\/s/.exec(run.stderr);
  if (!summary || run.status !== 0) throw new Error(`batch ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return {
    solved: Number(summary[1]),
    failed: Number(summary[2]),
    seconds: Number(summary[3]),
    rate: Number(summary[4]),
    wallSeconds,
  };
}

const redis = await startRedis();
const client = new Redis(redis.url);
const workers = [0, 1].map(() => {
  const child = spawn(process.execPath, [bin, 'worker', '--queue', redis.url, '--concurrency', '1'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (data) => (stderr += data));
  return { child, stderr: () => stderr };
});
const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await client.info('memory'))![1]);

try {
  await waitFor('two workers', () => workers.every((worker) => worker.stderr().includes('solver thread')), 1200, 50);
  const blackwellFile = join(directory, 'blackwell.ndjson');
  await writeFile(blackwellFile, 100, (index) => batchBlackwellProblem(index));
  const inputBytesPerLine = statSync(blackwellFile).size / 100;

  // A first queued run warms the workers up (HiGHS tiering) the way a long-running worker is warm.
  batch([blackwellFile, '--queue', redis.url, '-o', '/dev/null']);
  const local = batch([blackwellFile, '--jobs', '2', '-o', '/dev/null']);
  log(`local batch --jobs 2: ${local.rate}/s (${local.seconds} s; whole process ${local.wallSeconds.toFixed(2)} s)`);
  // The local rate once its threads run (as the warm workers do): 200 lines against 100.
  const doubleFile = join(directory, 'blackwell-200.ndjson');
  await writeFile(doubleFile, 200, (index) => batchBlackwellProblem(index));
  const localDouble = batch([doubleFile, '--jobs', '2', '-o', '/dev/null']);
  rmSync(doubleFile);
  // Under a noisy load the longer run can even finish sooner: then there is no figure.
  const localSteadyRate =
    localDouble.seconds > local.seconds
      ? (localDouble.solved - local.solved) / (localDouble.seconds - local.seconds)
      : NaN;
  log(`local batch --jobs 2 after start-up: ${localSteadyRate.toFixed(1)}/s`);
  const before = await usedMemory();
  const outputFile = join(directory, 'queued.ndjson');
  const queued = batch([blackwellFile, '--queue', redis.url, '-o', outputFile]);
  const after = await usedMemory();
  const outputBytesPerLine = statSync(outputFile).size / 100;
  log(
    `queued batch, 2 workers: ${queued.rate}/s (${queued.seconds} s; whole process ${queued.wallSeconds.toFixed(2)} s)`,
  );
  const ratio = queued.rate / local.rate;
  const steadyRatio = queued.rate / localSteadyRate;
  const blackwellBytesPerMillion = ((after - before) / 100) * 1e6;

  // Overhead on tiny lines, start-up removed.
  const count = 5_000;
  const tinyFile = join(directory, 'tiny.ndjson');
  const oneFile = join(directory, 'one.ndjson');
  const tiny = (index: number) => ({
    id: index,
    kind: 'von-neumann',
    preferences: rounded(familyMatrix('uniform-random', 8, index), 3),
  });
  await writeFile(tinyFile, count, tiny);
  await writeFile(oneFile, 1, tiny);
  const localOne = batch([oneFile, '--jobs', '2', '-o', '/dev/null']);
  const localTiny = batch([tinyFile, '--jobs', '2', '-o', '/dev/null']);
  const queuedOne = batch([oneFile, '--queue', redis.url, '-o', '/dev/null']);
  const tinyBefore = await usedMemory();
  const queuedTiny = batch([tinyFile, '--queue', redis.url, '-o', '/dev/null']);
  const tinyAfter = await usedMemory();
  const overheadMs =
    ((queuedTiny.wallSeconds - queuedOne.wallSeconds - (localTiny.wallSeconds - localOne.wallSeconds)) / count) * 1000;
  const tinyBytesPerMillion = ((tinyAfter - tinyBefore) / count) * 1e6;
  log(
    `tiny lines: local ${localTiny.rate}/s, queued ${queuedTiny.rate}/s; queue overhead ${overheadMs.toFixed(3)} ms a line`,
  );

  // The queue's own cost with nothing to solve: submit, take, store and read the tiny lines in
  // chunks of 64 through Redis (database 1, away from the real workers), with a worker whose
  // "solve" is free. An upper bound of what the queue adds per line, in one process.
  const { connectQueue, queueName, queuePrefix } = await import('../src/queue/connect.js');
  const { submitJob } = await import('../src/queue/submit.js');
  const { readResults } = await import('../src/queue/results.js');
  const { linesOfChunk, chunkText } = await import('../src/queue/process-chunk.js');
  const { byteLines } = await import('../src/pool/byte-lines.js');
  const { Worker } = await import('bullmq');
  const { readFileSync } = await import('node:fs');
  const fakeUrl = `${redis.url}/1`;
  const connection = await connectQueue(fakeUrl, 'client');
  const fakeWorker = new Worker(
    queueName,
    async (job) => {
      const { job: id, chunk, firstLine } = job.data;
      const start = await connection.store.startChunk(id, chunk);
      if (!start.run) return start.reason;
      const lines = await linesOfChunk(start.input, firstLine);
      const outputs = lines.map((line) => ({ id: line.lineNumber, status: 'optimal' }) as never);
      const { text, lines: done, failed } = chunkText(outputs);
      await connection.store.storeChunk(id, chunk, text, done, failed);
      return 'stored';
    },
    { connection: { url: fakeUrl, maxRetriesPerRequest: null }, prefix: queuePrefix, concurrency: 2 },
  );
  await fakeWorker.waitUntilReady();
  const tinyBytes = new Uint8Array(readFileSync(tinyFile));
  const machineryStarted = performance.now();
  const { id: fakeJob } = await submitJob(connection, byteLines([tinyBytes]));
  let machineryLines = 0;
  for await (const text of readResults(connection, fakeJob, { follow: true })) {
    machineryLines += text.split('\n').length - 1;
  }
  const machineryMs = (performance.now() - machineryStarted) / machineryLines;
  log(`queue machinery alone: ${machineryMs.toFixed(3)} ms a line (${machineryLines} lines)`);
  await fakeWorker.close();
  await connection.close();

  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  const markdown = [
    `Machine: ${machine()}; measured ${new Date().toISOString()} (one run, while other work ran on the machine).`,
    '',
    markdownTable(
      ['measure', 'value'],
      [
        ['local `batch --jobs 2`, 100 x Blackwell 128 x 5 (problems/s)', local.rate.toFixed(1)],
        ['queued `batch --queue`, 2 workers x 1 thread (problems/s)', queued.rate.toFixed(1)],
        [
          'local `batch --jobs 2` once started (200 lines against 100; problems/s)',
          Number.isFinite(localSteadyRate) ? localSteadyRate.toFixed(1) : '— (noise: the longer run was faster)',
        ],
        ['queued / local', `${ratio.toFixed(2)}x (target >= 0.9x)`],
        ['queued / local once started', Number.isFinite(steadyRatio) ? `${steadyRatio.toFixed(2)}x` : '—'],
        ['queue overhead a line (tiny problems, start-up removed)', `${overheadMs.toFixed(3)} ms (target < 1 ms)`],
        ['queue machinery alone, nothing solved (submit, take, store, read)', `${machineryMs.toFixed(3)} ms a line`],
        [
          'Redis memory per million result lines, Blackwell 128 x 5',
          `${mb(blackwellBytesPerMillion)} MiB (${(outputBytesPerLine / 1024).toFixed(1)} KiB a result line)`,
        ],
        ['Redis memory per million result lines, von Neumann 8 items', `${mb(tinyBytesPerMillion)} MiB`],
        [
          'Redis traffic per million Blackwell 128 x 5 problems (input in and out, results in and out)',
          `${((2 * (inputBytesPerLine + outputBytesPerLine) * 1e6) / 2 ** 30).toFixed(0)} GiB`,
        ],
      ],
    ),
  ].join('\n');
  process.stdout.write(markdown + '\n');
  saveResults(
    'queue',
    {
      machineryMs,
      machine: machine(),
      local,
      localDouble,
      localSteadyRate,
      queued,
      ratio,
      steadyRatio,
      overheadMs,
      localOne,
      localTiny,
      queuedOne,
      queuedTiny,
      blackwellBytesPerMillion,
      tinyBytesPerMillion,
      inputBytesPerLine,
      outputBytesPerLine,
    },
    markdown,
  );
} finally {
  for (const worker of workers) worker.child.kill('SIGTERM');
  await Promise.all(
    workers.map((worker) => (worker.child.exitCode === null ? once(worker.child, 'exit') : Promise.resolve())),
  );
  client.disconnect();
  await redis.stop();
  rmSync(directory, { recursive: true, force: true });
}
