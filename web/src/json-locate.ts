/** Where a value sits in a JSON text: character offsets and its 1-based line and column. */
export interface TextSpan {
  start: number;
  end: number;
  line: number;
  column: number;
}

/** The 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The tokens of an RFC 6901 JSON pointer ("/criteria/0/name" -> ["criteria", "0", "name"]). */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Finds the value a JSON pointer names in a JSON text, so that an error can be shown where its
 * cause is. When the pointer goes deeper than the document (a missing field) the deepest
 * existing parent is returned. Undefined when the text is not JSON.
 *
 * @example
 * ```ts
 * locatePointer('{"a": [1, 2]}', '/a/1') // { start: 10, end: 11, line: 1, column: 11 }
 * ```
 */
export function locatePointer(text: string, pointer: string): TextSpan | undefined {
  const wanted = pointerTokens(pointer);
  let best: { start: number; end: number; depth: number } | undefined;
  let index = 0;

  const fail = (): never => {
    throw new SyntaxError('not JSON');
  };
  const skipSpace = () => {
    while (index < text.length && ' \t\r\n'.includes(text[index])) index++;
  };
  const readString = (): string => {
    const start = index;
    index++;
    while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
    if (index >= text.length) fail();
    index++;
    return JSON.parse(text.slice(start, index)) as string;
  };
  const matches = (path: string[]) =>
    path.length <= wanted.length && path.every((token, position) => token === wanted[position]);

  const readValue = (path: string[]): void => {
    skipSpace();
    const start = index;
    const char = text[index];
    if (char === '{') {
      index++;
      skipSpace();
      if (text[index] === '}') index++;
      else {
        for (;;) {
          skipSpace();
          if (text[index] !== '"') fail();
          const key = readString();
          skipSpace();
          if (text[index] !== ':') fail();
          index++;
          readValue([...path, key]);
          skipSpace();
          if (text[index] === ',') index++;
          else if (text[index] === '}') {
            index++;
            break;
          } else fail();
        }
      }
    } else if (char === '[') {
      index++;
      skipSpace();
      if (text[index] === ']') index++;
      else {
        for (let position = 0; ; position++) {
          readValue([...path, String(position)]);
          skipSpace();
          if (text[index] === ',') index++;
          else if (text[index] === ']') {
            index++;
            break;
          } else fail();
        }
      }
    } else if (char === '"') readString();
    else {
      const match = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(index, index + 400));
      if (!match) fail();
      index += match![0].length;
    }
    if (matches(path) && (!best || path.length >= best.depth)) best = { start, end: index, depth: path.length };
  };

  try {
    readValue([]);
  } catch {
    return undefined;
  }
  // The whole document is no place to point at: only a field that exists (or its parent).
  if (!best || (best.depth === 0 && wanted.length > 0)) return undefined;
  return { start: best.start, end: best.end, ...lineColumn(text, best.start) };
}
