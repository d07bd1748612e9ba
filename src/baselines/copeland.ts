import type { Matrix } from '../numeric/matrix.js';
import { tolerances } from '../numeric/tolerances.js';

/**
 * Copeland scores: for each item i, the number of items it beats (`P[i][j] > 1/2`) plus half
 * the number it ties with (`P[i][j] = 1/2` within {@link tolerances.preferenceTie}). The
 * Condorcet winner, when there is one, has the largest possible score n - 1. O(n^2).
 *
 * @example
 * ```ts
 * copelandScores(matrixFromRows([[0.5, 0.6, 0.5], [0.4, 0.5, 0.9], [0.5, 0.1, 0.5]])) // [1.5, 1, 0.5]
 * ```
 */
export function copelandScores(matrix: Matrix): Float64Array {
  const n = matrix.rows;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const margin = matrix.data[i * n + j] - 0.5;
      if (margin > tolerances.preferenceTie) scores[i] += 1;
      else if (margin >= -tolerances.preferenceTie) scores[i] += 0.5;
    }
  }
  return scores;
}
