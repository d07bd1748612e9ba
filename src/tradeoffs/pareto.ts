import { PrefgameError } from '../errors.js';
import { readCriteria, type PreferenceTensor } from '../criteria/read-criteria.js';
import { supportOf } from '../numeric/lottery.js';
import { tolerances } from '../numeric/tolerances.js';
import type { Limits } from '../limits.js';
import type { MarkedWinnerDocument, ParetoDocument, ParetoResultDocument } from '../schema/pareto.js';
import type { SolveStatusValue } from '../schema/result.js';
import { withTolerance, type SolveContext } from '../games/context.js';
import { solveSymmetricGame } from '../games/symmetric-game.js';
import { buildTargetSet, type TargetSet } from '../targets/target-set.js';
import { normaliseWeights, weightedMatrix } from '../winners/linear.js';
import { contextFor } from '../winners/options.js';
import { guarantees } from '../winners/payoff-vectors.js';
import { byName, certify } from '../winners/result.js';
import { bensonFrontier } from './benson.js';
import { frontierTwo, type FrontierSolution } from './frontier-two.js';
import { markedBlackwell, solveSweep, sweepTargets } from './sweep.js';

/** The most criteria a frontier is computed for. */
export const maxFrontierCriteria = 8;

/** Default vertex budget of a frontier. */
export const defaultMaxVertices = 1000;

/**
 * Default tolerance of a frontier: the largest Hausdorff distance still called exact. 1e-8, not
 * the LP default 1e-9: at n = 200 consecutive frontier vertices turn by angles near 1e-5, and
 * the LPs' 1e-11 accuracy moves the outer approximation's corners by about 1e-11 / 1e-5.
 */
export const defaultFrontierTolerance = 1e-8;

/**
 * Reads and checks the content of a `pareto` document: criteria (at least two, one size), the
 * optional target, weights and sweep.
 *
 * @example
 * ```ts
 * readPareto({ kind: 'pareto', criteria }).tensor.criteria // ['speed', 'safety']
 * ```
 */
export function readPareto(
  document: ParetoDocument,
  warnings: string[] = [],
): { tensor: PreferenceTensor; target: TargetSet | null; weights: Float64Array | null } {
  const tensor = readCriteria(document.criteria, document.items);
  if (tensor.criteria.length < 2)
    throw new PrefgameError('PREF_ERR_SCHEMA', 'a Pareto frontier needs at least two criteria', '/criteria');
  if (tensor.criteria.length > maxFrontierCriteria) {
    throw new PrefgameError(
      'PREF_ERR_TOO_LARGE',
      `criteria has ${tensor.criteria.length}; Pareto frontiers are computed for at most ${maxFrontierCriteria} criteria (the outer approximation starts with 2^k vertices)`,
      '/criteria',
    );
  }
  const target = document.target ? buildTargetSet(document.target, tensor.criteria) : null;
  const weights = document.weights ? normaliseWeights(document.weights, tensor.criteria, warnings) : null;
  if (document.sweep) sweepTargets(document.sweep, tensor.criteria);
  return { tensor, target, weights };
}

function markedLinear(tensor: PreferenceTensor, weights: Float64Array, context: SolveContext): MarkedWinnerDocument {
  const game = solveSymmetricGame(weightedMatrix(tensor.matrices, weights), context);
  const { status, certificate } = certify(
    game.lowerBound,
    game.upperBound,
    context.tolerance,
    game.lpStatus,
    context.timedOut,
  );
  return {
    status,
    distribution: Array.from(game.distribution),
    support: supportOf(game.distribution, tensor.items),
    guarantees: byName(tensor.criteria, guarantees(tensor.matrices, game.distribution)),
    value: game.lowerBound,
    certificate,
    weights: byName(tensor.criteria, weights),
  };
}

/** Why a frontier is not exact: the deadline, the vertex budget, or the numerics. */
function frontierStatus(frontier: FrontierSolution, context: SolveContext): SolveStatusValue {
  if (context.timedOut || context.now() >= context.deadline) return 'time_limit';
  if (frontier.truncated) return 'iteration_limit';
  return frontier.lpStatus === 'optimal' || frontier.lpStatus === 'infeasible' || frontier.lpStatus === 'unbounded'
    ? 'numerical_error'
    : frontier.lpStatus;
}

/**
 * Solves a validated `pareto` problem: the Pareto frontier of the worst-case guarantees
 * `g_c(pi) = min_j sum_i pi_i P_c[i][j]` (docs/design.md section 1.6), as its vertices with lotteries
 * that attain them, exact for two criteria ({@link frontierTwo}) and for more up to the vertex
 * budget ({@link bensonFrontier}); past the budget or the time limit, an inner and an outer
 * approximation with the Hausdorff distance between them. Optionally the Blackwell winner of
 * `target`, the linear winner of `weights` (marked on the frontier's plot) and a threshold
 * sweep. `status` is `optimal` when the frontier is exact and every marked winner is optimal.
 *
 * @example
 * ```ts
 * const criteria = [{ name: 'safety', preferences: safetyRows }, { name: 'comfort', preferences: comfortRows }]
 * const result = solvePareto({ kind: 'pareto', criteria }, defaultLimits)
 * assert.equal(result.frontier.length, 4)
 * ```
 */
export function solvePareto(document: ParetoDocument, limits: Limits): ParetoResultDocument {
  const started = performance.now();
  const tolerance = document.options?.tolerance ?? defaultFrontierTolerance;
  const context = contextFor(document.options, limits, defaultFrontierTolerance);
  const { tensor, target, weights } = readPareto(document, context.warnings);
  const maxVertices = document.maxVertices ?? defaultMaxVertices;
  const k = tensor.criteria.length;
  const frontier =
    k === 2
      ? frontierTwo(tensor.matrices, context, { maxVertices, splitTolerance: tolerance / 100, tolerance })
      : bensonFrontier(tensor.matrices, context, { maxVertices, tolerance: tolerance / 10 });
  const exact = !frontier.truncated && frontier.lpStatus === 'optimal' && frontier.hausdorffDistance <= tolerance;
  if (frontier.truncated) {
    context.warnings.push(
      context.timedOut || context.deadline <= context.now()
        ? 'the time limit stopped the frontier early: frontier is an inner approximation, outer an outer one'
        : `the frontier has more than maxVertices = ${maxVertices} vertices: frontier is an inner approximation, outer an outer one`,
    );
  }
  const winnerTolerance = (norm: string) =>
    document.options?.tolerance ?? (norm === 'l2' ? tolerances.gapL2 : tolerances.gap);
  const norm = document.norm ?? 'linf';
  const blackwell = target
    ? {
        ...withTolerance(context, winnerTolerance(norm), (inner) => markedBlackwell(tensor, target, norm, inner)),
        target: document.target!,
      }
    : undefined;
  const linear = weights
    ? withTolerance(context, winnerTolerance('linf'), (inner) => markedLinear(tensor, weights, inner))
    : undefined;
  const sweepNorm = document.sweep?.norm ?? norm;
  const sweep = document.sweep
    ? withTolerance(context, winnerTolerance(sweepNorm), (inner) =>
        solveSweep(tensor, document.sweep!, sweepNorm, inner),
      )
    : undefined;
  const statuses: SolveStatusValue[] = [
    blackwell?.status,
    linear?.status,
    ...(sweep ?? []).map((step) => step.status),
  ].filter((status): status is SolveStatusValue => status !== undefined);
  const status: SolveStatusValue = exact
    ? (statuses.find((other) => other !== 'optimal') ?? 'optimal')
    : frontierStatus(frontier, context);
  return {
    ...(document.id !== undefined ? { id: document.id } : {}),
    kind: 'pareto',
    status,
    items: tensor.items,
    criteria: tensor.criteria,
    exact,
    frontier: frontier.vertices.map((vertex) => ({
      guarantees: byName(tensor.criteria, vertex.guarantees),
      distribution: Array.from(vertex.distribution),
      support: supportOf(vertex.distribution, tensor.items),
    })),
    outer: frontier.outer.map((point) => byName(tensor.criteria, point)),
    hausdorffDistance: frontier.hausdorffDistance,
    tolerance,
    ...(blackwell ? { blackwell } : {}),
    ...(linear ? { linear } : {}),
    ...(sweep ? { sweep } : {}),
    diagnostics: {
      backend: context.backend.name,
      method: k === 2 ? 'non-inferior-set' : 'benson-outer-approximation',
      iterations: context.iterations,
      lpSolves: context.lpSolves,
      elapsedMs: Math.round((performance.now() - started) * 1000) / 1000,
    },
    warnings: context.warnings,
  };
}
