import type { SolveContext } from '../games/context.js';
import { solveMatrixGame } from '../games/matrix-game.js';
import { projectOntoTarget } from '../targets/distance.js';
import type { TargetSet } from '../targets/target-set.js';
import { directionGame, type VectorGame } from './vector-game.js';

/** The lottery Blackwell's strategy plays next, and why. */
export interface StrategyStep {
  distribution: Float64Array;
  /** Unit vector from the average towards the enlarged target; null when the average is inside it (or there is no history). */
  direction: Float64Array | null;
  /** The Euclidean projection of the average onto the enlarged target; null as for `direction`. */
  projection: Float64Array | null;
  /** Euclidean distance of the average to the enlarged target. */
  distance: number;
}

/**
 * Blackwell's adaptive strategy (Blackwell 1956, Theorem 1), stateless: from the average payoff
 * vector so far, the lottery to play next. With `p` the Euclidean projection of the average `a`
 * onto `S_eps` (the target enlarged by `enlargement` in l2), it plays the maximin lottery of the
 * scalar game `lambda . A` with `lambda = (p - a) / |p - a|`, which keeps every next payoff on the
 * far side of the hyperplane through p: `lambda . (A(x, y) - p) >= 0` for every opponent y
 * whenever `S_eps` is approachable. Then `dist(a_t, S_eps) <= R / sqrt(t)` for the averages of the
 * expected payoffs, with R bounding `|payoff - p|`: summing `(t+1)^2 d_{t+1}^2 <= t^2 d_t^2 + R^2`
 * (the cross term is <= 0 by the choice of x; see Cesa-Bianchi and Lugosi, "Prediction,
 * Learning, and Games", 2006, section 7.7). Inside `S_eps`, or without history, any lottery
 * will do: it plays the maximin lottery of the criteria's mean. One matrix game, O(LP + k m n).
 *
 * @example
 * ```ts
 * const { distribution } = blackwellStrategy(game, target, 0, Float64Array.of(0.4, 0.6), context)
 * assert.equal(distribution.length, 3) // a lottery over the rows
 * ```
 */
export function blackwellStrategy(
  game: VectorGame,
  target: TargetSet,
  enlargement: number,
  average: Float64Array | null,
  context: SolveContext,
): StrategyStep {
  const k = game.criteria.length;
  const inside = (distance: number): StrategyStep => ({
    distribution: solveMatrixGame(directionGame(game, new Float64Array(k).fill(1 / k)), context).rowStrategy,
    direction: null,
    projection: null,
    distance,
  });
  if (average === null) return inside(0);
  const nearest = projectOntoTarget(target, average);
  let length = 0;
  for (let c = 0; c < k; c++) length += (average[c] - nearest[c]) ** 2;
  length = Math.sqrt(length);
  if (length <= enlargement + 1e-15) return inside(0);
  // The projection onto S_eps moves from the projection onto S towards the average by eps.
  const projection = nearest.map((value, c) => value + (enlargement * (average[c] - value)) / length);
  const direction = projection.map((value, c) => (value - average[c]) / (length - enlargement));
  return {
    distribution: solveMatrixGame(directionGame(game, direction), context).rowStrategy,
    direction,
    projection,
    distance: length - enlargement,
  };
}

/**
 * R in Blackwell's bound: an upper bound on `|payoff - p|_2` for every payoff vector and every
 * point p of the enlarged target (which lies in `[0, 1]^k` enlarged by eps). O(k m n).
 *
 * @example
 * ```ts
 * assert.ok(blackwellRadius(game, 0) <= Math.sqrt(2)) // <= sqrt(k)
 * ```
 */
export function blackwellRadius(game: VectorGame, enlargement: number): number {
  const { rows, columns } = game.matrices[0];
  let radius = 0;
  for (let index = 0; index < rows * columns; index++) {
    let squares = 0;
    for (const matrix of game.matrices) {
      const value = matrix.data[index];
      squares += Math.max(value * value, (1 - value) * (1 - value));
    }
    radius = Math.max(radius, Math.sqrt(squares));
  }
  return radius + enlargement;
}
