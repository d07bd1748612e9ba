import { PrefgameError } from '../errors.js';
import { Field } from '../schema/field.js';
import { criterionIndex } from '../preferences/names.js';
import type { PreferenceTensor } from '../criteria/read-criteria.js';
import { supportOf } from '../numeric/lottery.js';
import type { MarkedWinnerDocument, SweepDocument } from '../schema/pareto.js';
import type { SolveContext } from '../games/context.js';
import { buildTargetSet, type TargetSet } from '../targets/target-set.js';
import type { NormName } from '../targets/distance.js';
import { blackwellSolution } from '../winners/blackwell.js';
import { guarantees } from '../winners/payoff-vectors.js';
import { byName, certify } from '../winners/result.js';

/** The most targets one sweep may ask for. */
export const maxSweepTargets = 1000;

function checkThreshold(value: number, field: Field): void {
  if (!Number.isFinite(value))
    throw new PrefgameError('PREF_ERR_NON_FINITE', `${field} is ${value}, not a finite number`, field.pointer);
  if (value > 1)
    throw new PrefgameError(
      'PREF_ERR_EMPTY_TARGET',
      `${field} is ${value}: no win probability reaches a threshold above 1`,
      field.pointer,
    );
}

/**
 * The threshold targets of a sweep, in order: a line of `steps` evenly spaced targets from
 * `from` to `to` (both included), or every combination of a grid's values (the first named
 * criterion varies slowest). Checks names, the form (exactly one of line or grid), thresholds
 * (finite, at most 1) and the count (at most {@link maxSweepTargets}). O(targets k).
 *
 * @example
 * ```ts
 * sweepTargets({ from: { safety: 0.3 }, to: { safety: 0.5 }, steps: 3 }, ['safety', 'comfort'])
 * // [{ safety: 0.3 }, { safety: 0.4 }, { safety: 0.5 }]
 * ```
 */
export function sweepTargets(sweep: SweepDocument, criteria: readonly string[]): Array<Record<string, number>> {
  const root = new Field(['sweep']);
  const line = sweep.from !== undefined || sweep.to !== undefined || sweep.steps !== undefined;
  if (line && sweep.grid !== undefined)
    throw new PrefgameError(
      'PREF_ERR_SCHEMA',
      'sweep has both a line (from, to, steps) and a grid: give one of them',
      root.pointer,
    );
  if (!line && sweep.grid === undefined)
    throw new PrefgameError('PREF_ERR_SCHEMA', 'sweep needs either from, to and steps (a line) or grid', root.pointer);
  if (sweep.grid !== undefined) {
    const names = Object.keys(sweep.grid);
    if (names.length === 0)
      throw new PrefgameError('PREF_ERR_SCHEMA', 'sweep.grid names no criterion', root.at('grid').pointer);
    let count = 1;
    for (const name of names) {
      criterionIndex(criteria, name, root.at('grid', name));
      sweep.grid[name].forEach((value, index) => checkThreshold(value, root.at('grid', name, index)));
      count *= sweep.grid[name].length;
    }
    if (count > maxSweepTargets)
      throw new PrefgameError(
        'PREF_ERR_TOO_LARGE',
        `sweep.grid has ${count} combinations; the limit is ${maxSweepTargets}`,
        root.at('grid').pointer,
      );
    let targets: Array<Record<string, number>> = [{}];
    for (const name of names)
      targets = targets.flatMap((partial) => sweep.grid![name].map((value) => ({ ...partial, [name]: value })));
    return targets;
  }
  for (const part of ['from', 'to', 'steps'] as const) {
    if (sweep[part] === undefined)
      throw new PrefgameError(
        'PREF_ERR_MISSING_FIELD',
        `sweep is missing "${part}" (a line sweep needs from, to and steps)`,
        root.at(part).pointer,
      );
  }
  const from = sweep.from!;
  const to = sweep.to!;
  const names = Object.keys(from);
  if (names.length === 0)
    throw new PrefgameError('PREF_ERR_SCHEMA', 'sweep.from names no criterion', root.at('from').pointer);
  for (const name of names) {
    criterionIndex(criteria, name, root.at('from', name));
    checkThreshold(from[name], root.at('from', name));
    if (!Object.prototype.hasOwnProperty.call(to, name))
      throw new PrefgameError(
        'PREF_ERR_MISSING_FIELD',
        `sweep.to has no "${name}", which sweep.from names`,
        root.at('to', name).pointer,
      );
  }
  for (const name of Object.keys(to)) {
    criterionIndex(criteria, name, root.at('to', name));
    checkThreshold(to[name], root.at('to', name));
    if (!Object.prototype.hasOwnProperty.call(from, name))
      throw new PrefgameError(
        'PREF_ERR_MISSING_FIELD',
        `sweep.from has no "${name}", which sweep.to names`,
        root.at('from', name).pointer,
      );
  }
  const steps = sweep.steps!;
  return Array.from({ length: steps }, (_, step) => {
    const fraction = step / (steps - 1);
    return Object.fromEntries(
      names.map((name) => [name, step === steps - 1 ? to[name] : from[name] + fraction * (to[name] - from[name])]),
    );
  });
}

/**
 * Blackwell winners for each threshold target of a sweep, in order, sharing the solve context
 * (one deadline, one set of counters). Each step reports its own status, lottery, value
 * (`max_j dist(z_j(pi), S)`, recomputed) and certificate, like a `blackwell` result. Monotone by
 * construction of the problem: raising thresholds shrinks the target, so along a line whose
 * thresholds rise the values never fall. One Blackwell solve per target.
 *
 * @example
 * ```ts
 * const winners = solveSweep(tensor, { from: { speed: 0.3, safety: 0.5 }, to: { speed: 0.5, safety: 0.3 }, steps: 11 }, 'linf', context)
 * assert.equal(winners.length, 11)
 * ```
 */
export function solveSweep(
  tensor: PreferenceTensor,
  sweep: SweepDocument,
  norm: NormName,
  context: SolveContext,
): MarkedWinnerDocument[] {
  return sweepTargets(sweep, tensor.criteria).map((thresholds) => ({
    ...markedBlackwell(tensor, buildTargetSet({ thresholds }, tensor.criteria), norm, context),
    thresholds,
  }));
}

/**
 * The Blackwell winner of one target as a marked point of a frontier picture: status, lottery,
 * guarantees per criterion, value (`max_j dist(z_j(pi), S)`, recomputed) and certificate.
 *
 * @example
 * ```ts
 * assert.equal(markedBlackwell(tensor, buildTargetSet({ thresholds: { safety: 0.5 } }, tensor.criteria), 'linf', context).value, 0)
 * ```
 */
export function markedBlackwell(
  tensor: PreferenceTensor,
  target: TargetSet,
  norm: NormName,
  context: SolveContext,
): MarkedWinnerDocument {
  const solution = blackwellSolution(tensor.matrices, target, norm, context);
  const { status, certificate } = certify(
    solution.lowerBound,
    solution.value,
    context.tolerance,
    solution.lpStatus,
    context.timedOut,
  );
  return {
    status,
    distribution: Array.from(solution.distribution),
    support: supportOf(solution.distribution, tensor.items),
    guarantees: byName(tensor.criteria, guarantees(tensor.matrices, solution.distribution)),
    value: solution.value,
    certificate,
    norm,
  };
}
