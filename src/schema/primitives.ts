import { Type } from '@sinclair/typebox';

/** An item, criterion or column name. */
export const Name = Type.String({ minLength: 1, maxLength: 200 });

/**
 * {@link Name} with a description.
 *
 * @example
 * ```ts
 * NameField('The item that was preferred.')
 * ```
 */
export function NameField(description: string) {
  return Type.String({ minLength: 1, maxLength: 200, description });
}

/**
 * A string that must be one of `values` (a JSON Schema `enum`, so errors list the choices).
 *
 * @example
 * ```ts
 * StringEnum(['linf', 'l1', 'l2'], { description: 'the norm' })
 * ```
 */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string; default?: T[number] } = {},
) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/**
 * A probability level strictly between 0 and 1, such as 0.95.
 *
 * @example
 * ```ts
 * Level('Confidence level; default 0.95.')
 * ```
 */
export function Level(description: string) {
  return Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, description });
}
