import { PrefgameError } from '../errors.js';
import { Field } from './field.js';

/**
 * Documents whose numbers are all finite by construction: what the byte reader of
 * parse-document.ts returns (it reads decimals without exponents only, so none can overflow).
 * A document is added before anyone else holds it, so it is not changed between the two.
 */
const finiteByConstruction = new WeakSet<object>();

/**
 * Records that every number in `document` is finite by construction, so that
 * {@link checkFiniteNumbers} need not walk it (a 128 x 128 x 5 document: about 1.5 ms).
 *
 * @example
 * ```ts
 * const document = { preferences: [[0.5]] }
 * vouchFinite(document) // checkFiniteNumbers(document) now returns at once
 * ```
 */
export function vouchFinite(document: object): void {
  finiteByConstruction.add(document);
}

/** True when some number anywhere in `value` is NaN or infinite. O(size), no allocation per number. */
function hasNonFinite(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return true;
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      // A row of finite numbers (most of a document) in one builtin pass: 128 x 128 x 5 numbers
      // in 0.3 ms instead of 1.5 ms.
      if (current.every(Number.isFinite)) continue;
      // for-of, not an indexed loop: one indexed load site that sees both arrays of objects and
      // arrays of doubles makes V8 convert every array of doubles it reads to boxed numbers
      // (a 5,000 x 5,000 matrix: 0.4 GB and 1.8 s). The array iterator converts nothing.
      for (const element of current) {
        if (typeof element === 'number') {
          if (!Number.isFinite(element)) return true;
        } else if (element !== null && typeof element === 'object') stack.push(element);
      }
      continue;
    }
    for (const key of Object.keys(current)) stack.push((current as Record<string, unknown>)[key]);
  }
  return false;
}

/** The path of the first non-finite number, depth first in document order. */
function pathOfNonFinite(value: unknown, path: Array<string | number>): Array<string | number> | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  const keys: Array<string | number> = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  for (const key of keys) {
    const found = pathOfNonFinite((value as Record<string | number, unknown>)[key], [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * Rejects a document holding a number that is not finite anywhere (NaN, Infinity, or a literal
 * such as `1e400` that JSON.parse reads as Infinity), with `PREF_ERR_NON_FINITE` and the JSON
 * pointer of the first one. No field of any kind takes such a number, and one that got through
 * would surface later as a wrong answer or an internal error, so the check runs on the whole
 * document before the schema. O(size).
 *
 * @example
 * ```ts
 * assert.throws(() => checkFiniteNumbers(JSON.parse('{"target":{"thresholds":{"speed":1e400}}}')), {
 *   code: 'PREF_ERR_NON_FINITE',
 *   pointer: '/target/thresholds/speed',
 * })
 * checkFiniteNumbers({ target: { thresholds: { speed: 0.5 } } }) // finite: returns
 * ```
 */
export function checkFiniteNumbers(document: unknown): void {
  if (typeof document === 'object' && document !== null && finiteByConstruction.has(document)) return;
  if (!hasNonFinite(document)) return;
  const path = pathOfNonFinite(document, []) ?? [];
  const field = new Field(path);
  const found = path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], document);
  throw new PrefgameError(
    'PREF_ERR_NON_FINITE',
    `${field} is ${String(found)}, not a finite number (a literal such as 1e400 overflows to Infinity)`,
    field.pointer,
  );
}
