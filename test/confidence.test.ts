import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  comparisonsFromJudgements,
  conflictingPreferences,
  cyclicPreferences,
  preferencesFromStrengths,
  sampleJudgements,
} from '../src/generate/index.js';
import { comparisonsNeeded } from '../src/estimation/index.js';
import { estimateFromComparisons, solve } from '../src/index.js';
import { payoffs, withSteppingClock } from './helpers.js';

const names = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

/** max_j max_c (tau_c - z_jc(pi))_+ : the l-inf Blackwell objective of a threshold target, from the definition. */
function thresholdObjective(tensor: number[][][], tau: number[], distribution: number[]): number {
  const columns = tensor.map((matrix) => payoffs(matrix, distribution));
  let worst = 0;
  for (let j = 0; j < tensor[0].length; j++)
    for (let c = 0; c < tensor.length; c++) worst = Math.max(worst, tau[c] - columns[c][j]);
  return worst;
}

describe('bootstrap confidence of a winner', () => {
  const dominant = preferencesFromStrengths([2, 0, -1, 0.5, -2]);
  const comparisons = comparisonsFromJudgements(
    sampleJudgements({ quality: dominant }, names(5), { seed: 8, perPair: 200 }),
  );

  test('a clear Condorcet winner is the winner in every resample: interval [1, 1], support frequency 1', () => {
    const result = estimateFromComparisons({ comparisons, winner: 'von-neumann', bootstrap: { rounds: 60, seed: 3 } });
    assert.equal(result.status, 'optimal');
    assert.deepEqual(result.winner?.distribution, [1, 0, 0, 0, 0]);
    const bootstrap = result.bootstrap!;
    assert.equal(bootstrap.completed, 60);
    assert.deepEqual(
      [bootstrap.items[0].lower, bootstrap.items[0].upper, bootstrap.items[0].supportFrequency],
      [1, 1, 1],
    );
    for (const item of bootstrap.items.slice(1)) assert.deepEqual([item.upper, item.supportFrequency], [0, 0]);
    // It beats every other item in every resample, so what it guarantees is its tie with itself.
    assert.deepEqual([bootstrap.winnerValue.lower, bootstrap.winnerValue.upper], [0.5, 0.5]);
    assert.equal(bootstrap.value, undefined);
  });

  test('seeded: the same seed gives the same bootstrap, another seed another one', () => {
    const cyclic = comparisonsFromJudgements(
      sampleJudgements({ quality: cyclicPreferences(5, 0.7) }, names(5), { seed: 2, perPair: 30, tieRate: 0.1 }),
    );
    const run = (seed: number) =>
      estimateFromComparisons({ comparisons: cyclic, winner: 'von-neumann', bootstrap: { rounds: 40, seed } })
        .bootstrap!;
    assert.deepEqual(run(5), run(5));
    assert.notDeepEqual(run(5).items, run(6).items);
    const items = run(5).items;
    for (const item of items) {
      assert.ok(item.lower <= item.mean && item.mean <= item.upper);
      assert.ok(
        item.supportFrequency > 0.5,
        `${item.item} is in the support of the cyclic winner in ${item.supportFrequency} of the rounds`,
      );
      assert.ok(
        item.lower < 0.2 + 1e-9 && item.upper > 0.2 - 1e-9,
        `the interval of ${item.item} contains the true 1/5`,
      );
    }
  });

  test("blackwell reports the interval of the optimal value and of the returned lottery's value", () => {
    const tensor = conflictingPreferences(5, 2, 4, { correlation: 0.7 });
    const data = comparisonsFromJudgements(
      sampleJudgements({ help: tensor[0], safety: tensor[1] }, names(5), { seed: 1, perPair: 40 }),
    );
    const result = estimateFromComparisons({
      comparisons: data,
      winner: 'blackwell',
      target: { thresholds: { help: 0.55, safety: 0.55 } },
      bootstrap: { rounds: 40 },
    });
    const bootstrap = result.bootstrap!;
    assert.ok(bootstrap.value && bootstrap.value.lower <= bootstrap.value.upper);
    // The returned lottery's value on the estimate lies inside its percentile interval over the resamples.
    assert.ok(
      bootstrap.winnerValue.lower <= result.winner!.value + 1e-12 &&
        result.winner!.value - 1e-12 <= bootstrap.winnerValue.upper,
      JSON.stringify(bootstrap.winnerValue),
    );
    // The lottery optimal for the estimate is never better on a resample than that resample's own optimum, on average.
    assert.ok(bootstrap.winnerValue.mean >= bootstrap.value.mean - 1e-12);
  });

  test('the time limit stops the bootstrap early with status time_limit, not an error', () => {
    // Every clock reading advances 1 ms: the 50 ms pass after a fixed amount of work, on any machine.
    const result = withSteppingClock(1, () =>
      estimateFromComparisons({
        comparisons,
        winner: 'von-neumann',
        bootstrap: { rounds: 10_000 },
        options: { timeLimitMs: 50 },
      }),
    );
    assert.equal(result.status, 'time_limit');
    assert.ok(
      result.bootstrap !== undefined && result.bootstrap.completed > 0 && result.bootstrap.completed < 10_000,
      JSON.stringify(result.bootstrap?.completed),
    );
    assert.ok(result.warnings.some((warning) => /time limit/.test(warning)));
  });

  test('fields of another winner kind are refused; bootstrap without a winner is a schema error', () => {
    assert.throws(
      () => estimateFromComparisons({ comparisons, winner: 'von-neumann', target: { thresholds: { quality: 0.5 } } }),
      { code: 'PREF_ERR_SCHEMA' },
    );
    assert.throws(() => estimateFromComparisons({ comparisons, bootstrap: { rounds: 5 } }), {
      code: 'PREF_ERR_SCHEMA',
      pointer: '/bootstrap',
    });
    assert.throws(() => estimateFromComparisons({ comparisons, winner: 'blackwell' }), {
      code: 'PREF_ERR_MISSING_FIELD',
      pointer: '/target',
    });
    assert.throws(
      () => estimateFromComparisons({ comparisons, winner: 'blackwell', target: { thresholds: { speed: 0.5 } } }),
      { code: 'PREF_ERR_UNKNOWN_CRITERION', pointer: '/target/thresholds/speed' },
    );
  });
});

describe('the plug-in bound', () => {
  test("matches the formula on a two-item case: Hoeffding with the prior's shrinkage", () => {
    const result = estimateFromComparisons({
      comparisons: [
        { winner: 'A', loser: 'B', count: 30 },
        { winner: 'B', loser: 'A', count: 10 },
      ],
      winner: 'von-neumann',
      bound: { delta: 0.1 },
    });
    const m = 40;
    const t = Math.sqrt(Math.log(2 / 0.1) / (2 * m));
    const expected = (m * t + 0.5) / (m + 1);
    assert.deepEqual(result.winner!.distribution, [1, 0]);
    assert.ok(Math.abs(result.bound!.epsilon - expected) < 1e-15, `${result.bound!.epsilon} vs ${expected}`);
    assert.equal(result.bound!.observedCells, 1);
  });

  test('holds in a seeded simulation: the estimated winner is within epsilon of optimal on the true preferences', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const tensor = conflictingPreferences(5, 2, seed, { correlation: 0.5 });
      const tau = [0.55, 0.55];
      const comparisons = comparisonsFromJudgements(
        sampleJudgements({ help: tensor[0], safety: tensor[1] }, names(5), {
          seed: 100 + seed,
          perPair: 60,
          tieRate: 0.1,
        }),
      );
      const estimate = estimateFromComparisons({
        comparisons,
        items: names(5),
        winner: 'blackwell',
        target: { thresholds: { help: tau[0], safety: tau[1] } },
        bootstrap: { rounds: 0 },
      });
      const optimum = solve({
        kind: 'blackwell',
        items: names(5),
        criteria: [
          { name: 'help', preferences: tensor[0] },
          { name: 'safety', preferences: tensor[1] },
        ],
        target: { thresholds: { help: tau[0], safety: tau[1] } },
      });
      const suboptimality = thresholdObjective(tensor, tau, estimate.winner!.distribution) - optimum.value;
      assert.ok(
        suboptimality <= estimate.bound!.epsilon,
        `seed ${seed}: suboptimality ${suboptimality} > epsilon ${estimate.bound!.epsilon}`,
      );

      const vonNeumann = estimateFromComparisons({
        comparisons,
        items: names(5),
        winner: 'von-neumann',
        criterion: 'help',
        bootstrap: { rounds: 0 },
      });
      const guaranteed = Math.min(...payoffs(tensor[0], vonNeumann.winner!.distribution));
      assert.ok(
        0.5 - guaranteed <= vonNeumann.bound!.epsilon,
        `seed ${seed}: von Neumann shortfall ${0.5 - guaranteed} > epsilon ${vonNeumann.bound!.epsilon}`,
      );
    }
  });

  test('pairs never compared count as deviation 1/2', () => {
    const result = estimateFromComparisons({
      comparisons: [
        { winner: 'A', loser: 'B', count: 100 },
        { winner: 'B', loser: 'C', count: 100 },
      ],
      winner: 'von-neumann',
    });
    assert.equal(result.bound!.deviations[0].all, 0.5);
  });
});

describe('the sample-size planner', () => {
  test('without prior it is the closed form ceil(factor^2 log(2N / delta) / (2 epsilon^2))', () => {
    for (const [items, criteria, epsilon, delta, kind, norm] of [
      [10, 1, 0.1, 0.05, 'von-neumann', 'linf'],
      [50, 3, 0.05, 0.01, 'linear', 'linf'],
      [20, 3, 0.2, 0.05, 'blackwell', 'l2'],
      [7, 2, 0.3, 0.1, 'blackwell', 'l1'],
    ] as const) {
      const factor =
        kind === 'blackwell' ? 2 * (norm === 'l1' ? criteria : norm === 'l2' ? Math.sqrt(criteria) : 1) : 1;
      const cells = (items * (items - 1) * criteria) / 2;
      const expected = Math.ceil((factor * factor * Math.log((2 * cells) / delta)) / (2 * epsilon * epsilon));
      const plan = comparisonsNeeded({ items, criteria, epsilon, delta, kind, norm, prior: 0 });
      assert.ok(Math.abs(plan.comparisonsPerPair - expected) <= 1, `${plan.comparisonsPerPair} vs ${expected}`);
      assert.equal(plan.totalComparisons, plan.comparisonsPerPair * cells);
    }
  });

  test('with a prior it is the smallest m whose bound meets epsilon', () => {
    for (const prior of [0.5, 1, 5]) {
      const plan = comparisonsNeeded({ items: 12, epsilon: 0.08, prior });
      const L = Math.log((2 * 66) / 0.05);
      const bound = (m: number) => (m * Math.sqrt(L / (2 * m)) + prior) / (m + 2 * prior);
      assert.ok(bound(plan.comparisonsPerPair) <= 0.08);
      assert.ok(bound(plan.comparisonsPerPair - 1) > 0.08);
    }
  });

  test('data collected as planned meets the planned epsilon; the estimate reports what is still missing', () => {
    const plan = comparisonsNeeded({ items: 4, epsilon: 0.15 });
    const truth = preferencesFromStrengths([0.3, 0, -0.2, 0.1]);
    const comparisons = comparisonsFromJudgements(
      sampleJudgements({ quality: truth }, names(4), { seed: 3, perPair: plan.comparisonsPerPair }),
    );
    const result = estimateFromComparisons({
      comparisons,
      winner: 'von-neumann',
      bootstrap: { rounds: 0 },
      plan: { epsilon: 0.15 },
    });
    assert.ok(result.bound!.epsilon <= 0.15, `epsilon ${result.bound!.epsilon}`);
    assert.equal(result.plan!.comparisonsPerPair, plan.comparisonsPerPair);
    assert.deepEqual([result.plan!.pairsShort, result.plan!.additionalComparisons], [0, 0]);
    const half = comparisonsFromJudgements(sampleJudgements({ quality: truth }, names(4), { seed: 3, perPair: 10 }));
    const short = estimateFromComparisons({ comparisons: half, plan: { epsilon: 0.15 } });
    assert.deepEqual(
      [short.plan!.pairsShort, short.plan!.additionalComparisons],
      [6, 6 * (plan.comparisonsPerPair - 10)],
    );
  });

  test('an epsilon that no data set can reach is refused with a coded error', () => {
    assert.throws(() => comparisonsNeeded({ items: 10, epsilon: 1e-12 }), {
      code: 'PREF_ERR_SCHEMA',
      pointer: '/plan/epsilon',
    });
  });
});
