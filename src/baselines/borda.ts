import type { Matrix } from '../numeric/matrix.js';
import { compensatedSum } from '../numeric/sum.js';

/**
 * Borda scores on probabilities: for each item i, its mean win probability against the other
 * items, `sum_{j != i} P[i][j] / (n - 1)` (the expected Borda count of a random voter, scaled to
 * [0, 1]). Compensated sums. O(n^2).
 *
 * @example
 * ```ts
 * bordaScores(matrixFromRows([[0.5, 0.6, 0.7], [0.4, 0.5, 0.9], [0.3, 0.1, 0.5]])) // [0.65, 0.65, 0.2]
 * ```
 */
export function bordaScores(matrix: Matrix): Float64Array {
  const n = matrix.rows;
  const scores = new Float64Array(n);
  if (n < 2) return scores.fill(0.5);
  const row = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    let position = 0;
    for (let j = 0; j < n; j++) if (j !== i) row[position++] = matrix.data[i * n + j];
    scores[i] = compensatedSum(row) / (n - 1);
  }
  return scores;
}
