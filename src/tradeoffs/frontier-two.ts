import { appendRows, SparseRowBuilder, type LpSolution, type LpStatus } from '../lp/model.js';
import type { Matrix } from '../numeric/matrix.js';
import { cleanDistribution } from '../numeric/lottery.js';
import {
  assertContextCanSolve,
  pastDeadline,
  record,
  remainingMs,
  solveWithin,
  type SolveContext,
} from '../games/context.js';
import { guarantees } from '../winners/payoff-vectors.js';
import { cutFromMultipliers, weightedGuaranteeDual, weightedGuaranteeProgram } from './guarantee-programs.js';
import { boxPolyhedron, cutPolyhedron } from './outer-polyhedron.js';

/** A guarantee vector and a lottery that attains it (`guarantees = g(distribution)`, recomputed). */
export interface AttainedPoint {
  guarantees: Float64Array;
  distribution: Float64Array;
}

/** A computed Pareto frontier with its certificate. */
export interface FrontierSolution {
  /** Attained frontier points: for k = 2 ordered by the first criterion, increasing. */
  vertices: AttainedPoint[];
  /** Vertices of the outer approximation (a polyhedron that contains the achievable set). */
  outer: Float64Array[];
  /**
   * Upper bound on the l-infinity Hausdorff distance between the inner approximation
   * `conv(vertices) - R^k_+` and the outer one (both clipped to the box of the frontier).
   */
  hausdorffDistance: number;
  /** Why the computation stopped: `optimal` when every part was resolved. */
  lpStatus: LpStatus;
  /** True when a budget (vertices, time) stopped the computation early. */
  truncated: boolean;
}

/** Lower bound of the box that clips both approximations: every guarantee is >= 0, so any negative number works. */
export const clipLower = -0.25;

/**
 * The exact Pareto frontier of two criteria by the non-inferior set estimation method (Cohon,
 * Church and Sheer, "Generating multiobjective trade-offs: an algorithm for bicriterion
 * problems", Water Resources Research 15(5), 1979). The achievable set A of guarantee vectors is
 * a convex polygon below and to the left of its frontier, so every frontier vertex maximises a
 * weighted sum. Starting from the two lexicographic optima (each criterion's maximum is the von
 * Neumann value 1/2), each segment (a, b) between known vertices is tested with the weighted-sum
 * LP whose weights are the segment's normal: a point beyond the segment is a new vertex, and the
 * segment is split; otherwise the segment lies on the frontier. Vertices are attained points
 * `g(pi)` recomputed from their lotteries; every tested segment contributes the rigorous bound
 * `w . y <= safeDualBound` to an outer polygon, and `hausdorffDistance` bounds the gap between
 * the two. One warm-started LP per vertex and per final segment: 2V - 1 LPs of O(n^2) nonzeros.
 *
 * @example
 * ```ts
 * const frontier = frontierTwo([safety, comfort], context, { maxVertices: 500, splitTolerance: 1e-10, tolerance: 1e-9 })
 * frontier.vertices.map((vertex) => Array.from(vertex.guarantees)) // [[0.3, 0.5], [0.42, 0.46], [0.45, 0.4], [0.5, 0.2]]
 * ```
 */
export function frontierTwo(
  matrices: readonly Matrix[],
  context: SolveContext,
  budget: { maxVertices: number; splitTolerance: number; tolerance: number },
): FrontierSolution {
  const n = matrices[0].rows;
  const dual = weightedGuaranteeDual(matrices, [0.5, 0.5]);
  assertContextCanSolve(context, dual);
  const session = context.backend.open(dual);
  const polygon = boxPolyhedron([clipLower, clipLower], [0.5, 0.5]);
  let lpStatus: LpStatus = 'optimal';
  let truncated = false;
  const note = (status: LpStatus) => {
    if (status !== 'optimal') lpStatus = status === 'infeasible' ? 'numerical_error' : status;
  };
  /** max w . g(pi): an attained point, and the rigorous cut from the LP's multipliers (added to the polygon). */
  const weighted = (weights: Float64Array): AttainedPoint | null => {
    session.changeRowBounds(Int32Array.of(0, 1), weights, weights);
    const solution = session.solve({ timeLimitMs: remainingMs(context), algorithm: 'simplex' });
    record(context, solution);
    note(solution.status);
    if (!solution.rowDuals) return null;
    if (solution.primal) {
      const cut = cutFromMultipliers(matrices, solution.primal);
      if (cut) cutPolyhedron(polygon, cut.weights, cut.offset);
    }
    const distribution = cleanDistribution(solution.rowDuals.subarray(2, 2 + n), n);
    return { guarantees: guarantees(matrices, distribution), distribution };
  };
  try {
    const right = lexicographicOptimum(matrices, 0, context, note);
    const left = lexicographicOptimum(matrices, 1, context, note);
    if (!right || !left) return emptySolution(lpStatus);
    let vertices: AttainedPoint[] = [left];
    const same =
      Math.abs(left.guarantees[0] - right.guarantees[0]) <= budget.splitTolerance &&
      Math.abs(left.guarantees[1] - right.guarantees[1]) <= budget.splitTolerance;
    // Depth-first over segments, left to right, so that vertices come out in order.
    const stack: Array<[AttainedPoint, AttainedPoint]> = same ? [] : [[left, right]];
    if (same) truncated = false;
    while (stack.length > 0) {
      const [a, b] = stack.pop()!;
      const rise = a.guarantees[1] - b.guarantees[1];
      const run = b.guarantees[0] - a.guarantees[0];
      if (!(rise > 0 && run > 0) || pastDeadline(context) || vertices.length + stack.length + 1 >= budget.maxVertices) {
        if (rise > 0 && run > 0) truncated = true;
        vertices.push(b);
        continue;
      }
      const weights = Float64Array.of(rise / (rise + run), run / (rise + run));
      const candidate = weighted(weights);
      const level = Math.max(dot(weights, a.guarantees), dot(weights, b.guarantees));
      const beyond = candidate !== null && dot(weights, candidate.guarantees) > level + budget.splitTolerance;
      const between =
        candidate !== null &&
        candidate.guarantees[0] > a.guarantees[0] + budget.splitTolerance &&
        candidate.guarantees[0] < b.guarantees[0] - budget.splitTolerance;
      if (beyond && between) stack.push([candidate, b], [a, candidate]);
      else vertices.push(b);
    }
    if (same) vertices = [left];
    const points = vertices.map((vertex) => vertex.guarantees);
    const outer = polygon.vertices
      .map((vertex) => vertex.point)
      .filter((point) => point[0] > clipLower && point[1] > clipLower);
    const hausdorffDistance = Math.max(0, ...polygon.vertices.map((vertex) => polylineDistance(vertex.point, points)));
    return {
      vertices: dropCollinear(vertices, budget.splitTolerance),
      outer: outer.sort((a, b) => a[0] - b[0]),
      hausdorffDistance,
      lpStatus,
      truncated,
    };
  } finally {
    session.dispose();
  }
}

/**
 * The l-infinity distance from `point` to the down-closed hull of a frontier polyline (points
 * ordered by the first coordinate, increasing; the second decreasing): the smallest t >= 0 with
 * `point - t 1` under the polyline, found exactly segment by segment (the height of the polyline
 * above `point - t 1` increases with t). O(V).
 *
 * @example
 * ```ts
 * polylineDistance([0.5, 0.5], [Float64Array.of(0.3, 0.5), Float64Array.of(0.5, 0.3)]) // 0.1
 * ```
 */
export function polylineDistance(point: ArrayLike<number>, points: readonly ArrayLike<number>[]): number {
  if (points.length === 0) return Infinity;
  const [x, y] = [point[0], point[1]];
  const last = points[points.length - 1];
  const start = Math.max(0, x - last[0]);
  // The horizontal ray left of the first point.
  const first = points[0];
  let best = Math.max(start, x - first[0], y - first[1]);
  for (let s = points.length - 2; s >= 0; s--) {
    const [a, b] = [points[s], points[s + 1]];
    const run = b[0] - a[0];
    if (!(run > 0)) continue;
    const slope = (b[1] - a[1]) / run;
    // On this segment x - t lies in [a0, b0], i.e. t in [x - b0, x - a0].
    const root = (y - a[1] - slope * (x - a[0])) / (1 - slope);
    const low = Math.max(start, x - b[0]);
    const high = x - a[0];
    if (root <= high) best = Math.min(best, Math.max(root, low));
  }
  return Math.max(0, best);
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return a[0] * b[0] + a[1] * b[1];
}

/**
 * The lexicographic optimum that puts criterion `first` at its maximum 1/2 (the von Neumann
 * value) and then maximises the other criterion: an end of the two-criteria frontier. One LP
 * (two if rounding makes the exact floor infeasible).
 */
function lexicographicOptimum(
  matrices: readonly Matrix[],
  first: 0 | 1,
  context: SolveContext,
  note: (status: LpStatus) => void,
): AttainedPoint | null {
  const n = matrices[0].rows;
  const weights = first === 0 ? [0, 1] : [1, 0];
  let solution: LpSolution | null = null;
  // Exactly 1/2 first; should rounding make that infeasible, a hair below it.
  for (const floorValue of [0.5, 0.5 - 1e-10]) {
    const floor = new SparseRowBuilder();
    floor.addRow([n + first], [1], floorValue, Infinity);
    solution = solveWithin(context, appendRows(weightedGuaranteeProgram(matrices, weights), floor.finish()), {
      algorithm: 'simplex',
    });
    if (solution.status === 'optimal') break;
  }
  if (solution === null) return null;
  note(solution.status);
  if (!solution.primal) return null;
  const distribution = cleanDistribution(solution.primal.subarray(0, n), n);
  return { guarantees: guarantees(matrices, distribution), distribution };
}

function emptySolution(lpStatus: LpStatus): FrontierSolution {
  return {
    vertices: [],
    outer: [],
    hausdorffDistance: Infinity,
    lpStatus: lpStatus === 'optimal' ? 'numerical_error' : lpStatus,
    truncated: true,
  };
}

/** Drops points that lie on the segment between their neighbours (within the tolerance): they are not vertices. */
function dropCollinear(vertices: AttainedPoint[], tolerance: number): AttainedPoint[] {
  if (vertices.length <= 2) return vertices;
  const kept = [vertices[0]];
  for (let p = 1; p < vertices.length - 1; p++) {
    const [a, b, c] = [kept[kept.length - 1].guarantees, vertices[p].guarantees, vertices[p + 1].guarantees];
    // Height of b above the line through a and c, along that line's unit normal.
    const normal = [a[1] - c[1], c[0] - a[0]];
    const length = Math.hypot(normal[0], normal[1]);
    const height = length > 0 ? (normal[0] * (b[0] - a[0]) + normal[1] * (b[1] - a[1])) / length : 0;
    if (height > tolerance) kept.push(vertices[p]);
  }
  kept.push(vertices[vertices.length - 1]);
  return kept;
}
