import { PrefgameError } from '../errors.js';
import type { PreferenceTensor } from '../preferences/tensor.js';
import type { Matrix } from '../numeric/matrix.js';
import type { EstimationSettingsDocument } from '../schema/comparisons.js';
import { pairCount, type ComparisonCounts } from './comparison-counts.js';

/** The default symmetric Beta prior (Jeffreys): half a pseudo-win on each side of every pair. */
export const defaultPrior = 0.5;

/** A pair never compared on a criterion (i < j). */
export interface UnobservedPair {
  criterion: number;
  first: number;
  second: number;
}

/** Estimated preference matrices, with the pairs that had no data. */
export interface PreferenceEstimate {
  readonly tensor: PreferenceTensor;
  readonly prior: number;
  readonly unobserved: UnobservedPair[];
  readonly warnings: string[];
}

/**
 * The estimate of one entry: with `s = wins + ties / 2` out of `n` comparisons and a symmetric
 * Beta(a, a) prior, the posterior mean `(s + a) / (n + 2a)`; 1/2 when `n + 2a = 0` (a pair never
 * compared, without prior). Ties count as half a win for each side. O(1).
 *
 * @example
 * ```ts
 * entryEstimate(7, 1, 10, 0.5) // (7 + 0.5 + 0.5) / (10 + 1) = 0.7272...
 * ```
 */
export function entryEstimate(wins: number, ties: number, comparisons: number, prior: number): number {
  const denominator = comparisons + 2 * prior;
  return denominator > 0 ? (wins + ties / 2 + prior) / denominator : 0.5;
}

/** Writes `P_hat` of one criterion from its counts; returns the pairs never compared. */
function estimateCriterion(counts: ComparisonCounts, c: number, prior: number, unobserved: UnobservedPair[]): Matrix {
  const n = counts.items.length;
  const wins = counts.wins[c];
  const ties = counts.ties[c];
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    data[i * n + i] = 0.5;
    for (let j = i + 1; j < n; j++) {
      const total = pairCount(counts, c, i, j);
      if (total === 0) unobserved.push({ criterion: c, first: i, second: j });
      // Complementary by construction: P[j][i] is computed as 1 - P[i][j] exactly.
      const upper = entryEstimate(wins[i * n + j], ties[i * n + j], total, prior);
      data[i * n + j] = upper;
      data[j * n + i] = 1 - upper;
    }
  }
  return { rows: n, columns: n, data };
}

/**
 * Estimates one preference matrix per criterion from comparison counts (the rules of
 * docs/guides/estimate.md, "Definitions"): `P_hat[i][j] = (w_ij + t_ij / 2 + a) / (n_ij + 2a)` with the
 * symmetric Beta(a, a) prior `settings.prior` (default 0.5), `P_hat[i][i] = 1/2`, and
 * `P_hat[j][i] = 1 - P_hat[i][j]`, so every matrix is complementary. A pair never compared gets
 * 1/2 (the prior mean) with a warning, or, with `missingPairs: "error"`,
 * `PREF_ERR_MISSING_PAIR`. O(k n^2).
 *
 * @example
 * ```ts
 * const estimate = estimatePreferences(readComparisons([{ winner: 'A', loser: 'B', count: 3 }], undefined))
 * estimate.tensor.matrices[0].data // [0.5, 0.875, 0.125, 0.5]
 * ```
 */
export function estimatePreferences(
  counts: ComparisonCounts,
  settings: EstimationSettingsDocument = {},
): PreferenceEstimate {
  const prior = settings.prior ?? defaultPrior;
  const unobserved: UnobservedPair[] = [];
  const matrices = counts.criteria.map((_, c) => estimateCriterion(counts, c, prior, unobserved));
  const warnings: string[] = [];
  if (unobserved.length > 0) {
    const first = unobserved[0];
    const example = `"${counts.items[first.first]}" and "${counts.items[first.second]}" on "${counts.criteria[first.criterion]}"`;
    if (settings.missingPairs === 'error') {
      const others = unobserved.length > 1 ? ` (and ${unobserved.length - 1} more pairs)` : '';
      throw new PrefgameError(
        'PREF_ERR_MISSING_PAIR',
        `the comparisons never compare ${example}${others}, and estimation.missingPairs is "error"`,
        '/comparisons',
      );
    }
    const pairs = unobserved.length === 1 ? '1 pair was' : `${unobserved.length} pairs were`;
    warnings.push(
      `${pairs} never compared (first: ${example}): set to 1/2, the prior mean (estimation.missingPairs: "prior")`,
    );
  }
  return { tensor: { items: counts.items, criteria: counts.criteria, matrices }, prior, unobserved, warnings };
}
