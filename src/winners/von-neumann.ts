import { Field } from '../preferences/field.js';
import { readPreferenceMatrix } from '../preferences/matrix.js';
import { itemNames } from '../preferences/names.js';
import type { VonNeumannDocument } from '../schema/problem.js';
import type { ResultDocument } from '../schema/result.js';
import { solveSymmetricGame } from '../games/symmetric-game.js';
import type { Limits } from '../limits.js';
import type { Matrix } from '../numeric/matrix.js';
import { contextFor } from './options.js';
import { finishResult } from './result.js';

/**
 * Reads and checks the content of a `von-neumann` document: its matrix and item names.
 *
 * @example
 * ```ts
 * readVonNeumann({ kind: 'von-neumann', preferences: [[0.5]] }).items // ['0']
 * ```
 */
export function readVonNeumann(document: VonNeumannDocument): { matrix: Matrix; items: string[] } {
  const matrix = readPreferenceMatrix(document.preferences, new Field(['preferences']));
  return { matrix, items: itemNames(document.items, matrix.rows, new Field(['items'])) };
}

/**
 * Solves a validated `von-neumann` problem: the maximal lottery of one preference matrix,
 * `pi* = argmax_pi min_j sum_i pi_i P[i][j]` (value 1/2), with the certificate (what pi*
 * guarantees, what it concedes) and `unique`. See {@link solveSymmetricGame}.
 *
 * @example
 * ```ts
 * solveVonNeumann({ kind: 'von-neumann', preferences: [[0.5, 0, 1], [1, 0.5, 0], [0, 1, 0.5]] }, defaultLimits)
 * // distribution [1/3, 1/3, 1/3], value 0.5, unique true
 * ```
 */
export function solveVonNeumann(document: VonNeumannDocument, limits: Limits): ResultDocument {
  const started = performance.now();
  const { matrix, items } = readVonNeumann(document);
  const context = contextFor(document.options, limits);
  const game = solveSymmetricGame(matrix, context);
  return finishResult({
    id: document.id,
    kind: 'von-neumann',
    items,
    distribution: game.distribution,
    value: game.lowerBound,
    lowerBound: game.lowerBound,
    upperBound: game.upperBound,
    lpStatus: game.lpStatus,
    method: game.method,
    rounds: game.rounds,
    context,
    started,
    extra: { unique: game.unique },
  });
}
