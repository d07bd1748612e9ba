import { PrefgameError } from '../errors.js';
import { Field } from '../schema/field.js';
import { criterionIndex } from '../preferences/names.js';
import { supportOf } from '../numeric/lottery.js';
import { tolerances } from '../numeric/tolerances.js';
import type { Limits } from '../limits.js';
import type { ApproachabilityDocument, ApproachabilityResultDocument } from '../schema/approachability.js';
import type { SolveStatusValue } from '../schema/result.js';
import { withTolerance, type SolveContext } from '../games/context.js';
import { solveMatrixGame } from '../games/matrix-game.js';
import { distanceToTarget, projectOntoTarget, supportValue, type NormName } from '../targets/distance.js';
import { buildTargetSet, type TargetSet } from '../targets/target-set.js';
import { blackwellSolution } from '../winners/blackwell.js';
import { contextFor } from '../winners/options.js';
import { byName, statusFor } from '../winners/result.js';
import { searchDirections } from './directions.js';
import { opponentPolicy, simulateBlackwell } from './simulate.js';
import { blackwellStrategy } from './strategy.js';
import { directionGame, readVectorGame, type VectorGame } from './vector-game.js';

/** Default tolerance of the approachability distance (the branch and bound converges, it does not terminate). */
export const defaultApproachabilityTolerance = 1e-6;
/** Default budget of direction cells. */
export const defaultMaxCells = 4000;

/**
 * Reads and checks an `approachability` document: the game, the target, the strategy's average
 * (every criterion named, finite) and the simulated opponent.
 *
 * @example
 * ```ts
 * readApproachability({ kind: 'approachability', criteria, target: { thresholds: { safety: 0.4 } } }).game.symmetric // true
 * ```
 */
export function readApproachability(document: ApproachabilityDocument): {
  game: VectorGame;
  target: TargetSet;
  average: Float64Array | null;
} {
  const game = readVectorGame(document);
  const target = buildTargetSet(document.target, game.criteria);
  let average: Float64Array | null = null;
  if (document.strategy && document.strategy.rounds > 0) {
    const field = new Field(['strategy', 'average']);
    average = new Float64Array(game.criteria.length).fill(NaN);
    for (const [name, value] of Object.entries(document.strategy.average)) {
      const index = criterionIndex(game.criteria, name, field.at(name));
      if (!Number.isFinite(value))
        throw new PrefgameError(
          'PREF_ERR_NON_FINITE',
          `${field}.${name} is ${value}, not a finite number`,
          field.at(name).pointer,
        );
      average[index] = value;
    }
    const missing = game.criteria.filter((_, c) => Number.isNaN(average![c]));
    if (missing.length > 0)
      throw new PrefgameError(
        'PREF_ERR_MISSING_FIELD',
        `${field} has no value for ${missing.map((name) => `"${name}"`).join(', ')}`,
        field.at(missing[0]).pointer,
      );
  }
  if (document.simulate) opponentPolicy(document.simulate.opponent, game, target, 0, () => 0.5);
  return { game, target, average };
}

/** The direction that separates `point` from S in l2 (unit, towards S), and its gap as a lower bound in the problem's norm. */
function separatingDirection(
  point: Float64Array,
  target: TargetSet,
  norm: NormName,
): { direction: Float64Array; gap: number } | null {
  const nearest = projectOntoTarget(target, point);
  const difference = nearest.map((value, c) => value - point[c]);
  const dual =
    norm === 'linf'
      ? difference.reduce((sum, value) => sum + Math.abs(value), 0)
      : norm === 'l1'
        ? Math.max(...difference.map(Math.abs))
        : Math.hypot(...difference);
  if (!(dual > 0)) return null;
  const direction = difference.map((value) => value / dual);
  let dot = 0;
  for (let c = 0; c < point.length; c++) dot += direction[c] * point[c];
  return {
    direction,
    gap:
      -supportValue(
        target,
        direction.map((value) => -value),
      ) - dot,
  };
}

/** The approachability analysis: the distance's bounds, a witness, and (symmetric games) the one-shot contrast. */
function analyse(
  game: VectorGame,
  target: TargetSet,
  norm: NormName,
  context: SolveContext,
  maxCells: number,
  tolerance: number,
) {
  const k = game.criteria.length;
  if (game.symmetric) {
    // sum_c lambda_c P_c is constant-sum (P[i][j] + P[j][i] = sum_c lambda_c), so its value is
    // (sum_c lambda_c) / 2 and the condition of Blackwell's theorem reads lambda . (1/2) >= h_S(lambda):
    // S is approachable iff (1/2, ..., 1/2) is in S, and the distance is dist((1/2, ..., 1/2), S).
    const center = new Float64Array(k).fill(0.5);
    const distance = distanceToTarget(target, center, norm);
    const separation = separatingDirection(center, target, norm);
    const witness = separation
      ? {
          direction: separation.direction,
          gap: separation.gap,
          opponent: solveMatrixGame(directionGame(game, separation.direction), context).columnStrategy,
        }
      : null;
    const oneShot = withTolerance(context, norm === 'l2' ? tolerances.gapL2 : tolerances.gap, (inner) =>
      blackwellSolution(game.matrices, target, norm, inner),
    );
    return {
      lowerBound: distance,
      upperBound: distance,
      method: 'symmetric-closed-form',
      cells: undefined,
      complete: true,
      witness,
      oneShot,
      lpStatus: 'optimal' as const,
    };
  }
  const search = searchDirections(game, target, norm, context, { maxCells, tolerance });
  return {
    lowerBound: Math.max(0, search.lowerBound),
    upperBound: Math.max(0, search.upperBound),
    method: 'direction-branch-and-bound',
    cells: search.cells,
    complete: search.complete,
    witness: search.witness && search.witness.gap > 0 ? search.witness : null,
    oneShot: null,
    lpStatus: search.lpStatus,
  };
}

/**
 * Solves a validated `approachability` problem (docs/design.md section 1.7): whether the target S can
 * be approached in repeated play, i.e. whether we can force the long-run average payoff vector
 * into S against every opponent, and the smallest approachable enlargement of S (the
 * approachability distance, with certified bounds). Symmetric preference games have the closed
 * form `dist((1/2, ..., 1/2), S)`, contrasted with the one-shot Blackwell value; vector-payoff
 * games are searched over directions ({@link searchDirections}). Optionally Blackwell's
 * adaptive strategy for a given history and a seeded simulation of it.
 *
 * @example
 * ```ts
 * const result = solveApproachability({ kind: 'approachability', criteria, target: { thresholds: { safety: 0.6 } } }, defaultLimits)
 * assert.equal(result.approachable, false) // (1/2, 1/2) is not in the target
 * assert.ok(result.distance!.lowerBound > 0)
 * ```
 */
export function solveApproachability(document: ApproachabilityDocument, limits: Limits): ApproachabilityResultDocument {
  const started = performance.now();
  const tolerance = document.options?.tolerance ?? defaultApproachabilityTolerance;
  const context = contextFor(document.options, limits, tolerance);
  const { game, target, average } = readApproachability(document);
  const norm = document.norm ?? 'linf';
  const maxCells = document.maxCells ?? defaultMaxCells;
  const analysis = document.analyze === false ? null : analyse(game, target, norm, context, maxCells, tolerance);
  let status: SolveStatusValue = 'optimal';
  if (analysis) {
    const gap = analysis.upperBound - analysis.lowerBound;
    status = statusFor(gap, tolerance, analysis.lpStatus, context.timedOut);
    if (status !== 'optimal')
      context.warnings.push(
        `the search over directions stopped at a gap of ${gap.toExponential(3)} (maxCells = ${maxCells}): the distance lies within the bounds given`,
      );
  }
  // The strategy approaches the smallest enlargement known to be approachable, in l2.
  const enlargementFor = (requested: number | undefined): number => {
    if (requested !== undefined) return requested;
    if (analysis && norm === 'l2') return analysis.upperBound <= tolerance ? 0 : analysis.upperBound;
    if (game.symmetric) return distanceToTarget(target, new Float64Array(game.criteria.length).fill(0.5), 'l2');
    const l2 = searchDirections(game, target, 'l2', context, { maxCells, tolerance });
    return Math.max(0, l2.upperBound) <= tolerance ? 0 : Math.max(0, l2.upperBound);
  };
  const named = (vector: Float64Array | null) => (vector ? byName(game.criteria, vector) : null);
  let strategy: ApproachabilityResultDocument['strategy'];
  if (document.strategy) {
    const enlargement = enlargementFor(document.strategy.enlargement);
    const step = blackwellStrategy(game, target, enlargement, average, context);
    strategy = {
      distribution: Array.from(step.distribution),
      support: supportOf(step.distribution, game.items),
      enlargement,
      direction: named(step.direction),
      projection: named(step.projection),
      distance: step.distance,
    };
  }
  let simulation: ApproachabilityResultDocument['simulation'];
  if (document.simulate) {
    const run = simulateBlackwell(
      game,
      target,
      norm,
      document.simulate,
      enlargementFor(document.simulate.enlargement),
      context,
    );
    simulation = {
      ...run,
      trajectory: run.trajectory.map((step) => ({ ...step, average: byName(game.criteria, step.average) })),
    };
  }
  const approachable = analysis
    ? analysis.upperBound <= tolerance
      ? true
      : analysis.lowerBound > tolerance
        ? false
        : null
    : undefined;
  const oneShot = analysis?.oneShot;
  return {
    ...(document.id !== undefined ? { id: document.id } : {}),
    kind: 'approachability',
    status,
    game: game.symmetric ? 'symmetric' : 'vector-payoff',
    items: game.items,
    columns: game.columns,
    criteria: game.criteria,
    norm,
    ...(analysis
      ? {
          approachable,
          distance: {
            lowerBound: analysis.lowerBound,
            upperBound: analysis.upperBound,
            gap: analysis.upperBound - analysis.lowerBound,
          },
          method: analysis.method,
          ...(analysis.cells !== undefined ? { cells: analysis.cells } : {}),
          ...(analysis.witness
            ? {
                witness: {
                  direction: byName(game.criteria, analysis.witness.direction),
                  gap: analysis.witness.gap,
                  opponent: Array.from(analysis.witness.opponent),
                },
              }
            : {}),
        }
      : {}),
    ...(oneShot
      ? {
          oneShot: {
            distribution: Array.from(oneShot.distribution),
            support: supportOf(oneShot.distribution, game.items),
            value: oneShot.value,
            certificate: {
              lowerBound: oneShot.lowerBound,
              upperBound: oneShot.value,
              gap: oneShot.value - oneShot.lowerBound,
            },
            status: statusFor(
              oneShot.value - oneShot.lowerBound,
              norm === 'l2' ? tolerances.gapL2 : tolerances.gap,
              oneShot.lpStatus,
              context.timedOut,
            ),
          },
        }
      : {}),
    ...(strategy ? { strategy } : {}),
    ...(simulation ? { simulation } : {}),
    diagnostics: {
      backend: context.backend.name,
      method: analysis?.method ?? 'strategy',
      iterations: context.iterations,
      lpSolves: context.lpSolves,
      elapsedMs: Math.round((performance.now() - started) * 1000) / 1000,
    },
    warnings: context.warnings,
  };
}
