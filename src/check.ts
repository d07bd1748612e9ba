import { checkLimits, defaultLimits, type Limits } from './limits.js';
import { Field } from './preferences/field.js';
import { readCriteria } from './preferences/criteria.js';
import { readPayoffMatrix, readPreferenceMatrix } from './preferences/matrix.js';
import { itemNames } from './preferences/names.js';
import type { ProblemDocument } from './schema/problem.js';
import { validateProblem } from './schema/validate.js';
import { buildTargetSet } from './targets/target-set.js';
import { normaliseWeights } from './winners/linear.js';
import type { SolveConfig } from './solve.js';

/**
 * Checks a problem document without solving it: the schema, the limits, and every content rule
 * the solver would enforce (square complementary matrices, names, weights, constraint strings,
 * a non-empty target). Returns the typed document or throws the same {@link PrefgameError} that
 * `solve` would.
 *
 * @example
 * ```ts
 * checkProblem({ kind: 'von-neumann', preferences: [[0.5, 0.7], [0.6, 0.5]] })
 * // throws PREF_ERR_NOT_COMPLEMENTARY at /preferences/0/1
 * ```
 */
export function checkProblem(problem: unknown, config: SolveConfig = {}): ProblemDocument {
  const limits: Limits = { ...defaultLimits, ...config.limits };
  const document = validateProblem(problem);
  checkLimits(document as unknown as Record<string, unknown>, limits);
  switch (document.kind) {
    case 'von-neumann': {
      const matrix = readPreferenceMatrix(document.preferences, new Field(['preferences']));
      itemNames(document.items, matrix.rows, new Field(['items']));
      break;
    }
    case 'linear':
      normaliseWeights(document.weights, readCriteria(document.criteria, document.items).criteria, []);
      break;
    case 'blackwell':
      buildTargetSet(document.target, readCriteria(document.criteria, document.items).criteria);
      break;
    case 'matrix-game': {
      const payoff = readPayoffMatrix(document.payoff, new Field(['payoff']));
      itemNames(document.items, payoff.rows, new Field(['items']), 'payoff (rows)');
      itemNames(document.columns, payoff.columns, new Field(['columns']), 'payoff (columns)');
      break;
    }
  }
  return document;
}
