import { Command, InvalidArgumentError, Option } from 'commander';
import { createReadStream } from 'node:fs';
import { toErrorDetail } from '../src/errors.js';
import { logFormats, type LogFormat } from '../src/comparisons/import-log.js';
import type { RankSettingsDocument } from '../src/schema/rank.js';

/** Most rejected rows listed one per line on stderr (the rest are counted). */
const listedRejections = 50;

interface RankOptions {
  format?: LogFormat;
  json: boolean;
  compact: boolean;
  bootstrap?: number;
  seed?: number;
  level?: number;
  criterion?: string;
  target?: string;
  norm?: 'linf' | 'l1' | 'l2';
  bothBad: 'tie' | 'skip';
  timeLimit?: number;
}

function wholeNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('must be a whole number');
  return parsed;
}

function level(value: string): number {
  const parsed = Number(value);
  if (!(parsed > 0 && parsed < 1)) throw new InvalidArgumentError('must be a number between 0 and 1, such as 0.95');
  return parsed;
}

/** True for errors of reading the input (missing file, corrupt gzip), which exit 2. */
function isInputError(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : '';
  return ['ENOENT', 'EISDIR', 'EACCES'].includes(code) || code.startsWith('Z_') || code === 'ERR_INVALID_ARG_VALUE';
}

async function run(file: string | undefined, options: RankOptions): Promise<number> {
  // HiGHS compiles on V8's background threads while this thread reads the log.
  const loading = import('../src/lp/highs-runtime.js').then((runtime) => runtime.loadHighs());
  const [{ readBattleStream }, { gunzipIfNeeded }, { rankComparisons }, { leaderboardTable }] = await Promise.all([
    import('../src/rank/battle-reader.js'),
    import('../src/rank/gunzip.js'),
    import('../src/rank/rank.js'),
    import('../src/rank/leaderboard-table.js'),
  ]);
  const settings: RankSettingsDocument = {
    ...(options.format ? { format: options.format } : {}),
    ...(options.criterion !== undefined ? { criterion: options.criterion } : {}),
    ...(options.target !== undefined ? { target: options.target } : {}),
    ...(options.norm ? { norm: options.norm } : {}),
    ...(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.level !== undefined ? { level: options.level } : {}),
    ...(options.timeLimit !== undefined ? { timeLimitMs: options.timeLimit } : {}),
  };
  const source =
    file === undefined || file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    const read = await readBattleStream(gunzipIfNeeded(source), { format: options.format, bothBad: options.bothBad });
    for (const row of read.rejected.slice(0, listedRejections))
      process.stderr.write(`prefgame rank: line ${row.line}: ${row.reason}\n`);
    if (read.rejectedCount > listedRejections)
      process.stderr.write(`prefgame rank: ... and ${read.rejectedCount - listedRejections} more rejected rows\n`);
    await loading;
    const result = rankComparisons({ items: read.items, comparisons: read.comparisons, rows: read }, settings);
    if (options.json) process.stdout.write(JSON.stringify(result, null, options.compact ? undefined : 2) + '\n');
    else process.stdout.write(leaderboardTable(result) + '\n');
    for (const warning of result.warnings)
      if (!warning.includes('rows of the log were left out'))
        process.stderr.write(`prefgame rank: warning: ${warning}\n`);
    process.stderr.write(
      `prefgame rank: ${read.accepted} rows used, ${read.skipped} skipped, ${read.rejectedCount} rejected (${read.format}); ${read.items.length} items\n`,
    );
    return result.status === 'optimal' ? 0 : 1;
  } catch (error) {
    if (isInputError(error)) {
      process.stderr.write(`prefgame rank: cannot read ${file ?? 'stdin'}: ${(error as Error).message}\n`);
      return 2;
    }
    const detail = toErrorDetail(error);
    if (options.json)
      process.stdout.write(
        JSON.stringify({ id: null, status: 'error', error: detail }, null, options.compact ? undefined : 2) + '\n',
      );
    process.stderr.write(
      `prefgame rank: ${detail.code}: ${detail.message}${detail.pointer ? ` (at ${detail.pointer})` : ''}\n`,
    );
    return 1;
  }
}

/**
 * Adds `prefgame rank [FILE|-]` (DESIGN.md section 6): reads a battle log (CSV or JSONL, gzip
 * or not, streamed with memory flat in the rows), prints the leaderboard (Bradley-Terry ratings
 * on the Elo scale with bootstrap intervals, win rates, games, the winner's probability and
 * support frequency) or with `--json` the rank document. Rejected rows are listed on stderr
 * with their line numbers. Exit 0 when the result is optimal, 1 when not or when the log has
 * no usable row, 2 on usage and input errors. `setCode` receives the exit code.
 *
 * @example
 * ```ts
 * import { Command } from 'commander'
 * const program = new Command('prefgame')
 * const codes: number[] = []
 * addRankCommand(program, (code) => codes.push(code))
 * assert.deepEqual(program.commands.map((command) => command.name()), ['rank'])
 * ```
 */
export function addRankCommand(program: Command, setCode: (code: number) => void): void {
  program
    .command('rank')
    .description(
      'battle log (CSV or JSONL, .gz too) -> leaderboard with Elo-scale ratings and intervals, and the game-theoretic winner',
    )
    .argument('[file]', 'battle log; - or nothing reads stdin')
    .addOption(
      new Option(
        '--format <format>',
        'arena: model_a, model_b, winner; pairs: winner, loser[, criterion, count]; ratings: item_a, item_b, one column per criterion (default: detected from the columns)',
      ).choices(logFormats),
    )
    .option('--json', 'print the rank document (JSON) instead of the table', false)
    .option('--compact', 'with --json: print it on one line', false)
    .addOption(
      new Option(
        '--bootstrap <rounds>',
        'bootstrap rounds for the intervals and support frequencies (default 200; 0 for none)',
      ).argParser(wholeNumber),
    )
    .addOption(new Option('--seed <seed>', 'seed of the bootstrap (default 1)').argParser(wholeNumber))
    .addOption(new Option('--level <level>', 'level of the rating intervals (default 0.95)').argParser(level))
    .option('--criterion <name>', 'rank on this criterion only (its von Neumann winner)')
    .option(
      '--target <thresholds>',
      'several criteria: the Blackwell target as NAME=THRESHOLD,... (default 0.5 on every criterion)',
    )
    .addOption(new Option('--norm <norm>', 'several criteria: the Blackwell norm').choices(['linf', 'l1', 'l2']))
    .addOption(
      new Option('--both-bad <policy>', 'arena: "tie (bothbad)" outcomes count as ties or are skipped')
        .choices(['tie', 'skip'])
        .default('tie'),
    )
    .addOption(
      new Option('--time-limit <ms>', 'time limit of the bootstraps and the winner (default 10000)').argParser(
        wholeNumber,
      ),
    )
    .action(async (file: string | undefined, options: RankOptions) => {
      setCode(await run(file, options));
    });
}
