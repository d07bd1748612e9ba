import { seededRandom } from '../numeric/random.js';
import { percentileInterval } from '../numeric/quantile.js';
import { tolerances } from '../numeric/tolerances.js';
import { resampleCells, type ComparisonCells } from '../comparisons/resample.js';
import { fitBradleyTerry } from './bradley-terry.js';
import { stronglyConnected } from './connectivity.js';
import { winsFromCells } from './pairwise-wins.js';

/** Settings of a Bradley-Terry bootstrap. */
export interface BradleyTerryBootstrapSettings {
  rounds: number;
  seed: number;
  level: number;
  regularisation: number;
  /** Time (of `now`) after which no new round starts. */
  deadline: number;
  /** The clock of `deadline`, in milliseconds; default `performance.now` (tests inject one). */
  now?: () => number;
}

/** Percentile intervals of the scores of each criterion, and how many rounds ran. */
export interface BradleyTerryIntervals {
  lower: Float64Array[];
  upper: Float64Array[];
  completed: number;
  /** Rounds left out because, without regularisation, their resample had no maximum. */
  dropped: number;
}

/**
 * Bootstrap intervals for Bradley-Terry scores, as Chatbot Arena reports them: each round
 * resamples every pair's comparisons with replacement (stratified, {@link resampleCells}, one
 * seeded stream), refits every criterion (warm-started from the point fit, to the gradient
 * tolerance {@link tolerances.bradleyTerryBootstrapGradient}) and records the
 * scores; the intervals are the `(1 -+ level) / 2` percentiles per item. Without regularisation,
 * a round whose resample is not strongly connected has no fit and is dropped (counted). Stops
 * early at the deadline. O(rounds x (cells + k x fit)).
 *
 * @example
 * ```ts
 * const fit = fitBradleyTerry(winsFromCells(cells, 0), 0.01)
 * const intervals = bootstrapBradleyTerry(cells, [0], [fit.scores], { rounds: 200, seed: 1, level: 0.95, regularisation: 0.01, deadline: Infinity })
 * ```
 */
export function bootstrapBradleyTerry(
  cells: ComparisonCells,
  criteria: readonly number[],
  starts: readonly Float64Array[],
  settings: BradleyTerryBootstrapSettings,
): BradleyTerryIntervals {
  const n = cells.items;
  const random = seededRandom(settings.seed);
  const samples = criteria.map(() => Array.from({ length: n }, () => [] as number[]));
  let completed = 0;
  let dropped = 0;
  const now = settings.now ?? (() => performance.now());
  for (let round = 0; round < settings.rounds && now() < settings.deadline; round++) {
    const resample = resampleCells(cells, random);
    const wins = criteria.map((criterion) => winsFromCells(resample, criterion));
    completed++;
    if (settings.regularisation === 0 && !wins.every(stronglyConnected)) {
      dropped++;
      continue;
    }
    wins.forEach((data, position) => {
      const fit = fitBradleyTerry(
        data,
        settings.regularisation,
        starts[position],
        tolerances.bradleyTerryBootstrapGradient,
      );
      for (let i = 0; i < n; i++) samples[position][i].push(fit.scores[i]);
    });
  }
  const lower = samples.map((items) =>
    Float64Array.from(items, (values) => percentileInterval(values, settings.level).lower),
  );
  const upper = samples.map((items) =>
    Float64Array.from(items, (values) => percentileInterval(values, settings.level).upper),
  );
  return { lower, upper, completed, dropped };
}
