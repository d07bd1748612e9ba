import { toErrorDetail } from './errors.js';
import type { ErrorLineDocument } from './schema/result.js';

/**
 * The error line for a failed batch line: `{ id, status: "error", line, error }`, with `id`
 * null when the line could not be parsed. Kept apart from the solvers so that threads that
 * only hand lines to workers (the batch command, the HTTP service) never load them.
 *
 * @example
 * ```ts
 * errorLine('case-17', 3, new PrefgameError('PREF_ERR_EMPTY_TARGET', 'the target is empty', '/target'))
 * ```
 */
export function errorLine(id: string | number | null, lineNumber: number, error: unknown): ErrorLineDocument {
  return { id, status: 'error', line: lineNumber, error: toErrorDetail(error) };
}
