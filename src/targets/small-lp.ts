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
  { status: 'optimal'; x: Float64Array; value: number } | { status: 'infeasible' } | { status: 'unbounded' };

const pivotTolerance = 1e-11;
/** Pivots smaller than this times the largest entry of their column are not taken. */
const relativePivotTolerance = 1e-9;
const costTolerance = 1e-12;
/** A column without a pivot proves unboundedness only when its reduced cost is at least this. */
const unboundedTolerance = 1e-9;

/** The leaving row for an entering column: minimum ratio, largest pivot among near-ties. */
function leavingRow(tableau: Float64Array[], entering: number, rhs: number, basis: Int32Array, bland: boolean): number {
  let columnScale = 0;
  for (const row of tableau) columnScale = Math.max(columnScale, Math.abs(row[entering]));
  const threshold = Math.max(pivotTolerance, relativePivotTolerance * columnScale);
  let bestRatio = Infinity;
  for (const row of tableau) if (row[entering] > threshold) bestRatio = Math.min(bestRatio, row[rhs] / row[entering]);
  let leaving = -1;
  for (let r = 0; r < tableau.length; r++) {
    const coefficient = tableau[r][entering];
    if (coefficient <= threshold || tableau[r][rhs] / coefficient > bestRatio + 1e-12 * (1 + Math.abs(bestRatio)))
      continue;
    if (leaving < 0 || (bland ? basis[r] < basis[leaving] : coefficient > tableau[leaving][entering])) leaving = r;
  }
  return leaving;
}

/**
 * Runs simplex pivots on a dense tableau until optimal or unbounded: the most negative reduced
 * cost enters (Bland's smallest index after a run of degenerate pivots, so it cannot cycle),
 * the minimum-ratio row with the largest pivot leaves, and pivots that are tiny relative to
 * their column are never taken.
 */
function pivotToOptimum(
  tableau: Float64Array[],
  objective: Float64Array,
  basis: Int32Array,
  enterable: (column: number) => boolean,
  width: number,
): 'optimal' | 'unbounded' {
  const rhs = width - 1;
  let degenerate = 0;
  for (let iteration = 0; iteration < 10_000; iteration++) {
    const bland = degenerate > 50;
    let entering = -1;
    let leaving = -1;
    const skipped = new Set<number>();
    for (;;) {
      entering = -1;
      for (let column = 0; column < rhs; column++) {
        if (!enterable(column) || skipped.has(column) || objective[column] >= -costTolerance) continue;
        if (entering < 0 || (!bland && objective[column] < objective[entering])) entering = column;
        if (bland) break;
      }
      if (entering < 0) return 'optimal';
      leaving = leavingRow(tableau, entering, rhs, basis, bland);
      if (leaving >= 0) break;
      if (objective[entering] < -unboundedTolerance) return 'unbounded';
      skipped.add(entering); // a reduced cost of rounding size on a column without a usable pivot
    }
    degenerate = tableau[leaving][rhs] <= 1e-15 ? degenerate + 1 : 0;
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
 * The same LP with every row divided by its largest coefficient (the feasible set does not
 * change, the pivots become comparable); rows without coefficients are dropped, or make the LP
 * infeasible when they ask `0 >= positive`.
 */
function withScaledRows(lp: SmallLp): SmallLp | null {
  const rows: Float64Array[] = [];
  const lower: number[] = [];
  for (let i = 0; i < lp.rows.length; i++) {
    let scale = 0;
    for (let j = 0; j < lp.cost.length; j++) scale = Math.max(scale, Math.abs(lp.rows[i][j]));
    if (scale === 0) {
      if (lp.lower[i] > 0) return null;
      continue;
    }
    rows.push(Float64Array.from(lp.rows[i], (value) => value / scale));
    lower.push(lp.lower[i] / scale);
  }
  return { cost: lp.cost, rows, lower };
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
export function solveSmallLp(problem: SmallLp): SmallLpResult {
  const lp = withScaledRows(problem);
  if (!lp) return { status: 'infeasible' };
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
  for (let j = 0; j < n; j++)
    for (let column = 0; column < width; column++)
      if (column < m || column === rhs) phaseOne[column] -= tableau[j][column];
  pivotToOptimum(tableau, phaseOne, basis, (column) => column < m + n, width);
  if (-phaseOne[rhs] > 1e-9 * Math.max(1, ...Array.from(lp.cost, Math.abs))) return { status: 'unbounded' };
  // Drive zero-level artificials out of the basis.
  for (let row = 0; row < n; row++) {
    if (basis[row] < m) continue;
    let column = -1;
    for (let i = 0; i < m; i++)
      if (
        Math.abs(tableau[row][i]) > pivotTolerance &&
        (column < 0 || Math.abs(tableau[row][i]) > Math.abs(tableau[row][column]))
      )
        column = i;
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
  if (pivotToOptimum(tableau, phaseTwo, basis, (column) => column < m, width) === 'unbounded')
    return { status: 'infeasible' };
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
