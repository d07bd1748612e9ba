/**
 * A seeded pseudo-random number generator (mulberry32): the same seed gives the same stream on
 * every machine, which keeps generated test data and benchmarks reproducible.
 *
 * @example
 * ```ts
 * const random = seededRandom(42)
 * random() // a number in [0, 1), always the same for seed 42
 * ```
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A standard normal sample by the Box-Muller transform.
 *
 * @example
 * ```ts
 * const normal = gaussian(seededRandom(1)); normal() // e.g. -0.23
 * ```
 */
export function gaussian(random: () => number): () => number {
  return () => {
    const u = Math.max(random(), Number.MIN_VALUE);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}
