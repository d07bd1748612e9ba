import { Field } from '../schema/field.js';
import { readPayoffMatrix } from '../preferences/matrix.js';
import { itemNames } from '../preferences/names.js';
import type { MatrixGameDocument } from '../schema/problem.js';
import type { ResultDocument } from '../schema/result.js';
import { solveMatrixGame } from '../games/matrix-game.js';
import { matrixRange, type Matrix } from '../numeric/matrix.js';
import type { Limits } from '../limits.js';
import { contextFor } from './options.js';
import { finishResult } from './result.js';

/**
 * Reads and checks the content of a `matrix-game` document: payoffs, row and column names.
 *
 * @example
 * ```ts
 * readMatrixGame({ kind: 'matrix-game', payoff: [[1, 2]] }).columns // ['0', '1']
 * ```
 */
export function readMatrixGame(document: MatrixGameDocument): { payoff: Matrix; items: string[]; columns: string[] } {
  const payoff = readPayoffMatrix(document.payoff, new Field(['payoff']));
  return {
    payoff,
    items: itemNames(document.items, payoff.rows, new Field(['items']), 'payoff (rows)'),
    columns: itemNames(document.columns, payoff.columns, new Field(['columns']), 'payoff (columns)'),
  };
}

/**
 * Solves a validated `matrix-game` problem: the row player's maximin strategy of a rectangular
 * zero-sum game (the row player maximises), the column player's minimax strategy, the value
 * (what the row strategy guarantees) and the certificate (guaranteed, conceded).
 *
 * @example
 * ```ts
 * solveMatrixGameProblem({ kind: 'matrix-game', payoff: [[3, -1], [-2, 1]] }, defaultLimits)
 * // distribution [3/7, 4/7], columnDistribution [2/7, 5/7], value 1/7
 * ```
 */
export function solveMatrixGameProblem(document: MatrixGameDocument, limits: Limits): ResultDocument {
  const started = performance.now();
  const { payoff, items, columns } = readMatrixGame(document);
  const context = contextFor(document.options, limits);
  const game = solveMatrixGame(payoff, context);
  const { minimum, maximum } = matrixRange(payoff);
  return finishResult({
    id: document.id,
    kind: 'matrix-game',
    items,
    distribution: game.rowStrategy,
    value: game.lowerBound,
    lowerBound: game.lowerBound,
    upperBound: game.upperBound,
    lpStatus: game.lpStatus,
    method: 'full-lp',
    context,
    started,
    // Relative to the payoffs whatever their scale (1e-300 or 1e300), plus the rounding of the
    // two recomputed sums: a gap of 5e-301 on payoffs of 1e-300 is not optimal.
    gapTolerance:
      context.tolerance * 2 * (maximum / 2 - minimum / 2) +
      64 * Number.EPSILON * Math.max(Math.abs(minimum), Math.abs(maximum)),
    extra: { columns, columnDistribution: Array.from(game.columnStrategy) },
  });
}
