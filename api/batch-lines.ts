import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Lines of an NDJSON body, counted up to `limit`: every line counts, blank or not (a final line
 * without `\n` too), and counting stops at `limit + 1`, so a body of 30 MB of newlines costs
 * `limit` steps, not 30 million. O(min(lines, limit) + bytes scanned by indexOf).
 *
 * @example
 * ```ts
 * countLinesUpTo(Buffer.from('a\n\nb'), 10) // 3
 * ```
 */
export function countLinesUpTo(body: Uint8Array, limit: number): number {
  let count = 0;
  let start = 0;
  while (start < body.length && count <= limit) {
    const end = body.indexOf(10, start);
    count++;
    if (end === -1) break;
    start = end + 1;
  }
  return count;
}

/**
 * The lines of an NDJSON body as bytes (each its own copy, without `\n` or `\r\n`, ready to move
 * to a worker), yielding to the event loop every `linesPerTurn` lines so that splitting any
 * body never blocks other requests. A leading UTF-8 byte order mark is left for the parser.
 *
 * @example
 * ```ts
 * const lines: string[] = []
 * for await (const line of bodyLines(new TextEncoder().encode('{"a":1}\n\n{"b":2}'))) lines.push(new TextDecoder().decode(line))
 * assert.deepEqual(lines, ['{"a":1}', '', '{"b":2}'])
 * ```
 */
export async function* bodyLines(body: Uint8Array, linesPerTurn = 1024): AsyncGenerator<Uint8Array> {
  let start = 0;
  let sinceTurn = 0;
  while (start < body.length) {
    const found = body.indexOf(10, start);
    const end = found === -1 ? body.length : found;
    const stop = end > start && body[end - 1] === 13 ? end - 1 : end;
    // An own ArrayBuffer of the line's size (a Buffer's slice is a view, and small Buffers share
    // a pool): the worker receives it by transfer.
    yield new Uint8Array(body.subarray(start, stop));
    start = end + 1;
    if (++sinceTurn >= linesPerTurn) {
      sinceTurn = 0;
      await nextTurn();
    }
  }
}
