import { readPreferenceTensor, type PreferenceReading } from '../criteria/read-criteria.js';
import type { Matrix } from '../numeric/matrix.js';
import type { NormName } from '../targets/distance.js';
import { rankingsExtra } from '../baselines/rankings.js';
import { cleanDistribution } from '../numeric/lottery.js';
import { tolerances } from '../numeric/tolerances.js';
import { safeDualBound } from '../lp/dual-bound.js';
import type { LpStatus } from '../lp/model.js';
import type { BlackwellDocument } from '../schema/problem.js';
import type { ResultDocument } from '../schema/result.js';
import { buildTargetSet, type TargetSet } from '../targets/target-set.js';
import { solveWithin, type SolveContext } from '../games/context.js';
import type { Limits } from '../limits.js';
import { blackwellByGeneration, type GenerationSolution } from './blackwell-generation.js';
import { blackwellProgram } from './blackwell-program.js';
import { contextFor } from './options.js';
import { blackwellObjective, guarantees } from './payoff-vectors.js';
import { byName, finishResult } from './result.js';

/**
 * LPs with at least this many payoff rows (opponents x criteria) go to the interior-point
 * method: the simplex stalls on these degenerate LPs (n = 800: 135 s against 5.7 s for the
 * interior point; `npm run bench`).
 */
export const interiorPointThreshold = 600;

/** Most rounds of row (and column) generation; l2 cutting planes converge but never terminate. */
export const maximumGenerationRounds = 2000;

/**
 * Reads and checks the content of a `blackwell` document: its criteria (matrices or comparisons,
 * with the counts and estimation warnings of comparisons) and target set.
 *
 * @example
 * ```ts
 * readBlackwell({ kind: 'blackwell', criteria, target: { thresholds: { speed: 0.5 } } }).target.box // { lower: [0.5, 0], upper: [1, 1] }
 * ```
 */
export function readBlackwell(document: BlackwellDocument): PreferenceReading & { target: TargetSet } {
  const reading = readPreferenceTensor(document);
  return { ...reading, target: buildTargetSet(document.target, reading.tensor.criteria) };
}

/** The Blackwell winner of given matrices, before it is dressed as a result document. */
export interface BlackwellSolution {
  distribution: Float64Array;
  /** `max_j dist(z_j(pi), S)` of the (cleaned) distribution, recomputed from the definition. */
  value: number;
  /** Safe lower bound on the optimal value (from the LP duals), at most `value`. */
  lowerBound: number;
  lpStatus: LpStatus;
  method: string;
  rounds?: number;
}

/**
 * The Blackwell winner of k preference matrices for a target set and norm, with its certificate.
 * With `method` auto (default) or column-generation it runs row and column generation
 * ({@link blackwellByGeneration}), exact for l-infinity and l1 and certified to the tolerance
 * (default 1e-7) for l2; auto falls back when the restricted problem stops being small. The
 * full-lp method solves the exact LP (l-infinity, l1, certified by the safe dual bound) or, for
 * l2, cutting planes over every item. Used by {@link solveBlackwell} and by the bootstrap of
 * estimated winners. O(LP).
 *
 * @example
 * ```ts
 * const solution = blackwellSolution(tensor.matrices, target, 'linf', context)
 * assert.ok(Math.abs(solution.value - 0.03) < 1e-9)
 * ```
 */
export function blackwellSolution(
  matrices: readonly Matrix[],
  target: TargetSet,
  norm: NormName,
  context: SolveContext,
): BlackwellSolution {
  const n = matrices[0].rows;
  let distribution: Float64Array;
  let lowerBound: number;
  let lpStatus: LpStatus;
  let method: string;
  let rounds: number | undefined;
  let generated: GenerationSolution | null = null;
  if (context.method !== 'full-lp') {
    // For l2, generation beat cutting planes over every item in every case measured (npm run
    // bench), so auto lets it run; for l-inf and l1 the full LP wins once supports are large.
    const capped = context.method === 'auto' && norm !== 'l2';
    generated = blackwellByGeneration(matrices, target, norm, context, {
      columns: true,
      maximumRounds: capped ? 60 : maximumGenerationRounds,
      maximumItems: capped ? Math.max(40, Math.floor(n / 4)) : n,
    });
    if (generated.gaveUp && capped) {
      context.warnings.push(
        `column generation stopped paying after ${generated.rounds} rounds with ${generated.masterItems} of ${n} items; solved by the full LP`,
      );
      generated = null;
    }
  }
  if (generated) {
    ({ distribution, lowerBound, lpStatus, rounds } = generated);
    method = 'column-generation';
  } else if (norm === 'l2') {
    ({ distribution, lowerBound, lpStatus, rounds } = blackwellByGeneration(matrices, target, norm, context, {
      columns: false,
      maximumRounds: maximumGenerationRounds,
      maximumItems: n,
    }));
    method = 'cutting-planes';
  } else {
    const program = blackwellProgram(matrices, target, norm);
    const payoffRows = n * matrices.length;
    const solution = solveWithin(context, program, {
      algorithm: payoffRows >= interiorPointThreshold ? 'interior-point' : 'auto',
    });
    distribution = solution.primal ? solution.primal.subarray(0, n) : new Float64Array(n).fill(1 / n);
    lowerBound = solution.rowDuals ? safeDualBound(program, solution.rowDuals) : 0;
    lpStatus = solution.status;
    method = 'full-lp';
  }
  distribution = cleanDistribution(distribution, n);
  const { value } = blackwellObjective(matrices, target, norm, distribution);
  lowerBound = Math.min(Math.max(0, lowerBound), value);
  return { distribution, value, lowerBound, lpStatus, method, ...(rounds !== undefined ? { rounds } : {}) };
}

/**
 * Solves a validated `blackwell` problem: the lottery whose worst-case payoff vector is closest
 * to the target set, `pi* = argmin_pi max_j dist(z_j(pi), S)` (Bhatia et al., NeurIPS 2020).
 * l-infinity and l1 are exact LPs certified by the safe dual bound; l2 uses cutting planes
 * certified to the tolerance (default 1e-7). `value` is always recomputed from the definition
 * for the returned lottery, which is also the certificate's upper bound. Preferences may come as
 * matrices or as comparisons (estimated by {@link readPreferenceTensor}).
 *
 * @example
 * ```ts
 * const result = solveBlackwell({ kind: 'blackwell', criteria, target: { thresholds: { speed: 0.5, safety: 0.5 } } }, defaultLimits)
 * // value 0.03, distribution [0.8, 1/6, 1/30]: guarantees 0.47 on both criteria
 * assert.ok(Math.abs(result.value - 0.03) < 1e-9)
 * assert.ok(Math.abs(result.distribution[0] - 0.8) < 1e-9)
 * ```
 */
export function solveBlackwell(document: BlackwellDocument, limits: Limits): ResultDocument {
  const started = performance.now();
  const { tensor, target, counts, warnings } = readBlackwell(document);
  const norm = document.norm ?? 'linf';
  const context = contextFor(document.options, limits, norm === 'l2' ? tolerances.gapL2 : tolerances.gap);
  context.warnings.push(...warnings);
  if (target.normals.length === 0)
    context.warnings.push('the target is the whole unit cube: every lottery has value 0');
  const solution = blackwellSolution(tensor.matrices, target, norm, context);
  return finishResult({
    id: document.id,
    kind: 'blackwell',
    items: tensor.items,
    distribution: solution.distribution,
    value: solution.value,
    lowerBound: solution.lowerBound,
    upperBound: solution.value,
    lpStatus: solution.lpStatus,
    method: solution.method,
    context,
    started,
    rounds: solution.rounds,
    extra: {
      norm,
      guarantees: byName(tensor.criteria, guarantees(tensor.matrices, solution.distribution)),
      ...rankingsExtra(document.rankings, { ...tensor, counts }, { context }),
    },
  });
}
