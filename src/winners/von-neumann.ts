import { PrefgameError } from '../errors.js';
import { Field } from '../schema/field.js';
import { readPreferenceTensor, type PreferenceReading } from '../criteria/read-criteria.js';
import { criteriaOfComparisons } from '../comparisons/comparison-counts.js';
import { rankingsExtra, single } from '../baselines/rankings.js';
import { readPreferenceMatrix } from '../preferences/matrix.js';
import { criterionIndex, itemNames } from '../preferences/names.js';
import type { VonNeumannDocument } from '../schema/problem.js';
import type { ResultDocument } from '../schema/result.js';
import { solveSymmetricGame } from '../games/symmetric-game.js';
import type { Limits } from '../limits.js';
import type { Matrix } from '../numeric/matrix.js';
import { contextFor } from './options.js';
import { finishResult } from './result.js';

/** What a `von-neumann` document reads into. */
export interface VonNeumannReading {
  matrix: Matrix;
  items: string[];
  /** The criterion's name (comparisons only). */
  criterion?: string;
  /** The tensor and counts of the comparisons (comparisons only). */
  reading?: PreferenceReading;
  warnings: string[];
}

/**
 * Reads and checks the content of a `von-neumann` document: its matrix and item names, or its
 * comparisons, estimated as in {@link readPreferenceTensor}. With comparisons on several
 * criteria, `criterion` picks one (else `PREF_ERR_MISSING_FIELD` at `/criterion`) and only its
 * rows are counted (rows of other criteria still name items).
 *
 * @example
 * ```ts
 * readVonNeumann({ kind: 'von-neumann', preferences: [[0.5]] }).items // ['0']
 * readVonNeumann({ kind: 'von-neumann', comparisons: [{ winner: 'a', loser: 'b' }] }).matrix.data // [0.5, 0.75, 0.25, 0.5]
 * ```
 */
export function readVonNeumann(document: VonNeumannDocument): VonNeumannReading {
  if (document.comparisons === undefined) {
    if (document.preferences === undefined)
      throw new PrefgameError(
        'PREF_ERR_MISSING_FIELD',
        'the document needs preferences or comparisons',
        '/preferences',
      );
    const matrix = readPreferenceMatrix(document.preferences, new Field(['preferences']));
    return { matrix, items: itemNames(document.items, matrix.rows, new Field(['items'])), warnings: [] };
  }
  const criteria = criteriaOfComparisons(document.comparisons);
  let index = 0;
  if (document.criterion !== undefined) index = criterionIndex(criteria, document.criterion, new Field(['criterion']));
  else if (criteria.length > 1) {
    throw new PrefgameError(
      'PREF_ERR_MISSING_FIELD',
      `the comparisons have ${criteria.length} criteria (${criteria.map((name) => `"${name}"`).join(', ')}): set criterion to the one whose von Neumann winner you want`,
      '/criterion',
    );
  }
  const reading = readPreferenceTensor(document, criteria[index]);
  return {
    matrix: reading.tensor.matrices[0],
    items: reading.tensor.items,
    criterion: criteria[index],
    reading,
    warnings: reading.warnings,
  };
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
  const { matrix, items, criterion, reading, warnings } = readVonNeumann(document);
  const context = contextFor(document.options, limits);
  context.warnings.push(...warnings);
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
    extra: {
      unique: game.unique,
      ...rankingsExtra(document.rankings, single(items, matrix, criterion, reading), { context }),
    },
  });
}
