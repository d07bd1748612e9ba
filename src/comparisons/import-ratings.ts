import { maxComparisonCount } from '../schema/comparisons.js';
import { ComparisonLog, type ComparisonSink, type ImportedComparisons, type RowVerdict } from './comparison-log.js';
import { readTable, type TableFormat, type TableRow } from './read-table.js';
import { fieldOf, nameOf } from './table-cells.js';

/** Options of the ratings importer. */
export interface RatingsImportOptions {
  /** The criterion columns; default every column but the two item columns. */
  criteria?: string[];
  format?: TableFormat;
}

/** Wins of item a, wins of item b and ties of one rating cell. */
interface Rating {
  first: number;
  second: number;
  ties: number;
}

const counts = /^(\d+)\s*-\s*(\d+)(?:\s*-\s*(\d+))?$/;

/** A rating cell: null when empty (not rated), a Rating, or the reason it is not one. */
function ratingOf(value: unknown, column: string): Rating | null | { reason: string } {
  if (value === undefined || value === null || value === '') return null;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : typeof value === 'number' ? String(value) : '';
  if (['a', 'item_a', 'model_a'].includes(text)) return { first: 1, second: 0, ties: 0 };
  if (['b', 'item_b', 'model_b'].includes(text)) return { first: 0, second: 1, ties: 0 };
  if (['tie', '='].includes(text)) return { first: 0, second: 0, ties: 1 };
  const match = counts.exec(text);
  if (match) {
    const rating = { first: Number(match[1]), second: Number(match[2]), ties: Number(match[3] ?? 0) };
    if (Math.max(rating.first, rating.second, rating.ties) <= maxComparisonCount) return rating;
  }
  return {
    reason: `${column} is ${JSON.stringify(value)}; expected a, b, tie, counts such as "4-2" or "4-2-1", or empty`,
  };
}

/**
 * The two item columns of a rating table: `item_a` and `item_b` when either is present, else
 * `model_a` and `model_b`. O(columns).
 *
 * @example
 * ```ts
 * ratingItemColumns(['Item_A', 'item_b', 'safety']) // ['item_a', 'item_b']
 * ```
 */
export function ratingItemColumns(columns: readonly string[]): [string, string] {
  const lower = columns.map((column) => column.toLowerCase());
  return lower.includes('item_a') || lower.includes('item_b') ? ['item_a', 'item_b'] : ['model_a', 'model_b'];
}

/**
 * Reads one row of a rating table into `sink` (the per-row rules of {@link importRatings}):
 * `itemColumns` from {@link ratingItemColumns}, `criteria` the criterion columns. O(columns).
 *
 * @example
 * ```ts
 * const seen: unknown[][] = []
 * const sink: ComparisonSink = {
 *   win: (criterion, winner, loser, count) => seen.push(['win', criterion, winner, loser, count]),
 *   tie: (criterion, first, second, count) => seen.push(['tie', criterion, first, second, count]),
 * }
 * const row = { line: 2, fields: { item_a: 'p3', item_b: 'p7', safety: '4-2' } }
 * assert.equal(readRatingsRow(row, sink, ['item_a', 'item_b'], ['safety']), 'accepted')
 * // 4-2 on safety: p3 beat p7 four times, p7 beat p3 twice
 * assert.deepEqual(seen, [['win', 'safety', 'p3', 'p7', 4], ['win', 'safety', 'p7', 'p3', 2]])
 * ```
 */
export function readRatingsRow(
  row: TableRow,
  sink: ComparisonSink,
  itemColumns: readonly [string, string],
  criteria: readonly string[],
): RowVerdict {
  const first = nameOf(row, itemColumns[0]);
  const second = nameOf(row, itemColumns[1]);
  if (typeof first === 'object') return first;
  if (typeof second === 'object') return second;
  if (first === second) return { reason: `${itemColumns[0]} and ${itemColumns[1]} are both "${first}"` };
  const ratings = criteria.map((criterion) => ratingOf(fieldOf(row, criterion), criterion));
  const bad = ratings.find((rating): rating is { reason: string } => rating !== null && 'reason' in rating);
  if (bad) return bad;
  if (ratings.every((rating) => rating === null))
    return { reason: `no criterion is rated (criteria: ${criteria.join(', ')})` };
  ratings.forEach((rating, index) => {
    if (rating === null || 'reason' in rating) return;
    if (rating.first > 0) sink.win(criteria[index], first, second, rating.first);
    if (rating.second > 0) sink.win(criteria[index], second, first, rating.second);
    if (rating.ties > 0) sink.tie(criteria[index], first, second, rating.ties);
  });
  return 'accepted';
}

/**
 * Imports a per-criterion rating table: one row per judged pair, with the pair in `item_a` and
 * `item_b` (or `model_a` and `model_b`) and one column per criterion, whose cell says which item
 * was preferred on that criterion: `a`, `b`, `tie` (also `model_a`/`item_a`, `model_b`/`item_b`,
 * `=`), counts "W-L" or "W-L-T" (W raters preferred item a, L item b, T tied: "policy 3 was judged
 * safer than policy 7 by 4 of 6 raters" is `4-2`), or empty when not rated. The criteria are
 * `options.criteria` or every other column. A row with a bad cell, a missing item or no rating
 * at all is reported with its line number and left out; the rest is kept and aggregated.
 * `PREF_ERR_EMPTY_IMPORT` when no row is usable. O(size of the table).
 *
 * @example
 * ```ts
 * importRatings('item_a,item_b,safety,speed\np3,p7,4-2,b\n').comparisons
 * // [{ criterion: 'safety', winner: 'p3', loser: 'p7', count: 4 }, { criterion: 'safety', winner: 'p7', loser: 'p3', count: 2 },
 * //  { criterion: 'speed', winner: 'p7', loser: 'p3', count: 1 }]
 * ```
 */
export function importRatings(text: string, options: RatingsImportOptions = {}): ImportedComparisons {
  const table = readTable(text, options.format);
  const itemColumns = ratingItemColumns(table.columns);
  const criteria = options.criteria ?? table.columns.filter((column) => !itemColumns.includes(column.toLowerCase()));
  const log = new ComparisonLog();
  const rejected = [...table.rejected];
  let accepted = 0;
  for (const row of table.rows) {
    const verdict = readRatingsRow(row, log, itemColumns, criteria);
    if (typeof verdict === 'object') rejected.push({ line: row.line, reason: verdict.reason });
    else if (verdict === 'accepted') accepted++;
  }
  rejected.sort((x, y) => x.line - y.line);
  return log.finish(accepted, rejected, 'rating table');
}
