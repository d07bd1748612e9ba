import type { Matrix } from '../numeric/matrix.js';
import { columnPayoffs } from '../numeric/matrix.js';
import { cleanDistribution } from '../numeric/lottery.js';
import { nullSpace } from '../numeric/linear-algebra.js';
import { tolerances } from '../numeric/tolerances.js';
import { linearProgram, SparseRowBuilder } from '../lp/model.js';
import { projectOntoPolyhedron } from '../numeric/projection.js';
import { solveWithin, type SolveContext } from './context.js';
import { backendNamed } from '../lp/backends.js';

/**
 * Largest support for which uniqueness is decided and ties are broken: both cost O(s^3) dense
 * linear algebra on the s x s block of the support.
 */
export const faceAnalysisLimit = 1000;

/** The von Neumann winner picked among all optimal lotteries, and whether it was the only one. */
export interface SelectedOptimum {
  distribution: Float64Array;
  unique: boolean | null;
}

/**
 * The items that some optimal lottery plays (the largest support S), found by one LP over the
 * cone `{ x >= 0 : (P - 1/2)' x >= 0 }` restricted to the candidates: maximise `sum_i w_i` with
 * `w_i <= min(x_i, 1)`. Because the set is a cone, every item that can be positive reaches
 * `w_i = 1`. Returns S and a lottery positive on all of S (a relative interior point of the
 * optimal face).
 */
function largestSupport(
  P: Matrix,
  candidates: number[],
  context: SolveContext,
): { support: number[]; interior: Float64Array } | null {
  const n = P.rows;
  const c = candidates.length;
  const builder = new SparseRowBuilder();
  const indices = Int32Array.from({ length: c }, (_, index) => index);
  const values = new Float64Array(c);
  for (let j = 0; j < n; j++) {
    candidates.forEach((i, index) => {
      values[index] = P.data[i * n + j] - 0.5;
    });
    builder.addRow(indices, values, 0, Infinity);
  }
  for (let index = 0; index < c; index++) builder.addRow([index, c + index], [-1, 1], -Infinity, 0);
  const cost = new Float64Array(2 * c);
  cost.fill(-1, c);
  const upper = new Float64Array(2 * c).fill(Infinity);
  upper.fill(1, c);
  const solution = solveWithin(
    context,
    linearProgram('minimize', { cost, lower: new Float64Array(2 * c), upper }, builder.finish()),
  );
  if (solution.status !== 'optimal' || !solution.primal) return null;
  const primal = solution.primal;
  const support = candidates.filter((_, index) => primal[c + index] > 0.5);
  const interior = new Float64Array(n);
  candidates.forEach((i, index) => {
    if (primal[c + index] > 0.5) interior[i] = primal[index];
  });
  return { support, interior: cleanDistribution(interior) };
}

/**
 * The optimal lottery of smallest Euclidean norm. On the support S the optimal face is
 * `{ p >= 0 : 1'p = 1, A_SS' p = 0, A_Sj' p >= 0 for j outside S }` with `A = P - 1/2`; with an
 * orthonormal basis N of the equalities' null space and any point p0 of the face,
 * `p = p0 + N w` and `|p|^2 = |w + N'p0|^2 + const`, so the answer is an exact Euclidean
 * projection in the (small) space of w.
 */
function smallestNormOptimum(
  P: Matrix,
  support: number[],
  interior: Float64Array,
  basis: Float64Array[],
): Float64Array | null {
  const n = P.rows;
  const s = support.length;
  const d = basis.length;
  const start = support.map((i) => interior[i]);
  const target = basis.map((vector) => -vector.reduce((sum, value, index) => sum + value * start[index], 0));
  const normals: Float64Array[] = [];
  const offsets: number[] = [];
  for (let row = 0; row < s; row++) {
    normals.push(Float64Array.from(basis, (vector) => vector[row]));
    offsets.push(-start[row]);
  }
  const inSupport = new Uint8Array(n);
  for (const i of support) inSupport[i] = 1;
  for (let j = 0; j < n; j++) {
    if (inSupport[j]) continue;
    const column = support.map((i) => P.data[i * n + j] - 0.5);
    normals.push(
      Float64Array.from(basis, (vector) => vector.reduce((sum, value, index) => sum + value * column[index], 0)),
    );
    offsets.push(-column.reduce((sum, value, index) => sum + value * start[index], 0));
  }
  const w = projectOntoPolyhedron(target, normals, offsets, new Float64Array(d));
  if (!w) return null;
  const result = new Float64Array(n);
  support.forEach((i, row) => {
    let value = start[row];
    for (let k = 0; k < d; k++) value += basis[k][row] * w[k];
    result[i] = value;
  });
  return cleanDistribution(result);
}

/** Runs `work` with HiGHS in place of the context's engine, carrying its counters back. */
function withReferenceEngine<T>(context: SolveContext, work: (reference: SolveContext) => T): T {
  const reference: SolveContext = { ...context, backend: backendNamed('highs') };
  try {
    return work(reference);
  } finally {
    context.iterations = reference.iterations;
    context.lpSolves = reference.lpSolves;
    context.timedOut = reference.timedOut;
  }
}

/**
 * Picks one von Neumann winner by a rule that does not depend on the order of the items, and
 * decides whether it is the only one.
 *
 * - The support S of all optimal lotteries is read off the LP solution when it is strictly
 *   complementary (every best response is played), otherwise found by one more LP.
 * - The optimal face is a single point iff the equalities `A_SS' p = 0, 1'p = 1` have a unique
 *   solution, i.e. `rank(A_SS) = |S| - 1` (so a unique winner always has odd support).
 * - If it is not a single point, the winner returned is the optimal lottery with the smallest
 *   sum of squared probabilities: unique (strictly convex) and order-independent.
 *
 * For supports above {@link faceAnalysisLimit} items, `unique` is null and the LP's lottery is
 * kept. O(n^2 + |S|^3) besides the LPs.
 *
 * @example
 * ```ts
 * // every lottery is optimal when all entries are 1/2: the uniform one is returned, unique = false
 * selectOptimum(matrixFromRows([[0.5, 0.5], [0.5, 0.5]]), Float64Array.of(1, 0), context)
 * // { distribution: [0.5, 0.5], unique: false }
 * ```
 */
export function selectOptimum(P: Matrix, solution: Float64Array, context: SolveContext): SelectedOptimum {
  const n = P.rows;
  const payoffs = columnPayoffs(P, solution);
  const candidates: number[] = [];
  let strictlyComplementary = true;
  // Which items are best responses is read off the engine's lottery only when the engine is
  // HiGHS, accurate to 1e-11 or better. Another engine's lottery may miss a best response by
  // more than the tightness tolerance (javascript-lp-solver called optimal faces single points
  // that way): the face is then found over every item by HiGHS, the reference engine, so that
  // `unique` is decided by the same test whatever the backend.
  const trusted = context.backend.name === 'highs';
  for (let j = 0; j < n; j++) {
    const tight = payoffs[j] <= 0.5 + tolerances.tight;
    if (tight || solution[j] > 0 || !trusted) candidates.push(j);
    if ((tight || !trusted) && !(solution[j] > 0)) strictlyComplementary = false;
  }
  if (candidates.length > faceAnalysisLimit) {
    context.warnings.push(
      `uniqueness was not decided: ${candidates.length} items are best responses (the limit for the analysis is ${faceAnalysisLimit})`,
    );
    return { distribution: solution, unique: null };
  }
  let support = candidates;
  let interior = solution;
  if (!strictlyComplementary) {
    const face = trusted
      ? largestSupport(P, candidates, context)
      : withReferenceEngine(context, (reference) => largestSupport(P, candidates, reference));
    if (!face) {
      context.warnings.push('uniqueness was not decided: the LP for the largest optimal support did not solve');
      return { distribution: solution, unique: null };
    }
    ({ support, interior } = face);
  }
  const equalities = support.map((j) => support.map((i) => P.data[i * n + j] - 0.5));
  equalities.push(support.map(() => 1));
  const basis = nullSpace(equalities, support.length);
  if (basis.length === 0) return { distribution: solution, unique: true };
  const smallest = smallestNormOptimum(P, support, interior, basis);
  if (!smallest) {
    context.warnings.push(
      "the optimum is not unique, but the smallest-norm optimal lottery could not be computed; the LP's lottery is returned",
    );
    return { distribution: solution, unique: false };
  }
  return { distribution: smallest, unique: false };
}
