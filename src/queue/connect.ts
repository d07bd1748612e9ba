import type { Redis, RedisOptions } from 'ioredis';
import type { Queue } from 'bullmq';
import { PrefgameError } from '../errors.js';
import { createJobStore, type JobStore } from './job-store.js';
import { readQueueUrl } from './queue-url.js';

/** BullMQ's queue of chunks: keys `prefgame:chunks:*` next to the jobs' own `prefgame:{id}:*`. */
export const queueName = 'chunks';
export const queuePrefix = 'prefgame';

/** How long a job's results are kept after its last stored chunk, by default: one day. */
export const defaultTtlSeconds = 86_400;

/**
 * Who connects: a worker waits for Redis however long it is away (BullMQ needs
 * `maxRetriesPerRequest: null` on its blocking connections); a client (the batch command, the
 * service) gets an error after one reconnection attempt and decides itself how long to retry.
 */
export type QueueRole = 'worker' | 'client';

/** An open connection to the queue: the Redis client, BullMQ's queue, the job store. */
export interface QueueConnection {
  url: string;
  /** The URL with its password masked, for messages. */
  display: string;
  redis: Redis;
  queue: Queue;
  store: JobStore;
  /** The last connection error ioredis reported, for messages. */
  lastError(): string | undefined;
  /** Resolves when Redis answers a PING within `timeoutMs`, else rejects with PREF_ERR_QUEUE_UNAVAILABLE. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The ioredis options of a role. */
export function redisOptions(role: QueueRole): RedisOptions {
  return role === 'worker'
    ? { maxRetriesPerRequest: null, enableReadyCheck: true }
    : { maxRetriesPerRequest: 1, connectTimeout: 5_000, retryStrategy: (times) => Math.min(times * 100, 1_000) };
}

/** A PrefgameError for an unreachable queue, naming the URL and the reason. */
export function queueUnavailable(display: string, reason: string | undefined): PrefgameError {
  return new PrefgameError(
    'PREF_ERR_QUEUE_UNAVAILABLE',
    `cannot reach the job queue at ${display}${reason ? ` (${reason})` : ''}`,
    '',
  );
}

/**
 * Opens the queue at a `redis://` URL. bullmq and ioredis are loaded here, on first use, so that
 * the single-machine paths (and the library) never load them.
 *
 * @example
 * ```ts no-run
 * const connection = await connectQueue('redis://127.0.0.1:6379', 'client')
 * await connection.ping()
 * await connection.close()
 * ```
 */
export async function connectQueue(
  url: string,
  role: QueueRole,
  options: { ttlSeconds?: number } = {},
): Promise<QueueConnection> {
  const checked = readQueueUrl(url);
  const [{ Redis }, { Queue }] = await Promise.all([import('ioredis'), import('bullmq')]);
  const redis = new Redis(checked.url, redisOptions(role));
  let lastError: string | undefined;
  redis.on('error', (error: Error) => {
    lastError = error.message || (error as NodeJS.ErrnoException).code;
  });
  redis.on('ready', () => {
    lastError = undefined;
  });
  const queue = new Queue(queueName, { connection: redis, prefix: queuePrefix });
  queue.on('error', (error: Error) => {
    lastError = error.message;
  });
  const store = createJobStore(redis, { prefix: queuePrefix, ttlSeconds: options.ttlSeconds ?? defaultTtlSeconds });
  return {
    url: checked.url,
    display: checked.display,
    redis,
    queue,
    store,
    lastError: () => lastError,
    async ping(timeoutMs = 5_000) {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          redis.ping(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('no answer within ' + timeoutMs + ' ms')), timeoutMs);
          }),
        ]);
      } catch (error) {
        throw queueUnavailable(checked.display, lastError ?? (error instanceof Error ? error.message : String(error)));
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await queue.close().catch(() => {});
      redis.disconnect();
    },
  };
}
