/**
 * Named sample values that the TSDoc `@example` blocks of src/ may use without defining them (the
 * examples test imports any of these names an example uses and does not declare). Each is small
 * and fixed, so that an example can assert on its exact output.
 *
 * Three items `a`, `b`, `c` judged on three criteria. On `speed` the items beat each other in a
 * cycle; on `safety` item `a` is best; `comfort` pulls against `safety`.
 */
import type { ComparisonDocument } from '../../src/index.js';
import type { CriterionDocument } from '../../src/schema/problem.js';
import { matrixFromRows, type Matrix } from '../../src/numeric/matrix.js';
import { readCriteria, type PreferenceTensor } from '../../src/criteria/read-criteria.js';
import { buildTargetSet, type TargetSet } from '../../src/targets/target-set.js';
import { createContext, type SolveContext } from '../../src/games/context.js';
import { backendNamed } from '../../src/lp/backends.js';
import { linearProgram, SparseRowBuilder, type LinearProgram } from '../../src/lp/model.js';
import { readComparisons, type ComparisonCounts } from '../../src/comparisons/comparison-counts.js';
import { observedCells, type ComparisonCells } from '../../src/comparisons/resample.js';
import { readVectorGame, type VectorGame } from '../../src/approachability/vector-game.js';
import { sampleJudgements, arenaRows, type Judgement } from '../../src/generate/comparisons.js';

/** The item names of the sample criteria. */
export const items = ['a', 'b', 'c'];
/** Rows of the `speed` criterion: a beats b, b beats c, c beats a. */
export const speedRows = [
  [0.5, 0.7, 0.4],
  [0.3, 0.5, 0.8],
  [0.6, 0.2, 0.5],
];
/** Rows of the `safety` criterion: a beats both others. */
export const safetyRows = [
  [0.5, 0.6, 0.9],
  [0.4, 0.5, 0.3],
  [0.1, 0.7, 0.5],
];
/** Rows of the `comfort` criterion: b and c are more comfortable than a. */
export const comfortRows = [
  [0.5, 0.3, 0.2],
  [0.7, 0.5, 0.6],
  [0.8, 0.4, 0.5],
];

/** `speed` as a matrix. */
export const speed: Matrix = matrixFromRows(speedRows);
/** `safety` as a matrix. */
export const safety: Matrix = matrixFromRows(safetyRows);
/** `comfort` as a matrix. */
export const comfort: Matrix = matrixFromRows(comfortRows);
/** `[speed, safety]`. */
export const matrices: Matrix[] = [speed, safety];

/** The `criteria` field of a document: speed and safety. */
export const criteria: CriterionDocument[] = [
  { name: 'speed', preferences: speedRows },
  { name: 'safety', preferences: safetyRows },
];
/** The tensor of {@link criteria} over {@link items}. */
export const tensor: PreferenceTensor = readCriteria(criteria, items);
/** The target set `speed >= 0.5, safety >= 0.5`. */
export const target: TargetSet = buildTargetSet({ thresholds: { speed: 0.5, safety: 0.5 } }, ['speed', 'safety']);
/** A solve context: HiGHS, gap tolerance 1e-9, method `auto`, an hour to go (shared by every example). */
export const context: SolveContext = createContext(backendNamed('highs'), 3_600_000, 1e-9);

const rows = new SparseRowBuilder();
rows.addRow([0], [1], 1, Infinity);
/** The LP `min x s.t. x >= 1, 0 <= x <= 10`. */
export const program: LinearProgram = linearProgram('minimize', { cost: [1], lower: [0], upper: [10] }, rows.finish());

/** A comparison log on one criterion (`quality`): a beats b 7 times of 10, b beats c 6 of 9, one tie. */
export const comparisons: ComparisonDocument[] = [
  { criterion: 'quality', winner: 'a', loser: 'b', count: 7 },
  { criterion: 'quality', winner: 'b', loser: 'a', count: 3 },
  { criterion: 'quality', winner: 'b', loser: 'c', count: 6 },
  { criterion: 'quality', winner: 'c', loser: 'b', count: 3 },
  { criterion: 'quality', winner: 'a', loser: 'c', count: 5 },
  { criterion: 'quality', winner: 'c', loser: 'a', count: 4 },
  { criterion: 'quality', tie: ['a', 'c'], count: 1 },
];
/** {@link comparisons} as counts. */
export const counts: ComparisonCounts = readComparisons(comparisons, undefined);
/** The observed cells of {@link counts} (what the bootstrap resamples). */
export const cells: ComparisonCells = observedCells(counts);

/** The symmetric vector-payoff game of {@link criteria}. */
export const game: VectorGame = readVectorGame({
  kind: 'approachability',
  criteria,
  target: { thresholds: { speed: 0.5 } },
});

/** Judgements sampled from speed and safety, 5 per pair, seed 1. */
export const judgements: Judgement[] = sampleJudgements({ speed: speedRows, safety: safetyRows }, items, {
  seed: 1,
  perPair: 5,
});
/** The speed judgements as an arena log (JSON lines). */
export const arenaLog: string = arenaRows(judgements, 'speed')
  .map((row) => JSON.stringify(row))
  .join('\n');
