import type { Matrix } from '../numeric/matrix.js';
import { appendRows, linearProgram, SparseRowBuilder, type LinearProgram, type LpStatus } from '../lp/model.js';
import { safeDualBound } from '../lp/dual-bound.js';
import { assertBackendCanSolve } from '../lp/backends.js';
import { cleanDistribution } from '../numeric/lottery.js';
import { projectOntoTarget, supportValue } from '../targets/distance.js';
import type { TargetSet } from '../targets/target-set.js';
import { pastDeadline, record, remainingMs, type SolveContext } from '../games/context.js';
import { blackwellObjective } from './payoff-vectors.js';

/** Most cuts added per round, and most rounds. */
const cutsPerRound = 25;
const maximumRounds = 400;
/** Weight of the best lottery so far in the query point (in-out stabilisation). */
const stabilisation = 0.5;
/** Shrinks every cut direction a hair below unit length so that rounding cannot make a cut invalid. */
const directionShrink = 1 - 1e-14;

/** The outcome of the cutting-plane method. */
export interface CuttingPlaneSolution {
  distribution: Float64Array;
  lowerBound: number;
  upperBound: number;
  rounds: number;
  lpStatus: LpStatus;
}

interface Cut {
  opponent: number;
  direction: Float64Array;
  support: number;
}

/** Adds the rows `t - sum_i pi_i (sum_c u_c P_c[i][j]) >= -sigma_S(u)` for the given cuts. */
function cutRows(matrices: readonly Matrix[], cuts: Cut[]): ReturnType<SparseRowBuilder['finish']> {
  const n = matrices[0].rows;
  const builder = new SparseRowBuilder();
  const indices = Int32Array.from({ length: n + 1 }, (_, i) => i);
  const values = new Float64Array(n + 1);
  for (const { opponent, direction, support } of cuts) {
    values.fill(0);
    matrices.forEach((matrix, c) => {
      const weight = direction[c];
      if (weight === 0) return;
      for (let i = 0; i < n; i++) values[i] -= weight * matrix.data[i * n + opponent];
    });
    values[n] = 1;
    builder.addRow(indices, values, -support, Infinity);
  }
  return builder.finish();
}

/** The deepest cut for every opponent at a lottery: the direction from its projection onto S. */
function cutsAt(matrices: readonly Matrix[], target: TargetSet, distribution: Float64Array) {
  const k = matrices.length;
  const evaluation = blackwellObjective(matrices, target, 'l2', distribution);
  const cuts: Cut[] = [];
  evaluation.distances.forEach((distance, j) => {
    if (!(distance > 0)) return;
    const z = evaluation.payoffs.subarray(j * k, (j + 1) * k);
    const projection = projectOntoTarget(target, z);
    const direction = Float64Array.from(z, (value, c) => ((value - projection[c]) / distance) * directionShrink);
    cuts.push({ opponent: j, direction, support: supportValue(target, direction) });
  });
  return { value: evaluation.value, cuts };
}

/**
 * Evaluates the objective at `point` (an upper bound) and returns its deepest cuts that the
 * master's solution violates (value above `threshold` at `master`), deepest first.
 */
function separate(matrices: readonly Matrix[], target: TargetSet, point: Float64Array, master: Float64Array, threshold: number) {
  const evaluation = cutsAt(matrices, target, point);
  const violated = evaluation.cuts
    .map((cut) => ({ cut, violation: cutValue(matrices, cut, master) }))
    .filter(({ violation }) => violation > threshold)
    .sort((a, b) => b.violation - a.violation)
    .map(({ cut }) => cut);
  return { value: evaluation.value, violated, point };
}

/** Value of a cut at the master's lottery: `u . z_j(pi) - sigma_S(u)`. */
function cutValue(matrices: readonly Matrix[], cut: Cut, distribution: Float64Array): number {
  const n = matrices[0].rows;
  let sum = -cut.support;
  matrices.forEach((matrix, c) => {
    const weight = cut.direction[c];
    if (weight === 0) return;
    for (let i = 0; i < n; i++) if (distribution[i] > 0) sum += weight * distribution[i] * matrix.data[i * n + cut.opponent];
  });
  return sum;
}

/** First cuts: the directions of the target's own faces (for a box, the coordinate axes). */
function initialCuts(target: TargetSet, n: number): Cut[] {
  const k = target.dimension;
  const directions: Float64Array[] = [];
  if (target.box) {
    for (let c = 0; c < k; c++) {
      if (target.box.lower[c] > 0) directions.push(Float64Array.from({ length: k }, (_, index) => (index === c ? -1 : 0)));
      if (target.box.upper[c] < 1) directions.push(Float64Array.from({ length: k }, (_, index) => (index === c ? 1 : 0)));
    }
  } else {
    for (const normal of target.normals) {
      const length = Math.hypot(...normal);
      directions.push(Float64Array.from(normal, (value) => (-value / length) * directionShrink));
    }
  }
  const supports = directions.map((direction) => supportValue(target, direction));
  const cuts: Cut[] = [];
  for (let j = 0; j < n; j++) directions.forEach((direction, index) => cuts.push({ opponent: j, direction, support: supports[index] }));
  return cuts;
}

/**
 * The Blackwell winner under the l2 norm by cutting planes (DESIGN.md section 7). With
 * `dist(z, S) = max_{|u|_2 <= 1} u.z - sigma_S(u)`, the objective is the maximum of the linear
 * functions `u . z_j(pi) - sigma_S(u)` over opponents j and directions u. The master LP
 * `min t s.t. t >= u . z_j(pi) - sigma_S(u)` over the cuts found so far is a relaxation: its safe
 * dual bound is a lower bound on the optimum. Each round evaluates the exact objective at a
 * query point between the best lottery so far and the master's solution (in-out
 * stabilisation), which gives an upper bound, and adds the deepest cuts there (each the
 * direction from an opponent's payoff vector to its projection onto S). It stops when the two
 * bounds are within the tolerance, at the deadline, or after a fixed number of rounds.
 *
 * @example
 * ```ts
 * const solution = blackwellCuttingPlanes([speed, safety], target, context)
 * solution.upperBound - solution.lowerBound <= 1e-7 // when status is optimal
 * ```
 */
export function blackwellCuttingPlanes(matrices: readonly Matrix[], target: TargetSet, context: SolveContext): CuttingPlaneSolution {
  const n = matrices[0].rows;
  const k = matrices.length;
  const simplex = new SparseRowBuilder();
  simplex.addRow(Int32Array.from({ length: n }, (_, i) => i), new Float64Array(n).fill(1), 1, 1);
  const cost = new Float64Array(n + 1);
  cost[n] = 1;
  const upper = new Float64Array(n + 1).fill(1);
  upper[n] = Math.sqrt(k);
  let program: LinearProgram = appendRows(linearProgram('minimize', { cost, lower: new Float64Array(n + 1), upper }, simplex.finish()), cutRows(matrices, initialCuts(target, n)));
  assertBackendCanSolve(context.backend, program);
  const session = context.backend.open(program);
  let best: Float64Array | null = null;
  let upperBound = Infinity;
  let lowerBound = 0;
  let lpStatus: LpStatus = 'optimal';
  let rounds = 0;
  let master: Float64Array | null = null;
  try {
    while (rounds < maximumRounds && upperBound - lowerBound > context.tolerance) {
      if (pastDeadline(context)) {
        context.timedOut = true;
        lpStatus = 'time_limit';
        break;
      }
      rounds++;
      const solution = session.solve({ timeLimitMs: remainingMs(context), algorithm: 'simplex' });
      record(context, solution);
      lpStatus = solution.status;
      if (solution.rowDuals) lowerBound = Math.max(lowerBound, safeDualBound(program, solution.rowDuals));
      if (solution.status !== 'optimal' || !solution.primal) break;
      const masterPoint = cleanDistribution(solution.primal, n);
      const masterLevel = solution.primal[n];
      master = masterPoint;
      const centre = best ?? masterPoint;
      const query = Float64Array.from(centre, (value, i) => stabilisation * value + (1 - stabilisation) * masterPoint[i]);
      // In-out: separate at the query point; if that cuts nothing off, at the master's point.
      const threshold = masterLevel + context.tolerance / 4;
      let round = separate(matrices, target, query, masterPoint, threshold);
      if (round.violated.length === 0) round = separate(matrices, target, masterPoint, masterPoint, threshold);
      if (round.value < upperBound) {
        upperBound = round.value;
        best = round.point;
      }
      if (round.violated.length === 0) break;
      const block = cutRows(matrices, round.violated.slice(0, cutsPerRound));
      program = appendRows(program, block);
      session.addRows(block);
    }
  } finally {
    session.dispose();
  }
  if (rounds >= maximumRounds && upperBound - lowerBound > context.tolerance) lpStatus = 'iteration_limit';
  // The master's lottery is a vertex (small support); prefer it when it is just as good.
  if (master && best !== master) {
    const value = blackwellObjective(matrices, target, 'l2', master).value;
    if (value <= Math.max(upperBound, lowerBound + context.tolerance)) {
      best = master;
      upperBound = value;
    }
  }
  if (!best) {
    best = new Float64Array(n).fill(1 / n);
    upperBound = blackwellObjective(matrices, target, 'l2', best).value;
  }
  return { distribution: best, lowerBound: Math.min(lowerBound, upperBound), upperBound, rounds, lpStatus };
}
