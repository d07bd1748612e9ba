import { solveLinearSystem } from './linear-algebra.js';

/** Slack below which a constraint counts as active, and multiplier below which it is dropped. */
const activeTolerance = 1e-13;
const multiplierTolerance = 1e-13;

/**
 * Euclidean projection of `point` onto the polyhedron `{ s : normals[i] . s >= offsets[i] }`,
 * by the primal active-set method (Nocedal and Wright, Numerical Optimization, section 16.5)
 * started from a feasible `start`. Each step solves the equality-constrained problem on the
 * working set exactly (`s = point + G_W' mu` with `G_W G_W' mu = h_W - G_W point`), so the
 * result is exact to rounding, and the method ends after finitely many steps. O(steps * k^3)
 * for k dimensions.
 *
 * Returns `null` if the iteration cap is hit (degenerate cycling), which callers report.
 *
 * @example
 * ```ts
 * // project (0, 0) onto { s : s0 + s1 >= 1 }, starting from (1, 0)
 * projectOntoPolyhedron([0, 0], [[1, 1]], [1], [1, 0]) // Float64Array [0.5, 0.5]
 * ```
 */
export function projectOntoPolyhedron(
  point: ArrayLike<number>,
  normals: ReadonlyArray<ArrayLike<number>>,
  offsets: ArrayLike<number>,
  start: ArrayLike<number>,
): Float64Array | null {
  const k = point.length;
  const m = normals.length;
  const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    let sum = 0;
    for (let c = 0; c < k; c++) sum += a[c] * b[c];
    return sum;
  };
  let current: Float64Array = Float64Array.from(start);
  const working: number[] = [];
  /** True when the normal of constraint i is independent of the working set's normals. */
  const independent = (i: number) => {
    const candidate = [...working, i];
    const gram = candidate.map((a) => candidate.map((b) => dot(normals[a], normals[b])));
    return solveLinearSystem(gram, new Float64Array(candidate.length).fill(1)) !== null;
  };
  // Constraints parallel to a working one (numerically) are left out: they hold with it.
  const ignored = new Set<number>();
  // Start with a linearly independent subset of the constraints active at the start.
  for (let i = 0; i < m && working.length < k; i++) {
    if (dot(normals[i], current) - offsets[i] > activeTolerance * (1 + Math.abs(offsets[i]))) continue;
    if (independent(i)) working.push(i);
  }
  for (let step = 0; step < 50 * (m + k); step++) {
    // Minimiser of 1/2 |s - point|^2 on the working set's equalities.
    let target: Float64Array;
    let multipliers: Float64Array;
    if (working.length === 0) {
      target = Float64Array.from(point);
      multipliers = new Float64Array(0);
    } else {
      const gram = working.map((a) => working.map((b) => dot(normals[a], normals[b])));
      const right = working.map((a) => offsets[a] - dot(normals[a], point));
      const solved = solveLinearSystem(gram, right);
      if (!solved) return null;
      multipliers = solved;
      target = Float64Array.from(point);
      working.forEach((a, index) => {
        for (let c = 0; c < k; c++) target[c] += multipliers[index] * normals[a][c];
      });
    }
    const direction = target.map((value, c) => value - current[c]);
    const length = Math.sqrt(dot(direction, direction));
    if (length <= 1e-15 * (1 + Math.sqrt(dot(current, current)))) {
      current = target;
      let weakest = -1;
      for (let index = 0; index < working.length; index++) {
        if (multipliers[index] < -multiplierTolerance && (weakest < 0 || multipliers[index] < multipliers[weakest]))
          weakest = index;
      }
      if (weakest < 0) return current;
      working.splice(weakest, 1);
      continue;
    }
    let stepLength = 1;
    let blocking = -1;
    for (let i = 0; i < m; i++) {
      if (working.includes(i) || ignored.has(i)) continue;
      const rate = dot(normals[i], direction);
      if (rate >= -1e-15) continue;
      const slack = Math.max(0, dot(normals[i], current) - offsets[i]);
      const limit = slack / -rate;
      if (limit < stepLength) {
        stepLength = limit;
        blocking = i;
      }
    }
    for (let c = 0; c < k; c++) current[c] += stepLength * direction[c];
    if (blocking < 0) current = target;
    else if (independent(blocking)) working.push(blocking);
    else ignored.add(blocking);
  }
  return null;
}
