import { ComparisonLog, type ComparisonSink, type ImportedComparisons, type RowVerdict } from './comparison-log.js';
import { readTable, type TableFormat, type TableRow } from './read-table.js';
import { fieldOf, nameOf, truthy } from './table-cells.js';

/** Options of the arena importer. */
export interface ArenaImportOptions {
  /** "tie (bothbad)" / "both_bad" outcomes: a tie (default, as Chatbot Arena counts them) or left out. */
  bothBad?: 'tie' | 'skip';
  /** Criterion of every comparison (default: none, that is "preference"), unless the log has a criterion column. */
  criterion?: string;
  format?: TableFormat;
}

/** The winner of a row: from `winner`, or from the one-hot `winner_model_a`, `winner_model_b`, `winner_tie` columns. */
function outcomeOf(row: TableRow): string | { reason: string } {
  const winner = fieldOf(row, 'winner');
  if (winner !== undefined)
    return typeof winner === 'string'
      ? winner.trim().toLowerCase()
      : { reason: `winner is ${JSON.stringify(winner)}; expected model_a, model_b, tie or both_bad` };
  const flags = ['winner_model_a', 'winner_model_b', 'winner_tie'].map((column) => truthy(fieldOf(row, column)));
  if (flags.filter(Boolean).length !== 1)
    return { reason: 'no winner column, and exactly one of winner_model_a, winner_model_b, winner_tie must be 1' };
  return ['model_a', 'model_b', 'tie'][flags.indexOf(true)];
}

/**
 * Reads one row of a battle log into `sink` (the per-row rules of {@link importArena}). O(columns).
 *
 * @example
 * ```ts
 * const seen: unknown[][] = []
 * const sink: ComparisonSink = {
 *   win: (criterion, winner, loser, count) => seen.push(['win', criterion, winner, loser, count]),
 *   tie: (criterion, first, second, count) => seen.push(['tie', criterion, first, second, count]),
 * }
 * assert.equal(readArenaRow({ line: 2, fields: { model_a: 'x', model_b: 'y', winner: 'tie' } }, sink), 'accepted')
 * assert.deepEqual(seen, [['tie', undefined, 'x', 'y', undefined]])
 * ```
 */
export function readArenaRow(row: TableRow, sink: ComparisonSink, options: ArenaImportOptions = {}): RowVerdict {
  const first = nameOf(row, 'model_a');
  const second = nameOf(row, 'model_b');
  const outcome = outcomeOf(row);
  const column = fieldOf(row, 'criterion');
  const criterion = typeof column === 'string' && column.trim() !== '' ? column.trim() : options.criterion;
  const problem = [first, second, outcome].find((value): value is { reason: string } => typeof value === 'object');
  if (problem) return problem;
  const [a, b] = [first as string, second as string];
  if (a === b) return { reason: `model_a and model_b are both "${a}"` };
  if (outcome === 'model_a' || outcome === 'a') sink.win(criterion, a, b);
  else if (outcome === 'model_b' || outcome === 'b') sink.win(criterion, b, a);
  else if (outcome === 'tie') sink.tie(criterion, a, b);
  else if (outcome === 'tie (bothbad)' || outcome === 'both_bad' || outcome === 'bothbad') {
    if (options.bothBad === 'skip') return 'skipped';
    sink.tie(criterion, a, b);
  } else return { reason: `winner is ${JSON.stringify(outcome)}; expected model_a, model_b, tie or both_bad` };
  return 'accepted';
}

/**
 * Imports a battle log in the form of public Chatbot Arena logs: CSV or JSONL rows with
 * `model_a`, `model_b` and `winner` (`model_a`, `model_b`, `tie`, or `tie (bothbad)` /
 * `both_bad`; or the one-hot columns `winner_model_a`, `winner_model_b`, `winner_tie`), an
 * optional `criterion` column, other columns ignored. Every bad row (unknown winner, missing or
 * equal models, unparsable line) is reported with its line number and the rest is kept; equal
 * outcomes are aggregated into counted rows. `PREF_ERR_EMPTY_IMPORT` when no row is usable.
 * O(size of the log).
 *
 * @example
 * ```ts
 * importArena('model_a,model_b,winner\ngpt,llama,model_a\ngpt,llama,tie (bothbad)\n').comparisons
 * // [{ winner: 'gpt', loser: 'llama', count: 1 }, { tie: ['gpt', 'llama'], count: 1 }]
 * ```
 */
export function importArena(text: string, options: ArenaImportOptions = {}): ImportedComparisons {
  const table = readTable(text, options.format);
  const log = new ComparisonLog();
  const rejected = [...table.rejected];
  let accepted = 0;
  for (const row of table.rows) {
    const verdict = readArenaRow(row, log, options);
    if (typeof verdict === 'object') rejected.push({ line: row.line, reason: verdict.reason });
    else if (verdict === 'accepted') accepted++;
  }
  rejected.sort((x, y) => x.line - y.line);
  return log.finish(accepted, rejected, 'battle log');
}
