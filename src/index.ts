/**
 * prefgame: game-theoretic preference aggregation. The whole public API (re-exports only).
 *
 * @example
 * ```ts
 * import { solve } from 'prefgame'
 * const result = solve({ kind: 'von-neumann', preferences: [[0.5, 0.7], [0.3, 0.5]] })
 * ```
 */
export { solve, vonNeumannWinner, linearWinner, blackwellWinner, matrixGame, estimateFromComparisons, paretoFrontier, compareLotteries, approachability, type SolveConfig } from './solve.js';
export { PrefgameError, errorRegistry, toErrorDetail, type ErrorCode, type ErrorDetail } from './errors.js';
export { defaultLimits, type Limits } from './limits.js';
export { tolerances } from './numeric/tolerances.js';
export { validateProblem, checkKind, explainSchemaError, explainSchemaErrors } from './schema/validate.js';
export { ajv } from './schema/ajv.js';
export { ajvSettings } from './schema/ajv-settings.js';
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
export { ready } from './ready.js';
export { compileHighs, type CompiledHighs } from './lp/highs-runtime.js';

// Estimation from comparisons (README "Estimation from comparisons").
export { Comparison, Comparisons, EstimationSettings, defaultCriterionName } from './schema/comparisons.js';
export type { ComparisonDocument, EstimationSettingsDocument } from './schema/comparisons.js';
export { EstimateProblem, EstimateResult, estimateDefaults } from './schema/estimate.js';
export type { EstimateDocument, EstimateResultDocument, WinnerBootstrapDocument, PlugInBoundDocument, SamplePlanDocument } from './schema/estimate.js';
export { readComparisons, criteriaOfComparisons, pairCount, pairTotals, type ComparisonCounts } from './comparisons/comparison-counts.js';
export { estimatePreferences, entryEstimate, defaultPrior, type PreferenceEstimate, type UnobservedPair } from './comparisons/point-estimate.js';
export { wilsonInterval, betaInterval, entryIntervals, type IntervalMethod, type Interval } from './estimation/intervals.js';
export { observedCells, resampleCells, matricesFromCells, type ComparisonCells } from './comparisons/resample.js';
export { plugInBound, entryDeviationBound, type BoundedWinner } from './estimation/plug-in-bound.js';
export { comparisonsNeeded, type SamplePlanRequest, type SamplePlan } from './estimation/sample-size.js';
export { bootstrapWinner, type WinnerBootstrapSettings } from './estimation/winner-bootstrap.js';
export { winnerFunction, type WinnerFunction, type WinnerRule } from './estimation/winner-function.js';
export { readEstimate, solveEstimate } from './estimation/estimate.js';
export { readPreferenceTensor, readCriteria, type PreferenceTensor, type PreferenceReading, type PreferenceSource } from './criteria/read-criteria.js';
export { readTable, tableFormatOf, type Table, type TableRow, type RejectedRow, type TableFormat } from './comparisons/read-table.js';
export { ComparisonLog, type ImportedComparisons } from './comparisons/comparison-log.js';
export { importArena, type ArenaImportOptions } from './comparisons/import-arena.js';
export { importPairs } from './comparisons/import-pairs.js';
export { importRatings, type RatingsImportOptions } from './comparisons/import-ratings.js';
export { importComparisons, problemFromImport, logFormats, type LogFormat, type ImportOptions, type ImportedProblem } from './comparisons/import-log.js';

// Baselines: the classic rankings.
export { condorcetWinner, condorcetLoser } from './baselines/condorcet.js';
export { copelandScores } from './baselines/copeland.js';
export { bordaScores } from './baselines/borda.js';
export { fitBradleyTerry, eloRating, type BradleyTerryFit } from './baselines/bradley-terry.js';
export { bootstrapBradleyTerry, type BradleyTerryIntervals, type BradleyTerryBootstrapSettings } from './baselines/bradley-terry-bootstrap.js';
export { winsFromCells, winsFromMatrix, type PairwiseWins } from './baselines/pairwise-wins.js';
export { stronglyConnected } from './baselines/connectivity.js';
export { rankOrder } from './baselines/rank-order.js';
export { computeRankings, rankingSettings, rankingsExtra, type RankingSubject, type RankingSettings } from './baselines/rankings.js';
export { RankingsRequest, Rankings, rankingMethods, defaultRegularisation } from './schema/rankings.js';
export type { RankingsRequestDocument, RankingsDocument, BaselineRankingDocument, RankedItemDocument, RankingMethod } from './schema/rankings.js';

// Seeded data generators.
export { seededRandom, gaussian } from './numeric/random.js';
export { randomPreferences, bradleyTerryPreferences, preferencesFromStrengths, cyclicPreferences, condorcetPreferences, conflictingPreferences, type PreferenceRows } from './generate/preference-matrices.js';
export { sampleJudgements, comparisonsFromJudgements, arenaRows, ratingRows, type Judgement, type JudgementOptions } from './generate/comparisons.js';
export { plotResult, renderSvg } from './plot/render.js';
export { plotSpecs, frontierSpec, distributionSpec, trajectorySpec, type VegaLiteSpec } from './plot/specs.js';
