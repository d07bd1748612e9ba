import { PrefgameError } from '../errors.js';
import type { ComparisonDocument } from '../schema/comparisons.js';
import type { RejectedRow } from './read-table.js';

/** An imported log: the comparisons (aggregated), the items in order of first appearance, the rows left out. */
export interface ImportedComparisons {
  items: string[];
  comparisons: ComparisonDocument[];
  /** Rows (or outcomes) taken. */
  accepted: number;
  rejected: RejectedRow[];
}

/** Where importers put the outcomes they read: a {@link ComparisonLog}, or a streaming counter (anything with `win` and `tie`). */
export interface ComparisonSink {
  win(criterion: string | undefined, winner: string, loser: string, count?: number): void;
  tie(criterion: string | undefined, first: string, second: string, count?: number): void;
}

/** What reading one row did: used it, skipped it on purpose (both_bad with skip), or rejected it. */
export type RowVerdict = 'accepted' | 'skipped' | { reason: string };

/**
 * Collects comparison outcomes and aggregates equal ones into counted rows of the `comparisons`
 * form of problem documents, in order of first appearance; ties are equal whatever the order of
 * their two items. Items are remembered in order of first appearance.
 *
 * @example
 * ```ts
 * const log = new ComparisonLog()
 * log.win(undefined, 'x', 'y'); log.win(undefined, 'x', 'y'); log.tie('safety', 'y', 'x')
 * log.comparisons() // [{ winner: 'x', loser: 'y', count: 2 }, { criterion: 'safety', tie: ['y', 'x'], count: 1 }]
 * ```
 */
export class ComparisonLog implements ComparisonSink {
  private readonly rows = new Map<string, ComparisonDocument & { count: number }>();
  private readonly seen = new Map<string, true>();

  private add(key: string, row: ComparisonDocument, count: number, names: string[]): void {
    for (const name of names) this.seen.set(name, true);
    const existing = this.rows.get(key);
    if (existing) existing.count += count;
    else this.rows.set(key, { ...row, count });
  }

  /** `winner` beat `loser` `count` times on `criterion` (undefined: the default criterion). */
  win(criterion: string | undefined, winner: string, loser: string, count = 1): void {
    const row: ComparisonDocument = { ...(criterion !== undefined ? { criterion } : {}), winner, loser };
    this.add(JSON.stringify(['win', criterion ?? null, winner, loser]), row, count, [winner, loser]);
  }

  /** `first` and `second` tied `count` times on `criterion`. */
  tie(criterion: string | undefined, first: string, second: string, count = 1): void {
    const pair = first < second ? [first, second] : [second, first];
    const row: ComparisonDocument = { ...(criterion !== undefined ? { criterion } : {}), tie: [first, second] };
    this.add(JSON.stringify(['tie', criterion ?? null, ...pair]), row, count, [first, second]);
  }

  /** The items named so far, in order of first appearance. */
  items(): string[] {
    return [...this.seen.keys()];
  }

  /** The aggregated rows (counts of 0 left out). */
  comparisons(): ComparisonDocument[] {
    return [...this.rows.values()].filter((row) => row.count > 0);
  }

  /**
   * The imported result; `PREF_ERR_EMPTY_IMPORT` when no row was usable (the message quotes the
   * first rejections).
   */
  finish(accepted: number, rejected: RejectedRow[], what: string): ImportedComparisons {
    const comparisons = this.comparisons();
    if (comparisons.length === 0) {
      const reasons = rejected
        .slice(0, 3)
        .map((row) => `line ${row.line}: ${row.reason}`)
        .join('; ');
      throw new PrefgameError(
        'PREF_ERR_EMPTY_IMPORT',
        `the ${what} has no usable comparison${reasons ? ` (${reasons})` : ''}`,
        '',
      );
    }
    return { items: this.items(), comparisons, accepted, rejected };
  }
}
