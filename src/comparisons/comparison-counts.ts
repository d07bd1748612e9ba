import { PrefgameError } from '../errors.js';
import { Field } from '../schema/field.js';
import { itemNames } from '../preferences/names.js';
import { defaultCriterionName, type ComparisonDocument } from '../schema/comparisons.js';

/**
 * The outcome counts of a comparison log, per criterion, as dense n x n arrays (row-major,
 * entry `i * n + j`): `wins[c][i * n + j]` is how often item i beat item j on criterion c and
 * `ties[c]` is symmetric. Every comparison of a pair is `wins[i][j] + wins[j][i] + ties[i][j]`.
 */
export interface ComparisonCounts {
  readonly items: string[];
  readonly criteria: string[];
  readonly wins: Float64Array[];
  readonly ties: Float64Array[];
  /** The number of comparisons (sum of every count). */
  readonly total: number;
}

/**
 * How often the pair (i, j) was compared on criterion c: wins either way plus ties. O(1).
 *
 * @example
 * ```ts
 * pairCount(readComparisons([{ winner: 'A', loser: 'B', count: 3 }, { tie: ['B', 'A'] }], undefined), 0, 0, 1) // 4
 * ```
 */
export function pairCount(counts: ComparisonCounts, c: number, i: number, j: number): number {
  const n = counts.items.length;
  return counts.wins[c][i * n + j] + counts.wins[c][j * n + i] + counts.ties[c][i * n + j];
}

/**
 * The number of comparisons of every pair on criterion c, as a dense symmetric n x n array
 * (diagonal 0). O(n^2).
 *
 * @example
 * ```ts
 * pairTotals(readComparisons([{ winner: 'A', loser: 'B', count: 3 }], undefined), 0) // [0, 3, 3, 0]
 * ```
 */
export function pairTotals(counts: ComparisonCounts, c: number): Float64Array {
  const n = counts.items.length;
  const totals = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) totals[i * n + j] = pairCount(counts, c, i, j);
  return totals;
}

interface Outcome {
  first: string;
  second: string;
  firstField: Field;
  secondField: Field;
  tie: boolean;
}

function outcomeOf(comparison: ComparisonDocument, field: Field): Outcome {
  if (comparison.tie !== undefined && comparison.winner === undefined && comparison.loser === undefined) {
    return {
      first: comparison.tie[0],
      second: comparison.tie[1],
      firstField: field.at('tie', 0),
      secondField: field.at('tie', 1),
      tie: true,
    };
  }
  if (comparison.tie === undefined && comparison.winner !== undefined && comparison.loser !== undefined) {
    return {
      first: comparison.winner,
      second: comparison.loser,
      firstField: field.at('winner'),
      secondField: field.at('loser'),
      tie: false,
    };
  }
  throw new PrefgameError('PREF_ERR_SCHEMA', `${field} needs either winner and loser, or tie`, field.pointer);
}

/**
 * The criteria named in a comparison log, in order of first appearance ("preference" for rows
 * without one). O(rows).
 *
 * @example
 * ```ts
 * criteriaOfComparisons([{ criterion: 'safety', winner: 'a', loser: 'b' }, { winner: 'b', loser: 'a' }]) // ['safety', 'preference']
 * ```
 */
export function criteriaOfComparisons(comparisons: readonly ComparisonDocument[]): string[] {
  return [...new Set(comparisons.map((comparison) => comparison.criterion ?? defaultCriterionName))];
}

/** Where a comparison log sits in its document, and which criterion to count. */
export interface ReadComparisonsOptions {
  field?: Field;
  itemsField?: Field;
  /** Count only the rows of this criterion (the others are still checked, and still name items). */
  criterion?: string;
}

/**
 * Reads a comparison log (the `comparisons` form of problem documents) into
 * {@link ComparisonCounts}. Items: the given `items` (every name in the log must be one of them,
 * else `PREF_ERR_UNKNOWN_ITEM`), or without `items` every item named in the log in order of first
 * appearance (winner before loser, `tie[0]` before `tie[1]`). Criteria: in order of first
 * appearance; rows without `criterion` belong to "preference". An item compared with itself is
 * `PREF_ERR_SELF_COMPARISON`. With `options.criterion`, only that criterion is counted.
 * O(rows + k n^2).
 *
 * @example
 * ```ts
 * const counts = readComparisons([{ winner: 'A', loser: 'B', count: 3 }, { tie: ['B', 'A'] }], undefined)
 * counts.items // ['A', 'B']; counts.wins[0][0 * 2 + 1] === 3; counts.ties[0][1] === 1
 * ```
 */
export function readComparisons(
  comparisons: readonly ComparisonDocument[],
  items: readonly string[] | undefined,
  options: ReadComparisonsOptions = {},
): ComparisonCounts {
  const field = options.field ?? new Field(['comparisons']);
  const itemsField = options.itemsField ?? new Field(['items']);
  const outcomes = comparisons.map((comparison, index) => outcomeOf(comparison, field.at(index)));
  const itemIndex = new Map<string, number>();
  if (items !== undefined)
    itemNames(items, items.length, itemsField).forEach((name, index) => itemIndex.set(name, index));
  const criterionIndex = new Map<string, number>();
  if (options.criterion !== undefined) criterionIndex.set(options.criterion, 0);
  const resolved = new Int32Array(comparisons.length * 3);
  outcomes.forEach((outcome, index) => {
    const ends: Array<[string, Field]> = [
      [outcome.first, outcome.firstField],
      [outcome.second, outcome.secondField],
    ];
    ends.forEach(([name, nameField], end) => {
      let position = itemIndex.get(name);
      if (position === undefined) {
        if (items !== undefined) {
          throw new PrefgameError(
            'PREF_ERR_UNKNOWN_ITEM',
            `${nameField} is "${name}", which is not one of the ${items.length} items`,
            nameField.pointer,
          );
        }
        position = itemIndex.size;
        itemIndex.set(name, position);
      }
      resolved[index * 3 + end] = position;
    });
    if (resolved[index * 3] === resolved[index * 3 + 1]) {
      throw new PrefgameError(
        'PREF_ERR_SELF_COMPARISON',
        `${field.at(index)} compares "${outcome.first}" with itself`,
        outcome.secondField.pointer,
      );
    }
    const criterion = comparisons[index].criterion ?? defaultCriterionName;
    if (options.criterion === undefined && !criterionIndex.has(criterion))
      criterionIndex.set(criterion, criterionIndex.size);
    resolved[index * 3 + 2] = criterionIndex.get(criterion) ?? -1;
  });
  const n = itemIndex.size;
  const k = criterionIndex.size;
  const wins = Array.from({ length: k }, () => new Float64Array(n * n));
  const ties = Array.from({ length: k }, () => new Float64Array(n * n));
  let total = 0;
  outcomes.forEach((outcome, index) => {
    const count = comparisons[index].count ?? 1;
    const first = resolved[index * 3];
    const second = resolved[index * 3 + 1];
    const c = resolved[index * 3 + 2];
    if (c < 0) return;
    if (outcome.tie) {
      ties[c][first * n + second] += count;
      ties[c][second * n + first] += count;
    } else {
      wins[c][first * n + second] += count;
    }
    total += count;
  });
  return { items: [...itemIndex.keys()], criteria: [...criterionIndex.keys()], wins, ties, total };
}
