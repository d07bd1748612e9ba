import { createRequire } from 'node:module';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { pairCount, type ComparisonCounts } from '../comparisons/comparison-counts.js';

let betaQuantileFunction: typeof import('@stdlib/stats-base-dists-beta-quantile') | undefined;

/**
 * The Beta quantile of @stdlib, loaded on first use: it pulls in ~80 ms of modules that every
 * worker thread would otherwise load at start-up, while most problems are matrices, not counts.
 */
function betaQuantile(p: number, a: number, b: number): number {
  betaQuantileFunction ??= createRequire(import.meta.url)(
    '@stdlib/stats-base-dists-beta-quantile',
  ) as typeof import('@stdlib/stats-base-dists-beta-quantile');
  return betaQuantileFunction(p, a, b);
}

/** The interval methods for one entry of `P_hat`. */
export type IntervalMethod = 'wilson' | 'beta';

/** A closed interval. */
export interface Interval {
  lower: number;
  upper: number;
}

/**
 * The Wilson score interval for a proportion: `s` successes (ties count 1/2) out of `n`, at
 * confidence `level`: `(s + z^2/2) / (n + z^2) +- z / (n + z^2) * sqrt(s (n - s) / n + z^2 / 4)`
 * with `z` the `(1 + level) / 2` normal quantile. `[0, 1]` when `n = 0`. O(1).
 *
 * @example
 * ```ts
 * wilsonInterval(7, 10, 0.95) // { lower: 0.3968, upper: 0.8922 }
 * ```
 */
export function wilsonInterval(successes: number, trials: number, level: number): Interval {
  if (!(trials > 0)) return { lower: 0, upper: 1 };
  const z = normalQuantile((1 + level) / 2, 0, 1);
  const z2 = z * z;
  const centre = (successes + z2 / 2) / (trials + z2);
  const half = (z / (trials + z2)) * Math.sqrt(Math.max(0, (successes * (trials - successes)) / trials) + z2 / 4);
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/**
 * The equal-tailed posterior interval of a proportion under a symmetric Beta(a, a) prior: the
 * `(1 - level) / 2` and `(1 + level) / 2` quantiles of Beta(s + a, n - s + a) (`a = 0.5` is the
 * Jeffreys interval). A zero shape parameter is a point mass at 0 (or 1). O(1) quantile calls.
 *
 * @example
 * ```ts
 * betaInterval(7, 10, 0.5, 0.95) // { lower: 0.3942, upper: 0.9073 } (the Jeffreys interval)
 * ```
 */
export function betaInterval(successes: number, trials: number, prior: number, level: number): Interval {
  const alpha = successes + prior;
  const beta = trials - successes + prior;
  if (!(alpha > 0) && !(beta > 0)) return { lower: 0, upper: 1 };
  if (!(alpha > 0)) return { lower: 0, upper: 0 };
  if (!(beta > 0)) return { lower: 1, upper: 1 };
  return { lower: betaQuantile((1 - level) / 2, alpha, beta), upper: betaQuantile((1 + level) / 2, alpha, beta) };
}

/** Per-criterion interval bounds, as dense n x n arrays like the counts. */
export interface EntryIntervals {
  lower: Float64Array[];
  upper: Float64Array[];
}

/**
 * Confidence intervals for every entry of every estimated matrix: for the pair (i, j) on a
 * criterion, the interval of `P[i][j]` from `s = w_ij + t_ij / 2` out of `n_ij`; the entry
 * `(j, i)` gets `[1 - upper, 1 - lower]`, the diagonal `[1/2, 1/2]`. A pair never compared gets
 * `[0, 1]` (Wilson) or the prior's interval (beta). O(k n^2) quantile evaluations.
 *
 * @example
 * ```ts
 * const intervals = entryIntervals(counts, 'wilson', 0.95, 0.5)
 * intervals.lower[0][0 * 3 + 1] // lower bound of P[a][b] on criterion 0 (row-major): a beat b 7 times of 10
 * ```
 */
export function entryIntervals(
  counts: ComparisonCounts,
  method: IntervalMethod,
  level: number,
  prior: number,
): EntryIntervals {
  const n = counts.items.length;
  const lower = counts.criteria.map(() => new Float64Array(n * n));
  const upper = counts.criteria.map(() => new Float64Array(n * n));
  counts.criteria.forEach((_, c) => {
    for (let i = 0; i < n; i++) {
      lower[c][i * n + i] = 0.5;
      upper[c][i * n + i] = 0.5;
      for (let j = i + 1; j < n; j++) {
        const trials = pairCount(counts, c, i, j);
        const successes = counts.wins[c][i * n + j] + counts.ties[c][i * n + j] / 2;
        const interval =
          method === 'wilson'
            ? wilsonInterval(successes, trials, level)
            : betaInterval(successes, trials, prior, level);
        lower[c][i * n + j] = interval.lower;
        upper[c][i * n + j] = interval.upper;
        lower[c][j * n + i] = 1 - interval.upper;
        upper[c][j * n + i] = 1 - interval.lower;
      }
    }
  });
  return { lower, upper };
}
