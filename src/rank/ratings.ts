import { bootstrapBradleyTerry } from '../baselines/bradley-terry-bootstrap.js';
import { eloRating, fitBradleyTerry } from '../baselines/bradley-terry.js';
import { winsFromCells } from '../baselines/pairwise-wins.js';
import { pairCount, type ComparisonCounts } from '../comparisons/comparison-counts.js';
import { observedCells } from '../comparisons/resample.js';

/** Bradley-Terry ratings of one criterion's counts, with their bootstrap intervals and the raw win rates. */
export interface RatingTable {
  /** Elo-scale ratings, `1000 + 400 s / ln 10`. */
  ratings: Float64Array;
  /** Percentile intervals of the ratings (Elo scale), or undefined without bootstrap rounds. */
  lower?: Float64Array;
  upper?: Float64Array;
  /** Comparisons per item; (wins + ties / 2) / games per item. */
  games: Float64Array;
  winRates: Float64Array;
  /** `pairRates[i * n + j]`: (wins + ties / 2) / comparisons of i against j; NaN when never compared. */
  pairRates: Float64Array;
  completed: number;
  converged: boolean;
}

/** Settings of {@link rateItems}. */
export interface RatingSettings {
  rounds: number;
  seed: number;
  level: number;
  regularisation: number;
  /** Time (of `now`) after which no bootstrap round starts. */
  deadline: number;
  /** The clock of `deadline`, in milliseconds; default `performance.now` (tests inject one). */
  now?: () => number;
}

/**
 * Bradley-Terry ratings of criterion 0 of `counts` (regularised maximum likelihood, ties half a
 * win each, {@link fitBradleyTerry}) on the Elo scale, with bootstrap percentile intervals
 * (stratified binomial/multinomial resampling of each pair's counts, {@link bootstrapBradleyTerry}),
 * mapped to the Elo scale (a monotone map, so the percentiles map too), and each item's games and
 * win rate. O(rounds x (pairs + fit)) after O(n^2) for the counts.
 *
 * @example
 * ```ts
 * rateItems(readComparisons(comparisons, items), { rounds: 100, seed: 1, level: 0.95, regularisation: 0.01, deadline: Infinity }).ratings
 * ```
 */
export function rateItems(counts: ComparisonCounts, settings: RatingSettings): RatingTable {
  const n = counts.items.length;
  const cells = observedCells(counts);
  const fit = fitBradleyTerry(winsFromCells(cells, 0), settings.regularisation);
  const ratings = fit.scores.map(eloRating);
  const games = new Float64Array(n);
  const points = new Float64Array(n);
  const pairRates = new Float64Array(n * n).fill(NaN);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const played = pairCount(counts, 0, i, j);
      if (played === 0) continue;
      const won = counts.wins[0][i * n + j] + counts.ties[0][i * n + j] / 2;
      games[i] += played;
      points[i] += won;
      pairRates[i * n + j] = won / played;
    }
  }
  const winRates = points.map((value, i) => (games[i] > 0 ? value / games[i] : NaN));
  const table: RatingTable = { ratings, games, winRates, pairRates, completed: 0, converged: fit.converged };
  if (settings.rounds > 0) {
    const intervals = bootstrapBradleyTerry(cells, [0], [fit.scores], settings);
    table.completed = intervals.completed;
    if (intervals.completed > 0) {
      table.lower = intervals.lower[0].map(eloRating);
      table.upper = intervals.upper[0].map(eloRating);
    }
  }
  return table;
}
