/**
 * Compensated (Neumaier) summation: the sum of `values` with an error that does not grow with
 * their number. O(n).
 *
 * @example
 * ```ts
 * compensatedSum([1e16, 1, -1e16]) // 1 (a naive loop gives 0)
 * ```
 */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + compensation;
}

/**
 * Compensated dot product `sum_i a[i] * b[i]` of two equally long vectors. O(n).
 *
 * @example
 * ```ts
 * compensatedDot([0.5, 0.5], [1, 0]) // 0.5
 * ```
 */
export function compensatedDot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let index = 0; index < a.length; index++) {
    const value = a[index] * b[index];
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + compensation;
}
