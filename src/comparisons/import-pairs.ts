import { maxComparisonCount } from '../schema/comparisons.js';
import { ComparisonLog, type ComparisonSink, type ImportedComparisons, type RowVerdict } from './comparison-log.js';
import { readTable, type TableFormat, type TableRow } from './read-table.js';
import { fieldOf, nameOf, truthy } from './table-cells.js';

/** A count cell: a non-negative integer (default 1 when the cell is absent or empty), or the reason it is not. */
function countOf(row: TableRow): number | { reason: string } {
  const value = fieldOf(row, 'count');
  if (value === undefined || value === null || value === '') return 1;
  const count =
    typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(count) || count < 0 || count > maxComparisonCount)
    return { reason: `count is ${JSON.stringify(value)}; expected a whole number from 0 to ${maxComparisonCount}` };
  return count;
}

/** The two items of a row: `winner` and `loser`, or a JSON `tie` array. */
function pairOf(row: TableRow): { first: string; second: string; tie: boolean } | { reason: string } {
  const tie = fieldOf(row, 'tie');
  if (Array.isArray(tie)) {
    if (
      tie.length !== 2 ||
      typeof tie[0] !== 'string' ||
      typeof tie[1] !== 'string' ||
      tie[0].trim() === '' ||
      tie[1].trim() === ''
    )
      return { reason: 'tie must be a list of two names' };
    return { first: tie[0].trim(), second: tie[1].trim(), tie: true };
  }
  const winner = nameOf(row, 'winner');
  const loser = nameOf(row, 'loser');
  if (typeof winner === 'object') return winner;
  if (typeof loser === 'object') return loser;
  return { first: winner, second: loser, tie: truthy(tie) };
}

/**
 * Reads one row of a comparison list into `sink` (the per-row rules of {@link importPairs}). O(columns).
 *
 * @example
 * ```ts
 * const seen: unknown[][] = []
 * const sink: ComparisonSink = {
 *   win: (criterion, winner, loser, count) => seen.push(['win', criterion, winner, loser, count]),
 *   tie: (criterion, first, second, count) => seen.push(['tie', criterion, first, second, count]),
 * }
 * assert.equal(readPairsRow({ line: 2, fields: { winner: 'A', loser: 'B', count: '3' } }, sink), 'accepted')
 * assert.deepEqual(seen, [['win', undefined, 'A', 'B', 3]])
 * ```
 */
export function readPairsRow(row: TableRow, sink: ComparisonSink): RowVerdict {
  const pair = pairOf(row);
  const count = countOf(row);
  const column = fieldOf(row, 'criterion');
  if (column !== undefined && column !== null && typeof column !== 'string')
    return { reason: `criterion is ${JSON.stringify(column)}; expected a name` };
  const criterion = typeof column === 'string' && column.trim() !== '' ? column.trim() : undefined;
  if ('reason' in pair) return { reason: pair.reason };
  if (typeof count === 'object') return count;
  if (pair.first === pair.second) return { reason: `"${pair.first}" is compared with itself` };
  if (pair.tie) sink.tie(criterion, pair.first, pair.second, count);
  else sink.win(criterion, pair.first, pair.second, count);
  return 'accepted';
}

/**
 * Imports a generic comparison list: CSV or JSONL rows with `winner` and `loser` (when a `tie`
 * column is 1/true/yes, the two tied), optional `criterion` and `count` (a whole number, default
 * 1); JSONL rows may also be exactly the `comparisons` form of problem documents
 * (`{ "tie": ["A", "B"] }`). Bad rows are reported with their line numbers and the rest is kept;
 * equal outcomes are aggregated. `PREF_ERR_EMPTY_IMPORT` when no row is usable.
 * O(size of the log).
 *
 * @example
 * ```ts
 * importPairs('criterion,winner,loser,count\nsafety,A,B,4\nsafety,B,A,2\n').comparisons
 * // [{ criterion: 'safety', winner: 'A', loser: 'B', count: 4 }, { criterion: 'safety', winner: 'B', loser: 'A', count: 2 }]
 * ```
 */
export function importPairs(text: string, options: { format?: TableFormat } = {}): ImportedComparisons {
  const table = readTable(text, options.format);
  const log = new ComparisonLog();
  const rejected = [...table.rejected];
  let accepted = 0;
  for (const row of table.rows) {
    const verdict = readPairsRow(row, log);
    if (typeof verdict === 'object') rejected.push({ line: row.line, reason: verdict.reason });
    else if (verdict === 'accepted') accepted++;
  }
  rejected.sort((x, y) => x.line - y.line);
  return log.finish(accepted, rejected, 'comparison list');
}
