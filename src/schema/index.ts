/**
 * `prefgame/schema`: the JSON Schemas of every document (TypeBox objects, usable with any JSON
 * Schema 2020-12 validator), their TypeScript types, and the validation that explains a schema
 * error in words with a stable code and a JSON pointer.
 *
 * @example
 * ```ts
 * import { schemaDocuments, BlackwellProblem } from 'prefgame/schema'
 * schemaDocuments.blackwell.$id // 'urn:prefgame:schema:blackwell'
 * ```
 *
 * @packageDocumentation
 */
export { schemaDocuments } from './documents.js';
export { validateProblem, explainSchemaError, explainSchemaErrors } from './validate.js';
export {
  kindSchemas,
  problemKinds,
  Problem,
  AnyResult,
  type ProblemKind,
  type ProblemOf,
  type ProblemDocument,
  type ResultOf,
  type AnyResultDocument,
} from './kinds.js';
export {
  NumberByName,
  PreferenceMatrix,
  Criterion,
  Options,
  Halfspace,
  Target,
  Norm,
  VonNeumannProblem,
  LinearProblem,
  BlackwellProblem,
  MatrixGameProblem,
  type VonNeumannDocument,
  type LinearDocument,
  type BlackwellDocument,
  type MatrixGameDocument,
  type TargetDocument,
  type OptionsDocument,
  type CriterionDocument,
} from './problem.js';
export {
  SupportEntry,
  Certificate,
  Diagnostics,
  SolveStatus,
  Result,
  ErrorDetailSchema,
  ErrorLine,
  type ResultDocument,
  type ErrorLineDocument,
  type CertificateDocument,
  type SolveStatusValue,
} from './result.js';
export {
  defaultCriterionName,
  maxComparisonCount,
  Comparison,
  Comparisons,
  EstimationSettings,
  type ComparisonDocument,
  type EstimationSettingsDocument,
} from './comparisons.js';
export {
  estimateWinnerKinds,
  estimateDefaults,
  IntervalSettings,
  BootstrapSettings,
  EstimateProblem,
  WinnerBootstrap,
  PlugInBound,
  SamplePlan,
  EstimateResult,
  type EstimateDocument,
  type EstimateResultDocument,
  type WinnerBootstrapDocument,
  type PlugInBoundDocument,
  type SamplePlanDocument,
} from './estimate.js';
export {
  Sweep,
  ParetoProblem,
  FrontierPoint,
  MarkedWinner,
  TradeoffDiagnostics,
  ParetoResult,
  type ParetoDocument,
  type SweepDocument,
  type ParetoResultDocument,
  type MarkedWinnerDocument,
} from './pareto.js';
export {
  NamedTarget,
  LotteryEntry,
  CompareProblem,
  ComparedLottery,
  CompareResult,
  type CompareDocument,
  type LotteryEntryDocument,
  type CompareResultDocument,
  type ComparedLotteryDocument,
} from './compare.js';
export {
  PayoffCriterion,
  StrategyRequest,
  Opponent,
  SimulationRequest,
  ApproachabilityProblem,
  TrajectoryPoint,
  ApproachabilityResult,
  type ApproachabilityDocument,
  type ApproachabilityResultDocument,
  type SimulationRequestDocument,
  type OpponentDocument,
} from './approachability.js';
export {
  rankingMethods,
  defaultRegularisation,
  RankingsRequest,
  RankedItem,
  BradleyTerryRanking,
  BaselineRanking,
  Rankings,
  type RankingMethod,
  type RankingsRequestDocument,
  type RankedItemDocument,
  type BaselineRankingDocument,
  type RankingsDocument,
} from './rankings.js';
