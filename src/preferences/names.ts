import { PrefgameError } from '../errors.js';
import { Field } from '../schema/field.js';

/**
 * The item names of a problem: the given ones (checked for duplicates and for matching the
 * matrix size) or `"0".."n-1"`.
 *
 * @example
 * ```ts
 * assert.deepEqual(itemNames(undefined, 3, new Field(['items'])), ['0', '1', '2'])
 * assert.throws(() => itemNames(['a', 'a'], 2, new Field(['items'])), { code: 'PREF_ERR_DUPLICATE_ITEM' })
 * ```
 */
export function itemNames(
  items: readonly string[] | undefined,
  count: number,
  field: Field,
  sizeSource = 'the preference matrix',
): string[] {
  if (items === undefined) return Array.from({ length: count }, (_, i) => String(i));
  if (items.length !== count) {
    throw new PrefgameError(
      'PREF_ERR_SIZE_MISMATCH',
      `${field} names ${items.length} items but ${sizeSource} has ${count}`,
      field.pointer,
    );
  }
  const seen = new Map<string, number>();
  items.forEach((name, index) => {
    const first = seen.get(name);
    if (first !== undefined) {
      throw new PrefgameError(
        'PREF_ERR_DUPLICATE_ITEM',
        `${field}[${index}] repeats the name "${name}" of ${field}[${first}]`,
        field.at(index).pointer,
      );
    }
    seen.set(name, index);
  });
  return [...items];
}

/**
 * Looks up a criterion by name, or throws `PREF_ERR_UNKNOWN_CRITERION` naming the field and the
 * known names.
 *
 * @example
 * ```ts
 * criterionIndex(['safety', 'comfort'], 'comfort', new Field(['weights', 'comfort'])) // 1
 * ```
 */
export function criterionIndex(names: readonly string[], name: string, field: Field): number {
  const index = names.indexOf(name);
  if (index < 0) {
    throw new PrefgameError(
      'PREF_ERR_UNKNOWN_CRITERION',
      `${field} names the criterion "${name}", which is not one of ${names.map((known) => `"${known}"`).join(', ')}`,
      field.pointer,
    );
  }
  return index;
}
