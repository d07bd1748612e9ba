import secureJsonParse from 'secure-json-parse';
import type { RejectedRow, TableFormat, TableRow } from '../comparisons/read-table.js';

/** What a {@link TableParser} reports, as it reads. */
export interface TableEvents {
  /** A row that parsed (CSV: as many fields as the header; JSONL: a JSON object). */
  row(row: TableRow): void;
  /** A row that did not parse, with its line and the reason. */
  reject(row: RejectedRow): void;
}

const quote = 34; // "

/**
 * Whether a CSV line ends inside a quoted field, given whether it starts inside one: a quote
 * opens a field only at its start (after spaces), `""` inside a quoted field is a quote, and a
 * quote inside an unquoted field is left for the field parser to reject (it opens nothing, so a
 * stray quote cannot swallow the lines after it). O(length).
 */
function endsInQuotes(line: string, quoted: boolean): boolean {
  let inside = quoted;
  let fieldStart = !quoted;
  for (let at = 0; at < line.length; at++) {
    const code = line.charCodeAt(at);
    if (inside) {
      if (code === quote) {
        if (line.charCodeAt(at + 1) === quote) at++;
        else inside = false;
      }
    } else if (code === 44)
      fieldStart = true; // ,
    else if (code === quote && fieldStart) inside = true;
    else if (code !== 32 && code !== 9) fieldStart = false;
  }
  return inside;
}

/**
 * The fields of one CSV record (RFC 4180: fields separated by commas, `"` quoting with `""` for a
 * quote, line breaks allowed inside quotes), each unquoted field trimmed; the reason when a
 * quote is misplaced. O(length).
 */
export function csvFields(record: string): string[] | { reason: string } {
  if (record.indexOf('"') === -1) {
    const fields = record.split(',');
    for (let i = 0; i < fields.length; i++) fields[i] = fields[i].trim();
    return fields;
  }
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    while (at < record.length && (record[at] === ' ' || record[at] === '\t')) at++;
    if (record.charCodeAt(at) === quote) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const close = record.indexOf('"', from);
        if (close === -1) return { reason: 'Quote Not Closed: the quoted field is not closed' };
        value += record.slice(from, close);
        if (record.charCodeAt(close + 1) === quote) {
          value += '"';
          from = close + 2;
          continue;
        }
        at = close + 1;
        break;
      }
      while (at < record.length && (record[at] === ' ' || record[at] === '\t')) at++;
      fields.push(value);
      if (at >= record.length) return fields;
      if (record[at] !== ',') return { reason: `Invalid Closing Quote: got "${record[at]}" after a closing quote` };
      at++;
      continue;
    }
    const comma = record.indexOf(',', at);
    const value = record.slice(at, comma === -1 ? record.length : comma).trim();
    if (value.indexOf('"') !== -1)
      return { reason: 'Invalid Opening Quote: a quote is found inside a field that does not start with one' };
    fields.push(value);
    if (comma === -1) return fields;
    at = comma + 1;
  }
}

/**
 * A streaming reader of table text, CSV with a header row or JSONL (one JSON object per line):
 * text is pushed in chunks of any size ({@link push}, then {@link end}) and each row is reported
 * as soon as it is complete, with the line it ends on (1-based), so memory holds one record,
 * not the file. The same rules as `readTable`: BOM, quoted CSV fields (with line breaks inside),
 * surrounding spaces trimmed, blank lines skipped, a row with the wrong number of fields or bad
 * JSON rejected with its line and the rest kept; JSONL is parsed with secure-json-parse
 * (`__proto__` and `constructor` keys refused). The format is `format`, or JSONL when the first
 * non-blank character is `{`, else CSV. O(size of the text) in all.
 *
 * @example
 * ```ts
 * const rows: TableRow[] = []
 * const parser = new TableParser(undefined, { row: (row) => rows.push(row), reject: () => {} })
 * parser.push('model_a,model_b,win'); parser.push('ner\nx,y,model_a\n'); parser.end()
 * rows // [{ line: 2, fields: { model_a: 'x', model_b: 'y', winner: 'model_a' } }]
 * ```
 */
export class TableParser {
  /** The CSV header, or the keys of the JSONL rows seen so far in order of first appearance. */
  columns: string[] = [];
  format: TableFormat | undefined;
  private pending = '';
  /** The CSV record being assembled across lines (a quoted field with line breaks). */
  private record: string | undefined;
  private line = 0;
  private started = false;
  private readonly seen = new Set<string>();

  constructor(
    format: TableFormat | undefined,
    private readonly events: TableEvents,
  ) {
    this.format = format;
  }

  /** Reads a chunk of the text. */
  push(text: string): void {
    let chunk = this.pending + text;
    if (!this.started) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      const first = chunk.search(/\S/);
      if (first === -1) {
        this.pending = chunk;
        return;
      }
      this.started = true;
      this.format ??= chunk[first] === '{' ? 'jsonl' : 'csv';
    }
    let start = 0;
    for (let end = chunk.indexOf('\n', start); end !== -1; end = chunk.indexOf('\n', start)) {
      this.line++;
      this.take(chunk, start, end > start && chunk.charCodeAt(end - 1) === 13 ? end - 1 : end);
      start = end + 1;
    }
    this.pending = chunk.slice(start);
  }

  /** Reads the rest (a last line without a line break); reports an unclosed quoted record. */
  end(): void {
    if (this.pending !== '') {
      const rest = this.pending;
      this.pending = '';
      if (this.started) {
        this.line++;
        this.take(rest, 0, rest.length);
      }
    }
    if (this.record !== undefined) {
      this.events.reject({
        line: this.line,
        reason: 'Quote Not Closed: the quoted field is not closed before the end of the input',
      });
      this.record = undefined;
    }
  }

  private take(chunk: string, start: number, end: number): void {
    if (this.format === 'jsonl') this.jsonLine(chunk.slice(start, end));
    else this.csvLine(chunk.slice(start, end));
  }

  private jsonLine(content: string): void {
    if (content.trim() === '') return;
    let value: unknown;
    try {
      value = secureJsonParse.parse(content, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch (error) {
      this.events.reject({
        line: this.line,
        reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.events.reject({ line: this.line, reason: 'not a JSON object' });
      return;
    }
    for (const key in value) {
      if (!this.seen.has(key)) {
        this.seen.add(key);
        this.columns.push(key);
      }
    }
    this.events.row({ line: this.line, fields: value as Record<string, unknown> });
  }

  private csvLine(line: string): void {
    if (this.record === undefined) {
      if (line.indexOf('"') === -1 || !endsInQuotes(line, false)) this.csvRecord(line);
      else this.record = line;
      return;
    }
    this.record += '\n' + line;
    if (!endsInQuotes(line, true)) {
      const record = this.record;
      this.record = undefined;
      this.csvRecord(record);
    }
  }

  private csvRecord(record: string): void {
    if (record.trim() === '') return;
    const fields = csvFields(record);
    if (!Array.isArray(fields)) {
      this.events.reject({ line: this.line, reason: fields.reason });
      return;
    }
    if (this.columns.length === 0) {
      this.columns = fields;
      return;
    }
    if (fields.length !== this.columns.length) {
      this.events.reject({
        line: this.line,
        reason: `Invalid Record Length: expect ${this.columns.length}, got ${fields.length}`,
      });
      return;
    }
    const row: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) row[this.columns[i]] = fields[i];
    this.events.row({ line: this.line, fields: row });
  }
}
