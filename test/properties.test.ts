import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { solve } from '../src/index.js';
import {
  assertProbabilityVector,
  complementaryMatrix,
  criteriaOf,
  payoffs,
  permutation,
  permuteMatrix,
  preferenceTensor,
  complementaryFromUpper,
} from './helpers.js';

const runs = { numRuns: 60, seed: 20261129 };
type Norm = 'linf' | 'l1' | 'l2';

/** dist(z, { z >= tau }) from the definition, independently of the library. */
function thresholdDistance(z: number[], tau: number[], norm: Norm): number {
  const shortfall = z.map((value, c) => Math.max(0, tau[c] - value));
  if (norm === 'linf') return Math.max(...shortfall);
  if (norm === 'l1') return shortfall.reduce((a, b) => a + b, 0);
  return Math.sqrt(shortfall.reduce((a, b) => a + b * b, 0));
}

/** max_j dist(z_j(pi), S) for a threshold target, from the definition. */
function thresholdObjective(tensor: number[][][], tau: number[], norm: Norm, distribution: number[]): number {
  const columns = tensor.map((matrix) => payoffs(matrix, distribution));
  const n = tensor[0].length;
  let worst = 0;
  for (let j = 0; j < n; j++)
    worst = Math.max(
      worst,
      thresholdDistance(
        columns.map((column) => column[j]),
        tau,
        norm,
      ),
    );
  return worst;
}

function thresholds(k: number) {
  return fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: k, maxLength: k });
}

function blackwell(tensor: number[][][], tau: number[], norm: Norm, options: object = {}) {
  return solve({
    kind: 'blackwell',
    criteria: criteriaOf(tensor),
    target: { thresholds: Object.fromEntries(tau.map((value, c) => [`c${c}`, value])) },
    norm,
    options,
  });
}

const toleranceOf = (norm: Norm) => (norm === 'l2' ? 1e-7 : 1e-9);

describe('von Neumann winners', () => {
  test('are probability vectors with value 1/2 and a certificate gap within the tolerance', () => {
    fc.assert(
      fc.property(complementaryMatrix(8), (preferences) => {
        const result = solve({ kind: 'von-neumann', preferences });
        assert.equal(result.status, 'optimal');
        assertProbabilityVector(result.distribution);
        assert.ok(Math.abs(result.value - 0.5) <= 1e-9, `value ${result.value}`);
        assert.ok(result.certificate.gap <= 1e-9);
        assert.ok(Math.min(...payoffs(preferences, result.distribution)) >= 0.5 - 1e-9);
        if (result.unique) assert.equal(result.support.length % 2, 1, 'a unique winner has odd support');
      }),
      runs,
    );
  });

  test('do not depend on the order of the items, even when the optimum is not unique', () => {
    fc.assert(
      fc.property(
        complementaryMatrix(7).chain((preferences) =>
          fc.tuple(fc.constant(preferences), permutation(preferences.length)),
        ),
        ([preferences, order]) => {
          const original = solve({ kind: 'von-neumann', preferences });
          const permuted = solve({ kind: 'von-neumann', preferences: permuteMatrix(preferences, order) });
          assert.equal(permuted.unique, original.unique);
          order.forEach((i, a) =>
            assert.ok(
              Math.abs(permuted.distribution[a] - original.distribution[i]) <= 1e-7,
              `item ${i}: ${original.distribution[i]} vs ${permuted.distribution[a]}`,
            ),
          );
        },
      ),
      runs,
    );
  });

  test('pick the uniform lottery when every item ties', () => {
    const preferences = complementaryFromUpper(4, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    const result = solve({ kind: 'von-neumann', preferences });
    assert.equal(result.unique, false);
    result.distribution.forEach((p) => assert.ok(Math.abs(p - 0.25) <= 1e-12));
  });

  test('agree between the two LP backends', () => {
    fc.assert(
      fc.property(complementaryMatrix(6), (preferences) => {
        const highs = solve({ kind: 'von-neumann', preferences, options: { backend: 'highs' } });
        const other = solve({ kind: 'von-neumann', preferences, options: { backend: 'javascript-lp-solver' } });
        assert.equal(other.status, 'optimal');
        assert.equal(other.unique, highs.unique);
        highs.distribution.forEach((p, i) => assert.ok(Math.abs(p - other.distribution[i]) <= 1e-7));
      }),
      { ...runs, numRuns: 30 },
    );
  });
});

describe('Blackwell winners', () => {
  const problem = preferenceTensor(6, 3).chain((tensor) => fc.tuple(fc.constant(tensor), thresholds(tensor.length)));

  test('have values recomputed from the definition and valid certificates, under every norm', () => {
    fc.assert(
      fc.property(problem, fc.constantFrom<Norm>('linf', 'l1', 'l2'), ([tensor, tau], norm) => {
        const result = blackwell(tensor, tau, norm);
        assert.equal(result.status, 'optimal');
        assertProbabilityVector(result.distribution);
        assert.ok(Math.abs(result.value - thresholdObjective(tensor, tau, norm, result.distribution)) <= 1e-12);
        assert.ok(result.certificate.lowerBound <= result.value && result.certificate.gap <= toleranceOf(norm));
      }),
      runs,
    );
  });

  test('no lottery beats the certificate lower bound', () => {
    fc.assert(
      fc.property(
        problem.chain(([tensor, tau]) =>
          fc.tuple(
            fc.constant(tensor),
            fc.constant(tau),
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
              minLength: tensor[0].length,
              maxLength: tensor[0].length,
            }),
          ),
        ),
        fc.constantFrom<Norm>('linf', 'l1', 'l2'),
        ([tensor, tau, weights], norm) => {
          const total = weights.reduce((a, b) => a + b, 0);
          fc.pre(total > 0);
          const lottery = weights.map((w) => w / total);
          const result = blackwell(tensor, tau, norm);
          assert.ok(thresholdObjective(tensor, tau, norm, lottery) >= result.certificate.lowerBound - 1e-12);
        },
      ),
      runs,
    );
  });

  test('do not depend on the order of the items (value)', () => {
    fc.assert(
      fc.property(
        problem.chain(([tensor, tau]) =>
          fc.tuple(fc.constant(tensor), fc.constant(tau), permutation(tensor[0].length)),
        ),
        fc.constantFrom<Norm>('linf', 'l1', 'l2'),
        ([tensor, tau, order], norm) => {
          const original = blackwell(tensor, tau, norm);
          const permuted = blackwell(
            tensor.map((matrix) => permuteMatrix(matrix, order)),
            tau,
            norm,
          );
          assert.ok(Math.abs(original.value - permuted.value) <= 2 * toleranceOf(norm));
        },
      ),
      runs,
    );
  });

  test('a halfspace target through 1/2 has value 0, and its winners are von Neumann winners of the weighted matrix', () => {
    fc.assert(
      fc.property(
        preferenceTensor(6, 3).chain((tensor) =>
          fc.tuple(
            fc.constant(tensor),
            fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), {
              minLength: tensor.length,
              maxLength: tensor.length,
            }),
          ),
        ),
        fc.constantFrom<Norm>('linf', 'l1', 'l2'),
        ([tensor, weights], norm) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const w = weights.map((value) => value / total);
          const halfspace = { weights: Object.fromEntries(w.map((value, c) => [`c${c}`, value])), offset: 0.5 };
          const result = solve({
            kind: 'blackwell',
            criteria: criteriaOf(tensor),
            target: { halfspaces: [halfspace] },
            norm,
          });
          assert.equal(result.status, 'optimal');
          assert.ok(result.value <= toleranceOf(norm), `value ${result.value}`);
          const weighted = tensor[0].map((row, i) =>
            row.map((_, j) => tensor.reduce((sum, matrix, c) => sum + w[c] * matrix[i][j], 0)),
          );
          assert.ok(Math.min(...payoffs(weighted, result.distribution)) >= 0.5 - 1e-6);
        },
      ),
      runs,
    );
  });

  test('enlarging the target never increases the value', () => {
    fc.assert(
      fc.property(
        problem.chain(([tensor, tau]) => fc.tuple(fc.constant(tensor), fc.constant(tau), thresholds(tau.length))),
        fc.constantFrom<Norm>('linf', 'l1', 'l2'),
        ([tensor, tau, shrink], norm) => {
          const larger = tau.map((value, c) => value * shrink[c]);
          assert.ok(
            blackwell(tensor, larger, norm).value <= blackwell(tensor, tau, norm).value + 2 * toleranceOf(norm),
          );
        },
      ),
      runs,
    );
  });

  test('l-inf <= l2 <= l1 for the same threshold target', () => {
    fc.assert(
      fc.property(problem, ([tensor, tau]) => {
        const [linf, l2, l1] = (['linf', 'l2', 'l1'] as const).map((norm) => blackwell(tensor, tau, norm).value);
        assert.ok(linf <= l2 + 1e-7 && l2 <= l1 + 1e-7, `${linf} ${l2} ${l1}`);
      }),
      runs,
    );
  });

  test('agree between the two LP backends', () => {
    fc.assert(
      fc.property(problem, fc.constantFrom<Norm>('linf', 'l1', 'l2'), ([tensor, tau], norm) => {
        const highs = blackwell(tensor, tau, norm);
        const other = blackwell(tensor, tau, norm, { backend: 'javascript-lp-solver' });
        assert.ok(Math.abs(highs.value - other.value) <= 2 * toleranceOf(norm), `${highs.value} vs ${other.value}`);
      }),
      { ...runs, numRuns: 30 },
    );
  });
});

describe('matrix games', () => {
  const game = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([m, n]) =>
    fc.array(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n, maxLength: n }), {
      minLength: m,
      maxLength: m,
    }),
  );

  test('have certified values that move with shifts and scalings of the payoffs', () => {
    fc.assert(
      fc.property(
        game,
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (payoff, shift, scale) => {
          const result = solve({ kind: 'matrix-game', payoff });
          assert.equal(result.status, 'optimal');
          assertProbabilityVector(result.distribution);
          assertProbabilityVector(result.columnDistribution ?? []);
          assert.ok(result.certificate.gap <= 1e-9 * 200);
          const moved = solve({
            kind: 'matrix-game',
            payoff: payoff.map((row) => row.map((value) => value * scale + shift)),
          });
          assert.ok(Math.abs(moved.value - (result.value * scale + shift)) <= 1e-7 * (1 + Math.abs(moved.value)));
        },
      ),
      runs,
    );
  });
});
