import { parse as parseCsv } from 'csv-parse/sync';
import secureJsonParse from 'secure-json-parse';

/** A row of a table file and the line it ends on (1-based). */
export interface TableRow {
  line: number;
  fields: Record<string, unknown>;
}

/** A row that was left out, and why. */
export interface RejectedRow {
  line: number;
  reason: string;
}

/** The rows of a table file: those that parsed, and those that did not (with line numbers). */
export interface Table {
  rows: TableRow[];
  rejected: RejectedRow[];
  /** Column names (CSV header, or the keys seen in JSONL rows, in order of first appearance). */
  columns: string[];
}

/** The two table formats: comma-separated values with a header, or one JSON object per line. */
export type TableFormat = 'csv' | 'jsonl';

/**
 * The format of a table's text: JSONL when its first non-blank character is `{`, else CSV.
 *
 * @example
 * ```ts
 * tableFormatOf('{"model_a": "x"}\n') // 'jsonl'
 * ```
 */
export function tableFormatOf(text: string): TableFormat {
  return text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

function readJsonLines(text: string): Table {
  const rows: TableRow[] = [];
  const rejected: RejectedRow[] = [];
  const columns = new Set<string>();
  text.split(/\r?\n/).forEach((content, index) => {
    const line = index + 1;
    if (content.trim() === '') return;
    let value: unknown;
    try {
      value = secureJsonParse.parse(content, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch (error) {
      rejected.push({ line, reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      rejected.push({ line, reason: 'not a JSON object' });
      return;
    }
    for (const key of Object.keys(value)) columns.add(key);
    rows.push({ line, fields: value as Record<string, unknown> });
  });
  return { rows, rejected, columns: [...columns] };
}

function readCsv(text: string): Table {
  const rejected: RejectedRow[] = [];
  let columns: string[] = [];
  const records = parseCsv(text, {
    bom: true,
    columns: (header: string[]) => (columns = header.map((name) => name.trim())),
    skip_empty_lines: true,
    trim: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error)
        rejected.push({
          line: (error as { lines?: number }).lines ?? 0,
          reason: error.message.replace(/ on line \d+$/, ''),
        });
      return undefined;
    },
  }) as unknown as Array<{ record: Record<string, string>; info: { lines: number } }>;
  return { rows: records.map(({ record, info }) => ({ line: info.lines, fields: record })), rejected, columns };
}

/**
 * Reads a table file into rows with their line numbers: CSV (with a header row; csv-parse,
 * quoted fields, BOM, surrounding spaces trimmed) or JSONL (one JSON object per line, parsed with
 * secure-json-parse). A row that does not parse (wrong number of CSV fields, bad JSON, not an
 * object) is reported in `rejected` with its line and the rest is kept. Blank lines are skipped.
 * O(size of the text).
 *
 * @example
 * ```ts
 * readTable('model_a,model_b,winner\nx,y,model_a\nx,y\n').rejected // [{ line: 3, reason: 'Invalid Record Length: ...' }]
 * ```
 */
export function readTable(text: string, format: TableFormat = tableFormatOf(text)): Table {
  return format === 'jsonl' ? readJsonLines(text) : readCsv(text);
}
