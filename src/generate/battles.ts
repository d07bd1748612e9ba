import { gaussian, seededRandom } from '../numeric/random.js';

/** One synthetic battle: two item indices and the outcome ("model_a": the first won). */
export interface Battle {
  first: number;
  second: number;
  winner: 'model_a' | 'model_b' | 'tie';
}

/** How synthetic battles are drawn. */
export interface BattleOptions {
  seed: number;
  /** Probability of a tie (capped at 2 min(p, 1 - p), so that E[win + tie / 2] stays p). Default 0. */
  tieRate?: number;
}

/**
 * Seeded standard-normal log-strengths, centred to mean 0 (the scale of Bradley-Terry fits).
 * O(n).
 *
 * @example
 * ```ts
 * syntheticStrengths(60, 1) // Float64Array of 60 log-strengths, mean 0
 * ```
 */
export function syntheticStrengths(n: number, seed: number, spread = 1): Float64Array {
  const normal = gaussian(seededRandom(seed));
  const strengths = Float64Array.from({ length: n }, () => spread * normal());
  const mean = strengths.reduce((sum, value) => sum + value, 0) / n;
  return strengths.map((value) => value - mean);
}

/**
 * Battles from true Bradley-Terry strengths, one at a time (a generator, so a million battles
 * need no memory): a uniformly random ordered pair of distinct items, then a tie with
 * probability `tau = min(tieRate, 2 min(p, 1 - p))` and otherwise a win of the first with
 * probability `(p - tau / 2) / (1 - tau)`, where `p = 1 / (1 + exp(s_second - s_first))`, so
 * that the first's expected score (win + tie / 2) is exactly p. Seeded (mulberry32): the same
 * options give the same battles. O(1) per battle.
 *
 * @example
 * ```ts
 * const battles = [...syntheticBattles(syntheticStrengths(10, 1), 1000, { seed: 2 })]
 * assert.equal(battles.length, 1000)
 * assert.ok(battles.every((battle) => battle.first !== battle.second && battle.first < 10 && battle.second < 10))
 * ```
 */
export function* syntheticBattles(
  strengths: ArrayLike<number>,
  count: number,
  options: BattleOptions,
): Generator<Battle> {
  const random = seededRandom(options.seed);
  const n = strengths.length;
  for (let k = 0; k < count; k++) {
    const first = Math.floor(random() * n);
    let second = Math.floor(random() * (n - 1));
    if (second >= first) second++;
    const p = 1 / (1 + Math.exp(strengths[second] - strengths[first]));
    const tie = Math.min(options.tieRate ?? 0, 2 * Math.min(p, 1 - p));
    const u = random();
    yield { first, second, winner: u < tie ? 'tie' : u < tie + (p - tie / 2) ? 'model_a' : 'model_b' };
  }
}
