import type { BatchOutput } from '../batch.js';

/**
 * Solves the lines of an NDJSON stream with up to `concurrency` lines in flight and yields one
 * output per non-blank line, in input order, as soon as it and every line before it are done.
 * Memory stays flat: at most `concurrency` lines are held, whatever the length of the input.
 * Blank lines are skipped but still counted in line numbers.
 *
 * @example
 * ```ts
 * for await (const output of solveInOrder(lines, (text, n) => pool.solveLine(text, n, {}, 60_000), 4)) {
 *   process.stdout.write(JSON.stringify(output) + '\n')
 * }
 * ```
 */
export async function* solveInOrder(
  lines: AsyncIterable<string> | Iterable<string>,
  solveLine: (text: string, lineNumber: number) => Promise<BatchOutput>,
  concurrency: number,
): AsyncGenerator<BatchOutput> {
  const pending: Array<Promise<BatchOutput>> = [];
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === '') continue;
    pending.push(solveLine(text, lineNumber));
    if (pending.length >= concurrency) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}
