import { Command, InvalidArgumentError, Option } from 'commander';
import { PrefgameError } from '../src/errors.js';
import { comparisonsNeeded } from '../src/estimation/sample-size.js';

function number(minimum: number, maximum: number, integer = false) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isFinite(value) || value < minimum || value > maximum || (integer && !Number.isInteger(value))) {
      throw new InvalidArgumentError(
        `expected ${integer ? 'a whole number' : 'a number'} from ${minimum} to ${maximum}`,
      );
    }
    return value;
  };
}

interface PlanOptions {
  items: number;
  epsilon: number;
  delta: number;
  criteria: number;
  kind: 'von-neumann' | 'linear' | 'blackwell';
  norm: 'linf' | 'l1' | 'l2';
  prior: number;
}

/**
 * Adds `prefgame plan`: how many comparisons per pair and criterion make the winner of the
 * estimated preferences epsilon-optimal on the true ones with probability 1 - delta (the plug-in
 * bound of docs/design.md section 1.8; see `comparisonsNeeded`). Prints the plan as JSON.
 *
 * @example
 * ```ts
 * import { Command } from 'commander'
 * let exitCode = 0
 * const program = new Command('prefgame')
 * addPlanCommand(program, (code) => { exitCode = code })
 * assert.ok(program.commands.some((command) => command.name() === 'plan'))
 * ```
 */
export function addPlanCommand(program: Command, setCode: (code: number) => void): void {
  program
    .command('plan')
    .description('comparisons needed per pair and criterion for an epsilon-optimal winner with probability 1 - delta')
    .requiredOption('--items <n>', 'number of items', number(2, 1e6, true))
    .requiredOption('--epsilon <e>', 'wanted suboptimality on the true preferences', number(1e-9, 1))
    .option('--delta <d>', '1 - confidence', number(1e-12, 0.999999), 0.05)
    .option('--criteria <k>', 'criteria the winner uses (von-neumann: 1)', number(1, 1000, true), 1)
    .addOption(
      new Option('--kind <kind>', 'the winner').choices(['von-neumann', 'linear', 'blackwell']).default('von-neumann'),
    )
    .addOption(new Option('--norm <norm>', 'blackwell: the norm').choices(['linf', 'l1', 'l2']).default('linf'))
    .option('--prior <a>', 'symmetric Beta prior of the estimate', number(0, 1e6), 0.5)
    .action((options: PlanOptions) => {
      try {
        const plan = comparisonsNeeded(options);
        const { items, kind, norm, epsilon, delta, prior } = options;
        const { comparisonsPerPair, pairs, criteria, totalComparisons, deviation, factor } = plan;
        const request = { items, criteria, kind, ...(kind === 'blackwell' ? { norm } : {}), epsilon, delta, prior };
        process.stdout.write(
          JSON.stringify({ ...request, comparisonsPerPair, pairs, totalComparisons, deviation, factor }, null, 2) +
            '\n',
        );
        setCode(0);
      } catch (error) {
        if (!(error instanceof PrefgameError)) throw error;
        process.stderr.write(`prefgame plan: ${error.message}\n`);
        setCode(2);
      }
    });
}
