import { Command, Option } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { toErrorDetail } from '../src/errors.js';
import {
  importComparisons,
  logFormats,
  problemFromImport,
  type ImportedProblem,
  type LogFormat,
} from '../src/comparisons/import-log.js';

/** Most rejected rows listed one per line on stderr (the rest are counted). */
const listedRejections = 50;

interface EstimateOptions {
  format: LogFormat;
  kind: ImportedProblem['kind'];
  bothBad: 'tie' | 'skip';
  criterion?: string;
  criteria?: string;
  strict: boolean;
  output?: string;
  compact: boolean;
}

function run(file: string, options: EstimateOptions): number {
  const text = readFileSync(file === '-' ? 0 : file, 'utf8');
  let imported;
  try {
    imported = importComparisons(text, options.format, {
      bothBad: options.bothBad,
      criterion: options.criterion,
      criteria: options.criteria
        ?.split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    });
  } catch (error) {
    const detail = toErrorDetail(error);
    process.stdout.write(
      JSON.stringify({ id: null, status: 'error', error: detail }, null, options.compact ? undefined : 2) + '\n',
    );
    process.stderr.write(`prefgame estimate: ${detail.code}: ${detail.message}\n`);
    return 1;
  }
  for (const row of imported.rejected.slice(0, listedRejections))
    process.stderr.write(`prefgame estimate: line ${row.line}: ${row.reason}\n`);
  if (imported.rejected.length > listedRejections)
    process.stderr.write(
      `prefgame estimate: ... and ${imported.rejected.length - listedRejections} more rejected rows\n`,
    );
  const problem = problemFromImport(imported, options.kind);
  const json = JSON.stringify(problem, null, options.compact ? undefined : 2) + '\n';
  if (options.output) writeFileSync(options.output, json);
  else process.stdout.write(json);
  process.stderr.write(
    `prefgame estimate: ${imported.accepted} rows used, ${imported.rejected.length} rejected; ${problem.items.length} items, ${problem.comparisons.length} comparison rows\n`,
  );
  return options.strict && imported.rejected.length > 0 ? 1 : 0;
}

/**
 * Adds `prefgame estimate FILE --format arena|pairs|ratings` (docs/cli.md): reads a
 * comparison log (CSV or JSONL) and writes the problem document (`kind: "estimate"` unless
 * `--kind` says otherwise). Rows that cannot be used are listed on stderr with their line
 * numbers and left out; exit 0, or 1 with `--strict` when any row was rejected or when no row
 * was usable. `setCode` receives the exit code.
 *
 * @example
 * ```ts
 * import { Command } from 'commander'
 * let exitCode = 0
 * const program = new Command('prefgame')
 * addEstimateCommand(program, (code) => { exitCode = code })
 * assert.ok(program.commands.some((command) => command.name() === 'estimate'))
 * ```
 */
export function addEstimateCommand(program: Command, setCode: (code: number) => void): void {
  program
    .command('estimate')
    .description(
      'turn a comparison log (CSV or JSONL) into a problem document: prefgame estimate FILE --format arena|pairs|ratings',
    )
    .argument('<file>', 'comparison log; - reads stdin')
    .addOption(
      new Option(
        '--format <format>',
        'arena: model_a, model_b, winner; pairs: winner, loser[, criterion, count, tie]; ratings: item_a, item_b, one column per criterion',
      )
        .choices(logFormats)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--kind <kind>', 'kind of the document written')
        .choices(['estimate', 'von-neumann', 'linear'])
        .default('estimate'),
    )
    .addOption(
      new Option('--both-bad <policy>', 'arena: "tie (bothbad)" outcomes count as ties or are skipped')
        .choices(['tie', 'skip'])
        .default('tie'),
    )
    .option('--criterion <name>', 'arena: criterion of every comparison (default: none, i.e. "preference")')
    .option('--criteria <names>', 'ratings: comma-separated criterion columns (default: every column but the items)')
    .option('--strict', 'exit 1 when any row was rejected', false)
    .option('-o, --output <file>', 'write the document here instead of stdout')
    .option('--compact', 'print the document on one line', false)
    .action((file: string, options: EstimateOptions) => {
      setCode(run(file, options));
    });
}
