import { createContext, pastDeadline, type SolveContext } from '../games/context.js';
import { seededRandom } from '../numeric/random.js';
import { percentileInterval } from '../numeric/quantile.js';
import type { WinnerBootstrapDocument } from '../schema/estimate.js';
import { matricesFromCells, resampleCells, type ComparisonCells } from '../comparisons/resample.js';
import type { WinnerFunction } from './winner-function.js';

/** Settings of a winner bootstrap. */
export interface WinnerBootstrapSettings {
  rounds: number;
  seed: number;
  level: number;
  prior: number;
}

/**
 * Bootstrap confidence for a winner of estimated preferences: each round resamples every pair's
 * comparisons with replacement (stratified: each pair keeps its count, {@link resampleCells}, one
 * stream seeded with `seed`), re-estimates the matrices with the same prior, solves the winner
 * again and records (a) its lottery, (b) the objective of the original winner `distribution` on
 * the resampled matrices (`winnerValue`) and (c) for blackwell the resample's optimal value
 * (`value`). Reports per item the percentile interval and mean of its probability and the
 * fraction of rounds in which it is in the support. Rounds share the solve's deadline and stop
 * when it passes (`completed < rounds`). O(rounds x (cells + k n^2 + one solve)).
 *
 * @example
 * ```ts
 * const winner = winnerFunction({ kind: 'von-neumann', criterion: 0 })
 * const point = winner.solve(matricesFromCells(cells, 0.5), context)
 * const bootstrap = bootstrapWinner(cells, counts.items, winner, point.distribution, { rounds: 50, seed: 1, level: 0.95, prior: 0.5 }, context)
 * bootstrap.items[0].supportFrequency // how often item a is in the resampled winner's support
 * ```
 */
export function bootstrapWinner(
  cells: ComparisonCells,
  items: readonly string[],
  winner: WinnerFunction,
  distribution: ArrayLike<number>,
  settings: WinnerBootstrapSettings,
  context: SolveContext,
): WinnerBootstrapDocument {
  const n = items.length;
  const random = seededRandom(settings.seed);
  const probabilities = Array.from({ length: n }, () => [] as number[]);
  const inSupport = new Float64Array(n);
  const winnerValues: number[] = [];
  const optimalValues: number[] = [];
  let inexact = 0;
  let completed = 0;
  for (let round = 0; round < settings.rounds && !pastDeadline(context); round++) {
    const matrices = matricesFromCells(resampleCells(cells, random), settings.prior);
    const roundContext = createContext(
      context.backend,
      Math.max(1, context.deadline - context.now()),
      context.tolerance,
      'auto',
      context.now,
    );
    const outcome = winner.solve(matrices, roundContext);
    context.iterations += roundContext.iterations;
    if (outcome.gap > context.tolerance) inexact++;
    for (let i = 0; i < n; i++) {
      probabilities[i].push(outcome.distribution[i]);
      if (outcome.distribution[i] > 0) inSupport[i]++;
    }
    winnerValues.push(winner.evaluate(matrices, distribution));
    optimalValues.push(outcome.value);
    completed++;
  }
  const result: WinnerBootstrapDocument = {
    rounds: settings.rounds,
    completed,
    inexact,
    seed: settings.seed,
    level: settings.level,
    items: items.map((item, i) => {
      const interval = percentileInterval(probabilities[i], settings.level);
      return {
        item,
        probability: distribution[i],
        lower: interval.lower,
        upper: interval.upper,
        mean: interval.mean,
        supportFrequency: completed > 0 ? inSupport[i] / completed : 0,
      };
    }),
    winnerValue: percentileInterval(winnerValues, settings.level),
  };
  if (winner.kind === 'blackwell') result.value = percentileInterval(optimalValues, settings.level);
  return result;
}
