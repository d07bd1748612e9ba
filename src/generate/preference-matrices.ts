import { gaussian, seededRandom } from '../numeric/random.js';

/** A complementary matrix as plain rows, ready for a problem document. */
export type PreferenceRows = number[][];

function complementary(n: number, upper: (i: number, j: number) => number): PreferenceRows {
  // Array.from, not new Array(n).fill: packed arrays, as JSON.parse makes them (faster to read).
  const rows = Array.from({ length: n }, () => Array.from({ length: n }, () => 0.5));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const p = Math.min(1, Math.max(0, upper(i, j)));
      rows[i][j] = p;
      rows[j][i] = 1 - p;
    }
  }
  return rows;
}

/**
 * A uniformly random complementary matrix: each `P[i][j]` for i < j is uniform on [0, 1]. The
 * hard case for the solvers: von Neumann winners have about n/2 items in their support.
 *
 * @example
 * ```ts
 * randomPreferences(3, 7) // [[0.5, a, b], [1 - a, 0.5, c], [1 - b, 1 - c, 0.5]]
 * ```
 */
export function randomPreferences(n: number, seed: number): PreferenceRows {
  const random = seededRandom(seed);
  return complementary(n, () => random());
}

/**
 * Bradley-Terry preferences `P[i][j] = 1 / (1 + exp(s_j - s_i))` with strengths `s_i` drawn
 * from a normal distribution with standard deviation `spread`, plus optional noise on each pair
 * (added to the log-odds). Without noise the strongest item is a Condorcet winner.
 *
 * @example
 * ```ts
 * bradleyTerryPreferences(100, 1, { spread: 1, noise: 0.5 })
 * ```
 */
export function bradleyTerryPreferences(
  n: number,
  seed: number,
  { spread = 1, noise = 0 }: { spread?: number; noise?: number } = {},
): PreferenceRows {
  const normal = gaussian(seededRandom(seed));
  const strengths = Array.from({ length: n }, () => spread * normal());
  return complementary(n, (i, j) => 1 / (1 + Math.exp(strengths[j] - strengths[i] + noise * normal())));
}

/**
 * Bradley-Terry preferences for given log-strengths: `P[i][j] = 1 / (1 + exp(s_j - s_i + e_ij))`
 * with seeded normal noise `e_ij` of standard deviation `noise` on each pair's log-odds (0: exact
 * Bradley-Terry, whose strengths a fit recovers). O(n^2).
 *
 * @example
 * ```ts
 * preferencesFromStrengths([1, 0, -1]) // P[0][2] = 1 / (1 + e^-2) = 0.8808
 * ```
 */
export function preferencesFromStrengths(
  strengths: readonly number[],
  { noise = 0, seed = 1 }: { noise?: number; seed?: number } = {},
): PreferenceRows {
  const normal = gaussian(seededRandom(seed));
  return complementary(
    strengths.length,
    (i, j) => 1 / (1 + Math.exp(strengths[j] - strengths[i] + (noise > 0 ? noise * normal() : 0))),
  );
}

/**
 * Conflicting criteria: k Bradley-Terry matrices whose strengths share a common factor `u` with
 * alternating signs, `s_c = spread (sqrt(|rho|) sign_c u + sqrt(1 - |rho|) v_c)` with `sign_c =
 * +1, -1, +1, ...` and independent `v_c`, so criteria c and c + 1 have strength correlation
 * `-|rho|` (helpfulness against safety), plus noise on each pair's log-odds. O(k n^2).
 *
 * @example
 * ```ts
 * conflictingPreferences(6, 2, 3, { correlation: 0.8 }) // two 6 x 6 matrices that mostly disagree
 * ```
 */
export function conflictingPreferences(
  n: number,
  criteria: number,
  seed: number,
  { correlation = 0.6, spread = 1, noise = 0.2 }: { correlation?: number; spread?: number; noise?: number } = {},
): PreferenceRows[] {
  const normal = gaussian(seededRandom(seed));
  const shared = Array.from({ length: n }, () => normal());
  const weight = Math.sqrt(Math.min(1, Math.abs(correlation)));
  return Array.from({ length: criteria }, (_, c) => {
    const sign = c % 2 === 0 ? 1 : -1;
    const strengths = shared.map((u) => spread * (weight * sign * u + Math.sqrt(1 - weight * weight) * normal()));
    return preferencesFromStrengths(strengths, { noise, seed: seed * 31 + c + 1 });
  });
}

/**
 * Cyclic preferences: items on a circle, each beats the next `floor((n-1)/2)` items with
 * probability `strength` (rock-paper-scissors for n = 3). The von Neumann winner is uniform.
 *
 * @example
 * ```ts
 * cyclicPreferences(3, 1) // rock-paper-scissors
 * ```
 */
export function cyclicPreferences(n: number, strength = 0.8): PreferenceRows {
  const reach = Math.floor((n - 1) / 2);
  return complementary(n, (i, j) => {
    const distance = j - i;
    if (n % 2 === 0 && distance === n / 2) return 0.5;
    return distance <= reach ? strength : 1 - strength;
  });
}

/**
 * Preferences with a planted Condorcet winner (item `winner` beats everyone with probability
 * above 1/2) on top of random preferences between the others.
 *
 * @example
 * ```ts
 * condorcetPreferences(10, 3, 4) // item 4 is the von Neumann winner
 * ```
 */
export function condorcetPreferences(n: number, seed: number, winner = 0): PreferenceRows {
  const random = seededRandom(seed);
  return complementary(n, (i, j) => {
    const value = random();
    if (i === winner) return 0.5 + value / 2 + 1e-3;
    if (j === winner) return value / 2 - 1e-3;
    return value;
  });
}
