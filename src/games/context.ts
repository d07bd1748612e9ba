import type { LpBackend, LpSettings, LpSolution, LinearProgram } from '../lp/model.js';
import { PrefgameError } from '../errors.js';
import { assertBackendCanSolve, LpTooLargeError } from '../lp/backends.js';

/**
 * What one solve carries through its LP calls: the engine, the deadline, the tolerance, and the
 * counters and warnings that end up in the result's diagnostics. Created per solve and never
 * shared, so solvers stay pure functions of their input.
 */
/** Which algorithm a solve uses for its games (`options.method`). */
export type SolveMethod = 'auto' | 'full-lp' | 'column-generation';

export interface SolveContext {
  readonly backend: LpBackend;
  readonly method: SolveMethod;
  /** The clock of `deadline`, in milliseconds (`performance.now` unless a caller injected one). */
  readonly now: () => number;
  /** `now()` value after which no new LP work starts. */
  readonly deadline: number;
  readonly tolerance: number;
  readonly warnings: string[];
  iterations: number;
  lpSolves: number;
  timedOut: boolean;
}

/**
 * A fresh context. The engine is prepared first (HiGHS loads its WebAssembly on a process's or
 * worker's first solve), and only then does the clock start: a time limit is charged for the
 * solve, not for loading the engine. `now` is the clock (tests inject one).
 *
 * @example
 * ```ts
 * const context = createContext(backendNamed('highs'), 10_000, 1e-9)
 * ```
 */
export function createContext(
  backend: LpBackend,
  timeLimitMs: number,
  tolerance: number,
  method: SolveMethod = 'auto',
  clock?: () => number,
): SolveContext {
  backend.prepare?.();
  const now = clock ?? (() => performance.now());
  return {
    backend,
    method,
    now,
    deadline: now() + timeLimitMs,
    tolerance,
    warnings: [],
    iterations: 0,
    lpSolves: 0,
    timedOut: false,
  };
}

/** Milliseconds left before the deadline (at least 1, so engines always get a positive limit). */
export function remainingMs(context: SolveContext): number {
  return Math.max(1, context.deadline - context.now());
}

/** True when the deadline has passed. */
export function pastDeadline(context: SolveContext): boolean {
  return context.now() >= context.deadline;
}

/**
 * Why a generation loop (double oracle, cutting planes) must stop before its next round, or null
 * to go on: `time_limit` past the deadline (and the context marked as timed out),
 * `iteration_limit` after `maximumRounds` rounds or once the restricted problem holds more than
 * `maximumItems` items.
 *
 * @example
 * ```ts
 * let rounds = 0
 * while (stopBeforeRound(context, rounds, 10, { maximumRounds: 50, maximumItems: 400 }) === null) rounds++
 * assert.equal(rounds, 50) // stopped by the round cap ('iteration_limit'), not by the deadline
 * ```
 */
export function stopBeforeRound(
  context: SolveContext,
  rounds: number,
  itemCount: number,
  limits: { maximumRounds: number; maximumItems: number },
): 'time_limit' | 'iteration_limit' | null {
  if (pastDeadline(context)) {
    context.timedOut = true;
    return 'time_limit';
  }
  return rounds >= limits.maximumRounds || itemCount > limits.maximumItems ? 'iteration_limit' : null;
}

/**
 * An LP engine's refusal as the problem's error: `PREF_ERR_BACKEND_LIMIT` at `/options/backend`,
 * the option that chose the engine. Anything else is returned unchanged.
 *
 * @example
 * ```ts
 * const refusal = asBackendLimit(new LpTooLargeError('javascript-lp-solver', 300, 301, 6000))
 * assert.ok(refusal instanceof PrefgameError && refusal.code === 'PREF_ERR_BACKEND_LIMIT' && refusal.pointer === '/options/backend')
 * ```
 */
export function asBackendLimit(error: unknown): unknown {
  if (!(error instanceof LpTooLargeError)) return error;
  return new PrefgameError(
    'PREF_ERR_BACKEND_LIMIT',
    `options.backend "${error.backend}" takes LPs of at most ${error.maximumCells} rows x columns; this problem needs ${error.rowCount} x ${error.columnCount}: use "highs"`,
    '/options/backend',
  );
}

/**
 * Refuses an LP the context's engine cannot take (see {@link asBackendLimit}). For
 * javascript-lp-solver's 6,000 cells: von Neumann problems up to 77 items, Blackwell problems
 * with 3 criteria up to 43.
 *
 * @example
 * ```ts
 * assertContextCanSolve(context, program) // never throws for HiGHS
 * ```
 */
export function assertContextCanSolve(
  context: SolveContext,
  program: Pick<LinearProgram, 'rowCount' | 'columnCount'>,
): void {
  try {
    assertBackendCanSolve(context.backend, program);
  } catch (error) {
    throw asBackendLimit(error);
  }
}

/**
 * Solves one LP with the context's engine and the time that is left, and counts it.
 *
 * @example
 * ```ts
 * const solution = solveWithin(context, program) // min x s.t. x >= 1, 0 <= x <= 10
 * assert.equal(solution.status, 'optimal')
 * assert.equal(solution.objective, 1)
 * ```
 */
export function solveWithin(
  context: SolveContext,
  program: LinearProgram,
  settings: Omit<LpSettings, 'timeLimitMs'> = {},
): LpSolution {
  assertContextCanSolve(context, program);
  const solution = context.backend.solve(program, {
    algorithm: 'auto',
    ...settings,
    timeLimitMs: remainingMs(context),
  });
  record(context, solution);
  return solution;
}

/** Adds a solve's iterations and time-limit flag to the context. */
export function record(context: SolveContext, solution: LpSolution): void {
  context.iterations += solution.iterations;
  context.lpSolves += 1;
  if (solution.status === 'time_limit') context.timedOut = true;
}

/**
 * Runs `work` with the same engine, deadline, warnings and counters but another tolerance (a
 * kind that solves several sub-problems, each with its own default tolerance). The counters
 * the work adds are carried back.
 *
 * @example
 * ```ts
 * const winner = withTolerance(context, 1e-7, (inner) => blackwellSolution(matrices, target, 'l2', inner))
 * assert.equal(context.tolerance, 1e-9) // the outer context keeps its own tolerance
 * ```
 */
export function withTolerance<T>(context: SolveContext, tolerance: number, work: (inner: SolveContext) => T): T {
  const inner: SolveContext = { ...context, tolerance };
  try {
    return work(inner);
  } finally {
    context.iterations = inner.iterations;
    context.lpSolves = inner.lpSolves;
    context.timedOut = inner.timedOut;
  }
}
