// Seeded problem families for the benchmarks.
import {
  bradleyTerryPreferences,
  condorcetPreferences,
  cyclicPreferences,
  randomPreferences,
  type PreferenceRows,
} from '../src/generate/preference-matrices.js';

export const families = ['uniform-random', 'bradley-terry', 'bradley-terry-noisy', 'near-condorcet', 'cyclic'] as const;
export type Family = (typeof families)[number];

/** One seeded n x n complementary matrix of a family. */
export function familyMatrix(family: Family, n: number, seed: number): PreferenceRows {
  switch (family) {
    case 'uniform-random':
      return randomPreferences(n, seed);
    case 'bradley-terry':
      return bradleyTerryPreferences(n, seed, { spread: 1 });
    case 'bradley-terry-noisy':
      return bradleyTerryPreferences(n, seed, { spread: 1, noise: 0.5 });
    case 'near-condorcet':
      return condorcetPreferences(n, seed, seed % n);
    case 'cyclic':
      return cyclicPreferences(n, 0.7);
  }
}

/**
 * A mixed multi-criteria tensor: criteria cycle through noisy Bradley-Terry, the same strengths
 * reversed (a conflicting criterion), uniform random and near-Condorcet.
 */
export function mixedTensor(n: number, k: number, seed: number): PreferenceRows[] {
  return Array.from({ length: k }, (_, c) => {
    switch (c % 4) {
      case 0:
        return bradleyTerryPreferences(n, seed + c, { noise: 0.5 });
      case 1:
        return bradleyTerryPreferences(n, seed + c - 1, { noise: 0.5 }).map((row) => row.map((value) => 1 - value));
      case 2:
        return randomPreferences(n, seed + c);
      default:
        return condorcetPreferences(n, seed + c, (seed + c) % n);
    }
  });
}

/** Probabilities rounded to `digits` decimals, kept complementary (what estimated data looks like). */
export function rounded(matrix: PreferenceRows, digits: number): PreferenceRows {
  const n = matrix.length;
  const scale = 10 ** digits;
  const result = matrix.map((row) => [...row]);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      result[i][j] = Math.round(matrix[i][j] * scale) / scale;
      result[j][i] = Math.round((1 - result[i][j]) * scale) / scale;
    }
  }
  return result;
}

/**
 * The batch benchmark's problem: a Blackwell winner among 128 items on 5 mixed criteria with
 * 4-decimal probabilities, thresholds 0.55, l-inf (seeded by `index`).
 */
export function batchBlackwellProblem(index: number, n = 128, k = 5) {
  const criteria = mixedTensor(n, k, 50_000 + index).map((matrix, c) => ({
    name: `c${c}`,
    preferences: rounded(matrix, 4),
  }));
  return {
    id: index,
    kind: 'blackwell',
    criteria,
    target: { thresholds: Object.fromEntries(criteria.map(({ name }) => [name, 0.55])) },
    norm: 'linf',
  };
}
