import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BattleCounter, rateItems } from '../../src/rank/index.js';
import { eloRating } from '../../src/baselines/index.js';
import { readComparisons } from '../../src/estimation/index.js';
import { syntheticBattles, syntheticStrengths, type Battle } from '../../src/generate/index.js';

/** Counts seeded synthetic battles (items named m0, m1, ... by their true index). */
function countBattles(battles: Iterable<Battle>): BattleCounter {
  const counter = new BattleCounter();
  for (const battle of battles) {
    const [a, b] = [`m${battle.first}`, `m${battle.second}`];
    if (battle.winner === 'tie') counter.tie(undefined, a, b);
    else if (battle.winner === 'model_a') counter.win(undefined, a, b);
    else counter.win(undefined, b, a);
  }
  return counter;
}

/** Spearman's rank correlation of two samples without ties. */
function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const ranks = (values: ArrayLike<number>) => {
    const order = Array.from(values, (_, i) => i).sort((a, b) => values[a] - values[b]);
    const rank = new Float64Array(values.length);
    order.forEach((index, position) => (rank[index] = position));
    return rank;
  };
  const [rx, ry] = [ranks(x), ranks(y)];
  const n = x.length;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (rx[i] - ry[i]) ** 2;
  return 1 - (6 * squares) / (n * (n * n - 1));
}

/** Ratings of a counted log, with the true strength of each item in the same order. */
function rate(counter: BattleCounter, truth: Float64Array, rounds: number, seed: number) {
  const items = counter.items();
  const table = rateItems(readComparisons(counter.comparisons(), items), {
    rounds,
    seed,
    level: 0.95,
    regularisation: 0.01,
    deadline: Infinity,
  });
  return { table, truth: Float64Array.from(items, (name) => eloRating(truth[Number(name.slice(1))])) };
}

/** Share of intervals (scaled about their midpoints by `scale`) that hold the true rating. */
function coverage(intervals: Array<{ lower: number; upper: number; truth: number }>, scale: number): number {
  const inside = intervals.filter(({ lower, upper, truth }) => {
    const middle = (lower + upper) / 2;
    const half = ((upper - lower) / 2) * scale;
    return truth >= middle - half && truth <= middle + half;
  });
  return inside.length / intervals.length;
}

/** The tolerance of "about 95%": wide enough for a correct method's noise, too narrow for a method off by a factor. */
const acceptable = (share: number) => share >= 0.88 && share <= 0.99;

describe('rank: statistical honesty on synthetic Bradley-Terry logs', () => {
  test('1,000,000 battles over 60 models: the rating order matches the true strengths (Spearman >= 0.98)', () => {
    const strengths = syntheticStrengths(60, 11);
    const counter = countBattles(syntheticBattles(strengths, 1_000_000, { seed: 12, tieRate: 0.1 }));
    assert.equal(counter.total, 1_000_000);
    const { table, truth } = rate(counter, strengths, 0, 1);
    const correlation = spearman(table.ratings, truth);
    assert.ok(correlation >= 0.98, `Spearman ${correlation}`);
    // The check can fail: the same models ranked from a few hundred battles fall short of it.
    const small = rate(countBattles(syntheticBattles(strengths, 300, { seed: 12, tieRate: 0.1 })), strengths, 0, 1);
    assert.ok(spearman(small.table.ratings, small.truth) < 0.98);
  });

  test('95% bootstrap intervals cover the true ratings about 95% of the time; halved or doubled intervals do not', () => {
    // 20 seeded logs of 20 models and 4,000 battles each (about 21 per pair): 400 intervals,
    // from 20 independent logs, so that the share is not one log's luck.
    const intervals: Array<{ lower: number; upper: number; truth: number }> = [];
    for (let log = 0; log < 20; log++) {
      const strengths = syntheticStrengths(20, 1500 + log);
      const { table, truth } = rate(
        countBattles(syntheticBattles(strengths, 4000, { seed: 3000 + log, tieRate: 0.1 })),
        strengths,
        200,
        log + 1,
      );
      assert.equal(table.completed, 200);
      truth.forEach((value, i) => intervals.push({ lower: table.lower![i], upper: table.upper![i], truth: value }));
    }
    const correct = coverage(intervals, 1);
    assert.ok(acceptable(correct), `coverage ${correct}`);
    const halved = coverage(intervals, 0.5);
    assert.ok(!acceptable(halved), `halved intervals cover ${halved}`);
    const doubled = coverage(intervals, 2);
    assert.ok(!acceptable(doubled), `doubled intervals cover ${doubled}`);
  });
});
