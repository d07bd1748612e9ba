import { capText, toErrorDetail } from './errors.js';
import type { ErrorLineDocument } from './schema/result.js';

/**
 * The error line for a failed batch line: `{ id, status: "error", line, error }`, with `id`
 * null when the line could not be parsed; an `id` longer than 1024 characters is cut. Kept apart from the solvers so that threads that
 * only hand lines to workers (the batch command, the HTTP service) never load them.
 *
 * @example
 * ```ts
 * errorLine('case-17', 3, new PrefgameError('PREF_ERR_EMPTY_TARGET', 'the target is empty', '/target'))
 * ```
 */
export function errorLine(id: string | number | null, lineNumber: number, error: unknown): ErrorLineDocument {
  // The id is echoed so that a reader can match the line, but never at any length.
  return {
    id: typeof id === 'string' ? capText(id) : id,
    status: 'error',
    line: lineNumber,
    error: toErrorDetail(error),
  };
}

/**
 * The `id` of a problem document, for the lines and messages that report on it: a string or a
 * number, else null (no document, no `id`, or an `id` of another type).
 *
 * @example
 * ```ts
 * identifierOf({ id: 'case-17', kind: 'linear' }) // 'case-17'
 * identifierOf([1, 2]) // null
 * ```
 */
export function identifierOf(document: unknown): string | number | null {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return null;
  const id = (document as { id?: unknown }).id;
  // A non-finite number (an `id` of 1e400) would not survive JSON: null, like no id.
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : null;
}
