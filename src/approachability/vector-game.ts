import { PrefgameError } from '../errors.js';
import { Field } from '../schema/field.js';
import { readCriteria } from '../criteria/read-criteria.js';
import { readPayoffMatrix } from '../preferences/matrix.js';
import { itemNames } from '../preferences/names.js';
import type { Matrix } from '../numeric/matrix.js';
import type { ApproachabilityDocument } from '../schema/approachability.js';

/**
 * A repeated game with vector payoffs: we pick a row (an item), the opponent a column, and the
 * payoff is the vector `(A_1[i][j], ..., A_k[i][j])`. Symmetric preference games have the same
 * items as rows and columns and `A_c = P_c`.
 */
export interface VectorGame {
  readonly symmetric: boolean;
  readonly items: string[];
  readonly columns: string[];
  readonly criteria: string[];
  /** One m x n matrix per criterion. */
  readonly matrices: Matrix[];
}

/**
 * The weighted payoff matrix `sum_c direction_c A_c` (the scalar game of a direction). O(k m n).
 *
 * @example
 * ```ts
 * directionGame(game, [1, -1]).data[1] // speed[0][1] - safety[0][1] = 0.7 - 0.6
 * ```
 */
export function directionGame(game: VectorGame, direction: ArrayLike<number>): Matrix {
  const { rows, columns } = game.matrices[0];
  const data = new Float64Array(rows * columns);
  game.matrices.forEach((matrix, c) => {
    const weight = direction[c];
    if (weight === 0) return;
    for (let index = 0; index < data.length; index++) data[index] += weight * matrix.data[index];
  });
  return { rows, columns, data };
}

/**
 * The payoff vector of our lottery `x` against the opponent's lottery `y`:
 * `A(x, y)_c = sum_ij x_i A_c[i][j] y_j`. O(k m n).
 *
 * @example
 * ```ts
 * expectedPayoff(game, [1, 0, 0], [0, 1, 0]) // Float64Array [0.7, 0.6]: row a against column b, per criterion
 * ```
 */
export function expectedPayoff(game: VectorGame, x: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
  const { rows, columns } = game.matrices[0];
  return Float64Array.from(game.matrices, (matrix) => {
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      if (x[i] === 0) continue;
      let row = 0;
      for (let j = 0; j < columns; j++) row += matrix.data[i * columns + j] * y[j];
      sum += x[i] * row;
    }
    return sum;
  });
}

/**
 * Reads the game of an `approachability` document: `criteria` (a symmetric preference game,
 * complementary square matrices) or `payoffs` (a vector-payoff game: k matrices of one m x n
 * shape with entries in [0, 1], `items` naming rows and `columns` naming columns). Exactly one of
 * the two must be given. O(k m n).
 *
 * @example
 * ```ts
 * const game = readVectorGame({ kind: 'approachability', payoffs: [{ name: 'a', payoff: [[1, 0]] }], target: { thresholds: { a: 0.5 } } })
 * assert.deepEqual(game.columns, ['0', '1'])
 * ```
 */
export function readVectorGame(document: ApproachabilityDocument): VectorGame {
  if ((document.criteria === undefined) === (document.payoffs === undefined)) {
    throw new PrefgameError(
      'PREF_ERR_SCHEMA',
      'give either criteria (a symmetric preference game) or payoffs (a vector-payoff game), not both and not neither',
      document.criteria ? '/payoffs' : '',
    );
  }
  if (document.criteria) {
    if (document.columns)
      throw new PrefgameError(
        'PREF_ERR_UNKNOWN_FIELD',
        'columns names the opponents of a vector-payoff game; with criteria the opponents are the items',
        '/columns',
      );
    const tensor = readCriteria(document.criteria, document.items);
    return {
      symmetric: true,
      items: tensor.items,
      columns: tensor.items,
      criteria: tensor.criteria,
      matrices: tensor.matrices,
    };
  }
  const names: string[] = [];
  const matrices: Matrix[] = [];
  document.payoffs!.forEach((criterion, index) => {
    const field = new Field(['payoffs', index]);
    const first = names.indexOf(criterion.name);
    if (first >= 0)
      throw new PrefgameError(
        'PREF_ERR_DUPLICATE_CRITERION',
        `${field}.name repeats "${criterion.name}" of payoffs[${first}]`,
        field.at('name').pointer,
      );
    const matrix = readPayoffMatrix(criterion.payoff, field.at('payoff'));
    if (matrices.length > 0 && (matrix.rows !== matrices[0].rows || matrix.columns !== matrices[0].columns)) {
      throw new PrefgameError(
        'PREF_ERR_SIZE_MISMATCH',
        `${field}.payoff is ${matrix.rows} x ${matrix.columns} but payoffs[0].payoff is ${matrices[0].rows} x ${matrices[0].columns}`,
        field.at('payoff').pointer,
      );
    }
    names.push(criterion.name);
    matrices.push(matrix);
  });
  return {
    symmetric: false,
    items: itemNames(document.items, matrices[0].rows, new Field(['items']), 'payoffs[0].payoff (rows)'),
    columns: itemNames(document.columns, matrices[0].columns, new Field(['columns']), 'payoffs[0].payoff (columns)'),
    criteria: names,
    matrices,
  };
}
