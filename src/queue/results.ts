import { setTimeout as delay } from 'node:timers/promises';
import { PrefgameError } from '../errors.js';
import { queueUnavailable, type QueueConnection } from './connect.js';
import type { ChunkPage } from './job-store.js';

/** How a reader waits and how long it tolerates an unreachable Redis. */
export interface ReadOptions {
  /** Wait for chunks not stored yet (true) or stop at the first one missing (false: what is done so far). */
  follow: boolean;
  /** Result lines to skip from the start (a client that already has them). */
  from?: number;
  /** Milliseconds between looks while waiting for the next chunk. */
  pollMs?: number;
  /** How long Redis may stay unreachable before the reader gives up with PREF_ERR_QUEUE_UNAVAILABLE. */
  unavailableMs?: number;
  /** Stops the reader (a client went away). */
  signal?: AbortSignal;
}

/** Chunks read per round trip. */
const pageSize = 16;

/** Calls `read` until it succeeds, retrying connection failures for up to `unavailableMs`. */
async function retrying<T>(
  connection: QueueConnection,
  read: () => Promise<T>,
  unavailableMs: number,
  signal?: AbortSignal,
): Promise<T> {
  const giveUpAt = Date.now() + unavailableMs;
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if (error instanceof PrefgameError) throw error;
      if (Date.now() >= giveUpAt || signal?.aborted)
        throw queueUnavailable(connection.display, connection.lastError() ?? (error as Error).message);
      await delay(200);
    }
  }
}

/** Result lines in a chunk's stored text. */
function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/**
 * The result lines of a job in input order, as NDJSON text, one chunk at a time: each chunk as
 * soon as it and every chunk before it are stored. With `follow` it waits (looking every
 * `pollMs`) until the job has every chunk, or is cancelled; without, it stops at the first chunk
 * not stored yet. Throws PREF_ERR_JOB_NOT_FOUND for an unknown or expired job,
 * PREF_ERR_JOB_INCOMPLETE when the job's submission stopped before queueing all of its lines, and
 * PREF_ERR_QUEUE_UNAVAILABLE when Redis stays away longer than `unavailableMs`.
 *
 * @example
 * ```ts no-run
 * const connection = await connectQueue('redis://127.0.0.1:6379', 'client')
 * for await (const text of readResults(connection, '3f2a', { follow: true })) process.stdout.write(text)
 * await connection.close()
 * ```
 */
export async function* readResults(
  connection: QueueConnection,
  id: string,
  options: ReadOptions,
): AsyncGenerator<string> {
  const { follow, pollMs = 50, unavailableMs = 60_000, signal } = options;
  let skip = options.from ?? 0;
  let next = 0;
  for (;;) {
    if (signal?.aborted) return;
    const page: ChunkPage | null = await retrying(
      connection,
      () => connection.store.readChunks(id, next, pageSize),
      unavailableMs,
      signal,
    );
    if (page === null)
      throw new PrefgameError(
        'PREF_ERR_JOB_NOT_FOUND',
        `there is no job ${id} (never submitted, or its results expired)`,
        '',
      );
    let progressed = false;
    for (const text of page.texts) {
      if (text === null || (page.chunks !== null && next >= page.chunks)) break;
      next++;
      progressed = true;
      if (skip > 0) {
        const lines = countLines(text);
        if (lines <= skip) {
          skip -= lines;
          continue;
        }
        let cut = 0;
        for (let dropped = 0; dropped < skip; dropped++) cut = text.indexOf('\n', cut) + 1;
        skip = 0;
        yield text.slice(cut);
        continue;
      }
      yield text;
    }
    if (page.chunks !== null && next >= page.chunks) return;
    if (progressed) continue;
    if (page.cancelled || !follow) return;
    if (page.chunks === null && !page.submitting) {
      throw new PrefgameError(
        'PREF_ERR_JOB_INCOMPLETE',
        `the submission of job ${id} stopped after queueing part of its lines; submit the file again`,
        '',
      );
    }
    await delay(pollMs, undefined, { signal }).catch(() => {});
  }
}
