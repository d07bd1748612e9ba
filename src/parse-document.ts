import { PrefgameError } from './errors.js';
import { identifierOf } from './error-line.js';
import { parseJsonBytes } from './parse-json-bytes.js';
import { vouchFinite } from './schema/finite-numbers.js';

const decoder = new TextDecoder();

/**
 * The first forbidden key in a parsed JSON value: `__proto__`, or `constructor` holding an
 * object with `prototype`, the keys of prototype-poisoning attacks (the same rule as
 * secure-json-parse). JSON.parse only makes them own properties, which prefgame never merges
 * into other objects, but they are rejected so that no consumer of a document can be fooled.
 * Walks objects and the object elements of arrays; arrays of numbers cost one type check per
 * element. O(size).
 */
function forbiddenKey(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (const element of current) if (element !== null && typeof element === 'object') stack.push(element);
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(current, '__proto__')) return '__proto__';
    const constructor = Object.prototype.hasOwnProperty.call(current, 'constructor')
      ? (current as { constructor: unknown }).constructor
      : undefined;
    if (
      constructor !== null &&
      typeof constructor === 'object' &&
      Object.prototype.hasOwnProperty.call(constructor, 'prototype')
    )
      return 'constructor.prototype';
    for (const key of Object.keys(current)) stack.push((current as Record<string, unknown>)[key]);
  }
  return null;
}

/**
 * Parses the JSON text of a problem document (a file, a request body, a batch line; as a string
 * or as UTF-8 bytes, which are read directly when {@link parseJsonBytes} can) with the
 * errors of the registry: `PREF_ERR_INVALID_JSON` for empty or malformed text,
 * `PREF_ERR_FORBIDDEN_KEY` for `__proto__` or `constructor.prototype` keys (rejected, never
 * interpreted). With `kind`, the document is for a route of that kind: a missing `kind` is
 * filled in and a different one is `PREF_ERR_UNKNOWN_KIND`. Schema validation comes after,
 * in `solve`. O(text length).
 *
 * @example
 * ```ts
 * assert.deepEqual(parseDocument('{"preferences": [[0.5]]}', 'von-neumann'), { preferences: [[0.5]], kind: 'von-neumann' })
 * assert.throws(() => parseDocument('{"kind": '), { code: 'PREF_ERR_INVALID_JSON' })
 * ```
 */
export function parseDocument(input: string | Uint8Array, kind?: string): unknown {
  // The byte reader never accepts the forbidden keys: what it returns needs no walk. The
  // decoder drops a UTF-8 byte order mark; parseText drops it from text.
  const fast = typeof input === 'string' ? undefined : parseJsonBytes(input);
  // The byte reader reads no exponent, so no number it returns can be infinite or NaN.
  if (fast !== null && typeof fast === 'object') vouchFinite(fast);
  const document = fast !== undefined ? fast : parseText(typeof input === 'string' ? input : decoder.decode(input));
  if (kind !== undefined && document !== null && typeof document === 'object' && !Array.isArray(document)) {
    const given = (document as { kind?: unknown }).kind;
    if (given === undefined) (document as { kind?: unknown }).kind = kind;
    else if (given !== kind)
      throw new PrefgameError(
        'PREF_ERR_UNKNOWN_KIND',
        `this route solves kind "${kind}" but the document says ${JSON.stringify(given)}; leave kind out or use /v1/solve`,
        '/kind',
      );
  }
  return document;
}

/** JSON.parse with the registry's errors and the forbidden-key check. */
function parseText(input: string): unknown {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') throw new PrefgameError('PREF_ERR_INVALID_JSON', 'the document is empty', '');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new PrefgameError('PREF_ERR_INVALID_JSON', `the document is not valid JSON: ${message}`, '');
  }
  // Walk the parsed value only when the text could hold such a key: literally, or through a
  // \u escape (JSON.parse decodes escapes in keys). Most documents are numbers: no walk at all.
  const suspicious = text.includes('__proto__') || text.includes('constructor') || text.includes('\\u');
  const key = suspicious ? forbiddenKey(document) : null;
  if (key !== null) {
    const error = new PrefgameError(
      'PREF_ERR_FORBIDDEN_KEY',
      `the document uses the key "${key}", which is not accepted`,
      '',
    );
    throw Object.assign(error, { documentId: identifierOf(document) });
  }
  return document;
}

/**
 * The `id` of the document an error of {@link parseDocument} is about: a document refused for a
 * forbidden key was parsed, and its error line keeps its `id`. Null for anything else.
 *
 * @example
 * ```ts
 * try { parseDocument('{"id":"a","__proto__":{}}') } catch (error) { documentIdOf(error) } // 'a'
 * ```
 */
export function documentIdOf(error: unknown): string | number | null {
  const id = error && typeof error === 'object' ? (error as { documentId?: unknown }).documentId : undefined;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}
