import type { BatchOutput } from '../batch.js';
import { isBlankLine } from './byte-lines.js';

/**
 * The limits of a line of `prefgame batch` (local, or on queue workers: the same numbers give the
 * same results): a line's time limit counts from when it reaches the pool, and its thread is
 * replaced `graceMs` after it.
 */
export const batchLineLimits = { timeLimitMs: 3_600_000, graceMs: 5_000 } as const;

/**
 * Solves the lines of an NDJSON stream (strings, or undecoded bytes from `byteLines`) with up to
 * `concurrency` lines in flight and yields one output per non-blank line, in input order, as soon
 * as it and every line before it are done. Memory stays flat: at most `concurrency` lines are
 * held, whatever the length of the input. Blank lines are skipped but still counted in line
 * numbers.
 *
 * @example
 * ```ts
 * const lines = ['{"kind":"von-neumann","preferences":[[0.5]]}', '', '{"kind":"nash"}']
 * const outputs = []
 * for await (const output of solveInOrder(lines, async (line, n) => solveLine(line, n), 4)) outputs.push(output)
 * assert.deepEqual(outputs.map((output) => output.status), ['optimal', 'error']) // in input order; the blank line is skipped
 * ```
 */
export async function* solveInOrder<Line extends string | Uint8Array>(
  lines: AsyncIterable<Line> | Iterable<Line>,
  solveLine: (line: Line, lineNumber: number) => Promise<BatchOutput>,
  concurrency: number,
): AsyncGenerator<BatchOutput> {
  const pending: Array<Promise<BatchOutput>> = [];
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (isBlankLine(line)) continue;
    pending.push(solveLine(line, lineNumber));
    if (pending.length >= concurrency) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}
