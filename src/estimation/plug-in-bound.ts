import type { NormName } from '../targets/distance.js';
import type { PlugInBoundDocument } from '../schema/estimate.js';
import { pairCount, type ComparisonCounts } from '../comparisons/comparison-counts.js';
import { entryEstimate } from '../comparisons/point-estimate.js';

/**
 * Hoeffding's bound on `|P_hat - P|` for one entry estimated from `m` comparisons with the
 * symmetric Beta(a, a) prior, at the union-bound level `logTerm = log(2 N / delta)`: with
 * `t = sqrt(logTerm / (2m))` the sample mean of the m outcomes (1, 1/2, 0) is within t of P, and
 * shrinking it towards 1/2 adds at most `a / (m + 2a)`, so `|P_hat - P| <= (m t + a) / (m + 2a)`.
 * Capped by `max(P_hat, 1 - P_hat)` (P lies in [0, 1]); `m = 0` gives that cap (1/2). O(1).
 *
 * @example
 * ```ts
 * entryDeviationBound(100, 0, Math.log(2 / 0.05), 0.6) // sqrt(log(40) / 200) = 0.1358
 * ```
 */
export function entryDeviationBound(comparisons: number, prior: number, logTerm: number, estimate: number): number {
  const cap = Math.max(estimate, 1 - estimate);
  if (!(comparisons > 0)) return cap;
  const spread = Math.sqrt(logTerm / (2 * comparisons));
  return Math.min(cap, (comparisons * spread + prior) / (comparisons + 2 * prior));
}

/**
 * The norm of a non-negative vector: max (linf), sum (l1) or Euclidean (l2). O(k).
 *
 * @example
 * ```ts
 * normOf([0.1, 0.2], 'l1') // 0.3
 * ```
 */
export function normOf(values: ArrayLike<number>, norm: NormName): number {
  let result = 0;
  for (let c = 0; c < values.length; c++) {
    if (norm === 'linf') result = Math.max(result, values[c]);
    else if (norm === 'l1') result += values[c];
    else result += values[c] * values[c];
  }
  return norm === 'l2' ? Math.sqrt(result) : result;
}

/** What the bound needs to know about the winner. */
export interface BoundedWinner {
  kind: 'von-neumann' | 'linear' | 'blackwell';
  /** The criteria (indices into the counts) the winner uses; von-neumann: one. */
  criteria: readonly number[];
  /** linear: the normalised weight of each used criterion. */
  weights?: ArrayLike<number>;
  norm?: NormName;
  distribution: ArrayLike<number>;
  /** Suboptimality of the distribution on the estimate, from its certificate. */
  gap: number;
}

/**
 * The plug-in bound (docs/design.md section 1.8) for a winner computed on `P_hat`: with probability at
 * least `1 - delta` (Hoeffding per observed pair and criterion, union bound over the N observed
 * cells; pairs never compared are bounded by 1/2 for sure), the winner is within `epsilon` of
 * optimal on the true P. With `D_c(R)` the largest entry bound of criterion c over the rows R:
 * - von-neumann: `epsilon = gap + D_c(support)` (the optimum is 1/2 for every complementary
 *   matrix, so only the winner's own rows matter);
 * - linear: `epsilon = gap + sum_c w_c D_c(support)`;
 * - blackwell: `epsilon = gap + |D(support)| + |D(all)|` in the problem's norm, since
 *   `|v(pi; P_hat) - v(pi; P)| <= |D(support of pi)|` for every pi (dist is 1-Lipschitz), which
 *   gives the textbook `2 |1_k| D` when every count is equal.
 * Assumes the comparisons of each pair are independent and their number fixed in advance.
 * O(k n^2).
 *
 * @example
 * ```ts
 * const bound = plugInBound(counts, 0.5, 0.05, { kind: 'von-neumann', criteria: [0], distribution: [1, 0, 0], gap: 0 })
 * assert.ok(bound.epsilon > 0 && bound.epsilon < 1) // with probability 0.95, a is within epsilon of optimal on the true P
 * ```
 */
export function plugInBound(
  counts: ComparisonCounts,
  prior: number,
  delta: number,
  winner: BoundedWinner,
): PlugInBoundDocument {
  const n = counts.items.length;
  let observedCells = 0;
  for (const c of winner.criteria) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (pairCount(counts, c, i, j) > 0) observedCells++;
  }
  const logTerm = Math.log((2 * Math.max(1, observedCells)) / delta);
  const support = new Float64Array(winner.criteria.length);
  const all = new Float64Array(winner.criteria.length);
  winner.criteria.forEach((c, position) => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const comparisons = pairCount(counts, c, i, j);
        const estimate = entryEstimate(counts.wins[c][i * n + j], counts.ties[c][i * n + j], comparisons, prior);
        const bound = entryDeviationBound(comparisons, prior, logTerm, estimate);
        all[position] = Math.max(all[position], bound);
        if (winner.distribution[i] > 0) support[position] = Math.max(support[position], bound);
      }
    }
  });
  let deviation: number;
  if (winner.kind === 'von-neumann') deviation = support[0];
  else if (winner.kind === 'linear')
    deviation = winner.criteria.reduce(
      (total, _, position) => total + (winner.weights?.[position] ?? 0) * support[position],
      0,
    );
  else deviation = normOf(support, winner.norm ?? 'linf') + normOf(all, winner.norm ?? 'linf');
  const gap = Math.max(0, winner.gap);
  return {
    delta,
    epsilon: gap + deviation,
    gap,
    deviations: winner.criteria.map((c, position) => ({
      criterion: counts.criteria[c],
      support: support[position],
      all: all[position],
    })),
    observedCells,
  };
}
