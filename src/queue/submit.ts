import { randomUUID } from 'node:crypto';
import { chunkLines, defaultChunkSize, type ChunkSize } from './chunks.js';
import type { QueueConnection } from './connect.js';

/** What a chunk's queue job carries: where its input is, not the input itself. */
export interface ChunkJobData {
  /** The prefgame job id. */
  job: string;
  chunk: number;
  firstLine: number;
  lines: number;
}

/** Attempts of a chunk whose processing throws (a Redis error while storing, say), with exponential backoff. */
export const chunkAttempts = 3;

/** A new job id: a random UUID (no `:`, which BullMQ forbids in job ids). */
export function newJobId(): string {
  return randomUUID();
}

/** The BullMQ job id of a chunk: adding the same chunk twice is a no-op. */
export function chunkJobId(job: string, chunk: number): string {
  return `${job}-${chunk}`;
}

/**
 * Queues an NDJSON stream (lines from `byteLines`) as a job of chunks: each chunk's input goes to
 * the job store, then its BullMQ job (which carries only the chunk's place) to the queue, a few
 * at a time; workers start on the first chunks while later ones are read. `onCreated` hears the
 * job id before any chunk is queued. While it runs, the job is marked as being submitted (a
 * reader can tell an interrupted submission from a slow one). Returns the job's totals.
 *
 * @example
 * ```ts no-run
 * import { createReadStream } from 'node:fs'
 * const connection = await connectQueue('redis://127.0.0.1:6379', 'client')
 * const { id, total } = await submitJob(connection, byteLines(createReadStream('in.ndjson')))
 * console.log(`job ${id}: ${total} lines queued`)
 * await connection.close()
 * ```
 */
export async function submitJob(
  connection: QueueConnection,
  lines: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: { chunkSize?: ChunkSize; id?: string; onCreated?: (id: string) => void } = {},
): Promise<{ id: string; total: number; chunks: number }> {
  const { store, queue } = connection;
  const id = options.id ?? newJobId();
  const jobOptions = {
    attempts: chunkAttempts,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: true,
    removeOnFail: { age: store.ttlSeconds },
  };
  await store.createJob(id);
  options.onCreated?.(id);
  // A slow producer (a pipe) keeps its mark alive between chunks.
  const heartbeat = setInterval(() => {
    connection.redis.pexpire(`${store.prefix}:{${id}}:submitting`, 30_000).catch(() => {});
  }, 5_000);
  heartbeat.unref();
  let total = 0;
  let chunks = 0;
  let pending: Array<{ name: string; data: ChunkJobData; opts: typeof jobOptions & { jobId: string } }> = [];
  const flush = async () => {
    if (pending.length > 0) await queue.addBulk(pending);
    pending = [];
  };
  try {
    for await (const chunk of chunkLines(lines, options.chunkSize ?? defaultChunkSize)) {
      await store.putChunk(id, chunk);
      pending.push({
        name: 'chunk',
        data: { job: id, chunk: chunk.index, firstLine: chunk.firstLine, lines: chunk.lines },
        opts: { ...jobOptions, jobId: chunkJobId(id, chunk.index) },
      });
      total += chunk.lines;
      chunks++;
      // The first chunk goes out at once (workers start), then in groups of 16.
      if (chunks === 1 || pending.length >= 16) await flush();
    }
    await flush();
    await store.seal(id, total, chunks);
  } finally {
    clearInterval(heartbeat);
  }
  return { id, total, chunks };
}
