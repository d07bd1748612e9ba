import { PrefgameError } from '../errors.js';
import type { Matrix } from '../numeric/matrix.js';
import type { ComparisonDocument, EstimationSettingsDocument } from '../schema/comparisons.js';
import type { CriterionDocument } from '../schema/problem.js';
import { readComparisons, type ComparisonCounts } from '../comparisons/comparison-counts.js';
import { estimatePreferences } from '../comparisons/point-estimate.js';
import { Field } from '../schema/field.js';
import { readPreferenceMatrix } from '../preferences/matrix.js';
import { itemNames } from '../preferences/names.js';
import type { PreferenceTensor } from '../preferences/tensor.js';

export type { PreferenceTensor };

/** The preference fields of a multi-criteria document: matrices (`criteria`) or `comparisons`. */
export interface PreferenceSource {
  items?: string[];
  criteria?: CriterionDocument[];
  comparisons?: ComparisonDocument[];
  estimation?: EstimationSettingsDocument;
}

/** A tensor read from a document, with the counts it was estimated from (comparisons only). */
export interface PreferenceReading {
  tensor: PreferenceTensor;
  counts?: ComparisonCounts;
  /** The prior used (comparisons only). */
  prior?: number;
  /** Warnings of the estimation (pairs never compared). */
  warnings: string[];
}

function readMatrices(criteria: readonly CriterionDocument[], items: readonly string[] | undefined): PreferenceTensor {
  const names: string[] = [];
  const matrices: Matrix[] = [];
  criteria.forEach((criterion, index) => {
    const field = new Field(['criteria', index]);
    const first = names.indexOf(criterion.name);
    if (first >= 0) {
      throw new PrefgameError(
        'PREF_ERR_DUPLICATE_CRITERION',
        `${field}.name repeats "${criterion.name}" of criteria[${first}]`,
        field.at('name').pointer,
      );
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
  return {
    items: itemNames(items, matrices[0].rows, new Field(['items']), 'criteria[0].preferences'),
    criteria: names,
    matrices,
  };
}

/**
 * Reads the preferences of a multi-criteria document, in either form: `criteria` (checked
 * matrices: complementary, unique names, equal sizes) or `comparisons` (estimated by
 * {@link estimatePreferences} with the document's `estimation` settings; items and criteria in
 * order of first appearance unless `items` is given; with `criterion`, only that criterion).
 * O(k n^2 + rows).
 *
 * @example
 * ```ts
 * readPreferenceTensor({ comparisons: [{ criterion: 'speed', winner: 'x', loser: 'y' }] }).tensor.criteria // ['speed']
 * ```
 */
export function readPreferenceTensor(document: PreferenceSource, criterion?: string): PreferenceReading {
  if (document.comparisons !== undefined) {
    const counts = readComparisons(document.comparisons, document.items, { criterion });
    const estimate = estimatePreferences(counts, document.estimation);
    return { tensor: estimate.tensor, counts, prior: estimate.prior, warnings: estimate.warnings };
  }
  if (document.criteria === undefined) {
    throw new PrefgameError('PREF_ERR_MISSING_FIELD', 'the document needs criteria or comparisons', '/criteria');
  }
  return { tensor: readMatrices(document.criteria, document.items), warnings: [] };
}

/**
 * Reads the `criteria` of a problem document into a {@link PreferenceTensor}, checking every
 * matrix, unique criterion names and equal sizes; or, given the whole document, its criteria
 * or its comparisons (see {@link readPreferenceTensor}). O(k n^2).
 *
 * @example
 * ```ts
 * readCriteria([{ name: 'speed', preferences: [[0.5, 0.9], [0.1, 0.5]] }], ['x', 'y']).criteria // ['speed']
 * readCriteria({ comparisons: [{ winner: 'x', loser: 'y', count: 9 }] }).matrices[0].data // [0.5, 0.95, 0.05, 0.5]
 * ```
 */
export function readCriteria(
  criteria: readonly CriterionDocument[],
  items: readonly string[] | undefined,
): PreferenceTensor;
export function readCriteria(document: PreferenceSource): PreferenceTensor;
export function readCriteria(
  source: readonly CriterionDocument[] | PreferenceSource,
  items?: readonly string[],
): PreferenceTensor {
  if (Array.isArray(source)) return readMatrices(source, items);
  return readPreferenceTensor(source as PreferenceSource).tensor;
}
