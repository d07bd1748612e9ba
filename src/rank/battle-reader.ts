import { PrefgameError } from '../errors.js';
import type { RowVerdict } from '../comparisons/comparison-log.js';
import { readArenaRow } from '../comparisons/import-arena.js';
import type { LogFormat } from '../comparisons/import-log.js';
import { readPairsRow } from '../comparisons/import-pairs.js';
import { ratingItemColumns, readRatingsRow } from '../comparisons/import-ratings.js';
import type { RejectedRow, TableFormat, TableRow } from '../comparisons/read-table.js';
import type { ComparisonDocument } from '../schema/comparisons.js';
import { BattleCounter } from './battle-counter.js';
import { TableParser } from './table-parser.js';

/** How a battle log is read. */
export interface BattleReadOptions {
  /** arena, pairs or ratings; detected from the columns when left out ({@link detectLogFormat}). */
  format?: LogFormat;
  /** CSV or JSONL; detected from the first character when left out. */
  table?: TableFormat;
  /** arena: "tie (bothbad)" outcomes count as ties (default) or are skipped. */
  bothBad?: 'tie' | 'skip';
  /** arena: criterion of rows without a criterion column. */
  criterion?: string;
  /** ratings: the criterion columns (default: every column but the two items). */
  criteria?: string[];
  /** Most items and criteria (`PREF_ERR_TOO_LARGE` beyond). */
  maxItems?: number;
  maxCriteria?: number;
}

/** A battle log read and aggregated: the items, the comparisons with counts, the rows left out. */
export interface ReadBattles {
  format: LogFormat;
  items: string[];
  comparisons: ComparisonDocument[];
  /** Rows used. */
  accepted: number;
  /** Rows skipped on purpose (arena both_bad with `bothBad: "skip"`). */
  skipped: number;
  /** The first {@link keptRejections} rows left out, by line. */
  rejected: RejectedRow[];
  /** How many rows were left out in all. */
  rejectedCount: number;
}

/** Rejected rows kept with their reasons (the rest are counted), so memory stays flat for any log. */
export const keptRejections = 1000;

/**
 * The log format of a table from its column names (any case): `arena` with `model_a`,
 * `model_b` and `winner` (or the one-hot `winner_model_a`...), `pairs` with `winner` and `loser`
 * or `tie`, `ratings` with `item_a` and `item_b` (or `model_a` and `model_b` without a winner
 * column); undefined when none fits. O(columns).
 *
 * @example
 * ```ts
 * detectLogFormat(['model_a', 'model_b', 'winner', 'judge']) // 'arena'
 * ```
 */
export function detectLogFormat(columns: readonly string[]): LogFormat | undefined {
  const names = new Set(columns.map((column) => column.toLowerCase()));
  const models = names.has('model_a') && names.has('model_b');
  if (
    models &&
    (names.has('winner') || names.has('winner_model_a') || names.has('winner_model_b') || names.has('winner_tie'))
  )
    return 'arena';
  if ((names.has('winner') && names.has('loser')) || names.has('tie')) return 'pairs';
  if ((names.has('item_a') && names.has('item_b')) || models) return 'ratings';
  return undefined;
}

/**
 * Reads a battle log as a stream: text goes in by chunks ({@link push}, then {@link finish}),
 * rows are parsed ({@link TableParser}), read by the importer of the log's format (the same
 * per-row rules as `prefgame estimate`) and counted per pair at once ({@link BattleCounter}),
 * so memory is flat in the number of rows. The format is `options.format` or detected from the
 * first row's columns. Byte chunks are decoded as UTF-8 across chunk boundaries.
 * `PREF_ERR_EMPTY_IMPORT` from {@link finish} when no row is usable (the message names the first
 * rejected lines), `PREF_ERR_INVALID_OPTION` when the format cannot be told from the columns.
 *
 * @example
 * ```ts
 * const reader = new BattleReader()
 * reader.push('model_a,model_b,winner\nx,y,model_a\nx,x,tie\n')
 * reader.finish().rejected // [{ line: 3, reason: 'model_a and model_b are both "x"' }]
 * ```
 */
export class BattleReader {
  private readonly counter: BattleCounter;
  private readonly parser: TableParser;
  private readonly decoder = new TextDecoder('utf-8');
  private format: LogFormat | undefined;
  private readRow: ((row: TableRow) => RowVerdict) | undefined;
  private readonly rejected: RejectedRow[] = [];
  private rejectedCount = 0;
  private accepted = 0;
  private skipped = 0;

  constructor(private readonly options: BattleReadOptions = {}) {
    this.counter = new BattleCounter(options.maxItems, options.maxCriteria);
    this.format = options.format;
    this.parser = new TableParser(options.table, { row: (row) => this.row(row), reject: (row) => this.reject(row) });
  }

  private reject(row: RejectedRow): void {
    this.rejectedCount++;
    if (this.rejected.length < keptRejections) this.rejected.push(row);
  }

  private reader(row: TableRow): (row: TableRow) => RowVerdict {
    const columns = this.parser.format === 'csv' ? this.parser.columns : Object.keys(row.fields);
    this.format ??= detectLogFormat(columns);
    if (this.format === undefined) {
      throw new PrefgameError(
        'PREF_ERR_INVALID_OPTION',
        `cannot tell the log format from the columns ${columns.join(', ')} (line ${row.line}): name it (arena: model_a, model_b, winner; pairs: winner, loser; ratings: item_a, item_b, criteria)`,
        '/format',
      );
    }
    const { counter, options } = this;
    if (this.format === 'arena')
      return (next) => readArenaRow(next, counter, { bothBad: options.bothBad, criterion: options.criterion });
    if (this.format === 'pairs') return (next) => readPairsRow(next, counter);
    const csv = this.parser.format === 'csv';
    const items = ratingItemColumns(columns);
    const others = (names: readonly string[]) => names.filter((name) => !items.includes(name.toLowerCase()));
    const fixed = options.criteria ?? (csv ? others(columns) : undefined);
    return (next) => readRatingsRow(next, counter, items, fixed ?? others(Object.keys(next.fields)));
  }

  private row(row: TableRow): void {
    this.readRow ??= this.reader(row);
    const verdict = this.readRow(row);
    if (verdict === 'accepted') this.accepted++;
    else if (verdict === 'skipped') this.skipped++;
    else this.reject({ line: row.line, reason: verdict.reason });
  }

  /** Reads a chunk of the log (text, or UTF-8 bytes). */
  push(chunk: string | Uint8Array): void {
    this.parser.push(typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true }));
  }

  /**
   * Reads rows that are already objects (the `rows` of a JSON request): row i is line i + 1;
   * anything but an object is rejected.
   */
  pushRows(rows: readonly unknown[]): void {
    rows.forEach((fields, index) => {
      if (fields === null || typeof fields !== 'object' || Array.isArray(fields))
        this.reject({ line: index + 1, reason: 'not a JSON object' });
      else this.row({ line: index + 1, fields: fields as Record<string, unknown> });
    });
  }

  /** Ends the log and returns what it held. */
  finish(): ReadBattles {
    this.parser.push(this.decoder.decode());
    this.parser.end();
    const comparisons = this.counter.comparisons();
    this.rejected.sort((x, y) => x.line - y.line);
    if (comparisons.length === 0) {
      const listed = this.rejected
        .slice(0, 20)
        .map((row) => `line ${row.line}: ${row.reason}`)
        .join('; ');
      const more = this.rejectedCount > 20 ? `; and ${this.rejectedCount - 20} more` : '';
      throw new PrefgameError(
        'PREF_ERR_EMPTY_IMPORT',
        `the battle log has no usable row${listed ? ` (${listed}${more})` : ''}`,
        '',
      );
    }
    return {
      format: this.format ?? 'arena',
      items: this.counter.items(),
      comparisons,
      accepted: this.accepted,
      skipped: this.skipped,
      rejected: this.rejected,
      rejectedCount: this.rejectedCount,
    };
  }
}

/**
 * Reads a whole battle log from an async stream of chunks (a file, stdin, a gunzip stream, a
 * request body) with a {@link BattleReader}. O(size of the log) time, O(pairs) memory.
 *
 * @example
 * ```ts
 * import { Readable } from 'node:stream'
 * // chunks may split a row anywhere
 * const read = await readBattleStream(Readable.from(['model_a,model_b,win', 'ner\nx,y,model_a\ny,', 'x,tie\n']))
 * assert.equal(read.format, 'arena')
 * assert.deepEqual([read.items, read.accepted], [['x', 'y'], 2])
 * ```
 */
export async function readBattleStream(
  chunks: AsyncIterable<string | Uint8Array>,
  options: BattleReadOptions = {},
): Promise<ReadBattles> {
  const reader = new BattleReader(options);
  for await (const chunk of chunks) reader.push(chunk);
  return reader.finish();
}

/**
 * Reads a whole battle log held in memory (text or bytes) with a {@link BattleReader}.
 *
 * @example
 * ```ts
 * readBattleText('{"model_a":"x","model_b":"y","winner":"tie"}\n').format // 'arena'
 * ```
 */
export function readBattleText(text: string | Uint8Array, options: BattleReadOptions = {}): ReadBattles {
  const reader = new BattleReader(options);
  reader.push(text);
  return reader.finish();
}
