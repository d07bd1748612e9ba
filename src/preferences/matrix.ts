import { PrefgameError } from '../errors.js';
import type { Matrix } from '../numeric/matrix.js';
import { tolerances } from '../numeric/tolerances.js';
import { Field } from '../schema/field.js';

/**
 * Copies rows into one Float64Array, checking shape, finiteness and (when given) the range of
 * every entry in the same pass; errors name the first bad cell in row-major order.
 */
function readRows(
  rows: ReadonlyArray<ReadonlyArray<number>>,
  field: Field,
  range?: { lower: number; upper: number },
): Matrix {
  if (!Array.isArray(rows) || rows.length === 0)
    throw new PrefgameError('PREF_ERR_EMPTY_MATRIX', `${field} has no rows`, field.pointer);
  const rowCount = rows.length;
  const columns = Array.isArray(rows[0]) ? rows[0].length : 0;
  if (columns === 0)
    throw new PrefgameError('PREF_ERR_EMPTY_MATRIX', `${field}[0] has no entries`, field.at(0).pointer);
  const data = new Float64Array(rowCount * columns);
  const lower = range?.lower ?? -Infinity;
  const upper = range?.upper ?? Infinity;
  for (let i = 0; i < rowCount; i++) {
    const row: unknown = rows[i];
    if (!Array.isArray(row) || row.length !== columns) {
      const length = Array.isArray(row) ? row.length : 'no';
      throw new PrefgameError(
        'PREF_ERR_RAGGED_ROWS',
        `${field}[${i}] has ${length} entries but ${field}[0] has ${columns}`,
        field.at(i).pointer,
      );
    }
    // A native copy, then one check per entry on the typed array: about twice as fast as checking
    // while copying element by element. (Entries are numbers: the schema was checked first;
    // anything else would read as NaN and fail here.)
    const offset = i * columns;
    data.set(row, offset);
    for (let j = 0; j < columns; j++) {
      const value = data[offset + j];
      if (!(value >= lower && value <= upper && value - value === 0)) {
        const original: unknown = row[j];
        if (typeof original !== 'number' || !Number.isFinite(original)) {
          throw new PrefgameError(
            'PREF_ERR_NON_FINITE',
            `${field}[${i}][${j}] is ${String(original)}, not a finite number`,
            field.at(i, j).pointer,
          );
        }
        throw new PrefgameError(
          'PREF_ERR_OUT_OF_RANGE',
          `${field}[${i}][${j}] is ${original}; probabilities must lie in [0, 1]`,
          field.at(i, j).pointer,
        );
      }
    }
  }
  return { rows: rowCount, columns, data };
}

/** Block size of the cache-friendly complementarity scan (a block of rows against a block of columns). */
const block = 64;

/** True when some pair violates `P[i][j] + P[j][i] = 1`, scanned in blocks so that P[j][i] stays in cache. */
function hasComplementarityViolation(data: Float64Array, n: number): boolean {
  for (let rowStart = 0; rowStart < n; rowStart += block) {
    const rowEnd = Math.min(n, rowStart + block);
    for (let columnStart = rowStart; columnStart < n; columnStart += block) {
      const columnEnd = Math.min(n, columnStart + block);
      for (let i = rowStart; i < rowEnd; i++) {
        for (let j = Math.max(columnStart, i + 1); j < columnEnd; j++) {
          if (!(Math.abs(data[i * n + j] + data[j * n + i] - 1) <= tolerances.complementarity)) return true;
        }
      }
    }
  }
  return false;
}

/**
 * Reads and checks a preference matrix: non-empty, rectangular rows, square, finite entries in
 * [0, 1], diagonal 1/2 and `P[i][j] + P[j][i] = 1` (both within
 * {@link tolerances.complementarity}: loose enough for probabilities printed to 9 or more digits).
 * Throws a {@link PrefgameError} naming the first bad cell. O(n^2), one copy into a
 * `Float64Array`.
 *
 * @example
 * ```ts
 * readPreferenceMatrix([[0.5, 0.7], [0.3, 0.5]], new Field(['preferences'])).rows // 2
 * assert.throws(() => readPreferenceMatrix([[0.5, 0.7], [0.6, 0.5]], new Field(['preferences'])), {
 *   code: 'PREF_ERR_NOT_COMPLEMENTARY', // preferences[0][1] + preferences[1][0] = 0.7 + 0.6 = 1.3, expected 1
 *   pointer: '/preferences/0/1',
 * })
 * ```
 */
export function readPreferenceMatrix(rows: ReadonlyArray<ReadonlyArray<number>>, field: Field): Matrix {
  const matrix = readRows(rows, field, { lower: 0, upper: 1 });
  const n = matrix.rows;
  if (matrix.columns !== n) {
    throw new PrefgameError(
      'PREF_ERR_NOT_SQUARE',
      `${field} has ${n} rows of ${matrix.columns} entries; a preference matrix must be square`,
      field.pointer,
    );
  }
  const { data } = matrix;
  for (let i = 0; i < n; i++) {
    const diagonal = data[i * n + i];
    if (Math.abs(diagonal - 0.5) > tolerances.diagonal) {
      throw new PrefgameError(
        'PREF_ERR_BAD_DIAGONAL',
        `${field}[${i}][${i}] is ${diagonal}; an item is preferred to itself with probability 0.5`,
        field.at(i, i).pointer,
      );
    }
  }
  if (!hasComplementarityViolation(data, n)) return matrix;
  // Some pair is wrong: find the first one in row-major order, for the message.
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const upper = data[i * n + j];
      const lower = data[j * n + i];
      if (!(Math.abs(upper + lower - 1) <= tolerances.complementarity)) {
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
