import type { Matrix } from '../numeric/matrix.js';
import { columnPayoffs, rowPayoffs } from '../numeric/matrix.js';
import { cleanDistribution } from '../numeric/lottery.js';
import { maximumOf, minimumOf } from '../numeric/extremes.js';
import type { LpStatus } from '../lp/model.js';
import { pastDeadline, solveWithin, type SolveContext } from './context.js';
import { denseGameSettings, maximinProgram } from './matrix-game.js';
import { selectOptimum } from './optimal-face.js';
import { doubleOracle } from './symmetric-column-generation.js';

/** A von Neumann winner of a complementary matrix with its certificate. */
export interface SymmetricGameSolution {
  distribution: Float64Array;
  /** `min_j (P' pi)_j`: the win probability the lottery guarantees against every item. */
  lowerBound: number;
  /** `max_i (P pi)_i`: what the lottery, played by the opponent, concedes to any item. */
  upperBound: number;
  unique: boolean | null;
  lpStatus: LpStatus;
  /** The algorithm that produced the lottery: `full-lp` or `column-generation`. */
  method: 'full-lp' | 'column-generation';
  rounds?: number;
}

/**
 * When `auto` hands the game from the double oracle to the full LP: past 25 rounds, or once the
 * restricted game holds a quarter of the items (uniformly random matrices, whose winners use
 * about half of the items, are faster as one LP; `npm run bench`).
 */
export function autoColumnGenerationLimits(n: number): { maximumRounds: number; maximumItems: number } {
  return { maximumRounds: 25, maximumItems: Math.max(40, Math.floor(n / 4)) };
}

/**
 * The von Neumann winner (maximal lottery) of a complementary preference matrix P
 * (`P[i][j] + P[j][i] = 1`): `argmax_pi min_j sum_i pi_i P[i][j]`, whose value is 1/2. Solved by
 * the normalised LP `min 1'x s.t. P'x >= 1, x >= 0`, `pi = x / sum(x)`, valid because the value
 * is 1/2 > 0: no free value variable and no redundant bound `v >= 0`, which alone made the dual
 * simplex 10-40x slower (docs/design.md section 2.2). The game is symmetric, so the opponent's optimal
 * strategy is a winner too and the certificate is the pair (what pi guarantees, what pi
 * concedes), both recomputed from P. With `method` auto or column-generation the LP is replaced
 * by the double oracle ({@link doubleOracle}); auto falls back to the full LP when the restricted
 * game grows past {@link autoColumnGenerationLimits}. Ties between optimal lotteries are broken
 * by {@link selectOptimum} whatever the method. O(LP) plus O(n^2).
 *
 * @example
 * ```ts
 * const rps = matrixFromRows([[0.5, 0, 1], [1, 0.5, 0], [0, 1, 0.5]])
 * solveSymmetricGame(rps, context).distribution // [1/3, 1/3, 1/3], unique: true
 * ```
 */
export function solveSymmetricGame(P: Matrix, context: SolveContext): SymmetricGameSolution {
  const n = P.rows;
  if (context.method !== 'full-lp') {
    const limits =
      context.method === 'auto'
        ? autoColumnGenerationLimits(n)
        : { maximumRounds: Number.MAX_SAFE_INTEGER, maximumItems: n };
    const oracle = doubleOracle(P, context, limits);
    if (!oracle.gaveUp || context.method === 'column-generation') {
      return finish(P, oracle.distribution, oracle.lpStatus, context, 'column-generation', oracle.rounds);
    }
    context.warnings.push(
      `column generation stopped paying after ${oracle.rounds} rounds with ${oracle.restrictedItems} of ${n} items; solved by the full LP`,
    );
  }
  const solution = solveWithin(context, maximinProgram(P), denseGameSettings);
  const distribution = solution.primal ? cleanDistribution(solution.primal, n) : new Float64Array(n).fill(1 / n);
  return finish(P, distribution, solution.status, context, 'full-lp');
}

/** Breaks ties, decides uniqueness and recomputes the certificate of a lottery from P. */
function finish(
  P: Matrix,
  lottery: Float64Array,
  lpStatus: LpStatus,
  context: SolveContext,
  method: SymmetricGameSolution['method'],
  rounds?: number,
): SymmetricGameSolution {
  let distribution = lottery;
  let unique: boolean | null = null;
  if (lpStatus === 'optimal' && minimumOf(columnPayoffs(P, lottery)) >= 0.5 - context.tolerance) {
    // The tie analysis is O(n^2 + |S|^3) dense algebra: past the deadline it is skipped (unique
    // null, the LP's lottery kept), so that a time limit is not overrun by seconds.
    if (pastDeadline(context))
      context.warnings.push('uniqueness was not decided and ties were not broken: the time limit ran out');
    else ({ distribution, unique } = selectOptimum(P, lottery, context));
  }
  return {
    distribution,
    lowerBound: minimumOf(columnPayoffs(P, distribution)),
    upperBound: maximumOf(rowPayoffs(P, distribution)),
    unique,
    lpStatus,
    method,
    rounds,
  };
}
