import { PrefgameError } from '../errors.js';
import { projectOntoPolyhedron } from '../numeric/projection.js';
import { solveSmallLp } from './small-lp.js';
import { rowsWithCube, type TargetSet } from './target-set.js';

/** The norms a distance to the target can be measured in. */
export type NormName = 'linf' | 'l1' | 'l2';

/**
 * The point of S nearest to `z` in the l-infinity or l1 norm (not unique in general: this is
 * the one the small LP's optimal basis gives) and the distance, by an exact tiny LP over the
 * displacement `d = s - z`.
 */
function nearestPolyhedral(
  target: TargetSet,
  z: ArrayLike<number>,
  norm: 'linf' | 'l1',
): { point: Float64Array; distance: number } {
  const k = target.dimension;
  const { normals, offsets } = rowsWithCube(target);
  // Variables: d (k), then t (linf) or e (k, l1).
  const extra = norm === 'linf' ? 1 : k;
  const width = k + extra;
  const rows: Float64Array[] = [];
  const lower: number[] = [];
  normals.forEach((normal, r) => {
    const row = new Float64Array(width);
    let dot = 0;
    for (let c = 0; c < k; c++) {
      row[c] = normal[c];
      dot += normal[c] * z[c];
    }
    rows.push(row);
    lower.push(offsets[r] - dot);
  });
  for (let c = 0; c < k; c++) {
    const bound = norm === 'linf' ? k : k + c;
    const plus = new Float64Array(width);
    plus[bound] = 1;
    plus[c] = -1;
    const minus = new Float64Array(width);
    minus[bound] = 1;
    minus[c] = 1;
    rows.push(plus, minus);
    lower.push(0, 0);
  }
  const cost = new Float64Array(width);
  for (let e = k; e < width; e++) cost[e] = 1;
  const result = solveSmallLp({ cost, rows, lower });
  if (result.status !== 'optimal')
    throw new PrefgameError('PREF_ERR_INTERNAL', `distance to the target could not be computed (${result.status})`);
  const point = new Float64Array(k);
  for (let c = 0; c < k; c++) point[c] = z[c] + result.x[c];
  return { point, distance: Math.max(0, result.value) };
}

/**
 * The Euclidean projection of `z` onto the target set: closed form for a box, otherwise the
 * exact active-set projection started from the l-infinity nearest point. O(k) for a box.
 *
 * @example
 * ```ts
 * projectOntoTarget(buildTargetSet({ thresholds: { a: 0.6 } }, ['a']), [0.5]) // Float64Array [0.6]
 * ```
 */
export function projectOntoTarget(target: TargetSet, z: ArrayLike<number>): Float64Array {
  const k = target.dimension;
  if (target.box) {
    const { lower, upper } = target.box;
    return Float64Array.from({ length: k }, (_, c) => Math.min(Math.max(z[c], lower[c]), upper[c]));
  }
  const { normals, offsets } = rowsWithCube(target);
  const start = nearestPolyhedral(target, z, 'linf').point;
  const projection = projectOntoPolyhedron(z, normals, offsets, start);
  if (!projection) throw new PrefgameError('PREF_ERR_INTERNAL', 'the projection onto the target did not converge');
  return projection;
}

/**
 * `dist(z, S)` in the given norm, from the definition: for a box target the norm of the
 * shortfalls `max(lower_c - z_c, z_c - upper_c, 0)`; otherwise an exact tiny LP (l-infinity,
 * l1) or the exact Euclidean projection (l2). O(k) for a box.
 *
 * @example
 * ```ts
 * const target = buildTargetSet({ thresholds: { a: 0.5, b: 0.5 } }, ['a', 'b'])
 * distanceToTarget(target, [0.2, 0.4], 'l1')   // 0.4
 * distanceToTarget(target, [0.2, 0.4], 'linf') // 0.3
 * ```
 */
export function distanceToTarget(target: TargetSet, z: ArrayLike<number>, norm: NormName): number {
  const k = target.dimension;
  if (target.box) {
    const { lower, upper } = target.box;
    let largest = 0;
    let sum = 0;
    let squares = 0;
    for (let c = 0; c < k; c++) {
      const shortfall = Math.max(lower[c] - z[c], z[c] - upper[c], 0);
      largest = Math.max(largest, shortfall);
      sum += shortfall;
      squares += shortfall * shortfall;
    }
    return norm === 'linf' ? largest : norm === 'l1' ? sum : Math.sqrt(squares);
  }
  if (norm === 'l2') {
    const projection = projectOntoTarget(target, z);
    let squares = 0;
    for (let c = 0; c < k; c++) squares += (z[c] - projection[c]) ** 2;
    return Math.sqrt(squares);
  }
  return nearestPolyhedral(target, z, norm).distance;
}

/**
 * The support function `sigma_S(u) = max_{s in S} u . s`. Closed form for a box, an exact tiny
 * LP otherwise. Used to turn a direction `u` into the valid cut `dist(z, S) >= u . z - sigma_S(u)`
 * for every `|u|_* <= 1`.
 *
 * @example
 * ```ts
 * supportValue(buildTargetSet({ thresholds: { a: 0.5 } }, ['a']), [-1]) // -0.5
 * ```
 */
export function supportValue(target: TargetSet, direction: ArrayLike<number>): number {
  const k = target.dimension;
  if (target.box) {
    const { lower, upper } = target.box;
    let sum = 0;
    for (let c = 0; c < k; c++) sum += direction[c] > 0 ? direction[c] * upper[c] : direction[c] * lower[c];
    return sum;
  }
  const { normals, offsets } = rowsWithCube(target);
  const result = solveSmallLp({ cost: Float64Array.from(direction, (value) => -value), rows: normals, lower: offsets });
  if (result.status !== 'optimal')
    throw new PrefgameError(
      'PREF_ERR_INTERNAL',
      `support value of the target could not be computed (${result.status})`,
    );
  return -result.value;
}
