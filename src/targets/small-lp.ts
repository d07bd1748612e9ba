import { solveLinearSystem } from '../numeric/linear-algebra.js';

/**
 * A tiny dense LP over free variables: minimise `cost' x` subject to `rows x >= lower`.
 * Used for distances to, support values of and feasibility of target sets in R^k, where k is
 * the number of criteria (a handful): thousands of these are solved per evaluation, far too
 * many for a round trip into an LP engine each.
 */
export interface SmallLp {
  readonly cost: ArrayLike<number>;
  readonly rows: ReadonlyArray<ArrayLike<number>>;
  readonly lower: ArrayLike<number>;
}

export type SmallLpResult =
  | { status: 'optimal'; x: Float64Array; value: number }
  | { status: 'infeasible' }
  | { status: 'unbounded' };

const pivotTolerance = 1e-11;
const costTolerance = 1e-12;

/** Runs simplex pivots with Bland's rule on a dense tableau until optimal or unbounded. */
function pivotToOptimum(
  tableau: Float64Array[],
  objective: Float64Array,
  basis: Int32Array,
  enterable: (column: number) => boolean,
  width: number,
): 'optimal' | 'unbounded' {
  const rhs = width - 1;
  for (let iteration = 0; iteration < 10_000; iteration++) {
    let entering = -1;
    for (let column = 0; column < rhs; column++) {
      if (enterable(column) && objective[column] < -costTolerance) {
        entering = column;
        break;
      }
    }
    if (entering < 0) return 'optimal';
    let leaving = -1;
    let bestRatio = Infinity;
    for (let row = 0; row < tableau.length; row++) {
      const coefficient = tableau[row][entering];
      if (coefficient <= pivotTolerance) continue;
      const ratio = tableau[row][rhs] / coefficient;
      if (ratio < bestRatio - 1e-15 || (Math.abs(ratio - bestRatio) <= 1e-15 && basis[row] < basis[leaving])) {
        bestRatio = ratio;
        leaving = row;
      }
    }
    if (leaving < 0) return 'unbounded';
    pivot(tableau, objective, basis, leaving, entering);
  }
  return 'optimal';
}

function pivot(tableau: Float64Array[], objective: Float64Array, basis: Int32Array, row: number, column: number): void {
  const pivotRow = tableau[row];
  const scale = pivotRow[column];
  for (let j = 0; j < pivotRow.length; j++) pivotRow[j] /= scale;
  for (let other = 0; other < tableau.length; other++) {
    if (other === row) continue;
    const factor = tableau[other][column];
    if (factor === 0) continue;
    const target = tableau[other];
    for (let j = 0; j < target.length; j++) target[j] -= factor * pivotRow[j];
  }
  const factor = objective[column];
  if (factor !== 0) for (let j = 0; j < objective.length; j++) objective[j] -= factor * pivotRow[j];
  basis[row] = column;
}

/**
 * Solves a {@link SmallLp} through its dual `max lower' y s.t. rows' y = cost, y >= 0` with a
 * two-phase dense simplex (Bland's rule, so it cannot cycle). The primal solution is then
 * recomputed from the optimal basis by solving the square system of tight rows, which makes it
 * exact to rounding. The rows must have full column rank (every use in prefgame includes the
 * unit box). O(pivots * m * n) for m rows and n variables.
 *
 * @example
 * ```ts
 * // min x s.t. x >= 0.3, -x >= -1
 * solveSmallLp({ cost: [1], rows: [[1], [-1]], lower: [0.3, -1] }) // { status: 'optimal', x: [0.3], value: 0.3 }
 * ```
 */
export function solveSmallLp(lp: SmallLp): SmallLpResult {
  const m = lp.rows.length;
  const n = lp.cost.length;
  const width = m + n + 1;
  const rhs = width - 1;
  // Dual constraints: for each primal variable j, sum_i rows[i][j] y_i = cost[j]; artificial a_j.
  const tableau: Float64Array[] = [];
  const basis = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const row = new Float64Array(width);
    const sign = lp.cost[j] < 0 ? -1 : 1;
    for (let i = 0; i < m; i++) row[i] = sign * lp.rows[i][j];
    row[m + j] = 1;
    row[rhs] = sign * lp.cost[j];
    tableau.push(row);
    basis[j] = m + j;
  }
  // Phase 1: minimise the sum of artificials.
  const phaseOne = new Float64Array(width);
  for (let j = 0; j < n; j++) for (let column = 0; column < width; column++) if (column < m || column === rhs) phaseOne[column] -= tableau[j][column];
  pivotToOptimum(tableau, phaseOne, basis, (column) => column < m + n, width);
  if (-phaseOne[rhs] > 1e-9 * Math.max(1, ...Array.from(lp.cost, Math.abs))) return { status: 'unbounded' };
  // Drive zero-level artificials out of the basis.
  for (let row = 0; row < n; row++) {
    if (basis[row] < m) continue;
    let column = -1;
    for (let i = 0; i < m; i++) if (Math.abs(tableau[row][i]) > pivotTolerance && (column < 0 || Math.abs(tableau[row][i]) > Math.abs(tableau[row][column]))) column = i;
    if (column >= 0) pivot(tableau, phaseOne, basis, row, column);
  }
  // Phase 2: maximise lower' y, i.e. minimise -lower' y, over the y columns only.
  const phaseTwo = new Float64Array(width);
  for (let i = 0; i < m; i++) phaseTwo[i] = -lp.lower[i];
  for (let row = 0; row < n; row++) {
    const column = basis[row];
    const factor = phaseTwo[column];
    if (factor !== 0) for (let j = 0; j < width; j++) phaseTwo[j] -= factor * tableau[row][j];
  }
  if (pivotToOptimum(tableau, phaseTwo, basis, (column) => column < m, width) === 'unbounded') return { status: 'infeasible' };
  // The tight rows of the optimal basis determine x.
  const tightRows: number[] = [];
  for (let row = 0; row < n; row++) if (basis[row] < m) tightRows.push(basis[row]);
  if (tightRows.length !== n) return { status: 'unbounded' };
  const x = solveLinearSystem(
    tightRows.map((i) => lp.rows[i]),
    tightRows.map((i) => lp.lower[i]),
  );
  if (!x) return { status: 'unbounded' };
  let value = 0;
  for (let j = 0; j < n; j++) value += lp.cost[j] * x[j];
  return { status: 'optimal', x, value };
}
