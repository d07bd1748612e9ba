import { PrefgameError } from './errors.js';

/**
 * Size limits a problem must respect before any work starts. The library's defaults are
 * generous; the HTTP service sets its own from the environment.
 */
export interface Limits {
  /** Most items (rows of a preference matrix; rows or columns of a payoff matrix). */
  maxItems: number;
  /** Most criteria. */
  maxCriteria: number;
  /** Most target constraints (thresholds + halfspaces + constraint strings). */
  maxConstraints: number;
  /** Largest `options.timeLimitMs` honoured; longer requests are cut to it. */
  maxTimeLimitMs: number;
  /** `options.timeLimitMs` when a problem gives none. */
  defaultTimeLimitMs: number;
  /** Optional wall-clock deadline (`Date.now()` milliseconds) that also bounds the time limit. */
  deadline?: number;
  /** Optional arrival time (`Date.now()` milliseconds) that `options.timeLimitMs` counts from. */
  arrivedAt?: number;
  /** The clock of `deadline`, `arrivedAt` and the solvers' time checks (default `Date.now`). */
  clock?: () => number;
}

/** The library's default limits. */
export const defaultLimits: Readonly<Limits> = {
  maxItems: 5000,
  maxCriteria: 64,
  maxConstraints: 256,
  maxTimeLimitMs: 3_600_000,
  defaultTimeLimitMs: 10_000,
};

function tooLarge(what: string, count: number, limit: string, value: number, pointer: string): never {
  const unit = what !== 'comparisons' ? '' : limit === 'maxCriteria' ? ' criteria' : ' items';
  throw new PrefgameError('PREF_ERR_TOO_LARGE', `${what} has ${count}${unit}; the limit ${limit} is ${value}`, pointer);
}

/** Distinct items and criteria named by a comparison log, against the limits. O(rows). */
function checkComparisonLimits(
  comparisons: Array<{ criterion?: unknown; winner?: unknown; loser?: unknown; tie?: unknown }>,
  limits: Limits,
): void {
  const items = new Set<unknown>();
  const criteria = new Set<unknown>();
  for (const row of comparisons) {
    criteria.add(row?.criterion);
    items.add(row?.winner);
    items.add(row?.loser);
    if (Array.isArray(row?.tie)) row.tie.forEach((name) => items.add(name));
  }
  items.delete(undefined);
  if (items.size > limits.maxItems) tooLarge('comparisons', items.size, 'maxItems', limits.maxItems, '/comparisons');
  if (criteria.size > limits.maxCriteria)
    tooLarge('comparisons', criteria.size, 'maxCriteria', limits.maxCriteria, '/comparisons');
}

/**
 * Rejects a (schema-valid) problem document that exceeds the limits, naming the limit, before
 * any matrix is read. O(1) apart from counting target parts.
 *
 * @example
 * ```ts
 * const bigMatrix = randomPreferences(400, 1)
 * assert.throws(() => checkLimits({ kind: 'von-neumann', preferences: bigMatrix }, { ...defaultLimits, maxItems: 100 }), {
 *   code: 'PREF_ERR_TOO_LARGE', // preferences has 400 items; the limit maxItems is 100
 * })
 * ```
 */
export function checkLimits(document: Record<string, unknown>, limits: Limits): void {
  const rows = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  if (rows(document.preferences) > limits.maxItems)
    tooLarge('preferences', rows(document.preferences), 'maxItems', limits.maxItems, '/preferences');
  if (rows(document.items) > limits.maxItems)
    tooLarge('items', rows(document.items), 'maxItems', limits.maxItems, '/items');
  if (Array.isArray(document.criteria)) {
    if (document.criteria.length > limits.maxCriteria)
      tooLarge('criteria', document.criteria.length, 'maxCriteria', limits.maxCriteria, '/criteria');
    document.criteria.forEach((criterion: { preferences?: unknown }, index) => {
      if (rows(criterion?.preferences) > limits.maxItems)
        tooLarge(
          `criteria[${index}].preferences`,
          rows(criterion.preferences),
          'maxItems',
          limits.maxItems,
          `/criteria/${index}/preferences`,
        );
    });
  }
  if (Array.isArray(document.payoff)) {
    if (document.payoff.length > limits.maxItems)
      tooLarge('payoff rows', document.payoff.length, 'maxItems', limits.maxItems, '/payoff');
    if (rows(document.payoff[0]) > limits.maxItems)
      tooLarge('payoff columns', rows(document.payoff[0]), 'maxItems', limits.maxItems, '/payoff/0');
  }
  if (Array.isArray(document.comparisons))
    checkComparisonLimits(document.comparisons as Parameters<typeof checkComparisonLimits>[0], limits);
  if (Array.isArray(document.payoffs)) {
    if (document.payoffs.length > limits.maxCriteria)
      tooLarge('payoffs', document.payoffs.length, 'maxCriteria', limits.maxCriteria, '/payoffs');
    document.payoffs.forEach((criterion: { payoff?: unknown[] }, index) => {
      if (rows(criterion?.payoff) > limits.maxItems)
        tooLarge(
          `payoffs[${index}].payoff rows`,
          rows(criterion.payoff),
          'maxItems',
          limits.maxItems,
          `/payoffs/${index}/payoff`,
        );
      if (rows(criterion?.payoff?.[0]) > limits.maxItems)
        tooLarge(
          `payoffs[${index}].payoff columns`,
          rows(criterion.payoff![0]),
          'maxItems',
          limits.maxItems,
          `/payoffs/${index}/payoff/0`,
        );
    });
  }
  if (rows(document.overall) > limits.maxItems)
    tooLarge('overall', rows(document.overall), 'maxItems', limits.maxItems, '/overall');
  const target = document.target as
    { thresholds?: object; halfspaces?: unknown[]; constraints?: unknown[] } | undefined;
  if (target && typeof target === 'object') {
    const count = Object.keys(target.thresholds ?? {}).length + rows(target.halfspaces) + rows(target.constraints);
    if (count > limits.maxConstraints) tooLarge('target', count, 'maxConstraints', limits.maxConstraints, '/target');
  }
}
