import type { Matrix } from '../numeric/matrix.js';
import { columnPayoffs } from '../numeric/matrix.js';
import { minimumOf } from '../numeric/extremes.js';
import { distanceToTarget, type NormName } from '../targets/distance.js';
import type { TargetSet } from '../targets/target-set.js';

/**
 * The payoff vectors of a lottery against every pure opponent:
 * `z_j(pi)_c = sum_i pi_i P_c[i][j]`, stored row-major as `z[j * k + c]`. Compensated sums.
 * O(k n |support|).
 *
 * @example
 * ```ts
 * payoffVectors([speed, safety], Float64Array.of(1, 0, 0)) // [z_0(speed), z_0(safety), z_1(speed), z_1(safety), ...]
 * ```
 */
export function payoffVectors(matrices: readonly Matrix[], distribution: ArrayLike<number>): Float64Array {
  const k = matrices.length;
  const n = matrices[0].columns;
  const z = new Float64Array(n * k);
  matrices.forEach((matrix, c) => {
    const payoffs = columnPayoffs(matrix, distribution);
    for (let j = 0; j < n; j++) z[j * k + c] = payoffs[j];
  });
  return z;
}

/**
 * The worst-case guarantees `g_c(pi) = min_j z_j(pi)_c`: the win probability on criterion c that
 * the lottery secures against any opponent. O(k n |support|).
 *
 * @example
 * ```ts
 * assert.deepEqual(Array.from(guarantees([speed], Float64Array.of(1, 0, 0))), [0.4]) // [min_j speed[0][j]]
 * ```
 */
export function guarantees(matrices: readonly Matrix[], distribution: ArrayLike<number>): Float64Array {
  return Float64Array.from(matrices, (matrix) => minimumOf(columnPayoffs(matrix, distribution)));
}

/**
 * The Blackwell objective from its definition: `v(pi) = max_j dist(z_j(pi), S)` in the given
 * norm, with the distance of every opponent (exact: closed forms for box targets, tiny exact LPs
 * or projections otherwise). O(k n |support|) plus n distance computations.
 *
 * @example
 * ```ts
 * const objective = blackwellObjective([speed, safety], target, 'linf', Float64Array.of(0.8, 1 / 6, 1 / 30))
 * assert.ok(Math.abs(objective.value - 0.03) < 1e-12) // the Blackwell winner's value
 * ```
 */
export function blackwellObjective(
  matrices: readonly Matrix[],
  target: TargetSet,
  norm: NormName,
  distribution: ArrayLike<number>,
): { value: number; distances: Float64Array; payoffs: Float64Array } {
  const k = matrices.length;
  const n = matrices[0].columns;
  const payoffs = payoffVectors(matrices, distribution);
  const distances = new Float64Array(n);
  let value = 0;
  for (let j = 0; j < n; j++) {
    distances[j] = distanceToTarget(target, payoffs.subarray(j * k, (j + 1) * k), norm);
    if (distances[j] > value) value = distances[j];
  }
  return { value, distances, payoffs };
}
