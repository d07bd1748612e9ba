import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { betaInterval, readComparisons, wilsonInterval } from '../src/estimation/index.js';
import {
  bradleyTerryPreferences,
  comparisonsFromJudgements,
  conflictingPreferences,
  sampleJudgements,
  seededRandom,
} from '../src/generate/index.js';
import { estimateFromComparisons, PrefgameError, solve, type ComparisonDocument } from '../src/index.js';

const names = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

/** Random comparison logs over up to 5 items and 2 criteria (wins, ties, counts; not every pair). */
function comparisonLog(): fc.Arbitrary<ComparisonDocument[]> {
  const row = fc.record({
    criterion: fc.constantFrom('safety', 'speed'),
    a: fc.integer({ min: 0, max: 4 }),
    b: fc.integer({ min: 0, max: 4 }),
    tie: fc.boolean(),
    count: fc.integer({ min: 0, max: 5 }),
  });
  return fc
    .array(row, { minLength: 1, maxLength: 30 })
    .map((rows) => rows.filter((r) => r.a !== r.b))
    .filter((rows) => rows.length > 0)
    .map((rows) =>
      rows.map((r) =>
        r.tie
          ? { criterion: r.criterion, tie: [`m${r.a}`, `m${r.b}`], count: r.count }
          : { criterion: r.criterion, winner: `m${r.a}`, loser: `m${r.b}`, count: r.count },
      ),
    );
}

describe('reading comparisons', () => {
  test('items in order of first appearance, criteria likewise, counts and ties aggregated', () => {
    const counts = readComparisons(
      [
        { criterion: 'speed', winner: 'B', loser: 'A', count: 3 },
        { tie: ['C', 'A'] },
        { criterion: 'speed', winner: 'B', loser: 'A' },
        { criterion: 'speed', tie: ['A', 'B'], count: 2 },
      ],
      undefined,
    );
    assert.deepEqual(counts.items, ['B', 'A', 'C']);
    assert.deepEqual(counts.criteria, ['speed', 'preference']);
    assert.equal(counts.wins[0][0 * 3 + 1], 4);
    assert.equal(counts.ties[0][0 * 3 + 1], 2);
    assert.equal(counts.ties[0][1 * 3 + 0], 2);
    assert.equal(counts.ties[1][2 * 3 + 1], 1);
    assert.equal(counts.total, 7);
  });

  test('given items fix the order; unknown names and self-comparisons are coded errors naming the field', () => {
    assert.deepEqual(readComparisons([{ winner: 'y', loser: 'x' }], ['x', 'y', 'z']).items, ['x', 'y', 'z']);
    const expectError = (problem: object, code: string, pointer: string) =>
      assert.throws(
        () => solve(problem),
        (error: PrefgameError) => error.code === code && error.pointer === pointer && error.message.length > 0,
      );
    expectError(
      { kind: 'von-neumann', items: ['x', 'y'], comparisons: [{ winner: 'x', loser: 'y' }, { tie: ['y', 'w'] }] },
      'PREF_ERR_UNKNOWN_ITEM',
      '/comparisons/1/tie/1',
    );
    expectError(
      { kind: 'linear', comparisons: [{ winner: 'x', loser: 'x' }] },
      'PREF_ERR_SELF_COMPARISON',
      '/comparisons/0/loser',
    );
    expectError(
      { kind: 'von-neumann', items: ['x', 'x'], comparisons: [{ winner: 'x', loser: 'y' }] },
      'PREF_ERR_DUPLICATE_ITEM',
      '/items/1',
    );
    expectError(
      { kind: 'von-neumann', preferences: [[0.5]], comparisons: [{ winner: 'x', loser: 'y' }] },
      'PREF_ERR_SCHEMA',
      '/comparisons',
    );
    expectError({ kind: 'linear' }, 'PREF_ERR_MISSING_FIELD', '/criteria');
    expectError(
      { kind: 'von-neumann', comparisons: [{ winner: 'x' }] },
      'PREF_ERR_MISSING_FIELD',
      '/comparisons/0/loser',
    );
    expectError(
      { kind: 'von-neumann', comparisons: [{ winner: 'x', loser: 'y', tie: ['x', 'y'] }] },
      'PREF_ERR_SCHEMA',
      '/comparisons/0/tie',
    );
    expectError(
      { kind: 'von-neumann', comparisons: [{ winner: 'x', loser: 'y', count: -1 }] },
      'PREF_ERR_SCHEMA',
      '/comparisons/0/count',
    );
    expectError(
      { kind: 'von-neumann', preferences: [[0.5]], estimation: { prior: 1 } },
      'PREF_ERR_SCHEMA',
      '/estimation',
    );
    expectError(
      {
        kind: 'von-neumann',
        comparisons: [
          { criterion: 'a', winner: 'x', loser: 'y' },
          { criterion: 'b', winner: 'x', loser: 'y' },
        ],
      },
      'PREF_ERR_MISSING_FIELD',
      '/criterion',
    );
    expectError(
      { kind: 'von-neumann', comparisons: [{ winner: 'x', loser: 'y' }], criterion: 'safety' },
      'PREF_ERR_UNKNOWN_CRITERION',
      '/criterion',
    );
    expectError(
      {
        kind: 'von-neumann',
        comparisons: [
          { winner: 'x', loser: 'y' },
          { winner: 'y', loser: 'z' },
        ],
        estimation: { missingPairs: 'error' },
      },
      'PREF_ERR_MISSING_PAIR',
      '/comparisons',
    );
    const many = Array.from({ length: 5 }, (_, i) => ({ winner: `a${i}`, loser: `b${i}` }));
    assert.throws(
      () => solve({ kind: 'von-neumann', comparisons: many }, { limits: { maxItems: 9 } }),
      (error: PrefgameError) => error.code === 'PREF_ERR_TOO_LARGE' && /maxItems/.test(error.message),
    );
  });
});

describe('the estimate', () => {
  test('P_hat = (wins + ties/2 + prior) / (n + 2 prior), complementary, diagonal 1/2; 1/2 for a pair never compared, with a warning', () => {
    const comparisons = [
      { winner: 'A', loser: 'B', count: 3 },
      { tie: ['A', 'B'] },
      { winner: 'B', loser: 'C', count: 9 },
    ];
    const result = estimateFromComparisons({ comparisons });
    const P = result.criteria[0].preferences;
    assert.deepEqual(result.items, ['A', 'B', 'C']);
    assert.equal(P[0][1], 4 / 5);
    assert.equal(P[1][0], 1 - 4 / 5);
    assert.equal(P[1][2], 9.5 / 10);
    assert.equal(P[0][2], 0.5);
    assert.equal(P[2][2], 0.5);
    assert.deepEqual(result.counts[0].comparisons, [
      [0, 4, 0],
      [4, 0, 9],
      [0, 9, 0],
    ]);
    assert.deepEqual(result.counts[0].wins[0], [0, 3, 0]);
    assert.deepEqual(result.unobservedPairs, { count: 1, pairs: [{ criterion: 'preference', items: ['A', 'C'] }] });
    assert.match(result.warnings[0], /1 pair was never compared.*"A" and "C"/);
    const raw = estimateFromComparisons({ comparisons, estimation: { prior: 0 } });
    assert.equal(raw.criteria[0].preferences[0][1], 3.5 / 4);
    assert.equal(raw.criteria[0].preferences[1][2], 1);
    assert.equal(raw.criteria[0].preferences[0][2], 0.5);
    assert.equal(raw.prior, 0);
    assert.equal(result.status, 'optimal');
  });

  test('every solver kind accepts comparisons and solves exactly the estimated matrices', () => {
    fc.assert(
      fc.property(comparisonLog(), (comparisons) => {
        const estimate = estimateFromComparisons({ comparisons });
        const criteria = estimate.criteria;
        const fromMatrices = solve({ kind: 'linear', items: estimate.items, criteria });
        const fromComparisons = solve({ kind: 'linear', comparisons });
        assert.deepEqual(fromComparisons.distribution, fromMatrices.distribution);
        assert.equal(fromComparisons.value, fromMatrices.value);
        const thresholds = Object.fromEntries(criteria.map((criterion) => [criterion.name, 0.6]));
        const blackwellMatrices = solve({ kind: 'blackwell', items: estimate.items, criteria, target: { thresholds } });
        const blackwellComparisons = solve({ kind: 'blackwell', comparisons, target: { thresholds } });
        assert.deepEqual(blackwellComparisons.distribution, blackwellMatrices.distribution);
        const last = criteria.length - 1;
        const vonNeumann = solve({ kind: 'von-neumann', comparisons, criterion: criteria[last].name });
        assert.deepEqual(
          vonNeumann.distribution,
          solve({ kind: 'von-neumann', items: estimate.items, preferences: criteria[last].preferences }).distribution,
        );
      }),
      { numRuns: 25, seed: 611 },
    );
  });

  test('von-neumann with a criterion counts only that criterion: pairs missing elsewhere do not matter', () => {
    const comparisons = [
      { criterion: 'safety', winner: 'x', loser: 'y' },
      { criterion: 'speed', winner: 'z', loser: 'y', count: 5 },
      { criterion: 'safety', winner: 'x', loser: 'z' },
      { criterion: 'safety', winner: 'y', loser: 'z' },
    ];
    const result = solve({
      kind: 'von-neumann',
      comparisons,
      criterion: 'safety',
      estimation: { missingPairs: 'error' },
    });
    assert.deepEqual(result.items, ['x', 'y', 'z']);
    assert.deepEqual(result.distribution, [1, 0, 0]);
    assert.deepEqual(result.warnings, []);
    assert.throws(
      () => solve({ kind: 'linear', comparisons, estimation: { missingPairs: 'error' } }),
      (error: PrefgameError) => error.code === 'PREF_ERR_MISSING_PAIR' && /"speed"/.test(error.message),
    );
  });

  test('estimation error shrinks like 1 / sqrt(m) (seeded, 4x the comparisons halve the error)', () => {
    const truth = bradleyTerryPreferences(8, 5, { spread: 1 });
    const items = names(8);
    const meanError = (perPair: number) => {
      let total = 0;
      const seeds = [1, 2, 3];
      for (const seed of seeds) {
        const comparisons = comparisonsFromJudgements(
          sampleJudgements({ c: truth }, items, { seed, perPair, tieRate: 0.1 }),
        );
        const P = estimateFromComparisons({ comparisons, items, estimation: { prior: 0 } }).criteria[0].preferences;
        let sum = 0;
        for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) sum += Math.abs(P[i][j] - truth[i][j]);
        total += sum / 28;
      }
      return total / seeds.length;
    };
    const errors = [100, 400, 1600, 6400].map(meanError);
    for (let step = 1; step < errors.length; step++) {
      const ratio = errors[step - 1] / errors[step];
      assert.ok(
        ratio > 1.5 && ratio < 2.7,
        `error ratio ${ratio} for 4x the comparisons (errors ${errors.join(', ')})`,
      );
    }
    errors.forEach((error, index) => {
      const scaled = error * Math.sqrt(100 * 4 ** index);
      assert.ok(scaled > 0.15 && scaled < 0.5, `sqrt(m) * error = ${scaled}`);
    });
  });
});

describe('entry intervals', () => {
  test('Wilson and Jeffreys intervals match reference values (scipy)', () => {
    const close = (actual: number, expected: number) =>
      assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} vs ${expected}`);
    close(wilsonInterval(7, 10, 0.95).lower, 0.3967781474611453);
    close(wilsonInterval(7, 10, 0.95).upper, 0.8922087325936989);
    close(wilsonInterval(3.5, 4, 0.9).lower, 0.4648065014009671);
    close(wilsonInterval(3.5, 4, 0.9).upper, 0.9825845296970046);
    close(betaInterval(7, 10, 0.5, 0.95).lower, 0.3941816818513287);
    close(betaInterval(7, 10, 0.5, 0.95).upper, 0.9073054060618468);
    close(betaInterval(1, 11, 0.5, 0.9).lower, 0.016239534769865106);
    close(betaInterval(1, 11, 0.5, 0.9).upper, 0.3050361932728419);
    assert.deepEqual(wilsonInterval(0, 0, 0.95), { lower: 0, upper: 1 });
    assert.deepEqual(betaInterval(0, 5, 0, 0.95), { lower: 0, upper: 0 });
  });

  test('the result carries intervals per entry, mirrored for (j, i), containing the estimate', () => {
    const comparisons = comparisonsFromJudgements(
      sampleJudgements({ a: bradleyTerryPreferences(4, 2), b: bradleyTerryPreferences(4, 3) }, names(4), {
        seed: 4,
        perPair: 12,
        tieRate: 0.2,
      }),
    );
    for (const method of ['wilson', 'beta'] as const) {
      const result = estimateFromComparisons({ comparisons, intervals: { method, level: 0.9 } });
      assert.equal(result.intervals.method, method);
      result.intervals.criteria.forEach(({ lower, upper }, c) => {
        const P = result.criteria[c].preferences;
        for (let i = 0; i < 4; i++) {
          for (let j = 0; j < 4; j++) {
            assert.ok(
              lower[i][j] <= P[i][j] + 1e-12 && P[i][j] <= upper[i][j] + 1e-12,
              `${method} [${lower[i][j]}, ${upper[i][j]}] misses ${P[i][j]}`,
            );
            assert.ok(Math.abs(lower[i][j] - (1 - upper[j][i])) < 1e-12);
          }
        }
      });
    }
  });

  test('coverage: in a seeded simulation both 95% intervals cover the true probability about 95% of the time', () => {
    const random = seededRandom(2026);
    const replications = 1500;
    for (const [p, m] of [
      [0.5, 20],
      [0.8, 30],
      [0.95, 60],
    ] as const) {
      const covered = { wilson: 0, beta: 0 };
      for (let r = 0; r < replications; r++) {
        let successes = 0;
        for (let draw = 0; draw < m; draw++) successes += random() < p ? 1 : 0;
        const wilson = wilsonInterval(successes, m, 0.95);
        const beta = betaInterval(successes, m, 0.5, 0.95);
        if (wilson.lower <= p && p <= wilson.upper) covered.wilson++;
        if (beta.lower <= p && p <= beta.upper) covered.beta++;
      }
      for (const [method, count] of Object.entries(covered)) {
        const rate = count / replications;
        assert.ok(rate > 0.9 && rate < 0.99, `${method} covers p = ${p} (m = ${m}) at rate ${rate}`);
      }
    }
  });
});

describe('conflicting criteria generator', () => {
  test('alternate criteria disagree: their strength orders are negatively related', () => {
    const [first, second] = conflictingPreferences(12, 2, 9, { correlation: 0.9, noise: 0 });
    let agree = 0;
    let total = 0;
    for (let i = 0; i < 12; i++) {
      for (let j = i + 1; j < 12; j++) {
        total++;
        if ((first[i][j] - 0.5) * (second[i][j] - 0.5) > 0) agree++;
      }
    }
    assert.ok(agree / total < 0.35, `criteria agree on ${agree} of ${total} pairs`);
  });
});
