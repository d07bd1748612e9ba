/**
 * prefgame: game-theoretic preference aggregation. The root entry point is what a user needs:
 * `solve` and one function per kind, validation, the errors, and the document types. The rest
 * is in subpath entry points: `prefgame/schema` (JSON Schemas), `prefgame/estimation`
 * (comparisons, estimates, log imports), `prefgame/baselines` (classic rankings),
 * `prefgame/compare`, `prefgame/generate` (seeded data), `prefgame/plot`, `prefgame/batch`
 * (NDJSON lines, worker pool) and `prefgame/service` (the HTTP service as a fastify app).
 *
 * @example
 * ```ts
 * import { solve, type Problem, type Result } from 'prefgame'
 * const problem: Problem = { kind: 'von-neumann', preferences: [[0.5, 0.7], [0.3, 0.5]] }
 * const result: Result = solve(problem)
 * ```
 *
 * @packageDocumentation
 */
export {
  solve,
  vonNeumannWinner,
  linearWinner,
  blackwellWinner,
  matrixGame,
  estimateFromComparisons,
  paretoFrontier,
  compareLotteries,
  approachability,
  type SolveConfig,
} from './solve.js';
export { ready } from './ready.js';
export { checkProblem } from './check.js';
export { validateProblem } from './schema/validate.js';
export { PrefgameError, errorRegistry, toErrorDetail, type ErrorCode, type ErrorDetail } from './errors.js';
export { defaultLimits, type Limits } from './limits.js';
export { tolerances } from './numeric/tolerances.js';
export { schemaDocuments } from './schema/documents.js';
export {
  problemKinds,
  Problem,
  AnyResult,
  type ProblemKind,
  type ProblemOf,
  type ResultOf,
  type ProblemDocument,
  type AnyResultDocument,
} from './schema/kinds.js';
export {
  Result,
  ErrorLine,
  type ResultDocument,
  type ErrorLineDocument,
  type SolveStatusValue,
} from './schema/result.js';
export {
  VonNeumannProblem,
  LinearProblem,
  BlackwellProblem,
  MatrixGameProblem,
  Target,
  Criterion,
  Options,
  type VonNeumannDocument,
  type LinearDocument,
  type BlackwellDocument,
  type MatrixGameDocument,
  type TargetDocument,
  type CriterionDocument,
  type OptionsDocument,
} from './schema/problem.js';
export { Comparison, type ComparisonDocument, type EstimationSettingsDocument } from './schema/comparisons.js';
export {
  EstimateProblem,
  EstimateResult,
  type EstimateDocument,
  type EstimateResultDocument,
} from './schema/estimate.js';
export { ParetoProblem, ParetoResult, type ParetoDocument, type ParetoResultDocument } from './schema/pareto.js';
export { CompareProblem, CompareResult, type CompareDocument, type CompareResultDocument } from './schema/compare.js';
export {
  ApproachabilityProblem,
  ApproachabilityResult,
  type ApproachabilityDocument,
  type ApproachabilityResultDocument,
} from './schema/approachability.js';
export type {
  RankResultDocument,
  RankRequestDocument,
  RankSettingsDocument,
  LeaderboardEntryDocument,
} from './schema/rank.js';
