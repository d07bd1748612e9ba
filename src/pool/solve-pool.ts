import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { Piscina } from 'piscina';
import { PrefgameError } from '../errors.js';
import type { BatchOutput } from '../batch.js';
import { errorLine, identifierOf } from '../error-line.js';
import type { SolveConfig } from '../solve.js';
import type { PoolTask, SolveAnswer } from './worker.js';
import type { CompiledHighs, compileHighs } from '../lp/highs-runtime.js';

/** How a pool is sized and where its workers come from. */
export interface SolvePoolOptions {
  /** Worker threads; default: the CPU count. */
  threads?: number;
  /** Tasks waiting beyond the running ones before `solve` refuses with `PREF_ERR_OVERLOADED`; default 2 x threads. */
  maxQueue?: number;
  /** The worker module (tests swap in misbehaving workers); default: ./worker. */
  workerUrl?: URL;
  /**
   * A compiled HiGHS module ({@link compileHighs}) for the workers to share instead of each
   * compiling its own.
   */
  highsModule?: CompiledHighs;
}

/** A snapshot of the pool for /ready and /metrics. */
export interface PoolStats {
  threads: number;
  running: number;
  queueSize: number;
  maxQueue: number;
  utilization: number;
  completed: number;
}

/**
 * The default worker module: the bundled one (dist/bundle/worker.js, a few files to load instead
 * of about 400 modules, so workers start sooner), else the built one next to this file. Run from
 * the TypeScript sources (tests, benches) the pool still uses the built worker (`npm run build`;
 * `npm test` builds first): worker threads cannot load TypeScript modules that use top-level
 * await. Workers share nothing with this thread but plain data, so which build they run does not
 * matter to the caller.
 */
function defaultWorkerUrl(): URL {
  const candidates = import.meta.url.endsWith('.ts')
    ? [new URL('../../dist/bundle/worker.js', import.meta.url), new URL('../../dist/src/pool/worker.js', import.meta.url)]
    : [new URL('./worker.js', import.meta.url)];
  if (/\/dist\/src\/pool\/[^/]+$/.test(import.meta.url)) candidates.unshift(new URL('../../bundle/worker.js', import.meta.url));
  return candidates.find((url) => existsSync(url)) ?? candidates[candidates.length - 1];
}

/**
 * The error a task gets when its worker had to be stopped (its hard limit passed: told by the
 * task's own abort signal, not by the wording of piscina's error) or failed.
 */
function workerFailure(error: unknown, stopped: boolean, hardLimitMs: number): PrefgameError {
  if (stopped) {
    return new PrefgameError('PREF_ERR_WORKER_TIMEOUT', `the solve did not return within ${hardLimitMs} ms and its worker was replaced`, '');
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new PrefgameError('PREF_ERR_WORKER_FAILED', `the worker solving this problem failed and was replaced: ${reason}`, '');
}

/**
 * A bounded pool of worker threads that run solves off the main thread (piscina). Each task has
 * a deadline, counted from when it is submitted: the solver stops at it with its best answer
 * (`status: "time_limit"`), and a worker still busy a grace period later is terminated and
 * replaced, the task failing with `PREF_ERR_WORKER_TIMEOUT`; a worker that crashes fails its task with `PREF_ERR_WORKER_FAILED`;
 * a full queue refuses at once with `PREF_ERR_OVERLOADED`. Solvers honour `options.timeLimitMs`
 * themselves, so the hard limit only catches what cannot stop.
 *
 * @example
 * ```ts
 * const pool = createSolvePool({ threads: 2 })
 * await pool.ready()
 * const answer = await pool.solve(problem, {}, 10_000, 5_000)
 * await pool.close()
 * ```
 */
export function createSolvePool(options: SolvePoolOptions = {}) {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const maxQueue = options.maxQueue ?? 2 * threads;
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  const piscina = new Piscina({
    filename: workerUrl.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Infinity,
    workerData: options.highsModule ? { highsModule: options.highsModule } : undefined,
  });
  /** Tasks submitted and not settled: running on a worker or waiting for one. */
  let running = 0;

  async function runTask<T>(task: PoolTask, hardLimitMs: number, transferList?: ArrayBuffer[]): Promise<T> {
    // The queue bound is ours, counted exactly: piscina's depends on worker start-up states.
    if (running >= threads + maxQueue) {
      throw new PrefgameError('PREF_ERR_OVERLOADED', 'every worker is busy and the queue is full; retry shortly', '');
    }
    running++;
    const signal = AbortSignal.timeout(hardLimitMs);
    try {
      return (await piscina.run(task, { signal, transferList })) as T;
    } catch (error) {
      throw workerFailure(error, signal.aborted, hardLimitMs);
    } finally {
      running--;
    }
  }

  return {
    threads,
    maxQueue,
    /** Loads HiGHS in every worker (one warm-up solve each). */
    async ready(): Promise<void> {
      await Promise.all(Array.from({ length: threads }, () => runTask<true>({ type: 'warm-up' }, 60_000)));
    },
    /**
     * Solves one problem document within `timeLimitMs` from now (queue wait included); its worker
     * is replaced if it has not answered `graceMs` later. Bad input comes back as
     * `{ ok: false, error }`.
     */
    solve(document: unknown, config: SolveConfig, timeLimitMs: number, graceMs: number): Promise<SolveAnswer> {
      return runTask<SolveAnswer>({ type: 'solve', document, config: { ...config, deadline: Date.now() + timeLimitMs } }, timeLimitMs + graceMs);
    },
    /**
     * Solves one request body (JSON bytes, copied and moved to the worker, which parses and
     * validates it off the main thread), for a route of `kind` if given; as {@link solve}.
     */
    solveRequest(body: Uint8Array, kind: string | undefined, config: SolveConfig, timeLimitMs: number, graceMs: number): Promise<SolveAnswer> {
      const bytes = new Uint8Array(body); // an own buffer: a request's may be a slice of a shared pool
      return runTask<SolveAnswer>({ type: 'request', body: bytes, kind, config: { ...config, deadline: Date.now() + timeLimitMs } }, timeLimitMs + graceMs, [bytes.buffer]);
    },
    /**
     * Solves one batch line; never rejects (worker failures become error lines). A batch is one
     * client, so its lines wait for room in a full queue instead of being refused.
     */
    async solveLine(line: string | Uint8Array, lineNumber: number, config: SolveConfig, timeLimitMs: number, graceMs: number): Promise<BatchOutput> {
      // Bytes are moved, not copied (the caller hands over a line it owns, as byteLines does).
      const transfer = typeof line === 'string' ? undefined : [line.buffer as ArrayBuffer];
      for (;;) {
        try {
          return await runTask<BatchOutput>({ type: 'line', line, lineNumber, config: { ...config, deadline: Date.now() + timeLimitMs } }, timeLimitMs + graceMs, transfer);
        } catch (error) {
          if (error instanceof PrefgameError && error.code === 'PREF_ERR_OVERLOADED') {
            await delay(10);
            continue;
          }
          return errorLine(identifierOfLine(line), lineNumber, error);
        }
      }
    },
    /** True when a task submitted now would have to wait (or be refused). */
    saturated(): boolean {
      return running >= threads + maxQueue;
    },
    stats(): PoolStats {
      return { threads, running: Math.min(running, threads), queueSize: Math.max(0, running - threads), maxQueue, utilization: piscina.utilization, completed: piscina.completed };
    },
    /** Waits for running tasks, then stops the workers. */
    async close(): Promise<void> {
      await piscina.close();
    },
  };
}

/** The pool's type. */
export type SolvePool = ReturnType<typeof createSolvePool>;

/** The `id` of a batch line whose worker failed (parsed here only in that rare case). */
function identifierOfLine(line: string | Uint8Array): string | number | null {
  try {
    return identifierOf(JSON.parse(typeof line === 'string' ? line : new TextDecoder().decode(line)));
  } catch {
    return null;
  }
}
