import { tolerances } from '../numeric/tolerances.js';
import type { RankedItemDocument } from '../schema/rankings.js';

/**
 * Items ordered by score, best (largest) first, with competition ranks: equal scores (within
 * {@link tolerances.preferenceTie}, relative to their size) share the smaller rank, and the
 * next rank skips ("1, 2, 2, 4"). Items of equal score keep their input order. `extra(i)` adds
 * fields (rating, interval) for item i. O(n log n).
 *
 * @example
 * ```ts
 * rankOrder(['a', 'b', 'c'], [1, 2, 2]) // [{ item: 'b', rank: 1, score: 2 }, { item: 'c', rank: 1, score: 2 }, { item: 'a', rank: 3, score: 1 }]
 * ```
 */
export function rankOrder(
  items: readonly string[],
  scores: ArrayLike<number>,
  extra: (index: number) => Partial<RankedItemDocument> = () => ({}),
): RankedItemDocument[] {
  const order = Array.from({ length: items.length }, (_, index) => index).sort(
    (a, b) => scores[b] - scores[a] || a - b,
  );
  const ranked: RankedItemDocument[] = [];
  order.forEach((index, position) => {
    const previous = position > 0 ? order[position - 1] : -1;
    const tied =
      previous >= 0 &&
      Math.abs(scores[previous] - scores[index]) <= tolerances.preferenceTie * Math.max(1, Math.abs(scores[index]));
    const rank = tied ? ranked[position - 1].rank : position + 1;
    ranked.push({ item: items[index], rank, score: scores[index], ...extra(index) });
  });
  return ranked;
}
