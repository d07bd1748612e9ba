import { solveSmallLp } from '../targets/small-lp.js';

/**
 * Geometry of the inner approximation `I = conv(points) - R^k_+` of the achievable set: the
 * down-closed hull of guarantee vectors that lotteries attain.
 */

function shortfall(point: ArrayLike<number>, attained: ArrayLike<number>): number {
  let largest = 0;
  for (let c = 0; c < point.length; c++) largest = Math.max(largest, point[c] - attained[c]);
  return largest;
}

/** Up to this many points, {@link downsetDistance} is exact (one small LP over all of them). */
const exactLimit = 64;

/**
 * The cheap upper bound of {@link downsetDistance}: the distance to the down-set of the nearest
 * single point, `min_p max_c (point_c - p_c)_+` (Infinity with no points). O(m k), no LP: what a
 * solve past its deadline can still afford for every vertex.
 *
 * @example
 * ```ts
 * singlePointDistance([0.5, 0.5], [Float64Array.of(0.5, 0.3), Float64Array.of(0.3, 0.5)]) // 0.2
 * ```
 */
export function singlePointDistance(point: ArrayLike<number>, points: readonly ArrayLike<number>[]): number {
  let best = Infinity;
  for (const attained of points) best = Math.min(best, shortfall(point, attained));
  return Math.max(0, best);
}

/**
 * An upper bound on the l-infinity distance from `point` to `I = conv(points) - R^k_+`, which
 * for a down-closed set is `min { t >= 0 : point - t 1 in I }`. First the best single point
 * (`min_p max_c (point_c - p_c)_+`), then an exact small LP over the convex combinations of the
 * points: all of them up to 64, else the 8k + 8 nearest (by that measure and in Euclidean
 * distance). The combination the LP returns is re-evaluated, so the bound holds whatever the
 * LP's rounding; it is exact for up to 64 points, and whenever the nearest points span the face
 * of I that `point - t 1` meets. O(m k) plus a small LP.
 *
 * @example
 * ```ts
 * downsetDistance([0.5, 0.5], [Float64Array.of(0.5, 0.3), Float64Array.of(0.3, 0.5)]) // 0.1
 * ```
 */
export function downsetDistance(point: ArrayLike<number>, points: readonly ArrayLike<number>[]): number {
  if (points.length === 0) return Infinity;
  const k = point.length;
  const ranked = points
    .map((attained, index) => ({ index, distance: shortfall(point, attained) }))
    .sort((a, b) => a.distance - b.distance);
  let best = ranked[0].distance;
  if (best <= 0 || points.length === 1) return Math.max(0, best);
  let chosen: ArrayLike<number>[];
  if (points.length <= exactLimit) chosen = [...points];
  else {
    const euclidean = points
      .map((attained, index) => ({
        index,
        distance: Array.from(point, (value, c) => (value - attained[c]) ** 2).reduce((a, b) => a + b, 0),
      }))
      .sort((a, b) => a.distance - b.distance);
    const indices = new Set(
      [...ranked.slice(0, 4 * k + 4), ...euclidean.slice(0, 4 * k + 4)].map((entry) => entry.index),
    );
    chosen = [...indices].map((index) => points[index]);
  }
  const m = chosen.length;
  // Variables: t, then mu_1..mu_m. min t s.t. sum_p mu_p p_c + t >= point_c, mu >= 0, sum mu = 1, t >= -1.
  const width = m + 1;
  const rows: Float64Array[] = [];
  const lower: number[] = [];
  for (let c = 0; c < k; c++) {
    const row = new Float64Array(width);
    row[0] = 1;
    for (let p = 0; p < m; p++) row[1 + p] = chosen[p][c];
    rows.push(row);
    lower.push(point[c]);
  }
  for (let p = 0; p < m; p++) {
    const row = new Float64Array(width);
    row[1 + p] = 1;
    rows.push(row);
    lower.push(0);
  }
  const sum = new Float64Array(width).fill(1);
  sum[0] = 0;
  rows.push(
    sum,
    sum.map((value) => -value),
  );
  lower.push(1, -1);
  const floor = new Float64Array(width);
  floor[0] = 1;
  rows.push(floor);
  lower.push(-1);
  const cost = new Float64Array(width);
  cost[0] = 1;
  const result = solveSmallLp({ cost, rows, lower });
  if (result.status !== 'optimal') return Math.max(0, best);
  const weights = Array.from({ length: m }, (_, p) => Math.max(0, result.x[1 + p]));
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return Math.max(0, best);
  const combination = new Float64Array(k);
  for (let p = 0; p < m; p++) for (let c = 0; c < k; c++) combination[c] += (weights[p] / total) * chosen[p][c];
  // Renormalising can move the combination by rounding: allow for it.
  best = Math.min(best, shortfall(point, combination) + 8 * Number.EPSILON);
  return Math.max(0, best);
}

/**
 * True when `a` dominates `b` up to `tolerance`: `a_c >= b_c - tolerance` for every c.
 *
 * @example
 * ```ts
 * weaklyDominates([0.5, 0.4], [0.5, 0.4 + 1e-12], 1e-9) // true
 * ```
 */
export function weaklyDominates(a: ArrayLike<number>, b: ArrayLike<number>, tolerance: number): boolean {
  for (let c = 0; c < a.length; c++) if (a[c] < b[c] - tolerance) return false;
  return true;
}

/**
 * The indices of the points that no other point dominates (`>=` everywhere, `>` by more than
 * `tolerance` somewhere); of several points within `tolerance` of each other, the first is kept.
 * O(m^2 k).
 *
 * @example
 * ```ts
 * nonDominated([[0.5, 0.1], [0.4, 0.1], [0.1, 0.5]], 1e-12) // [0, 2]
 * ```
 */
export function nonDominated(points: readonly ArrayLike<number>[], tolerance: number): number[] {
  const kept: number[] = [];
  for (let p = 0; p < points.length; p++) {
    let dominated = false;
    for (let q = 0; q < points.length && !dominated; q++) {
      if (q === p || !weaklyDominates(points[q], points[p], tolerance)) continue;
      const strictlyBetter = Array.from(points[p], (value, c) => points[q][c] - value).some((gain) => gain > tolerance);
      // Equal within the tolerance: keep the first of the group only.
      dominated = strictlyBetter || q < p;
    }
    if (!dominated) kept.push(p);
  }
  return kept;
}
