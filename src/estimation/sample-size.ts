import { PrefgameError } from '../errors.js';
import type { NormName } from '../targets/distance.js';
import { defaultPrior } from '../comparisons/point-estimate.js';

/** Largest number of comparisons per pair the planner will propose. */
export const maxPlannedComparisons = 1e15;

/** What a sample-size plan is for. */
export interface SamplePlanRequest {
  /** Number of items n. */
  items: number;
  /** Criteria the winner uses (von-neumann: 1). Default 1. */
  criteria?: number;
  /** Wanted suboptimality on the true preferences. */
  epsilon: number;
  /** 1 - confidence. Default 0.05. */
  delta?: number;
  /** The winner: von-neumann (default), linear or blackwell. */
  kind?: 'von-neumann' | 'linear' | 'blackwell';
  /** blackwell: the norm (default linf). */
  norm?: NormName;
  /** The symmetric Beta prior of the estimate. Default 0.5. */
  prior?: number;
}

/** A sample-size plan. */
export interface SamplePlan {
  comparisonsPerPair: number;
  pairs: number;
  criteria: number;
  totalComparisons: number;
  /** The entry bound D that `comparisonsPerPair` achieves. */
  deviation: number;
  /** `epsilon = factor * D`. */
  factor: number;
}

/** The entry bound with m comparisons everywhere, uncapped: `(m sqrt(L / 2m) + a) / (m + 2a)`. */
function deviationWith(comparisons: number, logTerm: number, prior: number): number {
  return (comparisons * Math.sqrt(logTerm / (2 * comparisons)) + prior) / (comparisons + 2 * prior);
}

/**
 * The smallest number m of comparisons per pair and criterion for which the plug-in bound
 * ({@link plugInBound}, docs/design.md section 1.8) guarantees that the winner of the estimate is within
 * `epsilon` of optimal with probability `1 - delta`, when every one of the
 * `N = n (n - 1) / 2 * k` pairs x criteria gets m comparisons: the smallest m with
 * `factor * (m t + a) / (m + 2a) <= epsilon`, `t = sqrt(log(2N / delta) / (2m))`, where factor is
 * 1 for von-neumann and linear (the optimum is 1/2) and `2 |1_k|` for blackwell (1, k or sqrt(k)
 * for linf, l1, l2). Without prior this is `m = ceil(factor^2 log(2N / delta) / (2 epsilon^2))`.
 * The bound decreases in m for m >= 2a, so: a scan below 2a, then bisection. O(a + log m).
 * An epsilon needing more than 1e15 comparisons per pair is `PREF_ERR_SCHEMA` at `/plan/epsilon`.
 *
 * @example
 * ```ts
 * comparisonsNeeded({ items: 10, epsilon: 0.1, prior: 0 }).comparisonsPerPair // ceil(log(2 * 45 / 0.05) / 0.02) = 375
 * ```
 */
export function comparisonsNeeded(request: SamplePlanRequest): SamplePlan {
  const criteria = request.criteria ?? 1;
  const delta = request.delta ?? 0.05;
  const prior = request.prior ?? defaultPrior;
  const pairs = (request.items * (request.items - 1)) / 2;
  const norm = request.norm ?? 'linf';
  const unit = norm === 'linf' ? 1 : norm === 'l1' ? criteria : Math.sqrt(criteria);
  const factor = request.kind === 'blackwell' ? 2 * unit : 1;
  const target = request.epsilon / factor;
  const logTerm = Math.log((2 * Math.max(1, pairs * criteria)) / delta);
  const fits = (m: number) => deviationWith(m, logTerm, prior) <= target;
  let found = 0;
  const scanEnd = Math.ceil(2 * prior);
  for (let m = 1; m <= scanEnd && found === 0; m++) if (fits(m)) found = m;
  if (found === 0) {
    let low = Math.max(1, scanEnd);
    let high = low;
    while (!fits(high)) {
      low = high;
      high *= 2;
      if (high > maxPlannedComparisons) {
        throw new PrefgameError(
          'PREF_ERR_SCHEMA',
          `plan.epsilon = ${request.epsilon} would need more than ${maxPlannedComparisons} comparisons per pair`,
          '/plan/epsilon',
        );
      }
    }
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (fits(middle)) high = middle;
      else low = middle;
    }
    found = fits(low) ? low : high;
  }
  return {
    comparisonsPerPair: found,
    pairs,
    criteria,
    totalComparisons: found * pairs * criteria,
    deviation: deviationWith(found, logTerm, prior),
    factor,
  };
}
