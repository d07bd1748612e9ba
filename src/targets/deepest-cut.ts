import { PrefgameError } from '../errors.js';
import type { NormName } from './distance.js';
import { projectOntoTarget, supportValue } from './distance.js';
import { solveSmallLp } from './small-lp.js';
import { rowsWithCube, type TargetSet } from './target-set.js';

/**
 * A linear lower bound on the distance to the target: `dist(y, S) >= direction . y - support`
 * for every point y, with equality at the point it was computed for. `direction` has dual norm
 * at most 1 and `support >= sigma_S(direction)`, so the cut is valid everywhere.
 */
export interface DistanceCut {
  direction: Float64Array;
  support: number;
  distance: number;
}

/** Shrinks a direction a hair below dual-norm 1 so that rounding cannot make a cut invalid. */
const shrink = 1 - 1e-14;

function cut(
  target: TargetSet,
  direction: Float64Array,
  z: ArrayLike<number>,
  support = supportValue(target, direction),
): DistanceCut {
  let value = -support;
  for (let c = 0; c < direction.length; c++) value += direction[c] * z[c];
  return { direction, support, distance: Math.max(0, value) };
}

/**
 * The deepest distance cut at z, for l-inf or l1 and a general polyhedron, by the dual LP
 * `dist(z, S) = max u.z + h'w  s.t.  G'w + u = 0, w >= 0, |u|_* <= 1` (the support function
 * `sigma_S(u) = min { -h'w : G'w = -u, w >= 0 }` written as an LP), solved exactly; the cut's
 * support is then the exact support value of the direction found.
 */
function polyhedralCut(target: TargetSet, norm: 'linf' | 'l1', z: ArrayLike<number>): DistanceCut {
  const k = target.dimension;
  const { normals, offsets } = rowsWithCube(target);
  const m = normals.length;
  // Variables: u+ (k), u- (k), w (m); all >= 0. Minimise -(u.z + h'w).
  const width = 2 * k + m;
  const rows: Float64Array[] = [];
  const lower: number[] = [];
  const push = (row: Float64Array, bound: number) => {
    rows.push(row);
    lower.push(bound);
  };
  for (let c = 0; c < k; c++) {
    // (G'w)_c + u+_c - u-_c = 0, as two inequalities
    const row = new Float64Array(width);
    row[c] = 1;
    row[k + c] = -1;
    for (let r = 0; r < m; r++) row[2 * k + r] = normals[r][c];
    push(row, 0);
    push(
      row.map((value) => (value === 0 ? 0 : -value)),
      0,
    );
  }
  for (let index = 0; index < width; index++) {
    const row = new Float64Array(width);
    row[index] = 1;
    push(row, 0);
  }
  if (norm === 'linf') {
    // dual norm l1: sum (u+ + u-) <= 1
    const row = new Float64Array(width);
    row.fill(-1, 0, 2 * k);
    push(row, -1);
  } else {
    // dual norm l-inf: u+_c + u-_c <= 1
    for (let c = 0; c < k; c++) {
      const row = new Float64Array(width);
      row[c] = -1;
      row[k + c] = -1;
      push(row, -1);
    }
  }
  // Bound w so the LP is bounded in every direction the solver may explore (|w| <= 1e6 is never
  // binding at a vertex of this problem with normalised rows).
  for (let r = 0; r < m; r++) {
    const row = new Float64Array(width);
    row[2 * k + r] = -1;
    push(row, -1e6);
  }
  const cost = new Float64Array(width);
  for (let c = 0; c < k; c++) {
    cost[c] = -z[c];
    cost[k + c] = z[c];
  }
  for (let r = 0; r < m; r++) cost[2 * k + r] = -offsets[r];
  const result = solveSmallLp({ cost, rows, lower });
  if (result.status !== 'optimal')
    throw new PrefgameError('PREF_ERR_INTERNAL', `the distance cut could not be computed (${result.status})`);
  const direction = Float64Array.from({ length: k }, (_, c) => (result.x[c] - result.x[k + c]) * shrink);
  return cut(target, direction, z);
}

/**
 * The deepest cut of `dist(., S)` at the point z in the given norm: the direction u (dual norm
 * at most 1) that attains `dist(z, S) = max_u u.z - sigma_S(u)`. Closed forms for box targets
 * (l-inf: the coordinate of the largest shortfall; l1: the signs of all shortfalls; l2: the
 * normalised shortfall vector), the exact projection for l2 on a polyhedron, an exact small LP
 * for l-inf and l1 on a polyhedron. Used to generate the rows of the Blackwell master problem.
 * O(k) for boxes.
 *
 * @example
 * ```ts
 * deepestCut(buildTargetSet({ thresholds: { a: 0.6, b: 0.5 } }, ['a', 'b']), 'linf', [0.4, 0.45])
 * // { direction: [-1, 0], support: -0.6, distance: 0.2 }
 * ```
 */
export function deepestCut(target: TargetSet, norm: NormName, z: ArrayLike<number>): DistanceCut {
  const k = target.dimension;
  if (target.box) {
    const { lower, upper } = target.box;
    // How far z is outside the box on each criterion, and on which side (-1 below, 1 above).
    // Plain loops: this runs for every opponent in every round of Blackwell generation.
    const shortfall = new Float64Array(k);
    const side = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      if (z[c] < lower[c]) {
        shortfall[c] = lower[c] - z[c];
        side[c] = -1;
      } else if (z[c] > upper[c]) {
        shortfall[c] = z[c] - upper[c];
        side[c] = 1;
      }
    }
    const direction = new Float64Array(k);
    if (norm === 'linf') {
      let worst = 0;
      for (let c = 1; c < k; c++) if (shortfall[c] > shortfall[worst]) worst = c;
      direction[worst] = shortfall[worst] > 0 ? side[worst] : 0;
    } else if (norm === 'l1') {
      for (let c = 0; c < k; c++) direction[c] = side[c];
    } else {
      const length = Math.hypot(...shortfall);
      if (length > 0) for (let c = 0; c < k; c++) direction[c] = ((side[c] * shortfall[c]) / length) * shrink;
    }
    return cut(target, direction, z);
  }
  if (norm === 'l2') {
    const projection = projectOntoTarget(target, z);
    const difference = Float64Array.from({ length: k }, (_, c) => z[c] - projection[c]);
    const length = Math.hypot(...difference);
    if (!(length > 0)) return cut(target, new Float64Array(k), z, 0);
    return cut(
      target,
      difference.map((value) => (value / length) * shrink),
      z,
    );
  }
  return polyhedralCut(target, norm, z);
}
