import type { Matrix } from '../numeric/matrix.js';
import { tolerances } from '../numeric/tolerances.js';

function beatsEveryone(matrix: Matrix, item: number, sign: 1 | -1): boolean {
  const n = matrix.rows;
  for (let j = 0; j < n; j++) {
    if (j === item) continue;
    if (!(sign * (matrix.data[item * n + j] - 0.5) > tolerances.preferenceTie)) return false;
  }
  return true;
}

function findItem(matrix: Matrix, sign: 1 | -1): number | null {
  for (let i = 0; i < matrix.rows; i++) if (beatsEveryone(matrix, i, sign)) return i;
  return null;
}

/**
 * The Condorcet winner of a preference matrix: the item i with `P[i][j] > 1/2` against every
 * other item j (strictly, beyond {@link tolerances.preferenceTie}), or null when there is none.
 * It is unique when it exists, and then it is also the von Neumann winner. O(n^2).
 *
 * @example
 * ```ts
 * condorcetWinner(matrixFromRows([[0.5, 0.6, 0.7], [0.4, 0.5, 0.9], [0.3, 0.1, 0.5]])) // 0
 * condorcetWinner(matrixFromRows([[0.5, 0, 1], [1, 0.5, 0], [0, 1, 0.5]])) // null (a cycle)
 * ```
 */
export function condorcetWinner(matrix: Matrix): number | null {
  return findItem(matrix, 1);
}

/**
 * The Condorcet loser: the item i with `P[i][j] < 1/2` against every other item j, or null.
 * O(n^2).
 *
 * @example
 * ```ts
 * condorcetLoser(matrixFromRows([[0.5, 0.6, 0.7], [0.4, 0.5, 0.9], [0.3, 0.1, 0.5]])) // 2
 * ```
 */
export function condorcetLoser(matrix: Matrix): number | null {
  return findItem(matrix, -1);
}
