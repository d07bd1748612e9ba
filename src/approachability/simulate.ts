import { PrefgameError } from '../errors.js';
import { Field } from '../schema/field.js';
import { columnPayoffs } from '../numeric/matrix.js';
import { compensatedSum } from '../numeric/sum.js';
import { seededRandom } from '../numeric/random.js';
import type { SolveContext } from '../games/context.js';
import { pastDeadline } from '../games/context.js';
import type { OpponentDocument, SimulationRequestDocument } from '../schema/approachability.js';
import { distanceToTarget, projectOntoTarget, type NormName } from '../targets/distance.js';
import type { TargetSet } from '../targets/target-set.js';
import { blackwellRadius, blackwellStrategy } from './strategy.js';
import type { VectorGame } from './vector-game.js';

/** One reported point of a simulated run. */
export interface TrajectoryStep {
  round: number;
  average: Float64Array;
  distance: number;
  enlargedDistance: number;
  bound: number;
}

/** Picks the opponent's column lottery for a round (given our lottery and the average so far). */
type OpponentPolicy = (round: number, ours: Float64Array, average: Float64Array) => Float64Array;

function unit(length: number, index: number): Float64Array {
  const vector = new Float64Array(length);
  vector[index] = 1;
  return vector;
}

function draw(distribution: ArrayLike<number>, random: () => number): number {
  let remaining = random();
  for (let index = 0; index < distribution.length; index++) {
    remaining -= distribution[index];
    if (remaining < 0) return index;
  }
  for (let index = distribution.length - 1; index >= 0; index--) if (distribution[index] > 0) return index;
  return 0;
}

function euclideanGap(point: Float64Array, target: TargetSet, enlargement: number): number {
  const nearest = projectOntoTarget(target, point);
  let squares = 0;
  for (let c = 0; c < point.length; c++) squares += (point[c] - nearest[c]) ** 2;
  return Math.max(0, Math.sqrt(squares) - enlargement);
}

/**
 * Checks a simulated opponent against the game and returns its policy: `fixed` (a column lottery
 * or one column, every round), `random` (a uniformly random column each round), `sequence` (the
 * named columns in turn) or `best-response` (each round the column that takes the next average
 * farthest, in l2, from the enlarged target, knowing our lottery: the adversary of Blackwell's
 * theorem). O(1) per round, O(n) projections for `best-response`.
 *
 * @example
 * ```ts
 * const opponent = opponentPolicy({ type: 'random' }, game, target, 0, seededRandom(1))
 * ```
 */
export function opponentPolicy(
  opponent: OpponentDocument,
  game: VectorGame,
  target: TargetSet,
  enlargement: number,
  random: () => number,
): OpponentPolicy {
  const field = new Field(['simulate', 'opponent']);
  const n = game.columns.length;
  const allowed: Record<string, string[]> = {
    fixed: ['distribution', 'column'],
    sequence: ['columns'],
    random: [],
    'best-response': [],
  };
  for (const name of ['distribution', 'column', 'columns']) {
    if ((opponent as Record<string, unknown>)[name] !== undefined && !allowed[opponent.type].includes(name)) {
      throw new PrefgameError(
        'PREF_ERR_UNKNOWN_FIELD',
        `${field}.${name} does not apply to an opponent of type "${opponent.type}"`,
        field.at(name).pointer,
      );
    }
  }
  const columnIndex = (name: string, place: Field) => {
    const index = game.columns.indexOf(name);
    if (index < 0)
      throw new PrefgameError(
        'PREF_ERR_UNKNOWN_ITEM',
        `${place} names "${name}", which is not one of the opponent's columns`,
        place.pointer,
      );
    return index;
  };
  switch (opponent.type) {
    case 'fixed': {
      if ((opponent.distribution === undefined) === (opponent.column === undefined)) {
        throw new PrefgameError(
          'PREF_ERR_SCHEMA',
          `${field} of type "fixed" needs exactly one of distribution and column`,
          field.pointer,
        );
      }
      let lottery: Float64Array;
      if (opponent.column !== undefined) lottery = unit(n, columnIndex(opponent.column, field.at('column')));
      else {
        const given = opponent.distribution!;
        if (given.length !== n)
          throw new PrefgameError(
            'PREF_ERR_SIZE_MISMATCH',
            `${field}.distribution has ${given.length} entries but the opponent has ${n} columns`,
            field.at('distribution').pointer,
          );
        given.forEach((value, index) => {
          if (!(value >= 0 && value <= 1))
            throw new PrefgameError(
              'PREF_ERR_OUT_OF_RANGE',
              `${field}.distribution[${index}] is ${value}; probabilities must lie in [0, 1]`,
              field.at('distribution', index).pointer,
            );
        });
        const total = compensatedSum(given);
        if (Math.abs(total - 1) > 1e-9)
          throw new PrefgameError(
            'PREF_ERR_OUT_OF_RANGE',
            `${field}.distribution sums to ${total}, not 1`,
            field.at('distribution').pointer,
          );
        lottery = Float64Array.from(given, (value) => value / total);
      }
      return () => lottery;
    }
    case 'random':
      return () => unit(n, Math.min(n - 1, Math.floor(random() * n)));
    case 'sequence': {
      if (!opponent.columns)
        throw new PrefgameError(
          'PREF_ERR_MISSING_FIELD',
          `${field} of type "sequence" needs columns`,
          field.at('columns').pointer,
        );
      const indices = opponent.columns.map((name, index) => columnIndex(name, field.at('columns', index)));
      return (round) => unit(n, indices[round % indices.length]);
    }
    case 'best-response':
      return (round, ours, average) => {
        const payoffs = game.matrices.map((matrix) => columnPayoffs(matrix, ours));
        let best = 0;
        let farthest = -Infinity;
        const next = new Float64Array(average.length);
        for (let j = 0; j < n; j++) {
          for (let c = 0; c < average.length; c++) next[c] = average[c] + (payoffs[c][j] - average[c]) / (round + 1);
          const gap = euclideanGap(next, target, enlargement);
          if (gap > farthest) [farthest, best] = [gap, j];
        }
        return unit(n, best);
      };
  }
}

/**
 * Plays Blackwell's strategy ({@link blackwellStrategy}) for `rounds` rounds against a simulated
 * opponent and reports the average payoff vector, its distance to the target (problem norm) and
 * to the enlarged target (l2), and Blackwell's bound `R / sqrt(t)`, at geometrically spaced
 * checkpoints. With `payoffs: "sampled"` (default) both actions are drawn each round with the
 * seeded generator; with `"expected"` the expected payoff vector of the two lotteries is
 * averaged, and the bound holds deterministically. One matrix game per round.
 *
 * @example
 * ```ts
 * const run = simulateBlackwell(game, target, 'l2', { rounds: 1000, opponent: { type: 'random' }, seed: 1 }, 0, context)
 * assert.ok(run.trajectory.length > 0)
 * ```
 */
export function simulateBlackwell(
  game: VectorGame,
  target: TargetSet,
  norm: NormName,
  request: SimulationRequestDocument,
  enlargement: number,
  context: SolveContext,
) {
  const k = game.criteria.length;
  const random = seededRandom(request.seed ?? 1);
  const policy = opponentPolicy(request.opponent, game, target, enlargement, random);
  const sampled = (request.payoffs ?? 'sampled') === 'sampled';
  const radius = blackwellRadius(game, enlargement);
  const count = request.checkpoints ?? 40;
  const checkpoints = new Set(
    Array.from({ length: count }, (_, s) => Math.max(1, Math.round(request.rounds ** (s / (count - 1))))),
  );
  const average = new Float64Array(k);
  const trajectory: TrajectoryStep[] = [];
  let played = 0;
  for (let round = 0; round < request.rounds; round++) {
    if (pastDeadline(context)) {
      context.warnings.push(`the time limit stopped the simulation after ${played} of ${request.rounds} rounds`);
      break;
    }
    const ours = blackwellStrategy(game, target, enlargement, round === 0 ? null : average, context).distribution;
    const theirs = policy(round, ours, average);
    const payoff = new Float64Array(k);
    if (sampled) {
      const i = draw(ours, random);
      const j = draw(theirs, random);
      game.matrices.forEach((matrix, c) => (payoff[c] = matrix.data[i * matrix.columns + j]));
    } else {
      game.matrices.forEach((matrix, c) => {
        const row = columnPayoffs(matrix, ours);
        let sum = 0;
        for (let j = 0; j < theirs.length; j++) sum += row[j] * theirs[j];
        payoff[c] = sum;
      });
    }
    for (let c = 0; c < k; c++) average[c] += (payoff[c] - average[c]) / (round + 1);
    played = round + 1;
    if (checkpoints.has(played) || played === request.rounds) {
      trajectory.push({
        round: played,
        average: Float64Array.from(average),
        distance: distanceToTarget(target, average, norm),
        enlargedDistance: euclideanGap(average, target, enlargement),
        bound: radius / Math.sqrt(played),
      });
    }
  }
  return { rounds: played, enlargement, radius, trajectory };
}
