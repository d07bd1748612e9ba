import { errorLine, identifierOf } from './error-line.js';
import { documentIdOf, parseDocument } from './parse-document.js';
import type { ErrorLineDocument } from './schema/result.js';
import type { AnyResultDocument } from './schema/kinds.js';
import { solve, type SolveConfig } from './solve.js';

export { errorLine };

/** One output line of a batch: a result, or an error naming the input line. */
export type BatchOutput = AnyResultDocument | ErrorLineDocument;

/**
 * Solves one line of an NDJSON batch (text or UTF-8 bytes) and never throws: a line that is not
 * JSON, fails validation or fails to solve gives an error line `{ id, status: "error", line,
 * error }` (`id` is null when the line could not be parsed), anything else its result document.
 *
 * @example
 * ```ts
 * solveLine('{"kind":"von-neumann","preferences":[[0.5]]}', 1).status // 'optimal'
 * solveLine('{oops', 2) // { id: null, status: 'error', line: 2, error: { code: 'PREF_ERR_INVALID_JSON', ... } }
 * ```
 */
export function solveLine(text: string | Uint8Array, lineNumber: number, config: SolveConfig = {}): BatchOutput {
  let document: unknown;
  try {
    document = parseDocument(text);
  } catch (error) {
    return errorLine(documentIdOf(error), lineNumber, error);
  }
  try {
    return solve(document, config);
  } catch (error) {
    return errorLine(identifierOf(document), lineNumber, error);
  }
}
