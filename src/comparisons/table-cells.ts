import type { TableRow } from './read-table.js';

/**
 * A cell of a table row by column name: exact, else case-insensitive. O(columns).
 *
 * @example
 * ```ts
 * fieldOf({ line: 2, fields: { Model_A: 'x' } }, 'model_a') // 'x'
 * ```
 */
export function fieldOf(row: TableRow, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(row.fields, name)) return row.fields[name];
  const key = Object.keys(row.fields).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : row.fields[key];
}

/**
 * A non-empty name from a cell (numbers become strings, spaces are trimmed), or the reason it
 * is not one.
 *
 * @example
 * ```ts
 * nameOf({ line: 2, fields: { winner: ' x ' } }, 'winner') // 'x'
 * nameOf({ line: 2, fields: {} }, 'winner') // { reason: 'winner is missing; expected a name' }
 * ```
 */
export function nameOf(row: TableRow, column: string): string | { reason: string } {
  const value = fieldOf(row, column);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value.trim() === '')
    return { reason: `${column} is ${value === undefined ? 'missing' : JSON.stringify(value)}; expected a name` };
  return value.trim();
}

/**
 * Whether a cell says yes: `true`, 1, or the text "1", "true" or "yes" (any case).
 *
 * @example
 * ```ts
 * truthy('Yes') // true
 * ```
 */
export function truthy(value: unknown): boolean {
  return (
    value === true ||
    value === 1 ||
    (typeof value === 'string' && ['1', 'true', 'yes'].includes(value.trim().toLowerCase()))
  );
}
