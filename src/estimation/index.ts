/**
 * `prefgame/estimation`: preferences estimated from pairwise comparisons. The comparisons data
 * model (counts, point estimates, resampling), log imports (arena, pairs, ratings tables),
 * confidence intervals, the plug-in bound, sample sizes and the winner bootstrap; `solve` with
 * `kind: "estimate"` runs them all on one document.
 *
 * @example
 * ```ts
 * import { readComparisons, estimatePreferences } from 'prefgame/estimation'
 * const counts = readComparisons([{ winner: 'a', loser: 'b', count: 9 }], undefined)
 * estimatePreferences(counts).tensor.matrices[0].data // [0.5, 0.95, 0.05, 0.5]
 * ```
 *
 * @packageDocumentation
 */
export {
  readComparisons,
  criteriaOfComparisons,
  pairCount,
  pairTotals,
  type ComparisonCounts,
  type ReadComparisonsOptions,
} from '../comparisons/comparison-counts.js';
export {
  estimatePreferences,
  entryEstimate,
  defaultPrior,
  type PreferenceEstimate,
  type UnobservedPair,
} from '../comparisons/point-estimate.js';
export { observedCells, resampleCells, matricesFromCells, type ComparisonCells } from '../comparisons/resample.js';
export {
  readTable,
  tableFormatOf,
  type Table,
  type TableRow,
  type RejectedRow,
  type TableFormat,
} from '../comparisons/read-table.js';
export {
  ComparisonLog,
  type ImportedComparisons,
  type ComparisonSink,
  type RowVerdict,
} from '../comparisons/comparison-log.js';
export { importArena, readArenaRow, type ArenaImportOptions } from '../comparisons/import-arena.js';
export { importPairs, readPairsRow } from '../comparisons/import-pairs.js';
export {
  importRatings,
  readRatingsRow,
  ratingItemColumns,
  type RatingsImportOptions,
} from '../comparisons/import-ratings.js';
export {
  importComparisons,
  problemFromImport,
  logFormats,
  type LogFormat,
  type ImportOptions,
  type ImportedProblem,
} from '../comparisons/import-log.js';
export {
  readPreferenceTensor,
  readCriteria,
  type PreferenceReading,
  type PreferenceSource,
} from '../criteria/read-criteria.js';
export type { PreferenceTensor } from '../preferences/tensor.js';
export {
  wilsonInterval,
  betaInterval,
  entryIntervals,
  type IntervalMethod,
  type Interval,
  type EntryIntervals,
} from './intervals.js';
export { plugInBound, entryDeviationBound, type BoundedWinner } from './plug-in-bound.js';
export { comparisonsNeeded, maxPlannedComparisons, type SamplePlanRequest, type SamplePlan } from './sample-size.js';
export { bootstrapWinner, type WinnerBootstrapSettings } from './winner-bootstrap.js';
export { winnerFunction, type WinnerFunction, type WinnerRule, type WinnerOutcome } from './winner-function.js';
export { readEstimate, solveEstimate, effectiveWinner, type EstimateReading } from './estimate.js';
