import { PrefgameError } from '../errors.js';
import type { Matrix } from '../numeric/matrix.js';
import { tolerances } from '../numeric/tolerances.js';
import { Field } from './field.js';

function readRows(rows: ReadonlyArray<ReadonlyArray<number>>, field: Field): Matrix {
  if (!Array.isArray(rows) || rows.length === 0) throw new PrefgameError('PREF_ERR_EMPTY_MATRIX', `${field} has no rows`, field.pointer);
  const rowCount = rows.length;
  const columns = Array.isArray(rows[0]) ? rows[0].length : 0;
  if (columns === 0) throw new PrefgameError('PREF_ERR_EMPTY_MATRIX', `${field}[0] has no entries`, field.at(0).pointer);
  const data = new Float64Array(rowCount * columns);
  for (let i = 0; i < rowCount; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== columns) {
      const length = Array.isArray(row) ? row.length : 'no';
      throw new PrefgameError('PREF_ERR_RAGGED_ROWS', `${field}[${i}] has ${length} entries but ${field}[0] has ${columns}`, field.at(i).pointer);
    }
    for (let j = 0; j < columns; j++) {
      const value = row[j];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new PrefgameError('PREF_ERR_NON_FINITE', `${field}[${i}][${j}] is ${String(value)}, not a finite number`, field.at(i, j).pointer);
      }
      data[i * columns + j] = value;
    }
  }
  return { rows: rowCount, columns, data };
}

/**
 * Reads and checks a preference matrix: non-empty, rectangular rows, square, finite entries in
 * [0, 1], diagonal 1/2 and `P[i][j] + P[j][i] = 1` (both within 1e-9, DESIGN.md section 3).
 * Throws a {@link PrefgameError} naming the first bad cell. O(n^2), one copy into a
 * `Float64Array`.
 *
 * @example
 * ```ts
 * readPreferenceMatrix([[0.5, 0.7], [0.3, 0.5]], new Field(['preferences'])).rows // 2
 * readPreferenceMatrix([[0.5, 0.7], [0.6, 0.5]], new Field(['preferences']))
 * // throws PREF_ERR_NOT_COMPLEMENTARY: preferences[0][1] + preferences[1][0] = 0.7 + 0.6 = 1.3, expected 1
 * ```
 */
export function readPreferenceMatrix(rows: ReadonlyArray<ReadonlyArray<number>>, field: Field): Matrix {
  const matrix = readRows(rows, field);
  const n = matrix.rows;
  if (matrix.columns !== n) {
    throw new PrefgameError('PREF_ERR_NOT_SQUARE', `${field} has ${n} rows of ${matrix.columns} entries; a preference matrix must be square`, field.pointer);
  }
  const { data } = matrix;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = data[i * n + j];
      if (value < 0 || value > 1) {
        throw new PrefgameError('PREF_ERR_OUT_OF_RANGE', `${field}[${i}][${j}] is ${value}; probabilities must lie in [0, 1]`, field.at(i, j).pointer);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const diagonal = data[i * n + i];
    if (Math.abs(diagonal - 0.5) > tolerances.diagonal) {
      throw new PrefgameError('PREF_ERR_BAD_DIAGONAL', `${field}[${i}][${i}] is ${diagonal}; an item is preferred to itself with probability 0.5`, field.at(i, i).pointer);
    }
    for (let j = i + 1; j < n; j++) {
      const upper = data[i * n + j];
      const lower = data[j * n + i];
      if (Math.abs(upper + lower - 1) > tolerances.complementarity) {
        throw new PrefgameError(
          'PREF_ERR_NOT_COMPLEMENTARY',
          `${field}[${i}][${j}] + ${field}[${j}][${i}] = ${upper} + ${lower} = ${upper + lower}, expected 1`,
          field.at(i, j).pointer,
        );
      }
    }
  }
  return matrix;
}

/**
 * Reads and checks a rectangular payoff matrix of finite numbers (any range). O(m n).
 *
 * @example
 * ```ts
 * readPayoffMatrix([[3, -1], [-2, 1]], new Field(['payoff'])).columns // 2
 * ```
 */
export function readPayoffMatrix(rows: ReadonlyArray<ReadonlyArray<number>>, field: Field): Matrix {
  return readRows(rows, field);
}
