import { availableParallelism } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { Job } from 'bullmq';
import { batchLineLimits } from '../pool/ordered-batch.js';
import { connectQueue, queueName, queuePrefix } from './connect.js';
import {
  chunkText,
  givenUpChunk,
  linesOfChunk,
  solveChunk,
  solveChunkCarefully,
  type LineSolver,
} from './process-chunk.js';
import type { ChunkJobData } from './submit.js';
import { createExclusiveGate } from './exclusive-gate.js';

/** How a queue worker runs. */
export interface QueueWorkerOptions {
  /** `redis://HOST:PORT[/DB]`. */
  url: string;
  /** Solver threads in this process; default: the CPU count. */
  threads?: number;
  /** Chunks taken at once (their lines share the threads); default 2, so threads stay busy between chunks. */
  chunksInFlight?: number;
  /** BullMQ's lock on a chunk: a worker silent this long has its chunk taken up again; default 30 s. */
  lockDurationMs?: number;
  /** How often workers look for chunks whose lock expired; default 30 s. */
  stalledIntervalMs?: number;
  /**
   * Tries of a line that keeps stopping its worker process before it is given up with an error
   * line; default 3, at least 2.
   */
  lineAttempts?: number;
  /** A line's time limit from when it reaches the pool (as in a local batch: one hour). */
  lineTimeLimitMs?: number;
  /** The pool's worker module (tests swap in misbehaving ones). */
  workerUrl?: URL;
  /** Where the worker reports what it does (one line each); default: nowhere. */
  log?: (line: string) => void;
}

/** A running queue worker. */
export interface QueueWorker {
  /** Stops taking chunks, finishes those in hand, then closes the pool and the connections. */
  close(): Promise<void>;
  /** Chunks this worker stored results for. */
  stored(): number;
}

/**
 * A queue worker (`prefgame worker`): takes chunks from BullMQ, solves their lines in its own
 * solver pool exactly as a local `prefgame batch` does, and stores each chunk's result lines once.
 * A chunk whose worker dies is taken up again after its lock expires (BullMQ's stalled jobs); its
 * re-run solves one line at a time and counts tries, so that a line that kills its worker every
 * time fails alone after `lineAttempts` tries. A chunk whose processing throws (Redis trouble) is
 * retried with backoff; once BullMQ gives up on a chunk, its lines not solved yet become error
 * lines, so every job ends.
 *
 * @example
 * ```ts no-run
 * const worker = await startQueueWorker({ url: 'redis://127.0.0.1:6379', threads: 2 })
 * process.once('SIGTERM', () => worker.close())
 * ```
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const log = options.log ?? (() => {});
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const chunksInFlight = options.chunksInFlight ?? 2;
  // Two at least: a suspect line gets one try alone in its process before it can be blamed.
  const lineAttempts = Math.max(2, options.lineAttempts ?? 3);
  const lockDuration = options.lockDurationMs ?? 30_000;
  const connection = await connectQueue(options.url, 'worker');
  const { store } = connection;
  const [{ createSolvePool }, { compileHighs }] = await Promise.all([
    import('../pool/solve-pool.js'),
    import('../lp/highs-runtime.js'),
  ]);
  // Room for every line of every chunk in hand: lines wait in the pool, never refused. HiGHS is
  // compiled once here and shared by the threads.
  const pool = createSolvePool({
    threads,
    maxQueue: 128 * chunksInFlight,
    workerUrl: options.workerUrl,
    highsModule: await compileHighs(),
  });
  await pool.ready();
  const timeLimitMs = options.lineTimeLimitMs ?? batchLineLimits.timeLimitMs;
  const gate = createExclusiveGate();
  const solve: LineSolver = (line, lineNumber, alone = false, started) =>
    gate.run(async () => {
      await started?.();
      return pool.solveLine(line, lineNumber, {}, timeLimitMs, batchLineLimits.graceMs);
    }, alone);
  let stored = 0;

  /** Chunks being processed now (close waits for them itself: see below). */
  const inHand = new Set<Promise<string>>();
  function processChunk(job: Job<ChunkJobData>): Promise<string> {
    const work = runChunk(job);
    inHand.add(work);
    return work.finally(() => inHand.delete(work));
  }

  async function runChunk(job: Job<ChunkJobData>): Promise<string> {
    const { job: id, chunk, firstLine } = job.data;
    const start = await store.startChunk(id, chunk);
    if (!start.run) return start.reason;
    const lines = await linesOfChunk(start.input, firstLine);
    // A chunk started before and not stored: its earlier run died (or lost its lock) on the way.
    const careful = job.attemptsStarted > 1 || job.stalledCounter > 0;
    if (careful) log(`chunk ${chunk} of job ${id} runs again (run ${job.attemptsStarted}): one line at a time`);
    const outputs = careful
      ? await solveChunkCarefully(store, id, chunk, lines, solve, lineAttempts)
      : await solveChunk(lines, solve);
    const { text, lines: count, failed } = chunkText(outputs);
    const result = await store.storeChunk(id, chunk, text, count, failed);
    if (result === 1) stored++;
    return result === 1 ? 'stored' : result === 0 ? 'stored before' : result === -2 ? 'cancelled' : 'gone';
  }

  async function giveUp(job: Job<ChunkJobData>, reason: string): Promise<void> {
    const { job: id, chunk, firstLine } = job.data;
    const start = await store.startChunk(id, chunk);
    if (!start.run) return;
    const outputs = await givenUpChunk(store, id, chunk, await linesOfChunk(start.input, firstLine), reason);
    const { text, lines, failed } = chunkText(outputs);
    await store.storeChunk(id, chunk, text, lines, failed, true);
    log(`chunk ${chunk} of job ${id} given up: ${reason}`);
  }

  const { Worker } = await import('bullmq');
  const worker = new Worker<ChunkJobData, string>(queueName, processChunk, {
    connection: { url: connection.url, maxRetriesPerRequest: null },
    prefix: queuePrefix,
    concurrency: chunksInFlight,
    lockDuration,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    // Room for the careful re-runs to find a poison line and give it up, also for a chunk that
    // only shared a process with poison lines (it stalls with them).
    maxStalledCount: 3 * lineAttempts + 4,
    autorun: false,
  });
  let lastError = '';
  worker.on('error', (error: Error) => {
    if (error.message !== lastError) log(`queue error: ${error.message}`);
    lastError = error.message;
  });
  worker.on('failed', (job: Job<ChunkJobData> | undefined, error: Error) => {
    if (!job) return;
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (final)
      giveUp(job, error.message).catch((failure: Error) =>
        log(`could not store the error lines of chunk ${job.data.chunk}: ${failure.message}`),
      );
    else log(`chunk ${job.data.chunk} of job ${job.data.job} failed (${error.message}); it will be retried`);
  });
  worker.run().catch((error: Error) => log(`worker stopped: ${error.message}`));
  await worker.waitUntilReady();
  log(
    `${threads} solver thread${threads > 1 ? 's' : ''}, ${chunksInFlight} chunks at a time, on ${connection.display}`,
  );

  let closing: Promise<void> | undefined;
  return {
    stored: () => stored,
    close() {
      closing ??= (async () => {
        log('closing: finishing the chunks in hand');
        // BullMQ's close can wait forever on a connection that went through a Redis restart
        // (taskforcesh/bullmq#4656); a chunk's results are stored before its processor returns,
        // so once the chunks in hand are done, a close that does not end soon is cut short: a
        // chunk not marked completed is run again by another worker and found stored.
        const closed = worker.close();
        closed.catch(() => {});
        while (inHand.size > 0) await Promise.allSettled([...inHand]);
        const cut = await Promise.race([closed.then(() => false), delay(5_000, true, { ref: false })]);
        if (cut) log('closing: BullMQ did not close within 5 s of the last chunk; going on without it');
        log('closing: stopping the solver threads');
        await pool.close();
        log('closing: disconnecting');
        await connection.close();
      })();
      return closing;
    },
  };
}
