import { createReadStream } from 'node:fs';
import cliProgress from 'cli-progress';

/** Reports batch progress on stderr: a bar with rate and ETA on a terminal, plain lines otherwise. */
export interface Progress {
  tick(failed: boolean): void;
  stop(): void;
}

/**
 * Counts the non-blank lines of a file without holding it in memory (for the progress bar's
 * total and ETA). O(file size).
 *
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs'
 * import { tmpdir } from 'node:os'
 * import { join } from 'node:path'
 * const file = join(mkdtempSync(join(tmpdir(), 'prefgame-')), 'problems.ndjson')
 * writeFileSync(file, '{"kind":"von-neumann"}\n\n{"kind":"linear"}')
 * assert.equal(await countLines(file), 2) // blank lines do not count; the last line needs no newline
 * ```
 */
export async function countLines(file: string): Promise<number> {
  let count = 0;
  let lineHasText = false;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0;
    while (start < chunk.length) {
      const end = chunk.indexOf(10, start);
      const stop = end === -1 ? chunk.length : end;
      // A line counts when it has a byte other than space, tab or carriage return; look only
      // until the first such byte (the '{' of a problem document).
      for (let index = start; index < stop && !lineHasText; index++) {
        const byte = chunk[index];
        if (byte !== 32 && byte !== 9 && byte !== 13) lineHasText = true;
      }
      if (end === -1) break;
      if (lineHasText) count++;
      lineHasText = false;
      start = end + 1;
    }
  }
  return lineHasText ? count + 1 : count;
}

/**
 * A progress reporter for `prefgame batch`. On a terminal: a bar (cli-progress) with the count,
 * rate and ETA when the total is known, or a counter with the rate when reading a pipe. Not on a
 * terminal: one plain line every `intervalMs`, so logs stay readable.
 *
 * The total may be given as a function that counts it (reading the input file a second time):
 * a bar counts it before it starts; plain lines count it only once the batch has run for half
 * an interval, so a short batch never reads its file twice (600 lines of 0.57 MB: 0.15 s
 * before the first solve).
 *
 * @example
 * ```ts
 * const progress = await createProgress(process.stderr, 100)
 * progress.tick(false) // after each line; true when the line failed
 * progress.stop()
 * ```
 */
export async function createProgress(
  stream: NodeJS.WriteStream,
  counted: number | (() => Promise<number>) | undefined,
  intervalMs = 10_000,
  clock: () => number = () => performance.now(),
): Promise<Progress> {
  const started = clock();
  const countTotal = typeof counted === 'function' ? counted : undefined;
  let total = countTotal ? (stream.isTTY ? await countTotal() : undefined) : (counted as number | undefined);
  // The count still to start for plain lines (once, when the batch has run half an interval).
  let countLater = countTotal && !stream.isTTY ? countTotal : undefined;
  let done = 0;
  let failed = 0;
  const rate = () => done / Math.max((clock() - started) / 1000, 1e-3);
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format:
          total !== undefined
            ? 'prefgame batch [{bar}] {value}/{total} | {rate}/s | {failed} failed | ETA {eta_formatted}'
            : 'prefgame batch {value} solved | {rate}/s | {failed} failed',
        hideCursor: true,
        etaBuffer: 200,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total ?? 0, 0, { rate: '0', failed: 0 });
    return {
      tick(lineFailed) {
        done++;
        if (lineFailed) failed++;
        bar.update(done, { rate: rate().toFixed(1), failed });
      },
      stop: () => bar.stop(),
    };
  }
  let last = started;
  return {
    tick(lineFailed) {
      done++;
      if (lineFailed) failed++;
      const now = clock();
      if (countLater && now - started >= intervalMs / 2) {
        countLater().then(
          (count) => (total = count),
          () => {}, // the plain lines go on without an ETA
        );
        countLater = undefined;
      }
      if (now - last >= intervalMs) {
        last = now;
        const remaining = total !== undefined ? `, about ${Math.ceil((total - done) / rate())} s left` : '';
        stream.write(
          `prefgame batch: ${done}${total !== undefined ? `/${total}` : ''} done, ${failed} failed, ${rate().toFixed(1)}/s${remaining}\n`,
        );
      }
    },
    stop() {},
  };
}
