import { compensatedSum } from './sum.js';

/**
 * The `q`-quantile of a sample by linear interpolation between order statistics (Hyndman and
 * Fan's type 7, the default of R and numpy): position `q (m - 1)` in the sorted sample. NaN for
 * an empty sample. O(m log m) (sorts a copy).
 *
 * @example
 * ```ts
 * quantile([3, 1, 2, 4], 0.5) // 2.5
 * ```
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/**
 * The equal-tailed percentile interval of a bootstrap sample at confidence `level` (quantiles
 * `(1 - level) / 2` and `(1 + level) / 2`) and the sample mean. O(m log m).
 *
 * @example
 * ```ts
 * percentileInterval([1, 2, 3, 4, 5], 0.5) // { lower: 2, upper: 4, mean: 3 }
 * ```
 */
export function percentileInterval(
  values: ArrayLike<number>,
  level: number,
): { lower: number; upper: number; mean: number } {
  return {
    lower: quantile(values, (1 - level) / 2),
    upper: quantile(values, (1 + level) / 2),
    mean: values.length === 0 ? NaN : compensatedSum(values) / values.length,
  };
}
