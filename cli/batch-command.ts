import { createReadStream, createWriteStream, openSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { once } from 'node:events';
import { byteLines } from '../src/pool/byte-lines.js';
import type { Writable } from 'node:stream';
import { countLines, createProgress } from './progress.js';
import { BatchTally } from './batch-tally.js';
import { applyTiering, tieringFor } from './tiering.js';

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/**
 * `prefgame batch`: NDJSON problems in (a file or stdin), NDJSON results out (stdout or a file),
 * one line per non-blank input line, in input order. With `jobs` > 1 the lines are solved in that
 * many worker threads, at most four per worker in flight, so memory stays flat on any input size;
 * with 1, in this thread. Progress goes to stderr, then a summary that counts lines solved to
 * `optimal`, lines that failed (error lines) and results that did not reach optimality
 * (`time_limit`, `numerical_error`...) apart. Returns the exit code: 0 when every line is
 * `optimal`, 1 otherwise.
 *
 * @example
 * ```ts
 * import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
 * import { tmpdir } from 'node:os'
 * import { join } from 'node:path'
 * const folder = mkdtempSync(join(tmpdir(), 'prefgame-'))
 * writeFileSync(join(folder, 'problems.ndjson'), '{"kind":"von-neumann","preferences":[[0.5,0.7],[0.3,0.5]]}\n')
 * const code = await runBatch(join(folder, 'problems.ndjson'), { output: join(folder, 'results.ndjson'), jobs: 1 })
 * assert.equal(code, 0) // every line solved to optimal
 * assert.match(readFileSync(join(folder, 'results.ndjson'), 'utf8'), /"status":"optimal"/)
 * ```
 */
export async function runBatch(file: string | undefined, options: { output?: string; jobs?: number }): Promise<number> {
  const jobs = options.jobs ?? availableParallelism();
  const fromFile = file !== undefined && file !== '-';
  const input = fromFile ? createReadStream(file, { highWaterMark: 1 << 20 }) : process.stdin;
  // Open the output before any solving, so that a bad path fails at once (the caller prints
  // one PREF_ERR_IO line); later write errors end the batch the same way.
  const output: Writable = options.output
    ? createWriteStream('', { fd: openSync(options.output, 'w') })
    : process.stdout;
  let outputError: Error | undefined;
  const onOutputError = (error: Error) => {
    outputError ??= error;
  };
  if (output !== process.stdout) output.on('error', onOutputError);
  let inputError: Error | undefined;
  input.on('error', (error: Error) => {
    inputError ??= error;
  });
  const lines = byteLines(input);
  const progress = await createProgress(process.stderr, fromFile ? () => countLines(file) : undefined);
  const started = performance.now();
  const tally = new BatchTally();
  applyTiering(tieringFor());
  const { compileHighs, loadHighs } = await import('../src/lp/highs-runtime.js');
  const { solveInOrder, batchLineLimits } = await import('../src/pool/ordered-batch.js');
  let outputs;
  let close = async () => {};
  if (jobs > 1) {
    const { createSolvePool } = await import('../src/pool/solve-pool.js');
    // Compiled once here (off this thread) and shared: the workers neither compile it again nor
    // optimise its hot code twice.
    const pool = createSolvePool({ threads: jobs, maxQueue: 3 * jobs, highsModule: await compileHighs() });
    close = () => pool.close();
    const { timeLimitMs, graceMs } = batchLineLimits;
    outputs = solveInOrder(
      lines,
      (line, lineNumber) => pool.solveLine(line, lineNumber, {}, timeLimitMs, graceMs),
      4 * jobs,
    );
  } else {
    const { solveLine } = await import('../src/batch.js');
    await loadHighs();
    outputs = solveInOrder(lines, (line, lineNumber) => Promise.resolve(solveLine(line, lineNumber)), 1);
  }
  try {
    for await (const result of outputs) {
      tally.add(result.status);
      progress.tick(result.status === 'error');
      await write(output, JSON.stringify(result) + '\n');
      if (outputError) throw outputError;
    }
    if (inputError) throw inputError;
  } finally {
    progress.stop();
    await close();
  }
  if (output !== process.stdout) {
    output.end();
    if (!outputError) await Promise.race([once(output, 'finish'), once(output, 'close')]);
    if (outputError) throw outputError;
  }
  const seconds = (performance.now() - started) / 1000;
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stderr.write(
    `prefgame batch: ${tally.summary()} in ${seconds.toFixed(2)} s (${(tally.lines / seconds).toFixed(1)}/s, ${jobs} job${jobs > 1 ? 's' : ''}, ` +
      `${cpuSeconds.toFixed(1)} CPU s, peak memory ${(usage.maxRSS / 1024).toFixed(0)} MB)\n`,
  );
  return tally.exitCode();
}
