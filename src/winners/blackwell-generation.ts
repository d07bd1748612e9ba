import type { Matrix } from '../numeric/matrix.js';
import { linearProgram, SparseRowBuilder, type LpStatus } from '../lp/model.js';
import { cleanDistribution } from '../numeric/lottery.js';
import type { NormName } from '../targets/distance.js';
import { deepestCut } from '../targets/deepest-cut.js';
import type { TargetSet } from '../targets/target-set.js';
import { assertContextCanSolve, record, remainingMs, stopBeforeRound, type SolveContext } from '../games/context.js';
import { supportValue } from '../targets/distance.js';
import { payoffVectors } from './payoff-vectors.js';

/** Most cuts (rows) and items (columns) added per round. */
const cutsPerRound = 25;
const itemsPerRound = 10;
/** Weight of the best lottery so far in the l2 query point (in-out stabilisation). */
const stabilisation = 0.5;

/** How the restricted problems may grow, and when to give up (for `auto`). */
export interface GenerationSettings {
  /** Generate items (columns) too; otherwise every item is in the master from the start. */
  columns: boolean;
  /** Most rounds before stopping with `iteration_limit` (or handing over, for `auto`). */
  maximumRounds: number;
  /** With column generation: stop (for `auto` to hand over) when the master holds more items than this. */
  maximumItems: number;
}

/** What the generation reached: a lottery, certified bounds, and why it stopped. */
export interface GenerationSolution {
  distribution: Float64Array;
  lowerBound: number;
  upperBound: number;
  rounds: number;
  lpStatus: LpStatus;
  /** True when it stopped at `maximumRounds` or `maximumItems` before certifying the optimum. */
  gaveUp: boolean;
  /** Items in the final master problem. */
  masterItems: number;
}

/** A cut `t >= u . z_j(pi) - sigma` with its coefficients `a_i = sum_c u_c P_c[i][j]` for every item. */
interface Cut {
  coefficients: Float64Array;
  support: number;
}

function cutFor(matrices: readonly Matrix[], opponent: number, direction: Float64Array, support: number): Cut {
  const n = matrices[0].rows;
  const coefficients = new Float64Array(n);
  matrices.forEach((matrix, c) => {
    const weight = direction[c];
    if (weight === 0) return;
    for (let i = 0; i < n; i++) coefficients[i] += weight * matrix.data[i * n + opponent];
  });
  return { coefficients, support };
}

/**
 * Evaluates v at a lottery from the definition (every opponent, deepest cut each) and returns
 * the value with the cuts that the master's level does not satisfy, deepest first.
 */
function separate(
  matrices: readonly Matrix[],
  target: TargetSet,
  norm: NormName,
  point: Float64Array,
  level: number,
  threshold: number,
) {
  const k = matrices.length;
  const n = matrices[0].rows;
  const z = payoffVectors(matrices, point);
  let value = 0;
  const violated: Array<{ opponent: number; direction: Float64Array; support: number; depth: number }> = [];
  for (let j = 0; j < n; j++) {
    const cut = deepestCut(target, norm, z.subarray(j * k, (j + 1) * k));
    value = Math.max(value, cut.distance);
    if (cut.distance > level + threshold)
      violated.push({ opponent: j, direction: cut.direction, support: cut.support, depth: cut.distance });
  }
  violated.sort((a, b) => b.depth - a.depth);
  return { value, violated };
}

/**
 * The first items of the master: the strongest by Borda score on each criterion and overall
 * (an item strong on one criterion only is a likely part of a compromise).
 */
function strongestItems(matrices: readonly Matrix[], perCriterion: number, overall: number): number[] {
  const n = matrices[0].rows;
  const total = new Float64Array(n);
  const chosen = new Set<number>();
  const top = (score: Float64Array, count: number) =>
    Array.from({ length: n }, (_, i) => i)
      .sort((a, b) => score[b] - score[a] || a - b)
      .slice(0, count);
  for (const { data } of matrices) {
    const score = new Float64Array(n);
    // Row sums in a local (the same additions in the same order as summing into score[i]).
    for (let i = 0; i < n; i++) {
      let sum = 0;
      const offset = i * n;
      for (let j = 0; j < n; j++) sum += data[offset + j];
      score[i] = sum;
      total[i] += sum;
    }
    for (const i of top(score, perCriterion)) chosen.add(i);
  }
  for (const i of top(total, overall)) chosen.add(i);
  return [...chosen];
}

/**
 * Cuts for every opponent along the target's own faces (a box's coordinate axes, a polyhedron's
 * normals): with them the first master of pure cutting planes is already the l-infinity LP.
 */
function faceCuts(matrices: readonly Matrix[], target: TargetSet): Cut[] {
  const k = target.dimension;
  const directions: Float64Array[] = [];
  if (target.box) {
    for (let c = 0; c < k; c++) {
      if (target.box.lower[c] > 0)
        directions.push(Float64Array.from({ length: k }, (_, index) => (index === c ? -1 : 0)));
      if (target.box.upper[c] < 1)
        directions.push(Float64Array.from({ length: k }, (_, index) => (index === c ? 1 : 0)));
    }
  } else {
    for (const normal of target.normals) {
      const length = Math.hypot(...normal);
      directions.push(Float64Array.from(normal, (value) => (-value / length) * (1 - 1e-14)));
    }
  }
  const supports = directions.map((direction) => supportValue(target, direction));
  const cuts: Cut[] = [];
  for (let j = 0; j < matrices[0].rows; j++)
    directions.forEach((direction, index) => cuts.push(cutFor(matrices, j, direction, supports[index])));
  return cuts;
}

/** The rows `t - sum_i a_i pi_i >= -sigma` of some cuts over the master's columns (t first, then its items). */
function cutRows(cuts: readonly Cut[], items: readonly number[]) {
  const builder = new SparseRowBuilder();
  const indices = Int32Array.from({ length: items.length + 1 }, (_, index) => index);
  const values = new Float64Array(items.length + 1);
  values[0] = 1;
  for (const cut of cuts) {
    items.forEach((item, index) => {
      values[index + 1] = -cut.coefficients[item];
    });
    builder.addRow(indices, values, -cut.support, Infinity);
  }
  return builder.finish();
}

/** The columns of some items in the master's rows (the simplex row, then every cut). */
function itemColumns(cuts: readonly Cut[], items: readonly number[]) {
  const starts = new Int32Array(items.length + 1);
  const indices = new Int32Array(items.length * (cuts.length + 1));
  const values = new Float64Array(items.length * (cuts.length + 1));
  let size = 0;
  items.forEach((item, column) => {
    indices[size] = 0;
    values[size++] = 1;
    cuts.forEach((cut, index) => {
      indices[size] = index + 1;
      values[size++] = -cut.coefficients[item];
    });
    starts[column + 1] = size;
  });
  return {
    cost: new Float64Array(items.length),
    lower: new Float64Array(items.length),
    upper: new Float64Array(items.length).fill(1),
    columns: { starts, indices: indices.subarray(0, size), values: values.subarray(0, size) },
  };
}

/**
 * The Blackwell winner under any norm and polyhedral target by row and column generation
 * (docs/design.md section 2.5). With `dist(z, S) = max_u u.z - sigma_S(u)`, the objective is the largest
 * of the cuts `u . z_j(pi) - sigma_S(u)` over opponents j and directions u. The master LP
 * `min t s.t. t >= cut(pi)` over the cuts found so far and the items admitted so far is solved;
 * then (rows) the deepest cut of every opponent at the master's lottery is computed exactly and
 * the violated ones are added, and (columns) items whose reduced cost is negative are admitted.
 *
 * Bounds, valid whatever the LP's accuracy: the upper bound is the exact objective of the best
 * lottery evaluated; the lower bound is the Lagrangian bound of the master's cut duals y,
 * `min_i sum_cut y_cut (a_i - sigma_cut)` over ALL items (each cut is a valid lower bound on the
 * objective, so any convex weighting is, and its minimum over lotteries sits at a pure item).
 * Polyhedral norms have finitely many deepest cuts per opponent (box: coordinate or sign
 * directions; polyhedra: LP vertices), so the method is exact; for l2 it converges, with in-out
 * stabilisation. O(rounds x (n k |support| + master LP)).
 *
 * @example
 * ```ts
 * const solution = blackwellByGeneration(matrices, target, 'linf', context, { columns: true, maximumRounds: 200, maximumItems: 3 })
 * assert.ok(solution.upperBound - solution.lowerBound <= context.tolerance) // it ended normally
 * ```
 */
export function blackwellByGeneration(
  matrices: readonly Matrix[],
  target: TargetSet,
  norm: NormName,
  context: SolveContext,
  settings: GenerationSettings,
): GenerationSolution {
  const n = matrices[0].rows;
  const inMaster = new Uint8Array(n);
  const items: number[] = settings.columns
    ? strongestItems(matrices, Math.min(n, 2), Math.min(n, 6))
    : Array.from({ length: n }, (_, i) => i);
  for (const i of items) inMaster[i] = 1;
  const cuts: Cut[] = settings.columns ? [] : faceCuts(matrices, target);

  let best = cleanDistribution(Float64Array.from({ length: n }, (_, i) => (inMaster[i] ? 1 : 0)));
  const start = separate(matrices, target, norm, best, 0, context.tolerance / 4);
  let upperBound = start.value;
  for (const found of start.violated.slice(0, cutsPerRound))
    cuts.push(cutFor(matrices, found.opponent, found.direction, found.support));

  // Master: columns t (0) and the admitted items; rows the simplex (0) and the cuts.
  const simplex = new SparseRowBuilder();
  simplex.addRow(
    Int32Array.from({ length: items.length }, (_, index) => index + 1),
    new Float64Array(items.length).fill(1),
    1,
    1,
  );
  const cost = new Float64Array(items.length + 1);
  cost[0] = 1;
  const upper = new Float64Array(items.length + 1).fill(1);
  upper[0] = Infinity;
  const first = linearProgram('minimize', { cost, lower: new Float64Array(items.length + 1), upper }, simplex.finish());
  const session = context.backend.open(first);
  session.addRows(cutRows(cuts, items));

  let lowerBound = 0;
  let lpStatus: LpStatus = 'optimal';
  let rounds = 0;
  let gaveUp = false;
  let master: Float64Array | null = null;
  try {
    while (upperBound - lowerBound > context.tolerance) {
      const stop = stopBeforeRound(context, rounds, items.length, settings);
      if (stop) {
        lpStatus = stop;
        gaveUp = stop === 'iteration_limit';
        break;
      }
      rounds++;
      assertContextCanSolve(context, session);
      const solution = session.solve({ timeLimitMs: remainingMs(context), algorithm: 'simplex' });
      record(context, solution);
      lpStatus = solution.status;
      if (solution.status !== 'optimal' || !solution.primal || !solution.rowDuals) break;

      // Lagrangian bound and reduced costs over every item from the cut duals y (clipped at 0).
      const duals = solution.rowDuals;
      const weighted = new Float64Array(n);
      let offset = 0;
      let total = 0;
      cuts.forEach((cut, index) => {
        const weight = Math.max(0, duals[index + 1]);
        if (weight === 0) return;
        total += weight;
        offset -= weight * cut.support;
        for (let i = 0; i < n; i++) weighted[i] += weight * cut.coefficients[i];
      });
      const scale = Math.max(1, total);
      let bound = Infinity;
      for (let i = 0; i < n; i++) bound = Math.min(bound, (weighted[i] + offset) / scale);
      lowerBound = Math.max(lowerBound, bound);

      const primal = solution.primal;
      const masterPoint = new Float64Array(n);
      items.forEach((item, index) => {
        masterPoint[item] = primal[index + 1];
      });
      master = cleanDistribution(masterPoint);
      const masterLottery = master;
      const level = primal[0];
      const query =
        norm === 'l2'
          ? Float64Array.from(best, (value, i) => stabilisation * value + (1 - stabilisation) * masterLottery[i])
          : masterLottery;
      let round = separate(matrices, target, norm, query, level, context.tolerance / 4);
      let point = query;
      if (round.violated.length === 0 && query !== masterLottery) {
        round = separate(matrices, target, norm, masterLottery, level, context.tolerance / 4);
        point = masterLottery;
      }
      if (round.value < upperBound) {
        upperBound = round.value;
        best = point;
      }
      // New items first (their entries in the existing rows), then the new cuts over every column.
      const admitted: number[] = [];
      if (settings.columns) {
        // Reduced cost of item i: -mu + sum_cut y_cut a_i (the simplex row's dual is mu).
        const mu = duals[0];
        const candidates: Array<[number, number]> = [];
        for (let i = 0; i < n; i++)
          if (!inMaster[i] && weighted[i] - mu < -context.tolerance / 4) candidates.push([i, weighted[i] - mu]);
        candidates.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
        for (const [i] of candidates.slice(0, itemsPerRound)) admitted.push(i);
      }
      if (round.violated.length === 0 && admitted.length === 0) break;
      if (admitted.length > 0) {
        session.addColumns(itemColumns(cuts, admitted));
        for (const i of admitted) {
          items.push(i);
          inMaster[i] = 1;
        }
      }
      const fresh = round.violated
        .slice(0, cutsPerRound)
        .map((found) => cutFor(matrices, found.opponent, found.direction, found.support));
      session.addRows(cutRows(fresh, items));
      cuts.push(...fresh);
    }
  } finally {
    session.dispose();
  }
  // The master's lottery is a vertex (small support); prefer it when it is just as good.
  if (master && best !== master) {
    const value = separate(matrices, target, norm, master, Infinity, 0).value;
    if (value <= Math.max(upperBound, lowerBound + context.tolerance)) {
      best = master;
      upperBound = value;
    }
  }
  return {
    distribution: best,
    lowerBound: Math.min(lowerBound, upperBound),
    upperBound,
    rounds,
    lpStatus,
    gaveUp,
    masterItems: items.length,
  };
}
