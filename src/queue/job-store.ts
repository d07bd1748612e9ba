import type { Redis } from 'ioredis';
import type { Chunk } from './chunks.js';

/** The states of a job as `GET /v1/jobs/{id}` reports them. */
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** `GET /v1/jobs/{id}`: lines are counted when their result line is stored; `failed` counts error lines among them. */
export interface JobStatus {
  id: string;
  status: JobState;
  /** Non-blank input lines (while a command-line submission is still reading its file: the lines queued so far). */
  total: number;
  /** Lines whose result line is stored (error lines included). */
  done: number;
  /** Lines whose result is an error line. */
  failed: number;
}

/** What a worker finds when it takes a chunk. */
export type ChunkStart = { run: true; input: Buffer } | { run: false; reason: 'cancelled' | 'gone' | 'stored' };

/** A page of stored chunk results for a reader. */
export interface ChunkPage {
  /** The stored NDJSON text of chunks `from`, `from + 1`, ... (null: not stored yet). */
  texts: Array<string | null>;
  /** Chunks in the job once it is sealed (every chunk queued), else null. */
  chunks: number | null;
  cancelled: boolean;
  /** False while a command-line submission is still queueing chunks and alive. */
  submitting: boolean;
}

// Stores one chunk's result lines once: HSETNX keys them by chunk index, so a chunk that runs
// twice (a stalled worker that comes back, a retry) never adds its lines twice. Counters move in
// the same script, so they always match the stored lines. Every key of the job gets the TTL again:
// the job's own (set by whoever created it: the service's JOB_TTL_SECONDS, `batch --job-ttl`),
// else the storing worker's (jobs created before the TTL was kept in their meta).
const storeChunkScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HGET', KEYS[1], 'state') == 'cancelled' then return -2 end
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[1], 'done', ARGV[3])
redis.call('HINCRBY', KEYS[1], 'failed', ARGV[4])
redis.call('HINCRBY', KEYS[1], 'chunksDone', 1)
if ARGV[6] == '1' then redis.call('HINCRBY', KEYS[1], 'chunksGivenUp', 1) end
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('DEL', KEYS[4], KEYS[5])
local ttl = tonumber(redis.call('HGET', KEYS[1], 'ttl')) or tonumber(ARGV[5])
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('EXPIRE', KEYS[2], ttl)
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('EXPIRE', KEYS[3], ttl) end
return 1
`;

const cancelScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'state', 'cancelled')
redis.call('DEL', KEYS[2], KEYS[3])
return 1
`;

type ScriptClient = Redis & {
  prefgameStoreChunk(...args: Array<string | number>): Promise<number>;
  prefgameCancel(...args: string[]): Promise<number>;
};

/** Names of a job's keys; the `{id}` hash tag keeps them in one Redis Cluster slot. */
export function jobKeys(prefix: string, id: string) {
  const base = `${prefix}:{${id}}`;
  return {
    meta: `${base}:meta`,
    input: `${base}:in`,
    output: `${base}:out`,
    submitting: `${base}:submitting`,
    partial: (chunk: number) => `${base}:part:${chunk}`,
    tries: (chunk: number) => `${base}:tries:${chunk}`,
  };
}

const int = (value: string | null | undefined) => (value ? Number(value) : 0);

/**
 * The Redis data of prefgame's jobs, apart from BullMQ's own queue keys. A job is one hash of
 * counters (`meta`), one hash of chunk inputs (deleted chunk by chunk as results arrive) and one
 * hash of chunk results keyed by chunk index, written once and atomically per chunk. Every key of
 * a job expires `ttlSeconds` (of the store that created the job, kept in its meta) after the
 * job's last stored chunk.
 *
 * @example
 * ```ts no-run
 * import { Redis } from 'ioredis'
 * const redis = new Redis('redis://127.0.0.1:6379')
 * const store = createJobStore(redis, { ttlSeconds: 86_400 })
 * await store.createJob('3f2a')
 * assert.deepEqual(await store.status('3f2a'), { id: '3f2a', status: 'queued', total: 0, done: 0, failed: 0 })
 * redis.disconnect()
 * ```
 */
export function createJobStore(redis: Redis, options: { prefix?: string; ttlSeconds: number }) {
  const prefix = options.prefix ?? 'prefgame';
  const ttl = options.ttlSeconds;
  const client = redis as ScriptClient;
  if (typeof client.prefgameStoreChunk !== 'function') {
    redis.defineCommand('prefgameStoreChunk', { numberOfKeys: 5, lua: storeChunkScript });
    redis.defineCommand('prefgameCancel', { numberOfKeys: 3, lua: cancelScript });
  }
  const keys = (id: string) => jobKeys(prefix, id);

  return {
    prefix,
    ttlSeconds: ttl,
    /** Records a new job (state queued, nothing queued yet); `submitting` marks a submission still under way. */
    async createJob(id: string, submittingMs = 30_000): Promise<void> {
      const k = keys(id);
      await redis
        .multi()
        .hset(k.meta, { state: 'queued', created: Date.now(), total: 0, done: 0, failed: 0, chunksDone: 0, ttl })
        .expire(k.meta, ttl)
        .set(k.submitting, '1', 'PX', submittingMs)
        .exec();
    },
    /** Stores a chunk's input (before its queue job is added) and counts its lines in the total. */
    async putChunk(id: string, chunk: Chunk, submittingMs = 30_000): Promise<void> {
      const k = keys(id);
      await redis
        .multi()
        .hset(
          k.input,
          String(chunk.index),
          Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength),
        )
        .expire(k.input, ttl)
        .hincrby(k.meta, 'total', chunk.lines)
        .pexpire(k.submitting, submittingMs)
        .exec();
    },
    /** Marks every chunk of the job as queued: readers now know where the job ends. */
    async seal(id: string, total: number, chunks: number): Promise<void> {
      const k = keys(id);
      await redis.multi().hset(k.meta, { total, chunks, sealed: 1 }).del(k.submitting).exec();
    },
    /** The job's status, or null when there is no such job (never created, or expired). */
    async status(id: string): Promise<JobStatus | null> {
      const meta = await redis.hgetall(keys(id).meta);
      if (!meta.state) return null;
      const chunks = meta.sealed ? int(meta.chunks) : -1;
      let status: JobState;
      if (meta.state === 'cancelled') status = 'cancelled';
      else if (chunks >= 0 && int(meta.chunksDone) >= chunks) status = int(meta.chunksGivenUp) > 0 ? 'failed' : 'done';
      else status = meta.started ? 'running' : 'queued';
      return { id, status, total: int(meta.total), done: int(meta.done), failed: int(meta.failed) };
    },
    /** What a worker should do with a chunk it has just taken: run it on this input, or skip it. */
    async startChunk(id: string, index: number): Promise<ChunkStart> {
      const k = keys(id);
      const [[, state], , [, stored], [, input]] = (await redis
        .multi()
        .hget(k.meta, 'state')
        .hsetnx(k.meta, 'started', Date.now())
        .hexists(k.output, String(index))
        .hgetBuffer(k.input, String(index))
        .exec()) as Array<[Error | null, unknown]>;
      if (state === 'cancelled') return { run: false, reason: 'cancelled' };
      if (stored === 1) return { run: false, reason: 'stored' };
      if (state === null || input === null) return { run: false, reason: 'gone' };
      return { run: true, input: input as Buffer };
    },
    /**
     * Stores a chunk's result lines (NDJSON text) unless they are already stored. Returns 1 when
     * stored now, 0 when an earlier run stored them, -1 when the job is gone, -2 when cancelled.
     */
    storeChunk(
      id: string,
      index: number,
      text: string,
      lines: number,
      failed: number,
      givenUp = false,
    ): Promise<number> {
      const k = keys(id);
      return client.prefgameStoreChunk(
        k.meta,
        k.output,
        k.input,
        k.partial(index),
        k.tries(index),
        index,
        text,
        lines,
        failed,
        ttl,
        givenUp ? 1 : 0,
      );
    },
    /** Result lines kept line by line by a chunk's careful re-run (offset within the chunk -> line). */
    async partial(id: string, index: number): Promise<{ lines: Map<number, string>; tries: Map<number, number> }> {
      const k = keys(id);
      const [[, lines], [, tries]] = (await redis
        .multi()
        .hgetall(k.partial(index))
        .hgetall(k.tries(index))
        .exec()) as Array<[Error | null, Record<string, string>]>;
      return {
        lines: new Map(Object.entries(lines).map(([offset, line]) => [Number(offset), line])),
        tries: new Map(Object.entries(tries).map(([offset, count]) => [Number(offset), Number(count)])),
      };
    },
    /** Counts one more try of a line of a chunk (before it is handed to a solver). */
    async countTry(id: string, index: number, offset: number): Promise<void> {
      const k = keys(id);
      await redis.multi().hincrby(k.tries(index), String(offset), 1).expire(k.tries(index), ttl).exec();
    },
    /** Keeps one result line of a chunk's careful re-run. */
    async keepLine(id: string, index: number, offset: number, line: string): Promise<void> {
      const k = keys(id);
      await redis.multi().hset(k.partial(index), String(offset), line).expire(k.partial(index), ttl).exec();
    },
    /** Up to `count` chunks' stored results from chunk `from` on, with what a reader needs to know. */
    async readChunks(id: string, from: number, count: number): Promise<ChunkPage | null> {
      const k = keys(id);
      const fields = Array.from({ length: count }, (_, offset) => String(from + offset));
      const [[, meta], [, texts], [, submitting]] = (await redis
        .multi()
        .hmget(k.meta, 'state', 'sealed', 'chunks')
        .hmget(k.output, ...fields)
        .exists(k.submitting)
        .exec()) as Array<[Error | null, unknown]>;
      const [state, sealed, chunks] = meta as Array<string | null>;
      if (state === null) return null;
      return {
        texts: texts as Array<string | null>,
        chunks: sealed ? int(chunks) : null,
        cancelled: state === 'cancelled',
        submitting: submitting === 1,
      };
    },
    /** Cancels a job: workers skip its chunks, its inputs are freed; false when there is no such job. */
    async cancel(id: string): Promise<boolean> {
      const k = keys(id);
      return (await client.prefgameCancel(k.meta, k.input, k.submitting)) === 1;
    },
  };
}

/** The store's type. */
export type JobStore = ReturnType<typeof createJobStore>;
