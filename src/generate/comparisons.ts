import { ComparisonLog } from '../comparisons/comparison-log.js';
import type { ComparisonDocument } from '../schema/comparisons.js';
import type { PreferenceRows } from './preference-matrices.js';
import { seededRandom } from '../numeric/random.js';

/** One judgement: a pair of items and the outcome on each criterion ("a": the first won). */
export interface Judgement {
  first: string;
  second: string;
  outcomes: Record<string, 'a' | 'b' | 'tie'>;
}

/** How judgements are sampled. */
export interface JudgementOptions {
  seed: number;
  /** Every pair is judged this many times (a balanced design)... */
  perPair?: number;
  /** ...or this many judgements of uniformly random pairs (an arena). Default: perPair 10. */
  judgements?: number;
  /** Probability of a tie (capped at 2 min(P, 1 - P) so that the expected outcome stays P). Default 0. */
  tieRate?: number;
  /** Probability that a pair is never judged at all. Default 0. */
  missingRate?: number;
}

/**
 * Samples judgements from true preference matrices (one per criterion, by name): each judgement
 * of a pair (i, j) draws, independently per criterion c, a tie with probability
 * `tau = min(tieRate, 2 min(p, 1 - p))` and otherwise a win of i with probability
 * `(p - tau / 2) / (1 - tau)`, where `p = P_c[i][j]`, so that E[win + tie / 2] = p: the
 * estimator's target is exactly P. The presentation order (which item is "a") is random. Seeded
 * (mulberry32): the same options give the same judgements. O(judgements x k).
 *
 * @example
 * ```ts
 * sampleJudgements({ safety: bradleyTerryPreferences(5, 1) }, ['a', 'b', 'c', 'd', 'e'], { seed: 2, perPair: 20, tieRate: 0.1 })
 * ```
 */
export function sampleJudgements(
  criteria: Record<string, PreferenceRows>,
  items: readonly string[],
  options: JudgementOptions,
): Judgement[] {
  const random = seededRandom(options.seed);
  const n = items.length;
  const names = Object.keys(criteria);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) if (random() >= (options.missingRate ?? 0)) pairs.push([i, j]);
  const draws: Array<[number, number]> = [];
  if (options.judgements !== undefined) {
    for (let draw = 0; draw < options.judgements && pairs.length > 0; draw++)
      draws.push(pairs[Math.floor(random() * pairs.length)]);
  } else {
    for (const pair of pairs) for (let round = 0; round < (options.perPair ?? 10); round++) draws.push(pair);
  }
  return draws.map(([i, j]) => {
    const swap = random() < 0.5;
    const [first, second] = swap ? [j, i] : [i, j];
    const outcomes: Judgement['outcomes'] = {};
    for (const name of names) {
      const p = criteria[name][first][second];
      const tie = Math.min(options.tieRate ?? 0, 2 * Math.min(p, 1 - p));
      const u = random();
      outcomes[name] = u < tie ? 'tie' : u < tie + (p - tie / 2) ? 'a' : 'b';
    }
    return { first: items[first], second: items[second], outcomes };
  });
}

/**
 * The `comparisons` form of judgements (aggregated, with counts), as problem documents take them. With one
 * criterion and `unnamed`, rows carry no criterion. O(judgements x k).
 *
 * @example
 * ```ts
 * const comparisons = comparisonsFromJudgements(sampleJudgements({ speed: speedRows }, items, { seed: 1 }))
 * assert.equal(comparisons.reduce((total, comparison) => total + (comparison.count ?? 1), 0), 30) // 3 pairs x 10
 * ```
 */
export function comparisonsFromJudgements(
  judgements: readonly Judgement[],
  { unnamed = false } = {},
): ComparisonDocument[] {
  const log = new ComparisonLog();
  for (const judgement of judgements) {
    for (const [name, outcome] of Object.entries(judgement.outcomes)) {
      const criterion = unnamed ? undefined : name;
      if (outcome === 'tie') log.tie(criterion, judgement.first, judgement.second);
      else if (outcome === 'a') log.win(criterion, judgement.first, judgement.second);
      else log.win(criterion, judgement.second, judgement.first);
    }
  }
  return log.comparisons();
}

/**
 * Judgements as the rows of a Chatbot-Arena-style battle log on one criterion:
 * `{ model_a, model_b, winner }` with winner `model_a`, `model_b` or `tie`. O(judgements).
 *
 * @example
 * ```ts
 * arenaRows(judgements, 'speed')[0] // { model_a: 'a', model_b: 'b', winner: 'model_b' }
 * ```
 */
export function arenaRows(
  judgements: readonly Judgement[],
  criterion: string,
): Array<{ model_a: string; model_b: string; winner: string }> {
  const names = { a: 'model_a', b: 'model_b', tie: 'tie' } as const;
  return judgements.map((judgement) => ({
    model_a: judgement.first,
    model_b: judgement.second,
    winner: names[judgement.outcomes[criterion]],
  }));
}

/**
 * Judgements as the rows of a per-criterion rating table: `{ item_a, item_b, <criterion>: "a" | "b" | "tie", ... }`.
 * O(judgements x k).
 *
 * @example
 * ```ts
 * Object.keys(ratingRows(judgements)[0]) // ['item_a', 'item_b', 'speed', 'safety']
 * ```
 */
export function ratingRows(judgements: readonly Judgement[]): Array<Record<string, string>> {
  return judgements.map((judgement) => ({ item_a: judgement.first, item_b: judgement.second, ...judgement.outcomes }));
}
