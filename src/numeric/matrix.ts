/**
 * Dense row-major matrices stored in one `Float64Array`: entry (i, j) is `data[i * columns + j]`.
 * No per-entry objects, so the solvers' hot loops stay on typed arrays.
 */
export interface Matrix {
  readonly rows: number;
  readonly columns: number;
  readonly data: Float64Array;
}

/**
 * Copies an array of equally long rows into a {@link Matrix} (the caller validates shape).
 *
 * @example
 * ```ts
 * matrixFromRows([[0.5, 1], [0, 0.5]]).data // Float64Array [0.5, 1, 0, 0.5]
 * ```
 */
export function matrixFromRows(rows: ReadonlyArray<ArrayLike<number>>): Matrix {
  const rowCount = rows.length;
  const columns = rowCount === 0 ? 0 : rows[0].length;
  const data = new Float64Array(rowCount * columns);
  for (let i = 0; i < rowCount; i++) data.set(rows[i], i * columns);
  return { rows: rowCount, columns, data };
}

/**
 * The rows of a matrix as plain arrays (for result documents and tests).
 *
 * @example
 * ```ts
 * matrixToRows(matrixFromRows([[1, 2]])) // [[1, 2]]
 * ```
 */
export function matrixToRows(matrix: Matrix): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < matrix.rows; i++) {
    rows.push(Array.from(matrix.data.subarray(i * matrix.columns, (i + 1) * matrix.columns)));
  }
  return rows;
}

/**
 * The payoff of a row lottery against every column: `(pi' M)_j = sum_i pi_i M[i][j]`,
 * with compensated summation. O(columns * support size).
 *
 * @example
 * ```ts
 * columnPayoffs(matrixFromRows([[0.5, 1], [0, 0.5]]), [0.5, 0.5]) // Float64Array [0.25, 0.75]
 * ```
 */
export function columnPayoffs(matrix: Matrix, rowWeights: ArrayLike<number>): Float64Array {
  const { rows, columns, data } = matrix;
  const sum = new Float64Array(columns);
  const compensation = new Float64Array(columns);
  for (let i = 0; i < rows; i++) {
    const weight = rowWeights[i];
    if (weight === 0) continue;
    const offset = i * columns;
    for (let j = 0; j < columns; j++) {
      const value = weight * data[offset + j];
      const previous = sum[j];
      const next = previous + value;
      compensation[j] += Math.abs(previous) >= Math.abs(value) ? previous - next + value : value - next + previous;
      sum[j] = next;
    }
  }
  for (let j = 0; j < columns; j++) sum[j] += compensation[j];
  return sum;
}

/**
 * The payoff of every row against a column lottery: `(M q)_i = sum_j M[i][j] q_j`, compensated.
 * O(rows * support size).
 *
 * @example
 * ```ts
 * rowPayoffs(matrixFromRows([[0.5, 1], [0, 0.5]]), [1, 0]) // Float64Array [0.5, 0]
 * ```
 */
export function rowPayoffs(matrix: Matrix, columnWeights: ArrayLike<number>): Float64Array {
  const { rows, columns, data } = matrix;
  const support: number[] = [];
  for (let j = 0; j < columns; j++) if (columnWeights[j] !== 0) support.push(j);
  const result = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    let compensation = 0;
    const offset = i * columns;
    for (const j of support) {
      const value = data[offset + j] * columnWeights[j];
      const next = sum + value;
      compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
      sum = next;
    }
    result[i] = sum + compensation;
  }
  return result;
}

/**
 * The transpose of a matrix. O(rows * columns).
 *
 * @example
 * ```ts
 * transpose(matrixFromRows([[1, 2]])).data // Float64Array [1, 2] with 2 rows, 1 column
 * ```
 */
export function transpose(matrix: Matrix): Matrix {
  const { rows, columns, data } = matrix;
  const result = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) result[j * rows + i] = data[i * columns + j];
  }
  return { rows: columns, columns: rows, data: result };
}

/**
 * The smallest and largest entry of a matrix.
 *
 * @example
 * ```ts
 * matrixRange(matrixFromRows([[3, -1], [-2, 1]])) // { minimum: -2, maximum: 3 }
 * ```
 */
export function matrixRange(matrix: Matrix): { minimum: number; maximum: number } {
  let minimum = Infinity;
  let maximum = -Infinity;
  for (const value of matrix.data) {
    if (value < minimum) minimum = value;
    if (value > maximum) maximum = value;
  }
  return { minimum, maximum };
}
