/**
 * Splits a byte stream into lines without decoding it: each line (without its `\n` or `\r\n`)
 * comes out as its own `Uint8Array`, ready to be moved to a worker thread. Decoding a 1.5 MB
 * line into a string in the main thread (what `readline` does) costs about 15x more than
 * finding its end (measured in `npm run bench`), and the workers decode anyway.
 * O(bytes).
 *
 * @example
 * ```ts
 * const lines: string[] = []
 * for await (const line of byteLines(['{"kind":', '"a"}\r\n{"kind":"b"}'])) lines.push(new TextDecoder().decode(line))
 * assert.deepEqual(lines, ['{"kind":"a"}', '{"kind":"b"}'])
 * ```
 */
export async function* byteLines(
  stream: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
): AsyncGenerator<Uint8Array> {
  let pieces: Uint8Array[] = [];
  let pending = 0;
  const take = (tail: Uint8Array): Uint8Array => {
    const line = new Uint8Array(pending + tail.length);
    let offset = 0;
    for (const piece of pieces) {
      line.set(piece, offset);
      offset += piece.length;
    }
    line.set(tail, offset);
    pieces = [];
    pending = 0;
    return line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
  };
  for await (const raw of stream) {
    const chunk = typeof raw === 'string' ? new TextEncoder().encode(raw) : raw;
    let start = 0;
    for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
      yield take(chunk.subarray(start, end));
      start = end + 1;
    }
    if (start < chunk.length) {
      pieces.push(chunk.slice(start));
      pending += chunk.length - start;
    }
  }
  if (pending > 0) yield take(new Uint8Array(0));
}

/**
 * True when a line holds only spaces, tabs and carriage returns (NDJSON readers skip them).
 *
 * @example
 * ```ts
 * isBlankLine(new TextEncoder().encode('  ')) // true
 * ```
 */
export function isBlankLine(line: Uint8Array | string): boolean {
  if (typeof line === 'string') return line.trim() === '';
  for (const byte of line) if (byte !== 32 && byte !== 9 && byte !== 13) return false;
  return true;
}
