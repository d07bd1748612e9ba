import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * The bytes of a stream, decompressed on the fly when they are gzip (they start with the gzip
 * magic bytes 1f 8b), else as they come: one chunk in memory at a time either way. A corrupt gzip
 * stream rejects with zlib's error. O(size).
 *
 * @example
 * ```ts
 * for await (const chunk of gunzipIfNeeded(createReadStream('battles.csv.gz'))) reader.push(chunk)
 * ```
 */
export async function* gunzipIfNeeded(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  const iterator = source[Symbol.asyncIterator]();
  let first = await iterator.next();
  while (!first.done && first.value.length === 0) first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  const rest = async function* () {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  };
  if (typeof head !== 'string' && head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    yield* Readable.from(rest(), { objectMode: false }).pipe(createGunzip()) as AsyncIterable<Uint8Array>;
  } else {
    yield* rest();
  }
}
