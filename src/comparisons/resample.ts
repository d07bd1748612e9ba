import { createRequire } from 'node:module';
import type { Matrix } from '../numeric/matrix.js';
import { pairCount, type ComparisonCounts } from './comparison-counts.js';
import { entryEstimate } from './point-estimate.js';

/**
 * The binomial sampler of @stdlib, loaded on first use (only bootstraps need it): its ~120 ms
 * of modules would otherwise load in every worker thread at start-up.
 */
function binomialSampler(): typeof import('@stdlib/random-base-binomial') {
  return createRequire(import.meta.url)(
    '@stdlib/random-base-binomial',
  ) as typeof import('@stdlib/random-base-binomial');
}

/**
 * The pairs x criteria that have comparisons, as parallel arrays: cell `e` is the pair
 * (`first[e]`, `second[e]`) with first < second on `criterion[e]`, where the first item won
 * `wins[e]` times, lost `losses[e]` times and tied `ties[e]` times.
 */
export interface ComparisonCells {
  readonly items: number;
  readonly criteria: number;
  readonly criterion: Int32Array;
  readonly first: Int32Array;
  readonly second: Int32Array;
  readonly wins: Float64Array;
  readonly losses: Float64Array;
  readonly ties: Float64Array;
}

/**
 * The observed cells of a comparison log (pairs never compared are left out). O(k n^2).
 *
 * @example
 * ```ts
 * observedCells(readComparisons([{ winner: 'A', loser: 'B', count: 3 }], undefined)).wins // [3]
 * ```
 */
export function observedCells(counts: ComparisonCounts): ComparisonCells {
  const n = counts.items.length;
  const cells: number[][] = [[], [], [], [], [], []];
  counts.criteria.forEach((_, c) => {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (pairCount(counts, c, i, j) === 0) continue;
        cells[0].push(c);
        cells[1].push(i);
        cells[2].push(j);
        cells[3].push(counts.wins[c][i * n + j]);
        cells[4].push(counts.wins[c][j * n + i]);
        cells[5].push(counts.ties[c][i * n + j]);
      }
    }
  });
  return {
    items: n,
    criteria: counts.criteria.length,
    criterion: Int32Array.from(cells[0]),
    first: Int32Array.from(cells[1]),
    second: Int32Array.from(cells[2]),
    wins: Float64Array.from(cells[3]),
    losses: Float64Array.from(cells[4]),
    ties: Float64Array.from(cells[5]),
  };
}

/**
 * One stratified bootstrap resample: every cell keeps its number of comparisons `n` and draws
 * new (wins, losses, ties) from the multinomial with its observed frequencies, that is `n`
 * comparisons drawn with replacement from the cell's own comparisons. Exact binomial draws
 * (stdlib's BTPE/inversion sampler driven by `random`), so the cost is O(cells) whatever the
 * counts.
 *
 * @example
 * ```ts
 * const resample = resampleCells(cells, seededRandom(1))
 * assert.equal(resample.wins[0] + resample.losses[0] + resample.ties[0], cells.wins[0] + cells.losses[0] + cells.ties[0])
 * ```
 */
export function resampleCells(cells: ComparisonCells, random: () => number): ComparisonCells {
  const draw = binomialSampler().factory({ prng: random });
  const size = cells.wins.length;
  const wins = new Float64Array(size);
  const losses = new Float64Array(size);
  const ties = new Float64Array(size);
  for (let e = 0; e < size; e++) {
    const total = cells.wins[e] + cells.losses[e] + cells.ties[e];
    const won = cells.wins[e] === 0 ? 0 : cells.wins[e] === total ? total : draw(total, cells.wins[e] / total);
    const rest = total - won;
    const otherwise = cells.losses[e] + cells.ties[e];
    const tied =
      rest === 0 || cells.ties[e] === 0 ? 0 : cells.losses[e] === 0 ? rest : draw(rest, cells.ties[e] / otherwise);
    wins[e] = won;
    ties[e] = tied;
    losses[e] = rest - tied;
  }
  return { ...cells, wins, losses, ties };
}

/**
 * The estimated matrices of a set of cells (as {@link estimatePreferences}: prior `prior`, 1/2
 * for pairs without a cell). O(k n^2).
 *
 * @example
 * ```ts
 * matricesFromCells(resampleCells(cells, seededRandom(1)), 0.5).length // 1: one Matrix per criterion
 * ```
 */
export function matricesFromCells(cells: ComparisonCells, prior: number): Matrix[] {
  const n = cells.items;
  const matrices = Array.from({ length: cells.criteria }, () => {
    const data = new Float64Array(n * n).fill(0.5);
    return { rows: n, columns: n, data };
  });
  for (let e = 0; e < cells.wins.length; e++) {
    const data = matrices[cells.criterion[e]].data;
    const total = cells.wins[e] + cells.losses[e] + cells.ties[e];
    const upper = entryEstimate(cells.wins[e], cells.ties[e], total, prior);
    data[cells.first[e] * n + cells.second[e]] = upper;
    data[cells.second[e] * n + cells.first[e]] = 1 - upper;
  }
  return matrices;
}
