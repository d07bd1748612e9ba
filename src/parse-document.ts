import secureJsonParse from 'secure-json-parse';
import { PrefgameError } from './errors.js';

/**
 * Parses the JSON text of a problem document (a file, a request body, a batch line) with the
 * errors of the registry: `PREF_ERR_INVALID_JSON` for empty or malformed text,
 * `PREF_ERR_FORBIDDEN_KEY` for `__proto__` or `constructor.prototype` keys (rejected, never
 * interpreted). With `kind`, the document is for a route of that kind: a missing `kind` is
 * filled in and a different one is `PREF_ERR_UNKNOWN_KIND`. Schema validation comes after,
 * in `solve`.
 *
 * @example
 * ```ts
 * parseDocument('{"preferences": [[0.5]]}', 'von-neumann') // { preferences: [[0.5]], kind: 'von-neumann' }
 * parseDocument('{"kind": ') // throws PREF_ERR_INVALID_JSON
 * ```
 */
export function parseDocument(text: string, kind?: string): unknown {
  if (text.trim() === '') throw new PrefgameError('PREF_ERR_INVALID_JSON', 'the document is empty', '');
  let document: unknown;
  try {
    document = secureJsonParse.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/forbidden prototype/.test(message)) {
      throw new PrefgameError('PREF_ERR_FORBIDDEN_KEY', 'the document uses the key "__proto__" or "constructor.prototype", which is not accepted', '');
    }
    throw new PrefgameError('PREF_ERR_INVALID_JSON', `the document is not valid JSON: ${message}`, '');
  }
  if (kind !== undefined && document !== null && typeof document === 'object' && !Array.isArray(document)) {
    const given = (document as { kind?: unknown }).kind;
    if (given === undefined) (document as { kind?: unknown }).kind = kind;
    else if (given !== kind) throw new PrefgameError('PREF_ERR_UNKNOWN_KIND', `this route solves kind "${kind}" but the document says ${JSON.stringify(given)}; leave kind out or use /v1/solve`, '/kind');
  }
  return document;
}
