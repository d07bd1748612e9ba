/**
 * prefgame: game-theoretic preference aggregation. The whole public API (re-exports only).
 *
 * @example
 * ```ts
 * import { solve } from 'prefgame'
 * const result = solve({ kind: 'von-neumann', preferences: [[0.5, 0.7], [0.3, 0.5]] })
 * ```
 */
export { solve, vonNeumannWinner, linearWinner, blackwellWinner, matrixGame, paretoFrontier, compareLotteries, approachability, type SolveConfig } from './solve.js';
export { PrefgameError, errorRegistry, toErrorDetail, type ErrorCode, type ErrorDetail } from './errors.js';
export { defaultLimits, type Limits } from './limits.js';
export { tolerances } from './numeric/tolerances.js';
export { validateProblem, checkKind, explainSchemaError, ajv } from './schema/validate.js';
export { checkProblem } from './check.js';
export { solveLine, errorLine, type BatchOutput } from './batch.js';
export { createSolvePool, type SolvePool, type SolvePoolOptions, type PoolStats } from './pool/solve-pool.js';
export { solveInOrder } from './pool/ordered-batch.js';
export { schemaDocuments } from './schema/documents.js';
export { VonNeumannProblem, LinearProblem, BlackwellProblem, MatrixGameProblem, contractKinds } from './schema/problem.js';
export type { VonNeumannDocument, LinearDocument, BlackwellDocument, MatrixGameDocument, TargetDocument, OptionsDocument } from './schema/problem.js';
export { kindRegistry, problemKinds, Problem, AnyResult, type ProblemDocument, type ProblemKind, type KindDefinition, type AnyResultDocument, type ResultOf } from './kinds.js';
export { ParetoProblem, ParetoResult, Sweep } from './schema/pareto.js';
export type { ParetoDocument, ParetoResultDocument, SweepDocument, MarkedWinnerDocument } from './schema/pareto.js';
export { CompareProblem, CompareResult } from './schema/compare.js';
export type { CompareDocument, CompareResultDocument, LotteryEntryDocument } from './schema/compare.js';
export { lotterySources, type LotterySource, type CompareSetting } from './compare/sources.js';
export { headToHead } from './compare/compare.js';
export { ApproachabilityProblem, ApproachabilityResult } from './schema/approachability.js';
export type { ApproachabilityDocument, ApproachabilityResultDocument } from './schema/approachability.js';
export { Result, ErrorLine } from './schema/result.js';
export type { ResultDocument, ErrorLineDocument } from './schema/result.js';
export { highsVersion } from './lp/highs.js';
export { plotResult, renderSvg } from './plot/render.js';
export { plotSpecs, frontierSpec, distributionSpec, trajectorySpec, type VegaLiteSpec } from './plot/specs.js';
