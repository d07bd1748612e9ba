import { byteLines, isBlankLine } from '../pool/byte-lines.js';
import type { BatchOutput } from '../batch.js';
import { errorLine } from '../error-line.js';
import { PrefgameError } from '../errors.js';
import type { JobStore } from './job-store.js';

/**
 * Solves one line (the worker's pool), alone in its process when `alone`: never rejects. `started`,
 * when given, is awaited once the line has its turn (after any wait for a line running alone) and
 * just before it is solved, so that a try is counted only for a line that really ran.
 */
export type LineSolver = (
  line: Uint8Array,
  lineNumber: number,
  alone?: boolean,
  started?: () => Promise<void>,
) => Promise<BatchOutput>;

/** One non-blank input line of a chunk: its place in the chunk, its input line number, its bytes. */
interface ChunkLine {
  offset: number;
  lineNumber: number;
  bytes: Uint8Array;
}

/** The non-blank lines of a chunk's input, numbered as in the whole input. */
export async function linesOfChunk(input: Uint8Array, firstLine: number): Promise<ChunkLine[]> {
  const lines: ChunkLine[] = [];
  let lineNumber = firstLine - 1;
  for await (const bytes of byteLines([input])) {
    lineNumber++;
    if (!isBlankLine(bytes)) lines.push({ offset: lines.length, lineNumber, bytes });
  }
  return lines;
}

/** A line counts as failed in a job's counters exactly when a local batch counts it so. */
export function isFailedLine(output: BatchOutput): boolean {
  return output.status === 'error';
}

/** The `id` of a line, for its error line (parsed only on the rare paths that need it). */
function identifierOf(bytes: Uint8Array): string | number | null {
  try {
    const id = (JSON.parse(new TextDecoder().decode(bytes)) as { id?: unknown } | null)?.id;
    return typeof id === 'string' || typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

/** The error line of a line that is not tried again, saying why. */
export function givenUpLine(line: ChunkLine, why: string): BatchOutput {
  return errorLine(
    identifierOf(line.bytes),
    line.lineNumber,
    new PrefgameError('PREF_ERR_WORKER_FAILED', `${why}; it was not tried again`, ''),
  );
}

/**
 * First run of a chunk: every line goes to the pool at once (the pool keeps its threads busy),
 * results in input order.
 */
export async function solveChunk(lines: ChunkLine[], solve: LineSolver): Promise<BatchOutput[]> {
  return Promise.all(lines.map((line) => solve(line.bytes, line.lineNumber)));
}

/**
 * A re-run of a chunk whose earlier run never finished (its worker process died or lost its
 * lock): one line at a time, each try counted in Redis before the line is handed to a solver and
 * each result kept as soon as it is known. A line tried before without an answer is a suspect:
 * it is solved alone in its process, so that when the process dies again the blame is its own.
 * A line that kills its worker every time (a poison line) is thus given up after `lineAttempts`
 * tries, with an error line, while every other line is solved.
 */
export async function solveChunkCarefully(
  store: JobStore,
  job: string,
  chunk: number,
  lines: ChunkLine[],
  solve: LineSolver,
  lineAttempts: number,
): Promise<BatchOutput[]> {
  const { lines: kept, tries } = await store.partial(job, chunk);
  const outputs: BatchOutput[] = [];
  for (const line of lines) {
    const done = kept.get(line.offset);
    if (done !== undefined) {
      outputs.push(JSON.parse(done) as BatchOutput);
      continue;
    }
    const tried = tries.get(line.offset) ?? 0;
    if (tried >= lineAttempts) {
      outputs.push(givenUpLine(line, `solving this line stopped its worker process ${tried} times`));
      continue;
    }
    // The try is counted when the line starts, not while it waits behind a line running alone:
    // a line that only waited when a suspect killed the process is not blamed for it.
    const output = await solve(line.bytes, line.lineNumber, tried > 0, () => store.countTry(job, chunk, line.offset));
    await store.keepLine(job, chunk, line.offset, JSON.stringify(output));
    outputs.push(output);
  }
  return outputs;
}

/**
 * The error lines of a chunk the queue gave up on (its attempts used up): lines already kept by
 * a careful run keep their results, the others get an error line.
 */
export async function givenUpChunk(
  store: JobStore,
  job: string,
  chunk: number,
  lines: ChunkLine[],
  reason: string,
): Promise<BatchOutput[]> {
  const { lines: kept } = await store.partial(job, chunk);
  return lines.map((line) => {
    const done = kept.get(line.offset);
    return done !== undefined
      ? (JSON.parse(done) as BatchOutput)
      : givenUpLine(line, `the queue gave up on this line's chunk (${reason})`);
  });
}

/** The NDJSON text of a chunk's results and its counts, as the store keeps them. */
export function chunkText(outputs: BatchOutput[]): { text: string; lines: number; failed: number } {
  let text = '';
  let failed = 0;
  for (const output of outputs) {
    text += JSON.stringify(output) + '\n';
    if (isFailedLine(output)) failed++;
  }
  return { text, lines: outputs.length, failed };
}
