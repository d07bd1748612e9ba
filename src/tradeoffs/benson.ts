import type { LpStatus } from '../lp/model.js';
import type { Matrix } from '../numeric/matrix.js';
import { cleanDistribution } from '../numeric/lottery.js';
import { assertContextCanSolve, pastDeadline, record, remainingMs, type SolveContext } from '../games/context.js';
import { guarantees } from '../winners/payoff-vectors.js';
import { cutFromDuals, shortfallBounds, shortfallProgram } from './guarantee-programs.js';
import { boxPolyhedron, cutPolyhedron, type PolyhedronVertex } from './outer-polyhedron.js';
import { downsetDistance, singlePointDistance, nonDominated, weaklyDominates } from './inner-set.js';
import { clipLower, type AttainedPoint, type FrontierSolution } from './frontier-two.js';

/** Budgets of {@link bensonFrontier}. */
export interface BensonBudget {
  /** Stop once this many frontier points have been attained. */
  maxVertices: number;
  /** A vertex of the outer approximation within this (l-infinity) of an attained point counts as attained. */
  tolerance: number;
}

/** `max_c (point_c - attained_c)_+`: how far `point` is above the down-set of one attained point (l-infinity). */
function shortfallOf(point: ArrayLike<number>, attained: ArrayLike<number>): number {
  let largest = 0;
  for (let c = 0; c < point.length; c++) largest = Math.max(largest, point[c] - attained[c]);
  return largest;
}

/** Why a vertex of the outer approximation is settled, and how far it is from an attained point. */
interface Settled {
  distance: number;
  point: AttainedPoint | null;
}

/**
 * The Pareto frontier of k >= 2 criteria by Benson's outer approximation algorithm (H. P.
 * Benson, "An outer approximation algorithm for generating all efficient extreme points in the
 * outcome set of a multiple objective linear programming problem", J. Global Optimization 13,
 * 1998; in the form of Hamel, Löhne and Rudloff, "Benson type algorithms for linear vector
 * optimization and applications", J. Global Optimization 59, 2014).
 *
 * The outer approximation starts as the box `[-1/4, 1/2]^k` (1/2 is each criterion's von
 * Neumann value, the largest guarantee there is). Each unsettled vertex v is tested with the
 * shortfall LP `min t : v - t 1 in A` (the l-infinity Blackwell LP of the threshold target v):
 * if the attained point `g(pi)` of its lottery is within `tolerance` of v, v is settled;
 * otherwise the LP's duals give the rigorous valid inequality {@link cutFromDuals}, which cuts
 * v off, and the double description method updates the vertices. The LP is kept in one session
 * and only its right-hand side changes, so every solve starts from the last basis. When every
 * vertex is settled the attained points of the vertices not on the clipping faces are exactly
 * the frontier's vertices (to the tolerance). A vertex budget or the deadline may stop it first:
 * then `hausdorffDistance` bounds how far the outer approximation is from the attained points.
 * Worst case exponential in k (the frontier can have that many vertices); one LP of O(k n^2)
 * nonzeros per vertex and per cut.
 *
 * @example
 * ```ts
 * const frontier = bensonFrontier([safety, comfort, speed], context, { maxVertices: 500, tolerance: 1e-9 })
 * assert.ok(frontier.vertices.length >= 3) // at least the three items' own guarantee vectors
 * ```
 */
export function bensonFrontier(
  matrices: readonly Matrix[],
  context: SolveContext,
  budget: BensonBudget,
): FrontierSolution {
  const n = matrices[0].rows;
  const k = matrices.length;
  const polyhedron = boxPolyhedron(new Float64Array(k).fill(clipLower), new Float64Array(k).fill(0.5));
  const program = shortfallProgram(matrices, new Float64Array(k).fill(0.5));
  assertContextCanSolve(context, program);
  const session = context.backend.open(program);
  const attained: AttainedPoint[] = [];
  const settled = new Map<PolyhedronVertex, Settled>();
  let queue: PolyhedronVertex[] = [...polyhedron.vertices];
  let alive = new Set(polyhedron.vertices);
  let lpStatus: LpStatus = 'optimal';
  let truncated = false;
  const interior = (vertex: PolyhedronVertex) => vertex.point.every((value) => value > clipLower + 1e-12);
  let interiorCount = polyhedron.vertices.filter(interior).length;
  const settleByDominance = (vertex: PolyhedronVertex): boolean => {
    for (const point of attained) {
      if (weaklyDominates(point.guarantees, vertex.point, budget.tolerance)) {
        settled.set(vertex, { distance: shortfallOf(vertex.point, point.guarantees), point });
        return true;
      }
    }
    return false;
  };
  try {
    while (queue.length > 0) {
      const vertex = queue.shift()!;
      if (!alive.has(vertex) || settled.has(vertex)) continue;
      if (settleByDominance(vertex)) continue;
      // One point is always attained (the first LP), so that even a solve out of time returns a
      // frontier point and a finite Hausdorff bound.
      if (
        (pastDeadline(context) && attained.length > 0) ||
        interiorCount > budget.maxVertices ||
        attained.length >= 10 * budget.maxVertices + (1 << k)
      ) {
        truncated = true;
        break;
      }
      const bounds = shortfallBounds(n, vertex.point);
      session.changeRowBounds(bounds.rows, bounds.lower, bounds.upper);
      const solution = session.solve({ timeLimitMs: remainingMs(context), algorithm: 'simplex' });
      record(context, solution);
      if (solution.status !== 'optimal')
        lpStatus = solution.status === 'infeasible' ? 'numerical_error' : solution.status;
      if (!solution.primal) {
        truncated = true;
        break;
      }
      const distribution = cleanDistribution(solution.primal.subarray(0, n), n);
      const point: AttainedPoint = { guarantees: guarantees(matrices, distribution), distribution };
      attained.push(point);
      const distance = shortfallOf(vertex.point, point.guarantees);
      if (distance <= budget.tolerance) {
        settled.set(vertex, { distance, point });
        continue;
      }
      const cut = solution.rowDuals ? cutFromDuals(matrices, solution.rowDuals, 1) : null;
      const outcome = cut ? cutPolyhedron(polyhedron, cut.weights, cut.offset) : { removed: 0, added: [] };
      if (outcome.removed > 0) {
        alive = new Set(polyhedron.vertices);
        interiorCount = polyhedron.vertices.filter(interior).length;
        queue = [...outcome.added, ...queue];
      }
      // When the duals did not separate the vertex (numerical trouble) it stays, with its distance.
      if (alive.has(vertex)) settled.set(vertex, { distance, point });
    }
  } finally {
    session.dispose();
  }
  const points = attained.map((point) => point.guarantees);
  let hausdorffDistance = 0;
  const frontier: AttainedPoint[] = [];
  // Past the deadline the bound for each unsettled vertex is the single-point one (O(points k)),
  // not the small LP of downsetDistance: thousands of vertices times an LP overran limits by 4x.
  const distanceTo = pastDeadline(context) ? singlePointDistance : downsetDistance;
  for (const vertex of polyhedron.vertices) {
    const known = settled.get(vertex);
    const distance = known ? known.distance : distanceTo(vertex.point, points);
    hausdorffDistance = Math.max(hausdorffDistance, distance);
    if (interior(vertex) && known?.point && known.distance <= budget.tolerance) frontier.push(known.point);
  }
  // When stopped early, the other attained points that nothing dominates belong to the inner approximation too.
  const candidates = truncated ? [...frontier, ...attained] : frontier;
  const kept = nonDominated(
    candidates.map((point) => point.guarantees),
    budget.tolerance,
  ).map((index) => candidates[index]);
  kept.sort((a, b) => {
    for (let c = 0; c < k; c++) if (a.guarantees[c] !== b.guarantees[c]) return a.guarantees[c] - b.guarantees[c];
    return 0;
  });
  const outer = polyhedron.vertices.filter(interior).map((vertex) => vertex.point);
  return { vertices: kept, outer, hausdorffDistance, lpStatus, truncated };
}
