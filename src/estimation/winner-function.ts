import type { Matrix } from '../numeric/matrix.js';
import { columnPayoffs } from '../numeric/matrix.js';
import { minimumOf } from '../numeric/extremes.js';
import type { SolveContext } from '../games/context.js';
import { solveSymmetricGame } from '../games/symmetric-game.js';
import type { NormName } from '../targets/distance.js';
import type { TargetSet } from '../targets/target-set.js';
import { blackwellSolution } from '../winners/blackwell.js';
import { weightedMatrix } from '../winners/linear.js';
import { blackwellObjective } from '../winners/payoff-vectors.js';

/** A winner's solve on some matrices: the lottery and its certificate. */
export interface WinnerOutcome {
  distribution: Float64Array;
  /** The objective of `distribution` (von-neumann, linear: what it guarantees; blackwell: its distance). */
  value: number;
  /** How far the value may be from the optimum of these matrices: 1/2 - value (von-neumann, linear; the optimum is 1/2), the certificate gap (blackwell). */
  gap: number;
}

/** A winner rule as a function of the preference matrices (all criteria, in the counts' order). */
export interface WinnerFunction {
  kind: 'von-neumann' | 'linear' | 'blackwell';
  /** Criteria (indices) the rule reads. */
  criteria: number[];
  /** Computes the winner of the matrices. */
  solve(matrices: readonly Matrix[], context: SolveContext): WinnerOutcome;
  /** The objective of a fixed lottery on the matrices. */
  evaluate(matrices: readonly Matrix[], distribution: ArrayLike<number>): number;
}

/** How a winner rule reads the criteria. */
export type WinnerRule =
  | { kind: 'von-neumann'; criterion: number }
  | { kind: 'linear'; weights: Float64Array }
  | { kind: 'blackwell'; target: TargetSet; norm: NormName };

/**
 * A winner rule as a function of matrices, for the bootstrap: the von Neumann winner of one
 * criterion, the von Neumann winner of the weighted sum (linear), or the Blackwell winner of a
 * target and norm. Each solve costs one solver call (an LP, or cutting planes for l2).
 *
 * @example
 * ```ts
 * const { distribution } = winnerFunction({ kind: 'von-neumann', criterion: 1 }).solve(matrices, context)
 * assert.deepEqual(Array.from(distribution), [1, 0, 0]) // a beats both others on safety
 * ```
 */
export function winnerFunction(rule: WinnerRule): WinnerFunction {
  if (rule.kind === 'blackwell') {
    return {
      kind: 'blackwell',
      criteria: rule.target.criteria.map((_, c) => c),
      solve(matrices, context) {
        const solution = blackwellSolution(matrices, rule.target, rule.norm, context);
        return {
          distribution: solution.distribution,
          value: solution.value,
          gap: solution.value - solution.lowerBound,
        };
      },
      evaluate: (matrices, distribution) => blackwellObjective(matrices, rule.target, rule.norm, distribution).value,
    };
  }
  const matrixOf = (matrices: readonly Matrix[]) =>
    rule.kind === 'von-neumann' ? matrices[rule.criterion] : weightedMatrix(matrices, rule.weights);
  const criteria =
    rule.kind === 'von-neumann'
      ? [rule.criterion]
      : Array.from(rule.weights, (_, c) => c).filter((c) => rule.weights[c] > 0);
  return {
    kind: rule.kind,
    criteria,
    solve(matrices, context) {
      const game = solveSymmetricGame(matrixOf(matrices), context);
      return { distribution: game.distribution, value: game.lowerBound, gap: Math.max(0, 0.5 - game.lowerBound) };
    },
    evaluate: (matrices, distribution) => minimumOf(columnPayoffs(matrixOf(matrices), distribution)),
  };
}
