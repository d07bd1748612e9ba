import { PrefgameError } from '../errors.js';
import type { ComparisonSink } from '../comparisons/comparison-log.js';
import type { ComparisonDocument } from '../schema/comparisons.js';

/** Items and criteria are numbered below these, so that a pair's key is an exact integer. */
const itemSpace = 2 ** 21;
const criterionSpace = 2 ** 11;

function grow<T extends Float64Array | Int32Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const larger = new (array.constructor as new (length: number) => T)(Math.max(size, 2 * array.length));
  larger.set(array);
  return larger;
}

/** The index of `key` in `indices`, given the next free one when new; at most `limit` keys. */
function indexIn<K>(indices: Map<K, number>, key: K, limit: number, what: string, setting: string): number {
  let index = indices.get(key);
  if (index === undefined) {
    index = indices.size;
    if (index >= limit) {
      throw new PrefgameError(
        'PREF_ERR_TOO_LARGE',
        `the log names more than ${limit} ${what} (the limit ${setting})`,
        '',
      );
    }
    indices.set(key, index);
  }
  return index;
}

/**
 * Counts battle outcomes per pair and criterion while a log is read, so that memory grows with
 * the number of distinct pairs, not of rows: each outcome adds to the wins, losses or ties of
 * its cell (pair with the first-seen item first, criterion). Items and criteria are numbered in
 * order of first appearance (a winner before its loser), as {@link ComparisonLog} does. More
 * than `maxItems` items or `maxCriteria` criteria is `PREF_ERR_TOO_LARGE` at once. O(1) per
 * outcome (two hash lookups); O(cells) memory.
 *
 * @example
 * ```ts
 * const counter = new BattleCounter()
 * counter.win(undefined, 'x', 'y'); counter.win(undefined, 'y', 'x'); counter.tie(undefined, 'x', 'y')
 * counter.comparisons() // [{ winner: 'x', loser: 'y', count: 1 }, { winner: 'y', loser: 'x', count: 1 }, { tie: ['x', 'y'], count: 1 }]
 * ```
 */
export class BattleCounter implements ComparisonSink {
  private readonly itemIndex = new Map<string, number>();
  private readonly criterionIndex = new Map<string | undefined, number>();
  private readonly cellIndex = new Map<number, number>();
  private criterion = new Int32Array(64);
  private first = new Int32Array(64);
  private second = new Int32Array(64);
  private wins = new Float64Array(64);
  private losses = new Float64Array(64);
  private ties = new Float64Array(64);
  private size = 0;
  /** The number of outcomes counted (sum of counts). */
  total = 0;

  constructor(
    private readonly maxItems = itemSpace - 1,
    private readonly maxCriteria = criterionSpace - 1,
  ) {}

  private item(name: string): number {
    return indexIn(this.itemIndex, name, Math.min(this.maxItems, itemSpace - 1), 'items', 'maxItems');
  }

  private cell(criterion: string | undefined, a: number, b: number): { cell: number; flipped: boolean } {
    const c = indexIn(
      this.criterionIndex,
      criterion,
      Math.min(this.maxCriteria, criterionSpace - 1),
      'criteria',
      'maxCriteria',
    );
    const flipped = a > b;
    const key = (c * itemSpace + (flipped ? b : a)) * itemSpace + (flipped ? a : b);
    let cell = this.cellIndex.get(key);
    if (cell === undefined) {
      cell = this.size++;
      this.cellIndex.set(key, cell);
      if (cell >= this.wins.length) {
        for (const name of ['criterion', 'first', 'second', 'wins', 'losses', 'ties'] as const)
          (this as Record<string, unknown>)[name] = grow(this[name], cell + 1);
      }
      this.criterion[cell] = c;
      this.first[cell] = flipped ? b : a;
      this.second[cell] = flipped ? a : b;
    }
    return { cell, flipped };
  }

  /** `winner` beat `loser` `count` times on `criterion` (undefined: the default criterion). */
  win(criterion: string | undefined, winner: string, loser: string, count = 1): void {
    const { cell, flipped } = this.cell(criterion, this.item(winner), this.item(loser));
    if (flipped) this.losses[cell] += count;
    else this.wins[cell] += count;
    this.total += count;
  }

  /** `first` and `second` tied `count` times on `criterion`. */
  tie(criterion: string | undefined, first: string, second: string, count = 1): void {
    const { cell } = this.cell(criterion, this.item(first), this.item(second));
    this.ties[cell] += count;
    this.total += count;
  }

  /** The items named so far, in order of first appearance. */
  items(): string[] {
    return [...this.itemIndex.keys()];
  }

  /** The criteria named so far (undefined: rows without one), in order of first appearance. */
  criteria(): Array<string | undefined> {
    return [...this.criterionIndex.keys()];
  }

  /**
   * The counts as the `comparisons` form (DESIGN.md section 3): per cell, in order of first
   * appearance, the wins of its first item, then of its second, then the ties (zero counts left
   * out). O(cells).
   */
  comparisons(): ComparisonDocument[] {
    const names = this.items();
    const criteria = this.criteria();
    const rows: ComparisonDocument[] = [];
    for (let cell = 0; cell < this.size; cell++) {
      const criterion = criteria[this.criterion[cell]];
      const named = criterion !== undefined ? { criterion } : {};
      const a = names[this.first[cell]];
      const b = names[this.second[cell]];
      if (this.wins[cell] > 0) rows.push({ ...named, winner: a, loser: b, count: this.wins[cell] });
      if (this.losses[cell] > 0) rows.push({ ...named, winner: b, loser: a, count: this.losses[cell] });
      if (this.ties[cell] > 0) rows.push({ ...named, tie: [a, b], count: this.ties[cell] });
    }
    return rows;
  }
}
