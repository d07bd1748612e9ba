import { pointer } from '../errors.js';

/**
 * A place in the problem document, kept as path segments so that messages can say
 * `criteria[1].preferences[0][2]` and errors can carry the JSON pointer `/criteria/1/preferences/0/2`.
 */
export class Field {
  constructor(readonly segments: ReadonlyArray<string | number> = []) {}

  /** The field one step further down. */
  at(...segments: Array<string | number>): Field {
    return new Field([...this.segments, ...segments]);
  }

  /** The JSON pointer (RFC 6901) of this field. */
  get pointer(): string {
    return pointer(...this.segments);
  }

  /** The field as a reader would write it, e.g. `criteria[1].preferences[0][2]`. */
  toString(): string {
    let text = '';
    for (const segment of this.segments) {
      text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
    }
    return text === '' ? 'the document' : text;
  }
}
