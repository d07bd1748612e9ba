/**
 * The smallest entry of a non-empty array (no argument spreading, so any length works). O(n).
 *
 * @example
 * ```ts
 * minimumOf([3, 1, 2]) // 1
 * ```
 */
export function minimumOf(values: ArrayLike<number>): number {
  let result = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] < result) result = values[i];
  return result;
}

/**
 * The largest entry of a non-empty array. O(n).
 *
 * @example
 * ```ts
 * maximumOf([3, 1, 2]) // 3
 * ```
 */
export function maximumOf(values: ArrayLike<number>): number {
  let result = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > result) result = values[i];
  return result;
}
