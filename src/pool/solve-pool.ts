import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { Piscina } from 'piscina';
import { PrefgameError } from '../errors.js';
import type { BatchOutput } from '../batch.js';
import { errorLine, identifierOf } from '../error-line.js';
import type { SolveConfig } from '../solve.js';
import type { PoolTask, RankAnswer, SolveAnswer } from './worker.js';
import type { CompiledHighs } from '../lp/highs-runtime.js';
import type { RankMediaType } from '../rank/rank-settings.js';
import type { RankSettingsDocument } from '../schema/rank.js';

/** How a pool is sized and where its workers come from. */
export interface SolvePoolOptions {
  /** Worker threads; default: the CPU count. */
  threads?: number;
  /** Tasks waiting beyond the running ones before `solve` refuses with `PREF_ERR_OVERLOADED`; default 2 x threads. */
  maxQueue?: number;
  /** The worker module (tests swap in misbehaving workers); default: ./worker. */
  workerUrl?: URL;
  /**
   * A compiled HiGHS module (`compileHighs()`) for the workers to share instead of each
   * compiling its own.
   */
  highsModule?: CompiledHighs;
}

/**
 * A place in the pool, held for a request whose body has not been read yet
 * ({@link SolvePool.waitForPlace}). Passing it to `solveRequest` or `rankRequest` turns it into
 * the request's task; `release()` gives it back unused (the request failed before it was
 * solved). Releasing a place already used or released does nothing.
 */
export interface Place {
  release(): void;
}

/** A snapshot of the pool for /ready and /metrics. */
export interface PoolStats {
  threads: number;
  running: number;
  queueSize: number;
  maxQueue: number;
  /** Places held for requests whose bodies are being read. */
  held: number;
  /** Requests waiting, unread, for a place ({@link SolvePool.waitForPlace}). */
  waitingForPlace: number;
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
    ? [
        new URL('../../dist/bundle/worker.js', import.meta.url),
        new URL('../../dist/src/pool/worker.js', import.meta.url),
      ]
    : [new URL('./worker.js', import.meta.url)];
  if (/\/dist\/src\/pool\/[^/]+$/.test(import.meta.url))
    candidates.unshift(new URL('../../bundle/worker.js', import.meta.url));
  return candidates.find((url) => existsSync(url)) ?? candidates[candidates.length - 1];
}

/** Why a running task was aborted: its hard limit, or the shutdown of the pool. */
const shutdownReason = 'shutdown';

/**
 * The error a task gets when its worker had to be stopped (told by the task's own abort signal
 * and its reason, not by the wording of piscina's error: its hard limit passed, or the pool is
 * shutting down) or failed.
 */
function workerFailure(error: unknown, hardLimitMs: number, aborted?: unknown): PrefgameError {
  if (error instanceof PrefgameError) return error;
  if (aborted === shutdownReason) {
    return new PrefgameError(
      'PREF_ERR_SHUTTING_DOWN',
      'the service is shutting down and stopped this solve before it finished; retry on another instance',
      '',
    );
  }
  if (aborted !== undefined) {
    return new PrefgameError(
      'PREF_ERR_WORKER_TIMEOUT',
      `the solve did not return within ${hardLimitMs} ms and its worker was replaced`,
      '',
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new PrefgameError(
    'PREF_ERR_WORKER_FAILED',
    `the worker solving this problem failed and was replaced: ${reason}`,
    '',
  );
}

const overloaded = () =>
  new PrefgameError('PREF_ERR_OVERLOADED', 'every worker is busy and the queue is full; retry shortly', '');
const shuttingDown = () =>
  new PrefgameError('PREF_ERR_SHUTTING_DOWN', 'the service is shutting down; retry on another instance', '');

/** A request waiting, unread, for a place in the pool; `answer` is called once. */
interface PlaceWaiter {
  answer: (place: Place | undefined) => void;
}

/** A task waiting for a worker, with the absolute deadline (`Date.now()` ms) it must start by. */
interface WaitingTask {
  task: PoolTask;
  deadline: number;
  graceMs: number;
  transferList?: ArrayBuffer[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * A bounded pool of worker threads that run solves off the main thread (piscina). The queue is
 * the pool's own FIFO in front of the workers, so that it knows which tasks have not started:
 *
 * - Each task has a deadline counted from its arrival (`arrivedAt`, default: now), queue wait
 *   included. A task whose deadline passes while it waits is answered at once with
 *   `PREF_ERR_DEADLINE_EXPIRED`, unsolved; a running one stops at its deadline with its best
 *   answer (`status: "time_limit"`, the solvers honour it), and a worker still busy `graceMs`
 *   later is terminated and replaced (`PREF_ERR_WORKER_TIMEOUT`).
 * - A worker that crashes fails its task with `PREF_ERR_WORKER_FAILED`.
 * - A full queue refuses at once with `PREF_ERR_OVERLOADED` ({@link saturated} tells before
 *   anything is read). A request can instead wait, unread, for a place ({@link waitForPlace}):
 *   places go to the waiting requests in arrival order as tasks finish, so that clients which
 *   retry at once on 503 are paced by the pool instead of spinning.
 * - On shutdown, {@link refuseWaiting} answers every waiting task with `PREF_ERR_SHUTTING_DOWN`
 *   and from then on takes a new task only when a worker is free at once; {@link stopRunning}
 *   stops the running ones the same way.
 *
 * @example
 * ```ts
 * const pool = createSolvePool({ threads: 1 })
 * await pool.ready()
 * const answer = await pool.solve({ kind: 'von-neumann', preferences: speedRows }, {}, 10_000, 5_000)
 * await pool.close()
 * assert.ok(answer.ok && answer.result.status === 'optimal')
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
  const waiting: WaitingTask[] = [];
  const running = new Set<AbortController>();
  const held = new Set<Place>();
  const placeWaiters: PlaceWaiter[] = [];
  let refusing = false;
  let closed = false;

  /** Tasks running or waiting, and places held for requests still being read. */
  const load = () => running.size + waiting.length + held.size;
  const hasRoom = () => load() < threads + maxQueue;

  function holdPlace(): Place {
    const place: Place = {
      release() {
        if (held.delete(place)) grantPlaces();
      },
    };
    held.add(place);
    return place;
  }

  /** Gives the room there is to the requests waiting for a place, first come first served. */
  function grantPlaces(): void {
    while (placeWaiters.length > 0 && !refusing && hasRoom()) placeWaiters.shift()!.answer(holdPlace());
  }

  function refusePlaceWaiters(): void {
    for (const waiter of placeWaiters.splice(0)) waiter.answer(undefined);
  }

  function start(entry: WaitingTask): void {
    const controller = new AbortController();
    running.add(controller);
    const hardLimitMs = Math.max(1, entry.deadline - Date.now()) + entry.graceMs;
    const timer = setTimeout(() => controller.abort('hard limit'), hardLimitMs);
    piscina
      .run(entry.task, { signal: controller.signal, transferList: entry.transferList })
      .then(entry.resolve, (error) =>
        entry.reject(
          workerFailure(error, hardLimitMs, controller.signal.aborted ? controller.signal.reason : undefined),
        ),
      )
      .finally(() => {
        clearTimeout(timer);
        running.delete(controller);
        pump();
      });
  }

  /** Starts waiting tasks while a worker is free; answers those whose deadline passed, unsolved. */
  function pump(): void {
    while (running.size < threads && waiting.length > 0) {
      const entry = waiting.shift()!;
      if (Date.now() >= entry.deadline) {
        entry.reject(
          new PrefgameError(
            'PREF_ERR_DEADLINE_EXPIRED',
            'the time limit ran out while the request waited for a worker; it was not solved',
            '',
          ),
        );
        continue;
      }
      start(entry);
    }
    grantPlaces();
  }

  function runTask<T>(
    task: PoolTask,
    deadline: number,
    graceMs: number,
    transferList?: ArrayBuffer[],
    place?: Place,
  ): Promise<T> {
    // A held place becomes this task (the load stays the same).
    const placed = place !== undefined && held.delete(place);
    // Shutting down, a task that arrives now (a request whose body was still being read) runs
    // only if a worker is free at once: it never waits.
    if (closed || (refusing && running.size >= threads)) return Promise.reject(shuttingDown());
    if (!placed && load() >= threads + maxQueue) return Promise.reject(overloaded());
    return new Promise<T>((resolve, reject) => {
      waiting.push({ task, deadline, graceMs, transferList, resolve: resolve as (value: unknown) => void, reject });
      pump();
    });
  }

  function deadlineOf(arrivedAt: number | undefined, timeLimitMs: number): { arrivedAt: number; deadline: number } {
    const arrival = arrivedAt ?? Date.now();
    return { arrivedAt: arrival, deadline: arrival + timeLimitMs };
  }

  return {
    threads,
    maxQueue,
    /** Loads HiGHS in every worker (one warm-up solve each). */
    async ready(): Promise<void> {
      await Promise.all(
        Array.from({ length: threads }, () => runTask<true>({ type: 'warm-up' }, Date.now() + 60_000, 0)),
      );
    },
    /**
     * Solves one problem document within `timeLimitMs` from `arrivedAt` (`Date.now()` ms,
     * default now; queue wait included); its worker is replaced if it has not answered
     * `graceMs` later. Bad input comes back as `{ ok: false, error }`.
     */
    solve(
      document: unknown,
      config: SolveConfig,
      timeLimitMs: number,
      graceMs: number,
      arrivedAt?: number,
    ): Promise<SolveAnswer> {
      const timing = deadlineOf(arrivedAt, timeLimitMs);
      return runTask<SolveAnswer>(
        { type: 'solve', document, config: { ...config, ...timing } },
        timing.deadline,
        graceMs,
      );
    },
    /**
     * Solves one request body (JSON bytes, copied and moved to the worker, which parses and
     * validates it off the main thread), for a route of `kind` if given; as {@link solve}. With
     * a `place` from {@link waitForPlace} it takes that place instead of being refused.
     */
    solveRequest(
      body: Uint8Array,
      kind: string | undefined,
      config: SolveConfig,
      timeLimitMs: number,
      graceMs: number,
      arrivedAt?: number,
      place?: Place,
    ): Promise<SolveAnswer> {
      const bytes = new Uint8Array(body); // an own buffer: a request's may be a slice of a shared pool
      const timing = deadlineOf(arrivedAt, timeLimitMs);
      return runTask<SolveAnswer>(
        { type: 'request', body: bytes, kind, config: { ...config, ...timing } },
        timing.deadline,
        graceMs,
        [bytes.buffer],
        place,
      );
    },
    /**
     * Ranks one `POST /v1/rank` body (bytes moved to the worker, which reads the log and ranks
     * it), within `timeLimitMs` from `arrivedAt` (default now); as {@link solveRequest}.
     */
    rankRequest(
      body: Uint8Array,
      mediaType: RankMediaType,
      settings: RankSettingsDocument,
      config: SolveConfig,
      timeLimitMs: number,
      graceMs: number,
      arrivedAt?: number,
      place?: Place,
    ): Promise<RankAnswer> {
      const bytes = new Uint8Array(body);
      const timing = deadlineOf(arrivedAt, timeLimitMs);
      return runTask<RankAnswer>(
        { type: 'rank', body: bytes, mediaType, settings, config: { ...config, ...timing } },
        timing.deadline,
        graceMs,
        [bytes.buffer],
        place,
      );
    },
    /**
     * Solves one batch line; never rejects (worker failures become error lines). A batch is one
     * client, so its lines wait for room in a full queue instead of being refused; each line's
     * time counts from when it is handed to the pool.
     */
    async solveLine(
      line: string | Uint8Array,
      lineNumber: number,
      config: SolveConfig,
      timeLimitMs: number,
      graceMs: number,
    ): Promise<BatchOutput> {
      for (;;) {
        // A copy of the bytes is moved to the worker; the line stays here, so that the error
        // line of a worker that crashed can still name its id.
        const payload = typeof line === 'string' ? line : new Uint8Array(line);
        const transfer = typeof payload === 'string' ? undefined : [payload.buffer];
        try {
          const timing = deadlineOf(undefined, timeLimitMs);
          return await runTask<BatchOutput>(
            { type: 'line', line: payload, lineNumber, config: { ...config, ...timing } },
            timing.deadline,
            graceMs,
            transfer,
          );
        } catch (error) {
          if (error instanceof PrefgameError && error.code === 'PREF_ERR_OVERLOADED') {
            await delay(10);
            continue;
          }
          return errorLine(identifierOfLine(line), lineNumber, error);
        }
      }
    },
    /**
     * True when a task submitted now would be refused, or would have to wait behind requests
     * already waiting for a place (checked before a request body is read).
     */
    saturated(): boolean {
      return closed || (refusing && running.size >= threads) || !hasRoom() || placeWaiters.length > 0;
    },
    /**
     * Why a request gets no place now: `PREF_ERR_SHUTTING_DOWN` once shutdown has begun
     * ({@link refuseWaiting} or {@link close}), else `PREF_ERR_OVERLOADED`.
     */
    refusal(): PrefgameError {
      return refusing ? shuttingDown() : overloaded();
    },
    /**
     * A place in the pool for a request whose body has not been read: at once when there is
     * room and nobody waits before it; else the request waits, unread (its bytes stay in the
     * socket), until a task finishes and the places reach it in arrival order. `undefined` when
     * `waitMs` (shortened by up to a quarter at random, so that a crowd does not retry in step)
     * passes first, `maxWaiting` requests already wait, `signal` aborts (the client
     * left) or the pool is shutting down.
     */
    waitForPlace(waitMs: number, maxWaiting: number, signal?: AbortSignal): Promise<Place | undefined> {
      if (closed || refusing || signal?.aborted) return Promise.resolve(undefined);
      if (placeWaiters.length === 0 && hasRoom()) return Promise.resolve(holdPlace());
      if (waitMs <= 0 || placeWaiters.length >= maxWaiting) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        const waiter: PlaceWaiter = {
          answer(place) {
            clearTimeout(timer);
            signal?.removeEventListener('abort', leave);
            resolve(place);
          },
        };
        const leave = () => {
          const index = placeWaiters.indexOf(waiter);
          if (index >= 0) placeWaiters.splice(index, 1);
          waiter.answer(undefined);
        };
        // Between 3/4 and all of `waitMs`: clients that arrived together do not all get their
        // 503 (and retry) in the same instant again.
        const timer = setTimeout(leave, waitMs * (0.75 + 0.25 * Math.random()));
        signal?.addEventListener('abort', leave, { once: true });
        placeWaiters.push(waiter);
      });
    },
    /** Answers every waiting task with `PREF_ERR_SHUTTING_DOWN` and refuses new ones (shutdown, step 1). */
    refuseWaiting(): void {
      refusing = true;
      for (const entry of waiting.splice(0)) entry.reject(shuttingDown());
      refusePlaceWaiters();
    },
    /** Stops the running tasks, answering them with `PREF_ERR_SHUTTING_DOWN` (shutdown past its grace). */
    stopRunning(): void {
      for (const controller of running) controller.abort(shutdownReason);
    },
    stats(): PoolStats {
      return {
        threads,
        running: running.size,
        queueSize: waiting.length,
        maxQueue,
        held: held.size,
        waitingForPlace: placeWaiters.length,
        utilization: piscina.utilization,
        completed: piscina.completed,
      };
    },
    /** Waits for running tasks, then stops the workers. */
    async close(): Promise<void> {
      refusing = true;
      closed = true;
      for (const entry of waiting.splice(0)) entry.reject(shuttingDown());
      refusePlaceWaiters();
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
