import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { capText, toErrorDetail } from '../src/errors.js';
import { documentIdOf, parseDocument } from '../src/parse-document.js';
import { schemaDocuments } from '../src/schema/documents.js';
import { identifierOf } from '../src/error-line.js';
import { addEstimateCommand } from './estimate-command.js';
import { addPlanCommand } from './plan-command.js';
import { applyTiering, tieringFor } from './tiering.js';
import { addRankCommand } from './rank-command.js';

/** Exit codes (docs/cli.md): 0 every result optimal, 1 some error or non-optimal result, 2 usage or I/O. */
const exitCodes = { solved: 0, someFailed: 1, usage: 2 } as const;

/**
 * The bytes of a file or of stdin: parsed by the same {@link parseDocument} as batch lines and
 * request bodies (byte order mark, forbidden keys, error codes).
 */
function readInput(file: string | undefined): Uint8Array {
  return readFileSync(file === undefined || file === '-' ? 0 : file);
}

function print(value: unknown, compact: boolean): void {
  process.stdout.write(JSON.stringify(value, null, compact ? undefined : 2) + '\n');
}

/** Prints an error document on stdout (data) and a one-line reason on stderr (for people). */
function reportFailure(document: unknown, error: unknown, compact: boolean): number {
  const detail = toErrorDetail(error);
  const id = document === undefined ? documentIdOf(error) : identifierOf(document);
  print({ id: typeof id === 'string' ? capText(id) : id, status: 'error', error: detail }, compact);
  process.stderr.write(
    `prefgame: ${detail.code}: ${detail.message}${detail.pointer ? ` (at ${detail.pointer})` : ''}\n`,
  );
  return exitCodes.someFailed;
}

/** Writes the SVG pictures of a result into a directory; returns the paths written. */
async function writePlots(result: unknown, directory: string): Promise<string[]> {
  const { plotResult } = await import('../src/plot/render.js');
  const plots = await plotResult(result);
  mkdirSync(directory, { recursive: true });
  const id = (result as { id?: unknown }).id;
  const base = (
    typeof id === 'string' || typeof id === 'number' ? String(id) : (result as { kind: string }).kind
  ).replace(/[^A-Za-z0-9._-]+/g, '_');
  return plots.map(({ name, svg }) => {
    const path = join(directory, `${base}-${name}.svg`);
    writeFileSync(path, svg);
    return path;
  });
}

async function plotCommand(file: string | undefined, options: { output: string }): Promise<number> {
  let document: unknown;
  try {
    document = parseDocument(readInput(file));
    const paths = await writePlots(document, options.output);
    if (paths.length === 0) {
      process.stderr.write(`prefgame plot: nothing to plot for a ${(document as { kind: string }).kind} result\n`);
      return exitCodes.someFailed;
    }
    for (const path of paths) process.stdout.write(path + '\n');
    return exitCodes.solved;
  } catch (error) {
    if (isFileError(error)) throw error;
    return reportFailure(document, error, false);
  }
}

async function solveCommand(file: string | undefined, options: { compact: boolean; plot?: string }): Promise<number> {
  let document: unknown;
  try {
    document = parseDocument(readInput(file));
    // HiGHS compiles on V8's background threads while this thread loads the solvers.
    applyTiering(tieringFor());
    const loading = import('../src/lp/highs-runtime.js').then((runtime) => runtime.loadHighs());
    const [{ solve }] = await Promise.all([import('../src/solve.js'), loading]);
    const result = solve(document);
    print(result, options.compact);
    if (options.plot)
      for (const path of await writePlots(result, options.plot)) process.stderr.write(`prefgame: wrote ${path}\n`);
    if (result.status !== 'optimal') {
      process.stderr.write(
        `prefgame: the solve stopped with status ${result.status}, not optimal: the result holds the best answer found and its bounds\n`,
      );
      return exitCodes.someFailed;
    }
    return exitCodes.solved;
  } catch (error) {
    if (isFileError(error)) throw error;
    return reportFailure(document, error, options.compact);
  }
}

async function validateCommand(file: string | undefined, options: { compact: boolean }): Promise<number> {
  let document: unknown;
  try {
    document = parseDocument(readInput(file));
    const { checkProblem } = await import('../src/check.js');
    const checked = checkProblem(document);
    print({ id: identifierOf(checked), status: 'valid', kind: checked.kind }, options.compact);
    return exitCodes.solved;
  } catch (error) {
    if (isFileError(error)) throw error;
    return reportFailure(document, error, options.compact);
  }
}

function schemaCommand(name: string | undefined): number {
  const key = name ?? 'problem';
  const schema = schemaDocuments[key];
  if (!schema) {
    process.stderr.write(
      `prefgame schema: unknown schema "${key}"; choose one of ${Object.keys(schemaDocuments).join(', ')}\n`,
    );
    return exitCodes.usage;
  }
  print(schema, false);
  return exitCodes.solved;
}

/** True for an operating-system error (reading or writing a file or a stream), not a prefgame one. */
function isFileError(error: unknown): boolean {
  return error instanceof Error && 'syscall' in error && typeof (error as { code?: unknown }).code === 'string';
}

/** The one-line message of an I/O error: `prefgame: PREF_ERR_IO: <what failed>`. */
function ioErrorLine(error: unknown): string {
  const { code, syscall, path } = error as { code?: string; syscall?: string; path?: string };
  const what =
    syscall === 'open' || syscall === 'read' || syscall === 'write' ? `cannot ${syscall}` : `${syscall} failed`;
  return `prefgame: PREF_ERR_IO: ${what}${path ? ` ${path}` : ''}: ${code ?? 'error'}\n`;
}

/**
 * Ends the process when stdout fails: a reader that closed the pipe (`prefgame schema | head`)
 * ends the command quietly with status 0; any other write error is one coded line on stderr and
 * status 2. Installed for the command line only, never by the library.
 */
let stdoutGuarded = false;
function guardStdout(): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  // Stays installed: a piped stdout may fail after runCli returned, while it flushes.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(exitCodes.solved);
    process.stderr.write(ioErrorLine(error));
    process.exit(exitCodes.usage);
  });
}

/** The version in the project's package.json (found by walking up from this file, built or not). */
function packageVersion(): string {
  for (let url = new URL('.', import.meta.url); url.pathname !== '/'; url = new URL('..', url)) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('package.json', url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'prefgame') return manifest.version ?? 'unknown';
    } catch {
      // not here: keep walking up
    }
  }
  return 'unknown';
}

/** A usage error (exit 2) with commander's own message format. */
function usageError(message: string): CommanderError {
  process.stderr.write(`prefgame ${message}\n`);
  return new CommanderError(exitCodes.usage, 'prefgame.usage', message);
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a positive integer');
  return parsed;
}

/**
 * The `prefgame` command line (docs/cli.md). Returns the exit code: 0 when every
 * problem solved, 1 when some failed, 2 on usage errors.
 *
 * @example
 * ```ts
 * await runCli(['node', 'prefgame', 'solve', 'problem.json']) // prints the result, returns 0
 * ```
 */
export async function runCli(argv: string[]): Promise<number> {
  let code: number = exitCodes.solved;
  const program = new Command()
    .name('prefgame')
    .description(
      'Game-theoretic preference aggregation: von Neumann, Blackwell and linear-aggregation winners with certificates.',
    )
    .version(packageVersion())
    .exitOverride()
    .showHelpAfterError();
  program
    .command('solve')
    .description('solve one problem document (FILE or - for stdin) and print its result document')
    .argument('[file]', 'problem document (JSON); - or nothing reads stdin')
    .option('--compact', 'print the result on one line', false)
    .option('--plot <dir>', 'also write the SVG pictures of the result into this directory (see prefgame plot)')
    .action(async (file: string | undefined, options: { compact: boolean; plot?: string }) => {
      code = await solveCommand(file, options);
    });
  program
    .command('batch')
    .description('solve an NDJSON file of problems: one result or error line per input line, in order')
    .argument('[file]', 'NDJSON input; - or nothing reads stdin')
    .option('-o, --output <file>', 'write results here instead of stdout')
    .addOption(
      new Option('-j, --jobs <n>', 'worker threads (default: the CPU count; 1 solves in this thread)').argParser(
        positiveInteger,
      ),
    )
    .option(
      '--queue <url>',
      'solve on queue workers (prefgame worker) through Redis at redis://HOST:PORT[/DB] (docs/scaling-out.md)',
    )
    .option('--job <id>', 'with --queue and no FILE: re-attach to a queued job and write its whole ordered output')
    .addOption(
      new Option(
        '--chunk-lines <n>',
        'with --queue: lines per chunk, the unit a worker takes (default 64; a chunk also closes at 4 MiB)',
      ).argParser(positiveInteger),
    )
    .addOption(
      new Option(
        '--job-ttl <seconds>',
        "with --queue: keep the job's results this long after its last stored chunk (default 86400, a day)",
      ).argParser(positiveInteger),
    )
    .action(
      async (
        file: string | undefined,
        options: {
          output?: string;
          jobs?: number;
          queue?: string;
          job?: string;
          chunkLines?: number;
          jobTtl?: number;
        },
      ) => {
        if (options.queue === undefined) {
          if (options.job !== undefined) throw usageError('batch: --job needs --queue URL');
          if (options.jobTtl !== undefined) throw usageError('batch: --job-ttl needs --queue URL');
          const { runBatch } = await import('./batch-command.js');
          code = await runBatch(file, options);
          return;
        }
        if (options.jobs !== undefined)
          throw usageError(
            "batch: --jobs is for local batches; with --queue, each worker's --concurrency sets its threads",
          );
        if (options.job !== undefined && file !== undefined)
          throw usageError('batch: give either FILE or --job ID, not both');
        const { runQueueBatch } = await import('./queue-commands.js');
        code = await runQueueBatch(file, {
          queue: options.queue,
          job: options.job,
          output: options.output,
          chunkLines: options.chunkLines,
          jobTtl: options.jobTtl,
        });
      },
    );
  program
    .command('worker')
    .description(
      'solve queued batch lines (prefgame batch --queue, POST /v1/jobs) until SIGTERM; run any number of them on any machines',
    )
    .requiredOption('--queue <url>', 'Redis at redis://HOST:PORT[/DB] (rediss:// for TLS)')
    .addOption(
      new Option('-c, --concurrency <n>', 'solver threads (default: the CPU count)').argParser(positiveInteger),
    )
    .addOption(
      new Option('--lock-duration <ms>', 'a chunk whose worker is silent this long is taken up by another worker')
        .argParser(positiveInteger)
        .default(30_000),
    )
    .addOption(
      new Option('--stalled-interval <ms>', 'how often to look for chunks whose worker went silent')
        .argParser(positiveInteger)
        .default(30_000),
    )
    .addOption(
      new Option('--line-attempts <n>', 'tries of a line that keeps stopping its worker process before it fails alone')
        .argParser(positiveInteger)
        .default(3),
    )
    .addOption(
      new Option('--line-timeout <ms>', 'time limit of one line (as a local batch: one hour)').argParser(
        positiveInteger,
      ),
    )
    .action(
      async (options: {
        queue: string;
        concurrency?: number;
        lockDuration: number;
        stalledInterval: number;
        lineAttempts: number;
        lineTimeout?: number;
      }) => {
        const { runWorker } = await import('./queue-commands.js');
        code = await runWorker(options);
      },
    );
  program
    .command('validate')
    .description('check a problem document (schema, limits and content rules) without solving it')
    .argument('[file]', 'problem document (JSON); - or nothing reads stdin')
    .option('--compact', 'print on one line', false)
    .action(async (file: string | undefined, options: { compact: boolean }) => {
      code = await validateCommand(file, options);
    });
  program
    .command('schema')
    .description(`print a JSON Schema: ${Object.keys(schemaDocuments).join(', ')} (default: problem)`)
    .argument('[name]', 'which schema')
    .action((name: string | undefined) => {
      code = schemaCommand(name);
    });
  addEstimateCommand(program, (value) => {
    code = value;
  });
  addPlanCommand(program, (value) => {
    code = value;
  });
  addRankCommand(program, (value) => {
    code = value;
  });
  program
    .command('plot')
    .description(
      'write SVG pictures of a result document: the frontier of a two-criteria pareto result (with its winners and target), the distributions of winners and compared lotteries, the trajectory of an approachability simulation, the leaderboard, win-rate heat map and winner of rank and estimate results',
    )
    .argument('[file]', 'result document (JSON); - or nothing reads stdin')
    .option('-o, --output <dir>', 'directory to write the SVG files into', '.')
    .action(async (file: string | undefined, options: { output: string }) => {
      code = await plotCommand(file, options);
    });
  program
    .command('serve')
    .description('start the HTTP service (same as npm start; settings from environment variables)')
    .action(async () => {
      // The service is a consumer of the library like this command: loaded only for `serve`;
      // bundled beside this file (dist/bundle/server.js), or from the sources (tests, tsx).
      const bundled = new URL('./server.js', import.meta.url);
      await import((existsSync(bundled) ? bundled : new URL('../api/server.js', import.meta.url)).href);
      code = await new Promise<number>(() => {}); // runs until a signal ends the process
    });
  guardStdout();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : exitCodes.usage;
    if (isFileError(error)) {
      process.stderr.write(ioErrorLine(error));
      return exitCodes.usage;
    }
    throw error;
  }
  return code;
}
