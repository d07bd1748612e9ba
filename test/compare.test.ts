import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareLotteries, solve, type PrefgameError } from '../src/index.js';
import { complementaryFromUpper, criteriaOf, preferenceTensor, safetyAndComfort } from './helpers.js';

const driving = {
  items: ['cautious', 'balanced', 'sporty'],
  criteria: [
    ...safetyAndComfort,
    {
      name: 'speed',
      preferences: [
        [0.5, 0.2, 0.1],
        [0.8, 0.5, 0.3],
        [0.9, 0.7, 0.5],
      ],
    },
  ],
  overall: [
    [0.5, 0.45, 0.6],
    [0.55, 0.5, 0.52],
    [0.4, 0.48, 0.5],
  ],
  targets: [{ name: 'safe-enough', target: { thresholds: { safety: 0.45, comfort: 0.4 } } }],
};

describe('compare: winners side by side', () => {
  test('the default lotteries of the driving example, with exact head-to-head tables', () => {
    const result = compareLotteries(driving);
    assert.equal(result.status, 'optimal');
    assert.deepEqual(
      result.lotteries.map((lottery) => lottery.name),
      [
        'von-neumann:safety',
        'von-neumann:comfort',
        'von-neumann:speed',
        'von-neumann:overall',
        'linear:equal-weights',
        'blackwell:safe-enough',
      ],
    );
    // Each criterion's von Neumann winner is its Condorcet winner here.
    assert.deepEqual(result.lotteries[0].distribution, [1, 0, 0]);
    assert.deepEqual(result.lotteries[2].distribution, [0, 0, 1]);
    // The Blackwell winner's distance to its own target is its value, and the smallest of all.
    const blackwell = result.lotteries[5];
    assert.ok(Math.abs(blackwell.distances['safe-enough'] - blackwell.value!) < 1e-12);
    for (const lottery of result.lotteries) assert.ok(lottery.distances['safe-enough'] >= blackwell.value! - 1e-12);
    const direct = solve({
      kind: 'blackwell',
      items: driving.items,
      criteria: driving.criteria,
      target: driving.targets[0].target,
    });
    assert.ok(Math.abs(direct.value - blackwell.value!) < 1e-12);
    // Head-to-head: complementary, 1/2 on the diagonal; the overall winner loses to nobody overall.
    const names = result.lotteries.length;
    for (const table of [...Object.values(result.headToHead.criteria), result.headToHead.overall!]) {
      for (let a = 0; a < names; a++) {
        assert.ok(Math.abs(table[a][a] - 0.5) < 1e-12);
        for (let b = 0; b < names; b++) assert.ok(Math.abs(table[a][b] + table[b][a] - 1) < 1e-12);
      }
    }
    for (let b = 0; b < names; b++) assert.ok(result.headToHead.overall![3][b] >= 0.5 - 1e-9);
    assert.ok(Math.abs(result.lotteries[3].overallGuarantee! - 0.5) < 1e-9);
  });

  test('explicit lotteries, by distribution or by item name; rock-paper-scissors head to head', () => {
    const rps = [
      [0.5, 0, 1],
      [1, 0.5, 0],
      [0, 1, 0.5],
    ];
    const result = compareLotteries({
      items: ['rock', 'paper', 'scissors'],
      criteria: [{ name: 'game', preferences: rps }],
      lotteries: [
        { name: 'rock', source: 'lottery', distribution: [1, 0, 0] },
        { name: 'paper', source: 'lottery', probabilities: { paper: 1 } },
        { name: 'mixed', source: 'lottery', probabilities: { rock: 0.5, scissors: 0.5 } },
        { name: 'equilibrium', source: 'von-neumann', criterion: 'game' },
      ],
    });
    const table = result.headToHead.criteria.game;
    assert.equal(table[0][1], 0); // rock always loses to paper
    assert.equal(table[1][2], 0.5); // paper beats rock half the time, loses to scissors half the time
    assert.ok(Math.abs(table[3][0] - 0.5) < 1e-12 && Math.abs(table[3][2] - 0.5) < 1e-12);
    assert.deepEqual(result.lotteries[2].guarantees, { game: 0.25 }); // 1/2 rock + 1/2 scissors against rock
    assert.equal(result.lotteries[0].status, 'optimal');
    assert.equal(result.lotteries[0].certificate, undefined);
  });

  test('property: the von Neumann winner of overall is never beaten on overall; tables are complementary', () => {
    fc.assert(
      fc.property(
        preferenceTensor(5, 3),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }),
        (tensor, upper) => {
          const n = tensor[0].length;
          const overall = complementaryFromUpper(n, upper);
          const result = compareLotteries({
            criteria: criteriaOf(tensor),
            overall,
            targets: [{ name: 't', target: { thresholds: { c0: 0.4 } }, norm: 'l1' }],
          });
          const index = result.lotteries.findIndex((lottery) => lottery.name === 'von-neumann:overall');
          result.lotteries.forEach((_, b) => assert.ok(result.headToHead.overall![index][b] >= 0.5 - 1e-9));
          for (const lottery of result.lotteries)
            assert.ok(Math.abs(lottery.distribution.reduce((a, b) => a + b, 0) - 1) < 1e-12);
        },
      ),
      { numRuns: 25, seed: 21 },
    );
  });

  test('bad entries are coded errors that name the field', () => {
    const code = (extra: Record<string, unknown>) => {
      try {
        solve({ kind: 'compare', ...driving, ...extra });
      } catch (error) {
        return [(error as PrefgameError).code, (error as PrefgameError).pointer];
      }
      return null;
    };
    assert.deepEqual(code({ lotteries: [{ name: 'x', source: 'borda' }] }), ['PREF_ERR_SCHEMA', '/lotteries/0/source']);
    assert.deepEqual(code({ lotteries: [{ name: 'x', source: 'von-neumann', weights: { safety: 1 } }] }), [
      'PREF_ERR_UNKNOWN_FIELD',
      '/lotteries/0/weights',
    ]);
    assert.deepEqual(code({ lotteries: [{ name: 'x', source: 'lottery', distribution: [0.5, 0.4, 0] }] }), [
      'PREF_ERR_OUT_OF_RANGE',
      '/lotteries/0/distribution',
    ]);
    assert.deepEqual(code({ lotteries: [{ name: 'x', source: 'lottery', probabilities: { reckless: 1 } }] }), [
      'PREF_ERR_UNKNOWN_ITEM',
      '/lotteries/0/probabilities/reckless',
    ]);
    assert.deepEqual(code({ lotteries: [{ name: 'x', source: 'blackwell', target: 'nope' }] }), [
      'PREF_ERR_SCHEMA',
      '/lotteries/0/target',
    ]);
    assert.deepEqual(code({ lotteries: [{ name: 'x', source: 'blackwell', target: { thresholds: { safety: 2 } } }] }), [
      'PREF_ERR_EMPTY_TARGET',
      '/lotteries/0/target/thresholds/safety',
    ]);
    assert.deepEqual(code({ lotteries: [{ name: 'x', source: 'linear', weights: { safety: -1 } }] }), [
      'PREF_ERR_NEGATIVE_WEIGHT',
      '/lotteries/0/weights/safety',
    ]);
    assert.deepEqual(code({ overall: undefined, lotteries: [{ name: 'x', source: 'von-neumann' }] }), [
      'PREF_ERR_MISSING_FIELD',
      '/lotteries/0/criterion',
    ]);
    assert.deepEqual(
      code({
        lotteries: [
          { name: 'x', source: 'von-neumann' },
          { name: 'x', source: 'linear' },
        ],
      }),
      ['PREF_ERR_SCHEMA', '/lotteries/1/name'],
    );
    assert.deepEqual(
      code({
        overall: [
          [0.5, 0.5],
          [0.5, 0.5],
        ],
      }),
      ['PREF_ERR_SIZE_MISMATCH', '/overall'],
    );
    assert.deepEqual(code({ targets: [{ name: 'bad', target: { thresholds: { speed: 1.5 } } }] }), [
      'PREF_ERR_EMPTY_TARGET',
      '/targets/0/target/thresholds/speed',
    ]);
  });
});

describe('compare: classic baselines beside the game-theoretic winners', () => {
  test('baseline lotteries put the top-ranked item first, and rankings come back for every criterion and overall', () => {
    const result = compareLotteries({
      ...driving,
      lotteries: [
        { name: 'condorcet:safety', source: 'baseline', method: 'condorcet', criterion: 'safety' },
        { name: 'borda:speed', source: 'baseline', method: 'borda', criterion: 'speed' },
        { name: 'copeland:overall', source: 'baseline', method: 'copeland' },
        { name: 'bradley-terry:comfort', source: 'baseline', method: 'bradley-terry', criterion: 'comfort' },
        { name: 'vnw:overall', source: 'von-neumann' },
      ],
      rankings: true,
    });
    assert.equal(result.status, 'optimal');
    const byName = Object.fromEntries(result.lotteries.map((lottery) => [lottery.name, lottery.distribution]));
    assert.deepEqual(byName['condorcet:safety'], [1, 0, 0]);
    assert.deepEqual(byName['borda:speed'], [0, 0, 1]);
    assert.deepEqual(byName['bradley-terry:comfort'], [0, 0, 1]);
    // overall: balanced beats both others (0.55, 0.52), so Copeland ranks it first.
    assert.deepEqual(byName['copeland:overall'], [0, 1, 0]);
    // The von Neumann winner of overall is never beaten there by a baseline's pick.
    const vnw = result.lotteries.findIndex((lottery) => lottery.name === 'vnw:overall');
    result.headToHead.overall!.forEach((row) => assert.ok(row[vnw] <= 0.5 + 1e-12));
    assert.deepEqual(
      result.rankings?.criteria.map((ranking) => ranking.criterion),
      ['safety', 'comfort', 'speed', 'overall'],
    );
    assert.equal(result.rankings?.criteria[0].condorcetWinner, 'cautious');
  });

  test('ties at the top share the lottery, and a missing Condorcet winner is a coded error', () => {
    const cycle = complementaryFromUpper(3, [1, 0, 1]);
    const tied = compareLotteries({
      criteria: [{ name: 'c', preferences: cycle }],
      lotteries: [{ name: 'borda', source: 'baseline', method: 'borda', criterion: 'c' }],
    });
    tied.lotteries[0].distribution.forEach((p) => assert.ok(Math.abs(p - 1 / 3) < 1e-12));
    assert.throws(
      () =>
        compareLotteries({
          criteria: [{ name: 'c', preferences: cycle }],
          lotteries: [{ name: 'x', source: 'baseline', method: 'condorcet', criterion: 'c' }],
        }),
      (error: PrefgameError) =>
        error.code === 'PREF_ERR_NO_CONDORCET_WINNER' && error.pointer === '/lotteries/0/method',
    );
    assert.throws(
      () =>
        compareLotteries({
          criteria: [{ name: 'c', preferences: cycle }],
          lotteries: [{ name: 'x', source: 'baseline', criterion: 'c' }],
        }),
      (error: PrefgameError) => error.code === 'PREF_ERR_MISSING_FIELD' && error.pointer === '/lotteries/0/method',
    );
  });
});
