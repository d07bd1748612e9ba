import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * The bytes of a stream, decompressed on the fly when they are gzip (they start with the gzip
 * magic bytes 1f 8b), else as they come: one chunk in memory at a time either way. A corrupt gzip
 * stream rejects with zlib's error. O(size).
 *
 * @example
 * ```ts
 * import { Readable } from 'node:stream'
 * import { gzipSync } from 'node:zlib'
 * const text = 'model_a,model_b,winner\nx,y,model_a\n'
 * for (const input of [gzipSync(text), Buffer.from(text)]) {
 *   const decoder = new TextDecoder()
 *   let out = ''
 *   for await (const chunk of gunzipIfNeeded(Readable.from([input]))) {
 *     out += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
 *   }
 *   assert.equal(out, text) // gzip or not, the same text
 * }
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
