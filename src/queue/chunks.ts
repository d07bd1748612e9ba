import { isBlankLine } from '../pool/byte-lines.js';

/** How input lines are grouped into chunks (one queue job each). */
export interface ChunkSize {
  /** Most non-blank lines in one chunk. */
  maxLines: number;
  /** A chunk closes once its lines hold this many bytes (a single longer line still makes one chunk). */
  maxBytes: number;
}

/** The default chunk size: 64 lines or 4 MiB, whichever comes first (docs/scaling-out.md explains the trade-off). */
export const defaultChunkSize: ChunkSize = { maxLines: 64, maxBytes: 4 << 20 };

/** A range of input lines stored and solved as one queue job. */
export interface Chunk {
  /** 0, 1, 2, ... in input order. */
  index: number;
  /** The input line number (1-based, blank lines counted) of the chunk's first line. */
  firstLine: number;
  /** Non-blank lines in the chunk: the result lines it will produce. */
  lines: number;
  /** The chunk's input lines, blank ones included, each ended by `\n`. */
  bytes: Uint8Array;
}

/**
 * Groups the lines of an NDJSON stream (from `byteLines`) into chunks of consecutive lines, in
 * order. Blank lines stay in their chunk so that line numbers are those of the whole input (as in
 * a local batch), but only non-blank lines count towards `maxLines`. Holds one chunk in memory.
 * O(bytes).
 *
 * @example
 * ```ts
 * const input = ['{"kind":"a"}', '', '{"kind":"b"}', '{"kind":"c"}'].join('\n') + '\n'
 * const chunks: Chunk[] = []
 * for await (const chunk of chunkLines(byteLines([input]), { maxLines: 2, maxBytes: 1 << 20 })) chunks.push(chunk)
 * assert.deepEqual(chunks.map(({ index, firstLine, lines }) => ({ index, firstLine, lines })), [
 *   { index: 0, firstLine: 1, lines: 2 },
 *   { index: 1, firstLine: 4, lines: 1 },
 * ])
 * ```
 */
export async function* chunkLines(
  lines: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  size: ChunkSize = defaultChunkSize,
): AsyncGenerator<Chunk> {
  let pieces: Uint8Array[] = [];
  let bytes = 0;
  let count = 0;
  let firstLine = 1;
  let lineNumber = 0;
  let index = 0;
  const take = (): Chunk => {
    const joined = new Uint8Array(bytes);
    let offset = 0;
    for (const piece of pieces) {
      joined.set(piece, offset);
      offset += piece.length;
      joined[offset++] = 10;
    }
    const chunk = { index: index++, firstLine, lines: count, bytes: joined };
    pieces = [];
    bytes = 0;
    count = 0;
    firstLine = lineNumber + 1;
    return chunk;
  };
  for await (const line of lines) {
    lineNumber++;
    pieces.push(line);
    bytes += line.length + 1;
    if (!isBlankLine(line)) count++;
    if (count >= size.maxLines || (count > 0 && bytes >= size.maxBytes)) yield take();
  }
  if (count > 0) yield take();
}
