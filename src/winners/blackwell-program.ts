import type { Matrix } from '../numeric/matrix.js';
import { linearProgram, SparseRowBuilder, type LinearProgram } from '../lp/model.js';
import type { TargetSet } from '../targets/target-set.js';

/**
 * Adds `sum_i P[i][j] pi_i + sum_e extraValues[e] x[extraIndices[e]]` within bounds: a row that
 * holds opponent j's payoff on one criterion (column j of P) plus a few other variables.
 */
function addPayoffRow(
  builder: SparseRowBuilder,
  matrix: Matrix,
  opponent: number,
  extraIndices: number[],
  extraValues: number[],
  lower: number,
  upper: number,
  scratch: { indices: Int32Array; values: Float64Array },
): void {
  const n = matrix.rows;
  const { indices, values } = scratch;
  for (let i = 0; i < n; i++) values[i] = matrix.data[i * n + opponent];
  extraIndices.forEach((index, e) => {
    indices[n + e] = index;
    values[n + e] = extraValues[e];
  });
  builder.addRow(
    indices.subarray(0, n + extraIndices.length),
    values.subarray(0, n + extraIndices.length),
    lower,
    upper,
  );
}

function scratchFor(n: number) {
  const indices = new Int32Array(n + 2);
  for (let i = 0; i < n; i++) indices[i] = i;
  return { indices, values: new Float64Array(n + 2) };
}

/**
 * The exact LP of the Blackwell winner for a box target `lower <= z <= upper` (thresholds):
 *
 * - l-infinity: `min t` s.t. `z_jc(pi) + t >= lower_c` and `z_jc(pi) - t <= upper_c` for every
 *   opponent j and bounded criterion c, `pi` in the simplex, `0 <= t <= 1`;
 * - l1: `min t` s.t. `e_jc >= lower_c - z_jc(pi)`, `e_jc >= z_jc(pi) - upper_c`, `sum_c e_jc <= t`.
 *
 * Columns: `pi` (0..n-1), `t` (n), then the `e_jc` of the l1 norm. Rows with a bound that cannot
 * bind (`lower_c <= 0`, `upper_c >= 1`) are left out. O(k n^2) nonzeros.
 */
function boxProgram(
  matrices: readonly Matrix[],
  box: NonNullable<TargetSet['box']>,
  norm: 'linf' | 'l1',
): LinearProgram {
  const n = matrices[0].rows;
  const k = matrices.length;
  const builder = new SparseRowBuilder();
  builder.addRow(
    Int32Array.from({ length: n }, (_, i) => i),
    new Float64Array(n).fill(1),
    1,
    1,
  );
  const scratch = scratchFor(n);
  const bounded = Array.from({ length: k }, (_, c) => c).filter((c) => box.lower[c] > 0 || box.upper[c] < 1);
  const t = n;
  let columns = n + 1;
  for (let j = 0; j < n; j++) {
    const shortfalls: number[] = [];
    for (const c of bounded) {
      const slack = norm === 'linf' ? t : columns++;
      if (norm === 'l1') shortfalls.push(slack);
      if (box.lower[c] > 0) addPayoffRow(builder, matrices[c], j, [slack], [1], box.lower[c], Infinity, scratch);
      if (box.upper[c] < 1) addPayoffRow(builder, matrices[c], j, [slack], [-1], -Infinity, box.upper[c], scratch);
    }
    if (norm === 'l1' && shortfalls.length > 0)
      builder.addRow([...shortfalls, t], [...shortfalls.map(() => 1), -1], -Infinity, 0);
  }
  const cost = new Float64Array(columns);
  cost[t] = 1;
  const upper = new Float64Array(columns).fill(1);
  upper[t] = norm === 'linf' ? 1 : k;
  return linearProgram('minimize', { cost, lower: new Float64Array(columns), upper }, builder.finish());
}

/**
 * The exact LP of the Blackwell winner for a general polyhedral target
 * `S = { s in [0,1]^k : G s >= h }`, with the opponent's payoff `y_j = z_j(pi)` and the
 * displacement `d_j = s_j - y_j` to a point `s_j` of S as variables:
 *
 *     min t  s.t.  y_jc = sum_i P_c[i][j] pi_i,  G (y_j + d_j) >= h,  0 <= y_j + d_j <= 1,
 *                  |d_j|_inf <= t  (or  sum_c e_jc <= t  with  e_jc >= |d_jc|  for l1)
 *
 * Columns: `pi` (n), `t`, `y` (n k), `d` (n k), then `e` (n k, l1). Every column is bounded, so
 * the safe dual bound is finite. O(k n^2 + n k |rows of S|) nonzeros.
 */
function polyhedralProgram(matrices: readonly Matrix[], target: TargetSet, norm: 'linf' | 'l1'): LinearProgram {
  const n = matrices[0].rows;
  const k = matrices.length;
  const t = n;
  const y = (j: number, c: number) => n + 1 + j * k + c;
  const d = (j: number, c: number) => n + 1 + n * k + j * k + c;
  const e = (j: number, c: number) => n + 1 + 2 * n * k + j * k + c;
  const columns = n + 1 + (norm === 'l1' ? 3 : 2) * n * k;
  const builder = new SparseRowBuilder();
  builder.addRow(
    Int32Array.from({ length: n }, (_, i) => i),
    new Float64Array(n).fill(1),
    1,
    1,
  );
  const scratch = scratchFor(n);
  for (let j = 0; j < n; j++) {
    for (let c = 0; c < k; c++) {
      addPayoffRow(builder, matrices[c], j, [y(j, c)], [-1], 0, 0, scratch);
      builder.addRow([y(j, c), d(j, c)], [1, 1], 0, 1);
      if (norm === 'linf') {
        builder.addRow([d(j, c), t], [1, -1], -Infinity, 0);
        builder.addRow([d(j, c), t], [1, 1], 0, Infinity);
      } else {
        builder.addRow([e(j, c), d(j, c)], [1, -1], 0, Infinity);
        builder.addRow([e(j, c), d(j, c)], [1, 1], 0, Infinity);
      }
    }
    target.normals.forEach((normal, r) => {
      const indices: number[] = [];
      const values: number[] = [];
      for (let c = 0; c < k; c++) {
        if (normal[c] === 0) continue;
        indices.push(y(j, c), d(j, c));
        values.push(normal[c], normal[c]);
      }
      builder.addRow(indices, values, target.offsets[r], Infinity);
    });
    if (norm === 'l1') {
      const indices = Array.from({ length: k }, (_, c) => e(j, c));
      builder.addRow([...indices, t], [...indices.map(() => 1), -1], -Infinity, 0);
    }
  }
  const cost = new Float64Array(columns);
  cost[t] = 1;
  const lower = new Float64Array(columns);
  const upper = new Float64Array(columns).fill(1);
  upper[t] = norm === 'linf' ? 1 : k;
  for (let j = 0; j < n; j++) for (let c = 0; c < k; c++) lower[d(j, c)] = -1;
  return linearProgram('minimize', { cost, lower, upper }, builder.finish());
}

/**
 * The exact LP whose optimal value is the Blackwell value `min_pi max_j dist(z_j(pi), S)` under
 * the l-infinity or l1 norm; its first n columns are the lottery. Box targets get the compact
 * form, other polyhedra the general one.
 *
 * @example
 * ```ts
 * const program = blackwellProgram([speed, safety], buildTargetSet({ thresholds: { speed: 0.5, safety: 0.5 } }, ['speed', 'safety']), 'linf')
 * assert.ok(Math.abs(solveWithin(context, program).objective - 0.03) < 1e-9) // the l-inf Blackwell value
 * ```
 */
export function blackwellProgram(matrices: readonly Matrix[], target: TargetSet, norm: 'linf' | 'l1'): LinearProgram {
  return target.box ? boxProgram(matrices, target.box, norm) : polyhedralProgram(matrices, target, norm);
}
