import type { Matrix } from '../numeric/matrix.js';
import { columnPayoffs, rowPayoffs } from '../numeric/matrix.js';
import { cleanDistribution } from '../numeric/lottery.js';
import { maximumOf, minimumOf } from '../numeric/extremes.js';
import type { LpStatus } from '../lp/model.js';
import { solveWithin, type SolveContext } from './context.js';
import { maximinProgram } from './matrix-game.js';
import { selectOptimum } from './optimal-face.js';

/** A von Neumann winner of a complementary matrix with its certificate. */
export interface SymmetricGameSolution {
  distribution: Float64Array;
  /** `min_j (P' pi)_j`: the win probability the lottery guarantees against every item. */
  lowerBound: number;
  /** `max_i (P pi)_i`: what the lottery, played by the opponent, concedes to any item. */
  upperBound: number;
  unique: boolean | null;
  lpStatus: LpStatus;
}

/**
 * The von Neumann winner (maximal lottery) of a complementary preference matrix P
 * (`P[i][j] + P[j][i] = 1`): `argmax_pi min_j sum_i pi_i P[i][j]`, whose value is 1/2. Solved by
 * the normalised LP `min 1'x s.t. P'x >= 1, x >= 0`, `pi = x / sum(x)` (DESIGN.md section 7: no
 * free value variable, no redundant bound). The game is symmetric, so the opponent's optimal
 * strategy is a winner too and the certificate is the pair (what pi guarantees, what pi
 * concedes), both recomputed from P. Ties between optimal lotteries are broken by
 * {@link selectOptimum}. O(LP) plus O(n^2).
 *
 * @example
 * ```ts
 * const rps = matrixFromRows([[0.5, 0, 1], [1, 0.5, 0], [0, 1, 0.5]])
 * solveSymmetricGame(rps, context).distribution // [1/3, 1/3, 1/3], unique: true
 * ```
 */
export function solveSymmetricGame(P: Matrix, context: SolveContext): SymmetricGameSolution {
  const n = P.rows;
  const solution = solveWithin(context, maximinProgram(P));
  let distribution = solution.primal ? cleanDistribution(solution.primal, n) : new Float64Array(n).fill(1 / n);
  let unique: boolean | null = null;
  if (solution.status === 'optimal') ({ distribution, unique } = selectOptimum(P, distribution, context));
  return {
    distribution,
    lowerBound: minimumOf(columnPayoffs(P, distribution)),
    upperBound: maximumOf(rowPayoffs(P, distribution)),
    unique,
    lpStatus: solution.status,
  };
}
