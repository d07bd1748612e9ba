import { readCriteria, type PreferenceTensor } from '../preferences/criteria.js';
import { cleanDistribution } from '../numeric/lottery.js';
import { tolerances } from '../numeric/tolerances.js';
import { safeDualBound } from '../lp/dual-bound.js';
import type { LpStatus } from '../lp/model.js';
import type { BlackwellDocument } from '../schema/problem.js';
import type { ResultDocument } from '../schema/result.js';
import { buildTargetSet, type TargetSet } from '../targets/target-set.js';
import { solveWithin, type SolveContext } from '../games/context.js';
import type { Matrix } from '../numeric/matrix.js';
import type { NormName } from '../targets/distance.js';
import type { Limits } from '../limits.js';
import { blackwellCuttingPlanes } from './blackwell-cutting-planes.js';
import { blackwellProgram } from './blackwell-program.js';
import { contextFor } from './options.js';
import { blackwellObjective, guarantees } from './payoff-vectors.js';
import { byName, finishResult } from './result.js';

/**
 * LPs with at least this many payoff rows (opponents x criteria) go to the interior-point
 * method: the simplex stalls on these degenerate LPs (DESIGN.md section 7; `npm run bench`).
 */
export const interiorPointThreshold = 600;

/**
 * Reads and checks the content of a `blackwell` document: its criteria and target set.
 *
 * @example
 * ```ts
 * readBlackwell({ kind: 'blackwell', criteria, target: { thresholds: { speed: 0.5 } } }).target.box // { lower: [0.5, 0], ... }
 * ```
 */
export function readBlackwell(document: BlackwellDocument): { tensor: PreferenceTensor; target: TargetSet } {
  const tensor = readCriteria(document.criteria, document.items);
  return { tensor, target: buildTargetSet(document.target, tensor.criteria) };
}

/**
 * Solves a validated `blackwell` problem: the lottery whose worst-case payoff vector is closest
 * to the target set, `pi* = argmin_pi max_j dist(z_j(pi), S)` (Bhatia et al., NeurIPS 2020).
 * l-infinity and l1 are exact LPs certified by the safe dual bound; l2 uses cutting planes
 * certified to the tolerance (default 1e-7). `value` is always recomputed from the definition
 * for the returned lottery, which is also the certificate's upper bound.
 *
 * @example
 * ```ts
 * solveBlackwell({ kind: 'blackwell', criteria, target: { thresholds: { speed: 0.5, safety: 0.5 } } }, defaultLimits)
 * // value 6/35 = 0.1714..., distribution [4/7, 3/7]
 * ```
 */
export function solveBlackwell(document: BlackwellDocument, limits: Limits): ResultDocument {
  const started = performance.now();
  const { tensor, target } = readBlackwell(document);
  const norm = document.norm ?? 'linf';
  const context = contextFor(document.options, limits, norm === 'l2' ? tolerances.gapL2 : tolerances.gap);
  if (target.normals.length === 0) context.warnings.push('the target is the whole unit cube: every lottery has value 0');
  const solution = blackwellCore(tensor.matrices, target, norm, context);
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
    extra: { norm, guarantees: byName(tensor.criteria, guarantees(tensor.matrices, solution.distribution)) },
  });
}

/** A Blackwell winner with its certificate, before it is dressed as a result document. */
export interface BlackwellSolution {
  distribution: Float64Array;
  /** `max_j dist(z_j(pi), S)`, recomputed from the definition: the certificate's upper bound. */
  value: number;
  lowerBound: number;
  lpStatus: LpStatus;
  method: 'full-lp' | 'cutting-planes';
  rounds?: number;
}

/**
 * The Blackwell winner of preference matrices and a target set under a norm, within a solve
 * context (shared deadline and counters): the exact LP for l-infinity and l1, cutting planes for
 * l2. Used by {@link solveBlackwell} and by every kind that needs Blackwell winners (threshold
 * sweeps, comparisons, approachability). Cost: one LP of O(k n^2) nonzeros (or the cutting-plane
 * rounds for l2) plus the exact objective.
 *
 * @example
 * ```ts
 * blackwellCore(tensor.matrices, buildTargetSet({ thresholds: { speed: 0.5 } }, tensor.criteria), 'linf', context).value
 * ```
 */
export function blackwellCore(matrices: readonly Matrix[], target: TargetSet, norm: NormName, context: SolveContext): BlackwellSolution {
  const n = matrices[0].rows;
  let distribution: Float64Array;
  let lowerBound: number;
  let lpStatus: LpStatus;
  let method: BlackwellSolution['method'];
  let rounds: number | undefined;
  if (norm === 'l2') {
    const solution = blackwellCuttingPlanes(matrices, target, context);
    ({ distribution, lowerBound, lpStatus, rounds } = solution);
    method = 'cutting-planes';
  } else {
    const program = blackwellProgram(matrices, target, norm);
    const payoffRows = n * matrices.length;
    const solution = solveWithin(context, program, payoffRows >= interiorPointThreshold ? 'interior-point' : 'auto');
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
