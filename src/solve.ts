import { checkLimits, defaultLimits, type Limits } from './limits.js';
import type { BlackwellDocument, LinearDocument, MatrixGameDocument, VonNeumannDocument } from './schema/problem.js';
import type { AnyResultDocument, ProblemDocument, ProblemKind, ResultOf } from './schema/kinds.js';
import type { ParetoDocument, ParetoResultDocument } from './schema/pareto.js';
import type { CompareDocument, CompareResultDocument } from './schema/compare.js';
import type { ApproachabilityDocument, ApproachabilityResultDocument } from './schema/approachability.js';
import type { ResultDocument } from './schema/result.js';
import type { EstimateDocument, EstimateResultDocument } from './schema/estimate.js';
import { validateProblem } from './schema/validate.js';
import { kindRegistry } from './kinds.js';
import { asBackendLimit } from './games/context.js';

/** Settings of the caller (not of the problem): size limits and an overall deadline. */
export interface SolveConfig {
  limits?: Partial<Limits>;
  /**
   * Wall-clock time (`Date.now()` milliseconds) by which the solve must return, whatever its
   * `options.timeLimitMs`: the HTTP service sets it so that a request's deadline includes the
   * time it waited for a worker.
   */
  deadline?: number;
  /**
   * When the problem arrived (`Date.now()` milliseconds): its `options.timeLimitMs` counts from
   * then, not from when solving starts (the HTTP service sets it to the request's arrival). A
   * problem whose time is up before solving starts is refused with `PREF_ERR_DEADLINE_EXPIRED`.
   */
  arrivedAt?: number;
  /**
   * The clock that `deadline` and `arrivedAt` are read on, in milliseconds (default `Date.now`);
   * the solvers' own time checks use it too. Tests inject one to count work instead of time.
   */
  clock?: () => number;
}

/**
 * Solves any problem document (docs/design.md section 4.1) and returns its result document (section 4.2;
 * each kind's shape is in `schemas/`).
 * The document is validated against the schema, checked against the limits, then solved by the
 * solver of its `kind`. Synchronous and pure: the same document gives the same result (apart
 * from `diagnostics.elapsedMs`). Throws {@link PrefgameError} with a stable code, a message
 * naming the field and its JSON pointer for every bad input.
 *
 * @example
 * ```ts
 * import { solve } from 'prefgame'
 * const result = solve({ kind: 'von-neumann', items: ['rock', 'paper', 'scissors'],
 *   preferences: [[0.5, 0, 1], [1, 0.5, 0], [0, 1, 0.5]] })
 * result.distribution // [1/3, 1/3, 1/3]; result.certificate.gap <= 1e-9
 * ```
 * An `estimate` document returns its own result shape ({@link EstimateResultDocument}).
 */
export function solve<K extends ProblemKind>(
  problem: { kind: K; [field: string]: unknown },
  config?: SolveConfig,
): ResultOf<K>;
export function solve(problem: unknown, config?: SolveConfig): AnyResultDocument;
export function solve(problem: unknown, config: SolveConfig = {}): AnyResultDocument {
  const limits: Limits = {
    ...defaultLimits,
    ...config.limits,
    deadline: config.deadline,
    arrivedAt: config.arrivedAt,
    clock: config.clock,
  };
  const document = validateProblem(problem);
  checkLimits(document, limits);
  try {
    return kindRegistry[document.kind].solve(document as never, limits);
  } catch (error) {
    throw asBackendLimit(error);
  }
}

type WithoutKind<T> = Omit<T, 'kind'> & { kind?: string };

/**
 * The von Neumann winner (maximal lottery) of one preference matrix: the lottery preferred to
 * every item at least half of the time. Same as `solve` with `kind: "von-neumann"`.
 *
 * @example
 * ```ts
 * vonNeumannWinner({ preferences: [[0.5, 0.6, 0.7], [0.4, 0.5, 0.9], [0.3, 0.1, 0.5]] }).distribution // [1, 0, 0]
 * ```
 */
export function vonNeumannWinner(problem: WithoutKind<VonNeumannDocument>, config?: SolveConfig): ResultDocument {
  return solve<'von-neumann'>({ ...problem, kind: 'von-neumann' }, config);
}

/**
 * The linear-aggregation winner: the von Neumann winner of `sum_c w_c P_c`, with the guarantee
 * on each criterion. Same as `solve` with `kind: "linear"`.
 *
 * @example
 * ```ts
 * assert.deepEqual(linearWinner({ criteria, weights: { speed: 1, safety: 1 } }).guarantees, { speed: 0.4, safety: 0.5 })
 * ```
 */
export function linearWinner(problem: WithoutKind<LinearDocument>, config?: SolveConfig): ResultDocument {
  return solve<'linear'>({ ...problem, kind: 'linear' }, config);
}

/**
 * The Blackwell winner: the lottery minimising the worst-case distance of its payoff vector to
 * the target set, under the l-infinity (default), l1 or l2 norm. Same as `solve` with
 * `kind: "blackwell"`.
 *
 * @example
 * ```ts
 * const result = blackwellWinner({ criteria, target: { thresholds: { speed: 0.5, safety: 0.5 } }, norm: 'l2' })
 * assert.equal(result.status, 'optimal')
 * assert.ok(result.certificate.lowerBound <= result.value && result.value <= result.certificate.upperBound)
 * ```
 */
export function blackwellWinner(problem: WithoutKind<BlackwellDocument>, config?: SolveConfig): ResultDocument {
  return solve<'blackwell'>({ ...problem, kind: 'blackwell' }, config);
}

/**
 * The equilibrium of a rectangular zero-sum game (the row player maximises): both strategies,
 * the value and its certificate. Same as `solve` with `kind: "matrix-game"`.
 *
 * @example
 * ```ts
 * matrixGame({ payoff: [[3, -1], [-2, 1]] }).value // 1/7
 * ```
 */
export function matrixGame(problem: WithoutKind<MatrixGameDocument>, config?: SolveConfig): ResultDocument {
  return solve<'matrix-game'>({ ...problem, kind: 'matrix-game' }, config);
}

/**
 * Estimates preference matrices from raw comparisons, with per-entry confidence intervals and
 * counts; optionally a winner with its bootstrap confidence and plug-in bound, a sample-size
 * plan and the classic rankings. Same as `solve` with `kind: "estimate"`.
 *
 * @example
 * ```ts
 * estimateFromComparisons({ comparisons: [{ winner: 'A', loser: 'B', count: 3 }, { tie: ['A', 'B'] }] }).criteria[0].preferences
 * // [[0.5, 0.8], [0.2, 0.5]]: (3 + 1/2 + 0.5) / (4 + 1)
 * ```
 */
export function estimateFromComparisons(
  problem: WithoutKind<EstimateDocument>,
  config?: SolveConfig,
): EstimateResultDocument {
  return solve({ ...problem, kind: 'estimate' } as EstimateDocument, config);
}

/**
 * The Pareto frontier of the worst-case guarantees of k >= 2 criteria: its vertices with
 * lotteries that attain them (exact for k = 2; for k >= 3 up to `maxVertices`, then inner and
 * outer approximations), optionally with the Blackwell winner of `target`, the linear winner of
 * `weights` and a threshold sweep. Same as `solve` with `kind: "pareto"`.
 *
 * @example
 * ```ts
 * const criteria = [{ name: 'safety', preferences: safetyRows }, { name: 'comfort', preferences: comfortRows }]
 * const { frontier } = paretoFrontier({ criteria })
 * assert.deepEqual(frontier[0].guarantees, { safety: 0.3, comfort: 0.5 }) // item b alone: most comfortable
 * ```
 */
export function paretoFrontier(problem: WithoutKind<ParetoDocument>, config?: SolveConfig): ParetoResultDocument {
  return solve<'pareto'>({ ...problem, kind: 'pareto' }, config);
}

/**
 * Compares named lotteries (given, or computed: von Neumann winners, linear and Blackwell
 * winners) on every criterion, on an `overall` matrix and against named targets, with the
 * head-to-head tables. Same as `solve` with `kind: "compare"`.
 *
 * @example
 * ```ts
 * const result = compareLotteries({
 *   criteria,
 *   overall: speedRows,
 *   targets: [{ name: 'safe', target: { thresholds: { safety: 0.5 } } }],
 *   lotteries: [
 *     { name: 'overall', source: 'von-neumann' },
 *     { name: 'safe', source: 'blackwell', target: 'safe' },
 *   ],
 * })
 * result.headToHead.overall![0][1] // how often the overall winner beats the safe lottery on the overall matrix (>= 1/2)
 * ```
 */
export function compareLotteries(problem: WithoutKind<CompareDocument>, config?: SolveConfig): CompareResultDocument {
  return solve<'compare'>({ ...problem, kind: 'compare' }, config);
}

/**
 * Blackwell approachability in repeated play: whether the target can be approached, the
 * smallest approachable enlargement (certified bounds), Blackwell's adaptive strategy for a given
 * history, and a seeded simulation. Same as `solve` with `kind: "approachability"`.
 *
 * @example
 * ```ts
 * assert.equal(approachability({ criteria, target: { thresholds: { safety: 0.6 } } }).approachable, false) // (1/2, 1/2) is not in the target
 * ```
 */
export function approachability(
  problem: WithoutKind<ApproachabilityDocument>,
  config?: SolveConfig,
): ApproachabilityResultDocument {
  return solve<'approachability'>({ ...problem, kind: 'approachability' }, config);
}

export type { ProblemDocument, AnyResultDocument };
