import type { SamplePlanDocument } from '../schema/estimate.js';
import { pairCount, type ComparisonCounts } from '../comparisons/comparison-counts.js';
import { comparisonsNeeded } from './sample-size.js';
import type { WinnerRule } from './winner-function.js';

/**
 * The sample-size plan of an `estimate` document ({@link comparisonsNeeded}) for its winner rule
 * (without one: the von Neumann winner of each criterion), with what the data still lacks: the
 * pairs x criteria below the planned count and the comparisons missing to reach it everywhere.
 * The criteria counted are those the rule uses (von-neumann: its criterion; linear: those with
 * positive weight; blackwell and no rule: all). O(k n^2).
 *
 * @example
 * ```ts
 * const plan = samplePlanFor(counts, undefined, { epsilon: 0.1 }, 0.5)
 * assert.ok(plan.comparisonsPerPair > 10) // the log has 9 to 10 per pair: more are needed
 * ```
 */
export function samplePlanFor(
  counts: ComparisonCounts,
  rule: WinnerRule | undefined,
  plan: { epsilon: number; delta?: number },
  prior: number,
): SamplePlanDocument {
  const n = counts.items.length;
  const all = counts.criteria.map((_, c) => c);
  const planned =
    rule?.kind === 'von-neumann'
      ? [rule.criterion]
      : rule?.kind === 'linear'
        ? all.filter((c) => rule.weights[c] > 0)
        : all;
  const union = rule === undefined || rule.kind === 'von-neumann' ? 1 : planned.length;
  const need = comparisonsNeeded({
    items: n,
    criteria: union,
    epsilon: plan.epsilon,
    delta: plan.delta,
    kind: rule?.kind ?? 'von-neumann',
    norm: rule?.kind === 'blackwell' ? rule.norm : undefined,
    prior,
  });
  let pairsShort = 0;
  let additionalComparisons = 0;
  for (const c of planned) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const missing = need.comparisonsPerPair - pairCount(counts, c, i, j);
        if (missing > 0) {
          pairsShort++;
          additionalComparisons += missing;
        }
      }
    }
  }
  return {
    epsilon: plan.epsilon,
    delta: plan.delta ?? 0.05,
    comparisonsPerPair: need.comparisonsPerPair,
    pairs: need.pairs,
    criteria: planned.length,
    totalComparisons: need.comparisonsPerPair * need.pairs * planned.length,
    deviation: need.deviation,
    factor: need.factor,
    pairsShort,
    additionalComparisons,
  };
}
