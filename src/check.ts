import { checkLimits, defaultLimits, type Limits } from './limits.js';
import { kindRegistry } from './kinds.js';
import type { ProblemDocument } from './schema/kinds.js';
import { validateProblem } from './schema/validate.js';
import type { SolveConfig } from './solve.js';

/**
 * Checks a problem document without solving it: the schema, the limits, and every content rule
 * the solver would enforce (square complementary matrices, names, weights, constraint strings,
 * a non-empty target). Returns the typed document or throws the same {@link PrefgameError} that
 * `solve` would.
 *
 * @example
 * ```ts
 * assert.throws(() => checkProblem({ kind: 'von-neumann', preferences: [[0.5, 0.7], [0.6, 0.5]] }), {
 *   code: 'PREF_ERR_NOT_COMPLEMENTARY',
 *   pointer: '/preferences/0/1',
 * })
 * ```
 */
export function checkProblem(problem: unknown, config: SolveConfig = {}): ProblemDocument {
  const limits: Limits = { ...defaultLimits, ...config.limits };
  const document = validateProblem(problem);
  checkLimits(document, limits);
  kindRegistry[document.kind].check(document as never, limits);
  return document;
}
