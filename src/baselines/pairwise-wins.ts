import type { Matrix } from '../numeric/matrix.js';
import type { ComparisonCells } from '../comparisons/resample.js';

/**
 * Pairwise outcomes in the form Bradley-Terry fits: pair e is (`first[e]`, `second[e]`), where
 * the first item won `firstWins[e]` and the second `secondWins[e]` comparisons (a tie counts
 * half a win for each, as Chatbot Arena counts them).
 */
export interface PairwiseWins {
  readonly items: number;
  readonly first: Int32Array;
  readonly second: Int32Array;
  readonly firstWins: Float64Array;
  readonly secondWins: Float64Array;
}

/**
 * The pairwise wins of one criterion of a set of comparison cells (ties split in halves). O(cells).
 *
 * @example
 * ```ts
 * winsFromCells(observedCells(counts), 0).firstWins
 * ```
 */
export function winsFromCells(cells: ComparisonCells, criterion: number): PairwiseWins {
  const chosen: number[] = [];
  for (let e = 0; e < cells.criterion.length; e++) if (cells.criterion[e] === criterion) chosen.push(e);
  return {
    items: cells.items,
    first: Int32Array.from(chosen, (e) => cells.first[e]),
    second: Int32Array.from(chosen, (e) => cells.second[e]),
    firstWins: Float64Array.from(chosen, (e) => cells.wins[e] + cells.ties[e] / 2),
    secondWins: Float64Array.from(chosen, (e) => cells.losses[e] + cells.ties[e] / 2),
  };
}

/**
 * A preference matrix read as one comparison per pair with fractional outcomes: i wins
 * `P[i][j]` and j wins `P[j][i]`. Fitting Bradley-Terry to it finds the strengths whose matrix
 * is closest to P in cross-entropy. O(n^2).
 *
 * @example
 * ```ts
 * winsFromMatrix(matrixFromRows([[0.5, 0.8], [0.2, 0.5]])).firstWins // [0.8]
 * ```
 */
export function winsFromMatrix(matrix: Matrix): PairwiseWins {
  const n = matrix.rows;
  const size = (n * (n - 1)) / 2;
  const first = new Int32Array(size);
  const second = new Int32Array(size);
  const firstWins = new Float64Array(size);
  const secondWins = new Float64Array(size);
  let e = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      first[e] = i;
      second[e] = j;
      firstWins[e] = matrix.data[i * n + j];
      secondWins[e] = matrix.data[j * n + i];
      e++;
    }
  }
  return { items: n, first, second, firstWins, secondWins };
}
