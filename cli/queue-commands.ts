import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { PrefgameError, toErrorDetail } from '../src/errors.js';
import { byteLines } from '../src/pool/byte-lines.js';
import { BatchTally } from './batch-tally.js';
import { applyTiering } from './tiering.js';
import { countLines, createProgress } from './progress.js';

const exitCodes = { solved: 0, someFailed: 1, usage: 2 } as const;

/** Options of `prefgame worker`. */
export interface WorkerCommandOptions {
  queue: string;
  concurrency?: number;
  lockDuration?: number;
  stalledInterval?: number;
  lineAttempts?: number;
  lineTimeout?: number;
}

function reportError(command: string, error: unknown): number {
  const detail = toErrorDetail(error);
  process.stderr.write(`prefgame ${command}: ${detail.code}: ${detail.message}\n`);
  return exitCodes.usage;
}

/**
 * `prefgame worker --queue URL`: solves chunks of queued batch lines until SIGTERM or SIGINT,
 * then finishes the chunks in hand and exits 0. A second signal exits at once (the chunks in hand
 * are taken up by other workers once their lock expires).
 *
 * @example
 * ```ts no-run
 * await runWorker({ queue: 'redis://127.0.0.1:6379', concurrency: 2 }) // 0 after SIGTERM
 * ```
 */
export async function runWorker(options: WorkerCommandOptions): Promise<number> {
  const log = (line: string) => process.stderr.write(`prefgame worker: ${line}\n`);
  // A worker runs for long: HiGHS compiled optimised once pays off at once (cli/tiering.ts).
  applyTiering('optimised');
  const { startQueueWorker } = await import('../src/queue/worker.js');
  let worker;
  try {
    const { connectQueue } = await import('../src/queue/connect.js');
    // Say so at once when Redis is not there (the worker itself would wait for it forever).
    const probe = await connectQueue(options.queue, 'client');
    try {
      await probe.ping();
    } finally {
      await probe.close();
    }
    worker = await startQueueWorker({
      url: options.queue,
      threads: options.concurrency,
      lockDurationMs: options.lockDuration,
      stalledIntervalMs: options.stalledInterval,
      lineAttempts: options.lineAttempts,
      lineTimeLimitMs: options.lineTimeout,
      log,
    });
  } catch (error) {
    return reportError('worker', error);
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      log(`${signal}: finishing the chunks in hand, then exiting (send it again to exit at once)`);
      process.once(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM', () => process.exit(1));
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await worker.close();
  log(`stopped after storing ${worker.stored()} chunk${worker.stored() === 1 ? '' : 's'}`);
  // A connection cut short on close may keep timers alive: the work is done, so exit now.
  process.exit(exitCodes.solved);
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** Counts the lines of a chunk's NDJSON text by status (as a local batch does), ticking the progress display. */
function count(text: string, tally: BatchTally, tick: (failed: boolean) => void): void {
  for (let start = 0, end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
    const { status } = JSON.parse(text.slice(start, end)) as { status: string };
    tally.add(status);
    tick(status === 'error');
  }
}

/**
 * `prefgame batch FILE --queue URL` (queue the file in chunks, print the job id on stderr, write
 * the results in input order as workers store them) and `prefgame batch --queue URL --job ID`
 * (re-attach to a job and write its whole ordered output). Same output, progress, summary and
 * exit codes as a local batch; 2 when the queue cannot be reached or the job does not exist.
 *
 * @example
 * ```ts no-run
 * await runQueueBatch('problems.ndjson', { queue: 'redis://127.0.0.1:6379', output: 'out.ndjson' }) // 0
 * ```
 */
export async function runQueueBatch(
  file: string | undefined,
  options: { queue: string; job?: string; output?: string; chunkLines?: number; jobTtl?: number },
): Promise<number> {
  const { connectQueue } = await import('../src/queue/connect.js');
  let connection;
  try {
    connection = await connectQueue(options.queue, 'client', { ttlSeconds: options.jobTtl });
    await connection.ping();
  } catch (error) {
    await connection?.close();
    return reportError('batch', error);
  }
  const started = performance.now();
  const tally = new BatchTally();
  const abort = new AbortController();
  let submission: Promise<unknown> = Promise.resolve();
  let id: string;
  let total: number | undefined;
  let output: Writable | undefined;
  let progress: Awaited<ReturnType<typeof createProgress>> | undefined;
  let cancelled = false;
  try {
    if (options.job !== undefined) {
      id = options.job;
      const status = await connection.store.status(id);
      if (status === null)
        throw new PrefgameError(
          'PREF_ERR_JOB_NOT_FOUND',
          `there is no job ${id} on ${connection.display} (never submitted, or its results expired)`,
          '',
        );
      total = status.total;
      process.stderr.write(
        `prefgame batch: re-attached to job ${id} (${status.status}, ${status.done}/${status.total} lines done)\n`,
      );
    } else {
      const fromFile = file !== undefined && file !== '-';
      total = fromFile ? await countLines(file) : undefined;
      const input = fromFile ? createReadStream(file, { highWaterMark: 1 << 20 }) : process.stdin;
      const [{ submitJob }, { defaultChunkSize }] = await Promise.all([
        import('../src/queue/submit.js'),
        import('../src/queue/chunks.js'),
      ]);
      const chunkSize = { ...defaultChunkSize, maxLines: options.chunkLines ?? defaultChunkSize.maxLines };
      let announce!: (id: string) => void;
      const created = new Promise<string>((resolve) => (announce = resolve));
      submission = submitJob(connection, byteLines(input), { chunkSize, onCreated: announce });
      submission.catch(() => abort.abort());
      id = await Promise.race([created, submission.then(() => created)]);
      process.stderr.write(
        `prefgame batch: job ${id} queued on ${connection.display}; ` +
          `re-attach with: prefgame batch --queue URL --job ${id}\n`,
      );
    }
    const { readResults } = await import('../src/queue/results.js');
    output = options.output ? createWriteStream(options.output) : process.stdout;
    const shown = await createProgress(process.stderr, total);
    progress = shown;
    for await (const text of readResults(connection, id, { follow: true, signal: abort.signal })) {
      count(text, tally, (failed) => shown.tick(failed));
      await write(output, text);
    }
    await submission;
    const status = await connection.store.status(id);
    progress.stop();
    progress = undefined;
    if (status?.status === 'cancelled') {
      process.stderr.write(
        `prefgame batch: job ${id} was cancelled after ${tally.lines} of its ${status.total} lines\n`,
      );
      cancelled = true;
    }
  } catch (error) {
    progress?.stop();
    await submission.catch(() => {});
    await connection.close();
    return reportError('batch', error);
  }
  if (output && output !== process.stdout) {
    output.end();
    await once(output, 'finish');
  }
  await connection.close();
  const seconds = (performance.now() - started) / 1000;
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stderr.write(
    `prefgame batch: ${tally.summary()} in ${seconds.toFixed(2)} s ` +
      `(${(tally.lines / seconds).toFixed(1)}/s, queue job ${id}, ` +
      `${cpuSeconds.toFixed(1)} CPU s, peak memory ${(usage.maxRSS / 1024).toFixed(0)} MB)\n`,
  );
  return cancelled ? exitCodes.someFailed : tally.exitCode();
}
