import { linearProgram, SparseRowBuilder, type LinearProgram } from '../lp/model.js';
import type { Matrix } from '../numeric/matrix.js';
import { compensatedSum } from '../numeric/sum.js';

/**
 * The LPs over the achievable set of guarantee vectors
 *
 *     A = { y in R^k : y_c <= g_c(pi) for some lottery pi },   g_c(pi) = min_j sum_i pi_i P_c[i][j]
 *
 * (a convex polyhedron: the projection of `{(pi, y) : y_c <= (P_c' pi)_j}`), and the valid
 * inequalities their duals give. Both programs have the same rows: row 0 is `sum_i pi_i = 1`
 * and row `1 + j k + c` holds the payoff `sum_i pi_i P_c[i][j]` against opponent j on
 * criterion c, so one reader of duals ({@link cutFromDuals}) serves both.
 */

function payoffRows(
  matrices: readonly Matrix[],
  extraColumn: (criterion: number) => number,
  extraValue: number,
  lower: (criterion: number) => number,
): SparseRowBuilder {
  const n = matrices[0].rows;
  const k = matrices.length;
  const builder = new SparseRowBuilder();
  builder.addRow(
    Int32Array.from({ length: n }, (_, i) => i),
    new Float64Array(n).fill(1),
    1,
    1,
  );
  const indices = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) indices[i] = i;
  const values = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) {
    for (let c = 0; c < k; c++) {
      const data = matrices[c].data;
      for (let i = 0; i < n; i++) values[i] = data[i * n + j];
      indices[n] = extraColumn(c);
      values[n] = extraValue;
      builder.addRow(indices, values, lower(c), Infinity);
    }
  }
  return builder;
}

/**
 * The shortfall LP of a point `v` (Benson's problem P2 in direction `1`, and the l-infinity
 * Blackwell LP of the threshold target `v`):
 *
 *     min t  s.t.  sum_i pi_i P_c[i][j] + t >= v_c  for every opponent j and criterion c,
 *                  pi in the simplex,  -1 <= t <= 1.
 *
 * Its optimum is the smallest t with `v - t 1` in A. Columns: `pi` (n), then `t`. Change the
 * point later with {@link shortfallBounds} on an LP session. O(k n^2) nonzeros.
 *
 * @example
 * ```ts
 * const program = shortfallProgram([safety, comfort], [0.5, 0.5])
 * assert.ok(solveWithin(context, program).objective > 0) // no lottery guarantees 1/2 on both
 * ```
 */
export function shortfallProgram(matrices: readonly Matrix[], point: ArrayLike<number>): LinearProgram {
  const n = matrices[0].rows;
  const builder = payoffRows(
    matrices,
    () => n,
    1,
    (c) => point[c],
  );
  const cost = new Float64Array(n + 1);
  cost[n] = 1;
  const lower = new Float64Array(n + 1);
  lower[n] = -1;
  const upper = new Float64Array(n + 1).fill(1);
  return linearProgram('minimize', { cost, lower, upper }, builder.finish());
}

/**
 * The row indices and new lower bounds that move a {@link shortfallProgram} to another point.
 *
 * @example
 * ```ts
 * const { rows, lower, upper } = shortfallBounds(3, [0.4, 0.45]) // then session.changeRowBounds(rows, lower, upper)
 * ```
 */
export function shortfallBounds(
  opponents: number,
  point: ArrayLike<number>,
): { rows: Int32Array; lower: Float64Array; upper: Float64Array } {
  const k = point.length;
  const rows = Int32Array.from({ length: opponents * k }, (_, r) => 1 + r);
  const lower = Float64Array.from({ length: opponents * k }, (_, r) => point[r % k]);
  return { rows, lower, upper: new Float64Array(opponents * k).fill(Infinity) };
}

/**
 * The weighted-sum LP `max sum_c w_c g_c(pi)`:
 *
 *     max sum_c w_c y_c  s.t.  sum_i pi_i P_c[i][j] - y_c >= 0,  pi in the simplex,  0 <= y <= 1.
 *
 * Columns: `pi` (n), then `y` (k). Change the weights later with `changeCosts` on a session
 * ({@link weightedCosts}). O(k n^2) nonzeros.
 *
 * @example
 * ```ts
 * const program = weightedGuaranteeProgram([safety, comfort], [0.5, 0.5])
 * ```
 */
export function weightedGuaranteeProgram(matrices: readonly Matrix[], weights: ArrayLike<number>): LinearProgram {
  const n = matrices[0].rows;
  const k = matrices.length;
  const builder = payoffRows(
    matrices,
    (c) => n + c,
    -1,
    () => 0,
  );
  return linearProgram(
    'maximize',
    { cost: weightedCosts(n, weights), lower: new Float64Array(n + k), upper: new Float64Array(n + k).fill(1) },
    builder.finish(),
  );
}

/** The cost vector of {@link weightedGuaranteeProgram} for other weights. */
export function weightedCosts(items: number, weights: ArrayLike<number>): Float64Array {
  const cost = new Float64Array(items + weights.length);
  for (let c = 0; c < weights.length; c++) cost[items + c] = weights[c];
  return cost;
}

/**
 * The dual of the weighted-sum LP, whose weights are a right-hand side (so that a session
 * re-solves a new weight vector warm, by the dual simplex):
 *
 *     min mu  s.t.  sum_j lambda_jc = w_c  for every criterion c,
 *                   mu - sum_jc lambda_jc P_c[i][j] >= 0  for every item i,   lambda >= 0.
 *
 * Its optimum is `max_pi sum_c w_c g_c(pi)`; the row duals of the item rows are an optimal
 * lottery, and its primal solution `lambda` gives the valid inequality of
 * {@link cutFromMultipliers}. Columns: `lambda_jc` at `j k + c`, then `mu` (bounded by
 * [-2, 2], which never binds). Rows: the k weight rows, then the n item rows. O(k n^2) nonzeros.
 *
 * @example
 * ```ts
 * const program = weightedGuaranteeDual([safety, comfort], [0.5, 0.5]) // session.changeRowBounds for other weights
 * ```
 */
export function weightedGuaranteeDual(matrices: readonly Matrix[], weights: ArrayLike<number>): LinearProgram {
  const n = matrices[0].rows;
  const k = matrices.length;
  const builder = new SparseRowBuilder();
  for (let c = 0; c < k; c++) {
    builder.addRow(
      Int32Array.from({ length: n }, (_, j) => j * k + c),
      new Float64Array(n).fill(1),
      weights[c],
      weights[c],
    );
  }
  const mu = n * k;
  const indices = Int32Array.from({ length: n * k + 1 }, (_, column) => column);
  const values = new Float64Array(n * k + 1);
  values[mu] = 1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) for (let c = 0; c < k; c++) values[j * k + c] = -matrices[c].data[i * n + j];
    builder.addRow(indices, values, 0, Infinity);
  }
  const cost = new Float64Array(n * k + 1);
  cost[mu] = 1;
  const lower = new Float64Array(n * k + 1);
  lower[mu] = -2;
  const upper = new Float64Array(n * k + 1).fill(Infinity);
  upper[mu] = 2;
  return linearProgram('minimize', { cost, lower, upper }, builder.finish());
}

/** A valid inequality `weights . y <= offset` for every point y of the achievable set. */
export interface GuaranteeCut {
  /** Non-negative, summing to 1. */
  weights: Float64Array;
  offset: number;
}

/**
 * A rigorous valid inequality for the achievable set A from any non-negative multipliers
 * `lambda_jc` (at `j k + c`) of the payoff constraints `y_c <= (P_c' pi)_j`, however inaccurate.
 * Every lottery pi and every y <= g(pi) satisfy
 *
 *     sum_c (sum_j lambda_jc) y_c  <=  sum_jc lambda_jc (P_c' pi)_j  <=  max_i sum_jc lambda_jc P_c[i][j],
 *
 * so `w_c = sum_j lambda_jc`, `offset = max_i ...` (both divided by `sum_c w_c`) is valid for A
 * whatever the LP's accuracy. Negative multipliers are read as 0. Returns null when they are all
 * zero. O(k n^2).
 *
 * @example
 * ```ts
 * cutFromMultipliers([speed, safety], Float64Array.of(0.5, 0, 0, 0, 0, 0.5)) // weights . y <= offset on A
 * ```
 */
export function cutFromMultipliers(matrices: readonly Matrix[], raw: ArrayLike<number>): GuaranteeCut | null {
  const n = matrices[0].rows;
  const k = matrices.length;
  const multipliers = Float64Array.from({ length: n * k }, (_, r) => Math.max(0, raw[r]));
  const weights = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const column = new Float64Array(n);
    for (let j = 0; j < n; j++) column[j] = multipliers[j * k + c];
    weights[c] = compensatedSum(column);
  }
  const total = compensatedSum(weights);
  if (!(total > 0)) return null;
  let offset = -Infinity;
  const terms: number[] = [];
  for (let i = 0; i < n; i++) {
    terms.length = 0;
    for (let j = 0; j < n; j++) {
      for (let c = 0; c < k; c++) {
        const multiplier = multipliers[j * k + c];
        if (multiplier !== 0) terms.push(multiplier * matrices[c].data[i * n + j]);
      }
    }
    offset = Math.max(offset, compensatedSum(terms));
  }
  // Division by the total can round either way: nudge the offset up by a few ulps so that the
  // inequality stays valid after normalisation.
  const scaledOffset = offset / total;
  return {
    weights: weights.map((weight) => weight / total),
    offset: scaledOffset + 4 * Number.EPSILON * Math.max(1, Math.abs(scaledOffset)),
  };
}

/**
 * {@link cutFromMultipliers} for the row duals of a {@link shortfallProgram} (`sign` +1) or a
 * {@link weightedGuaranteeProgram} (`sign` -1): the payoff rows' multipliers, read with the sign
 * that makes them non-negative.
 *
 * @example
 * ```ts
 * const solution = solveWithin(context, weightedGuaranteeProgram(matrices, [0.5, 0.5]))
 * const cut = cutFromDuals(matrices, solution.rowDuals!, 1) // weights . y <= offset on A
 * ```
 */
export function cutFromDuals(
  matrices: readonly Matrix[],
  rowDuals: ArrayLike<number>,
  sign: 1 | -1,
): GuaranteeCut | null {
  const count = matrices[0].rows * matrices.length;
  return cutFromMultipliers(
    matrices,
    Float64Array.from({ length: count }, (_, r) => sign * rowDuals[1 + r]),
  );
}
