import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { approachability, solve, type PrefgameError } from '../src/index.js';
import { buildTargetSet } from '../src/targets/target-set.js';
import { distanceToTarget } from '../src/targets/distance.js';
import { matrixFromRows } from '../src/numeric/matrix.js';
import { createContext } from '../src/games/context.js';
import { backendNamed } from '../src/lp/backends.js';
import { blackwellStrategy } from '../src/approachability/strategy.js';
import { expectedPayoff, type VectorGame } from '../src/approachability/vector-game.js';
import { criteriaOf, preferenceTensor } from './helpers.js';

const norms = fc.constantFrom<'linf' | 'l1' | 'l2'>('linf', 'l1', 'l2');
const threshold = fc.double({ min: 0, max: 0.9, noNaN: true });

describe('approachability in symmetric preference games', () => {
  test('approachable iff (1/2, ..., 1/2) is in the target; the distance is its distance; one-shot play is never better', () => {
    fc.assert(
      fc.property(
        preferenceTensor(5, 3),
        fc.array(threshold, { minLength: 3, maxLength: 3 }),
        norms,
        (tensor, values, norm) => {
          const criteria = criteriaOf(tensor);
          const thresholds = Object.fromEntries(criteria.map((criterion, c) => [criterion.name, values[c]]));
          const result = approachability({ criteria, target: { thresholds }, norm });
          const expected = distanceToTarget(
            buildTargetSet(
              { thresholds },
              criteria.map((criterion) => criterion.name),
            ),
            new Float64Array(criteria.length).fill(0.5),
            norm,
          );
          assert.equal(result.game, 'symmetric');
          assert.equal(result.approachable, expected <= 1e-6);
          assert.equal(
            result.approachable,
            criteria.every((_, c) => values[c] <= 0.5 + 1e-6),
          );
          assert.ok(Math.abs(result.distance!.upperBound - expected) < 1e-12);
          // One-shot: the opponent answers the lottery; in repeated play the average is steered.
          assert.ok(
            result.oneShot!.value >= expected - 1e-7,
            `one-shot ${result.oneShot!.value} < repeated ${expected}`,
          );
          if (result.witness) assert.ok(result.witness.gap <= expected + 1e-12 && result.witness.gap > 0);
        },
      ),
      { numRuns: 30, seed: 31 },
    );
  });

  test('the general search over directions agrees with the closed form (k = 2, every norm)', () => {
    fc.assert(
      fc.property(
        preferenceTensor(4, 2).filter((tensor) => tensor.length === 2),
        threshold,
        threshold,
        norms,
        (tensor, a, b, norm) => {
          const thresholds = { c0: a, c1: b };
          const symmetric = approachability({ criteria: criteriaOf(tensor), target: { thresholds }, norm });
          const general = approachability({
            payoffs: tensor.map((payoff, c) => ({ name: `c${c}`, payoff })),
            target: { thresholds },
            norm,
            maxCells: 3000,
          });
          assert.equal(general.game, 'vector-payoff');
          const exact = symmetric.distance!.upperBound;
          assert.ok(
            general.distance!.lowerBound <= exact + 1e-9 && exact <= general.distance!.upperBound + 1e-9,
            `${JSON.stringify(general.distance)} vs ${exact}`,
          );
          assert.equal(general.approachable === null || general.approachable === symmetric.approachable, true);
        },
      ),
      { numRuns: 12, seed: 41 },
    );
  });
});

describe('approachability in vector-payoff games', () => {
  test("one row against many columns: the distance is the largest distance of a column's payoff vector", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 }), {
          minLength: 1,
          maxLength: 5,
        }),
        threshold,
        threshold,
        norms,
        (columns, a, b, norm) => {
          const payoffs = [
            { name: 'a', payoff: [columns.map((column) => column[0])] },
            { name: 'b', payoff: [columns.map((column) => column[1])] },
          ];
          const result = approachability({ payoffs, target: { thresholds: { a, b } }, norm });
          const target = buildTargetSet({ thresholds: { a, b } }, ['a', 'b']);
          const expected = Math.max(...columns.map((column) => distanceToTarget(target, column, norm)));
          assert.ok(result.distance!.lowerBound <= expected + 1e-9 && expected <= result.distance!.upperBound + 1e-9);
          assert.ok(result.distance!.upperBound - result.distance!.lowerBound <= 1e-6 || result.status !== 'optimal');
          assert.equal(result.approachable, expected <= 1e-6 ? true : expected > 2e-6 ? false : result.approachable);
        },
      ),
      { numRuns: 25, seed: 43 },
    );
  });

  test('a target no single lottery reaches against every opponent can still be approachable; a point target off the payoffs cannot', () => {
    // Coordination: payoff 1 on both criteria when we match the opponent's column, else 0.
    const payoffs = [
      {
        name: 'a',
        payoff: [
          [1, 0],
          [0, 1],
        ],
      },
      {
        name: 'b',
        payoff: [
          [1, 0],
          [0, 1],
        ],
      },
    ];
    const halfway = approachability({ payoffs, target: { thresholds: { a: 0.5, b: 0.5 } } });
    assert.equal(halfway.approachable, true); // the uniform lottery gets 1/2 whatever the opponent does
    const high = approachability({ payoffs, target: { thresholds: { a: 0.7, b: 0.7 } } });
    assert.equal(high.approachable, false); // the uniform opponent holds every average at (1/2, 1/2)
    assert.ok(Math.abs(high.distance!.lowerBound - 0.2) < 1e-6 && Math.abs(high.distance!.upperBound - 0.2) < 1e-6);
    assert.deepEqual(
      high.witness!.opponent.map((p) => Math.round(p * 1e6) / 1e6),
      [0.5, 0.5],
    );
    // Anti-coordination on b: no lottery is in S against both columns, yet S is approachable.
    const split = [
      {
        name: 'a',
        payoff: [
          [1, 0],
          [0, 1],
        ],
      },
      {
        name: 'b',
        payoff: [
          [0, 1],
          [1, 0],
        ],
      },
    ];
    const diagonal = approachability({ payoffs: split, target: { constraints: ['a == b'] } });
    assert.equal(diagonal.approachable, true);
  });

  test("Blackwell's strategy keeps every next payoff on the target's side of the separating hyperplane", () => {
    const game: VectorGame = {
      symmetric: false,
      items: ['0', '1', '2'],
      columns: ['0', '1', '2', '3'],
      criteria: ['a', 'b'],
      matrices: [
        matrixFromRows([
          [0.9, 0.2, 0.6, 0.4],
          [0.1, 0.8, 0.5, 0.7],
          [0.5, 0.5, 0.3, 0.9],
        ]),
        matrixFromRows([
          [0.2, 0.9, 0.4, 0.6],
          [0.8, 0.3, 0.7, 0.2],
          [0.6, 0.4, 0.9, 0.5],
        ]),
      ],
    };
    const target = buildTargetSet({ thresholds: { a: 0.45, b: 0.45 } }, ['a', 'b']);
    const context = createContext(backendNamed('highs'), 10_000, 1e-9);
    for (const average of [
      [0.1, 0.9],
      [0.2, 0.2],
      [0.9, 0.05],
    ]) {
      const step = blackwellStrategy(game, target, 0, Float64Array.from(average), context);
      assert.ok(step.direction && step.projection);
      for (let j = 0; j < 4; j++) {
        const payoff = expectedPayoff(
          game,
          step.distribution,
          Float64Array.from({ length: 4 }, (_, column) => (column === j ? 1 : 0)),
        );
        const side =
          step.direction[0] * (payoff[0] - step.projection[0]) + step.direction[1] * (payoff[1] - step.projection[1]);
        assert.ok(side >= -1e-9, `payoff ${payoff.join(', ')} crosses the hyperplane at ${step.projection.join(', ')}`);
      }
    }
  });

  test("simulation: the distance falls like 1/sqrt(T) (expected payoffs within Blackwell's bound; sampled, loosely)", () => {
    const payoffs = [
      {
        name: 'a',
        payoff: [
          [0.9, 0.2, 0.6, 0.4],
          [0.1, 0.8, 0.5, 0.7],
          [0.5, 0.5, 0.3, 0.9],
        ],
      },
      {
        name: 'b',
        payoff: [
          [0.2, 0.9, 0.4, 0.6],
          [0.8, 0.3, 0.7, 0.2],
          [0.6, 0.4, 0.9, 0.5],
        ],
      },
    ];
    const target = { thresholds: { a: 0.5, b: 0.5 } };
    const expected = approachability({
      payoffs,
      target,
      norm: 'l2',
      simulate: { rounds: 3000, opponent: { type: 'best-response' }, payoffs: 'expected', enlargement: 0.05 },
      options: { timeLimitMs: 600_000 },
    });
    // Blackwell's bound R / sqrt(t), with R recomputed from its definition: the largest distance a
    // payoff cell can be from [0, 1]^k's far corner, plus the enlargement.
    let radius = 0;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 4; j++) {
        const squares = payoffs.reduce(
          (total, { payoff }) => total + Math.max(payoff[i][j] ** 2, (1 - payoff[i][j]) ** 2),
          0,
        );
        radius = Math.max(radius, Math.sqrt(squares));
      }
    }
    radius += 0.05;
    assert.ok(Math.abs(expected.simulation!.radius - radius) < 1e-12);
    for (const step of expected.simulation!.trajectory) {
      const bound = radius / Math.sqrt(step.round);
      assert.ok(step.enlargedDistance <= bound + 1e-12, `round ${step.round}: ${step.enlargedDistance} > ${bound}`);
    }
    for (const opponent of [
      { type: 'random' as const },
      { type: 'sequence' as const, columns: ['3', '0', '0', '1'] },
      { type: 'fixed' as const, distribution: [0.25, 0.25, 0.25, 0.25] },
    ]) {
      const sampled = approachability({
        payoffs,
        target,
        norm: 'l2',
        analyze: false,
        simulate: { rounds: 4000, opponent, seed: 7, enlargement: 0.05 },
        options: { timeLimitMs: 600_000 },
      });
      const last = sampled.simulation!.trajectory.at(-1)!;
      assert.equal(last.round, 4000);
      assert.ok(
        last.enlargedDistance <= (4 * sampled.simulation!.radius) / Math.sqrt(4000),
        `${opponent.type}: ${last.enlargedDistance}`,
      );
    }
  });

  test('bad inputs are coded errors that name the field', () => {
    const payoffs = [
      {
        name: 'a',
        payoff: [
          [1, 0],
          [0, 1],
        ],
      },
      {
        name: 'b',
        payoff: [
          [0, 1],
          [1, 0],
        ],
      },
    ];
    const code = (problem: Record<string, unknown>) => {
      try {
        solve({ kind: 'approachability', target: { thresholds: { a: 0.5 } }, ...problem });
      } catch (error) {
        return [(error as PrefgameError).code, (error as PrefgameError).pointer];
      }
      return null;
    };
    assert.deepEqual(code({}), ['PREF_ERR_SCHEMA', '']);
    assert.deepEqual(code({ payoffs, criteria: [{ name: 'a', preferences: [[0.5]] }] }), [
      'PREF_ERR_SCHEMA',
      '/payoffs',
    ]);
    assert.deepEqual(code({ payoffs, strategy: { average: { a: 0.5 }, rounds: 3 } }), [
      'PREF_ERR_MISSING_FIELD',
      '/strategy/average/b',
    ]);
    assert.deepEqual(code({ payoffs, simulate: { rounds: 3, opponent: { type: 'sequence', columns: ['7'] } } }), [
      'PREF_ERR_UNKNOWN_ITEM',
      '/simulate/opponent/columns/0',
    ]);
    assert.deepEqual(code({ payoffs, simulate: { rounds: 3, opponent: { type: 'fixed' } } }), [
      'PREF_ERR_SCHEMA',
      '/simulate/opponent',
    ]);
    assert.deepEqual(code({ payoffs, simulate: { rounds: 3, opponent: { type: 'random', columns: ['0'] } } }), [
      'PREF_ERR_UNKNOWN_FIELD',
      '/simulate/opponent/columns',
    ]);
    assert.deepEqual(
      code({
        payoffs: [
          payoffs[0],
          {
            name: 'b',
            payoff: [
              [1, 0, 1],
              [0, 1, 0],
            ],
          },
        ],
      }),
      ['PREF_ERR_SIZE_MISMATCH', '/payoffs/1/payoff'],
    );
    assert.deepEqual(code({ payoffs: [{ name: 'a', payoff: [[1.5]] }] }), ['PREF_ERR_SCHEMA', '/payoffs/0/payoff/0/0']);
  });
});
