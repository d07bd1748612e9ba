import { compensatedSum } from './sum.js';
import { tolerances } from './tolerances.js';

/**
 * Turns an approximate solver output into an exact probability vector: negative entries and
 * entries below {@link tolerances.support} become 0, the rest is renormalised to sum to 1
 * (compensated). An all-zero input gives the uniform lottery. O(n).
 *
 * @example
 * ```ts
 * cleanDistribution([0.5000000001, 1e-15, 0.4999999999]) // Float64Array [0.5000000001, 0, 0.4999999999]
 * ```
 */
export function cleanDistribution(weights: ArrayLike<number>, length = weights.length): Float64Array {
  const result = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const value = weights[i];
    result[i] = Number.isFinite(value) && value > 0 ? value : 0;
  }
  let total = compensatedSum(result);
  if (!(total > 0)) return result.fill(1 / length);
  for (let i = 0; i < length; i++) if (result[i] / total < tolerances.support) result[i] = 0;
  total = compensatedSum(result);
  for (let i = 0; i < length; i++) result[i] /= total;
  return result;
}

/** One item of a lottery's support. */
export interface SupportEntry {
  item: string;
  probability: number;
}

/**
 * The items with positive probability, most probable first (ties by item order).
 *
 * @example
 * ```ts
 * supportOf([0.25, 0, 0.75], ['a', 'b', 'c']) // [{ item: 'c', probability: 0.75 }, { item: 'a', probability: 0.25 }]
 * ```
 */
export function supportOf(distribution: ArrayLike<number>, items: readonly string[]): SupportEntry[] {
  const entries: Array<SupportEntry & { index: number }> = [];
  for (let i = 0; i < distribution.length; i++) {
    if (distribution[i] > 0) entries.push({ item: items[i], probability: distribution[i], index: i });
  }
  entries.sort((a, b) => b.probability - a.probability || a.index - b.index);
  return entries.map(({ item, probability }) => ({ item, probability }));
}

/**
 * The indices where a lottery is positive.
 *
 * @example
 * ```ts
 * supportIndices([0.5, 0, 0.5]) // [0, 2]
 * ```
 */
export function supportIndices(distribution: ArrayLike<number>): number[] {
  const indices: number[] = [];
  for (let i = 0; i < distribution.length; i++) if (distribution[i] > 0) indices.push(i);
  return indices;
}
