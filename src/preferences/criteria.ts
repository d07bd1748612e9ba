import { PrefgameError } from '../errors.js';
import type { Matrix } from '../numeric/matrix.js';
import type { CriterionDocument } from '../schema/problem.js';
import { Field } from './field.js';
import { readPreferenceMatrix } from './matrix.js';
import { itemNames } from './names.js';

/** Preferences on k criteria over the same n items: one n x n matrix per criterion. */
export interface PreferenceTensor {
  readonly items: string[];
  readonly criteria: string[];
  readonly matrices: Matrix[];
}

/**
 * Reads the `criteria` of a problem document into a {@link PreferenceTensor}, checking every
 * matrix, unique criterion names and equal sizes. O(k n^2).
 *
 * @example
 * ```ts
 * readCriteria([{ name: 'speed', preferences: [[0.5, 0.9], [0.1, 0.5]] }], ['x', 'y']).criteria // ['speed']
 * ```
 */
export function readCriteria(criteria: readonly CriterionDocument[], items: readonly string[] | undefined): PreferenceTensor {
  const names: string[] = [];
  const matrices: Matrix[] = [];
  criteria.forEach((criterion, index) => {
    const field = new Field(['criteria', index]);
    const first = names.indexOf(criterion.name);
    if (first >= 0) {
      throw new PrefgameError('PREF_ERR_DUPLICATE_CRITERION', `${field}.name repeats "${criterion.name}" of criteria[${first}]`, field.at('name').pointer);
    }
    const matrix = readPreferenceMatrix(criterion.preferences, field.at('preferences'));
    if (matrices.length > 0 && matrix.rows !== matrices[0].rows) {
      throw new PrefgameError(
        'PREF_ERR_SIZE_MISMATCH',
        `${field}.preferences is ${matrix.rows} x ${matrix.rows} but criteria[0].preferences is ${matrices[0].rows} x ${matrices[0].rows}`,
        field.at('preferences').pointer,
      );
    }
    names.push(criterion.name);
    matrices.push(matrix);
  });
  return { items: itemNames(items, matrices[0].rows, new Field(['items']), 'criteria[0].preferences'), criteria: names, matrices };
}
