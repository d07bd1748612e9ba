import { tolerances } from './tolerances.js';

/**
 * An orthonormal basis of the null space `{ x : A x = 0 }` of a dense matrix, by reduction to
 * row echelon form with partial pivoting (pivots below `relativeTolerance` times the largest
 * entry times the size count as zero) followed by modified Gram-Schmidt. The dimension of the
 * result is `columns - rank(A)`. O(rows * columns * rank + columns * nullity^2).
 *
 * @example
 * ```ts
 * nullSpace([[1, 1]], 2) // [Float64Array [0.7071, -0.7071]] (up to sign)
 * ```
 */
export function nullSpace(
  rows: ReadonlyArray<ArrayLike<number>>,
  columns: number,
  relativeTolerance: number = tolerances.rank,
): Float64Array[] {
  const a = rows.map((row) => Float64Array.from(row));
  const m = a.length;
  let scale = 0;
  for (const row of a) for (const value of row) scale = Math.max(scale, Math.abs(value));
  const threshold = relativeTolerance * Math.max(scale, Number.MIN_VALUE) * Math.max(m, columns);
  const pivotColumns: number[] = [];
  let pivotRow = 0;
  for (let column = 0; column < columns && pivotRow < m; column++) {
    let best = pivotRow;
    for (let i = pivotRow + 1; i < m; i++) if (Math.abs(a[i][column]) > Math.abs(a[best][column])) best = i;
    if (Math.abs(a[best][column]) <= threshold) continue;
    [a[pivotRow], a[best]] = [a[best], a[pivotRow]];
    const pivot = a[pivotRow][column];
    for (let j = column; j < columns; j++) a[pivotRow][j] /= pivot;
    for (let i = 0; i < m; i++) {
      if (i === pivotRow) continue;
      const factor = a[i][column];
      if (factor === 0) continue;
      for (let j = column; j < columns; j++) a[i][j] -= factor * a[pivotRow][j];
    }
    pivotColumns.push(column);
    pivotRow++;
  }
  const isPivot = new Uint8Array(columns);
  for (const column of pivotColumns) isPivot[column] = 1;
  const basis: Float64Array[] = [];
  for (let free = 0; free < columns; free++) {
    if (isPivot[free]) continue;
    const vector = new Float64Array(columns);
    vector[free] = 1;
    pivotColumns.forEach((column, row) => {
      vector[column] = -a[row][free];
    });
    for (let pass = 0; pass < 2; pass++) {
      for (const previous of basis) {
        let dot = 0;
        for (let j = 0; j < columns; j++) dot += previous[j] * vector[j];
        for (let j = 0; j < columns; j++) vector[j] -= dot * previous[j];
      }
    }
    let norm = 0;
    for (let j = 0; j < columns; j++) norm += vector[j] * vector[j];
    norm = Math.sqrt(norm);
    for (let j = 0; j < columns; j++) vector[j] /= norm;
    basis.push(vector);
  }
  return basis;
}

/**
 * Solves the square system `A x = b` by Gaussian elimination with partial pivoting, or returns
 * `null` when `A` is singular to working precision. O(n^3).
 *
 * @example
 * ```ts
 * solveLinearSystem([[2, 0], [0, 4]], [2, 2]) // Float64Array [1, 0.5]
 * ```
 */
export function solveLinearSystem(
  matrix: ReadonlyArray<ArrayLike<number>>,
  rightHandSide: ArrayLike<number>,
): Float64Array | null {
  const n = matrix.length;
  const a = matrix.map((row) => Float64Array.from(row));
  const b = Float64Array.from(rightHandSide);
  let scale = 0;
  for (const row of a) for (const value of row) scale = Math.max(scale, Math.abs(value));
  const threshold = 1e-14 * Math.max(scale, 1e-300) * n;
  for (let step = 0; step < n; step++) {
    let pivotRow = step;
    for (let i = step + 1; i < n; i++) if (Math.abs(a[i][step]) > Math.abs(a[pivotRow][step])) pivotRow = i;
    if (Math.abs(a[pivotRow][step]) <= threshold) return null;
    [a[step], a[pivotRow]] = [a[pivotRow], a[step]];
    [b[step], b[pivotRow]] = [b[pivotRow], b[step]];
    const pivot = a[step][step];
    for (let i = step + 1; i < n; i++) {
      const factor = a[i][step] / pivot;
      if (factor === 0) continue;
      for (let j = step; j < n; j++) a[i][j] -= factor * a[step][j];
      b[i] -= factor * b[step];
    }
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i];
    for (let j = i + 1; j < n; j++) sum -= a[i][j] * x[j];
    x[i] = sum / a[i][i];
  }
  return x;
}
