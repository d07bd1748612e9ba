import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { solve } from '../src/index.js';
import { bradleyTerryPreferences, randomPreferences } from '../src/generate/preference-matrices.js';
import { seededRandom } from '../src/numeric/random.js';
import { complementaryMatrix, criteriaOf, payoffs, preferenceTensor } from './helpers.js';

type Norm = 'linf' | 'l1' | 'l2';
const runs = { numRuns: 40, seed: 424242 };
const toleranceOf = (norm: Norm) => (norm === 'l2' ? 1e-7 : 1e-9);

/** A target mixing thresholds and a random halfspace (so it is a general polyhedron, not a box). */
function polyhedralTarget(k: number, random: () => number) {
  const weights = Array.from({ length: k }, () => Math.round(random() * 10) / 10 + 0.1);
  const total = weights.reduce((a, b) => a + b, 0);
  const terms = weights.map((weight, c) => `${weight} * c${c}`).join(' + ');
  return {
    thresholds: { c0: Math.round(random() * 6) / 10 },
    constraints: [`${terms} >= ${(0.55 * total).toFixed(3)}`],
  };
}

describe('column generation and the full LP agree', () => {
  test('von Neumann winners: same lottery, same uniqueness verdict', () => {
    fc.assert(
      fc.property(complementaryMatrix(9), (preferences) => {
        const full = solve({ kind: 'von-neumann', preferences, options: { method: 'full-lp' } });
        const generated = solve({ kind: 'von-neumann', preferences, options: { method: 'column-generation' } });
        assert.equal(generated.status, 'optimal');
        assert.equal(generated.diagnostics.method, 'column-generation');
        assert.equal(generated.unique, full.unique);
        full.distribution.forEach((p, i) =>
          assert.ok(Math.abs(p - generated.distribution[i]) <= 1e-7, `item ${i}: ${p} vs ${generated.distribution[i]}`),
        );
      }),
      runs,
    );
  });

  test('Blackwell winners: same value under every norm, for boxes and general polyhedra', () => {
    fc.assert(
      fc.property(
        preferenceTensor(7, 3),
        fc.constantFrom<Norm>('linf', 'l1', 'l2'),
        fc.boolean(),
        fc.integer(),
        (tensor, norm, polyhedral, seed) => {
          const k = tensor.length;
          const random = seededRandom(seed);
          const target = polyhedral
            ? polyhedralTarget(k, random)
            : { thresholds: Object.fromEntries(tensor.map((_, c) => [`c${c}`, Math.round(random() * 8) / 10])) };
          const problem = { kind: 'blackwell' as const, criteria: criteriaOf(tensor), target, norm };
          const full = solve({ ...problem, options: { method: 'full-lp' } });
          const generated = solve({ ...problem, options: { method: 'column-generation' } });
          assert.equal(full.status, 'optimal');
          assert.equal(generated.status, 'optimal');
          assert.ok(
            Math.abs(full.value - generated.value) <= 2 * toleranceOf(norm),
            `${full.value} vs ${generated.value}`,
          );
          assert.ok(
            generated.certificate.lowerBound <= full.value + 1e-12 &&
              full.certificate.lowerBound <= generated.value + 1e-12,
          );
        },
      ),
      runs,
    );
  });

  test('on seeded medium problems, auto is what the better method would give', () => {
    for (const [family, preferences] of [
      ['random', randomPreferences(60, 1)],
      ['bradley-terry', bradleyTerryPreferences(300, 2, { noise: 0.5 })],
    ] as const) {
      const full = solve({ kind: 'von-neumann', preferences, options: { method: 'full-lp' } });
      const auto = solve({ kind: 'von-neumann', preferences });
      full.distribution.forEach((p, i) => assert.ok(Math.abs(p - auto.distribution[i]) <= 1e-7, `${family} item ${i}`));
    }
    const criteria = [0, 1, 2].map((c) => ({
      name: `c${c}`,
      preferences: bradleyTerryPreferences(150, 10 + c, { noise: 0.5 }),
    }));
    for (const norm of ['linf', 'l1', 'l2'] as const) {
      const problem = {
        kind: 'blackwell' as const,
        criteria,
        target: { thresholds: { c0: 0.6, c1: 0.55, c2: 0.5 } },
        norm,
      };
      const full = solve({ ...problem, options: { method: 'full-lp' } });
      const auto = solve(problem);
      assert.equal(auto.diagnostics.method, 'column-generation');
      assert.ok(Math.abs(full.value - auto.value) <= 2 * toleranceOf(norm), `${norm}: ${full.value} vs ${auto.value}`);
    }
  });

  test('the double oracle needs few rounds on Bradley-Terry data', () => {
    const result = solve({ kind: 'von-neumann', preferences: bradleyTerryPreferences(500, 3, { noise: 0.3 }) });
    assert.equal(result.diagnostics.method, 'column-generation');
    assert.ok((result.diagnostics.rounds ?? Infinity) <= 5, `rounds ${result.diagnostics.rounds}`);
  });
});

/**
 * Projected subgradient descent on `v(pi) = max_j dist(z_j(pi), {z >= tau})`: an independent,
 * LP-free method. Its best value can never fall below a valid lower bound, and it approaches the
 * optimum.
 */
function projectedSubgradient(tensor: number[][][], tau: number[], norm: Norm, iterations: number): number {
  const n = tensor[0].length;
  let pi = new Array(n).fill(1 / n);
  let best = Infinity;
  const project = (x: number[]) => {
    // Euclidean projection onto the simplex (sort-based).
    const sorted = [...x].sort((a, b) => b - a);
    let cumulative = 0;
    let theta = 0;
    for (let index = 0; index < n; index++) {
      cumulative += sorted[index];
      const candidate = (cumulative - 1) / (index + 1);
      if (sorted[index] - candidate > 0) theta = candidate;
    }
    return x.map((value) => Math.max(0, value - theta));
  };
  for (let step = 1; step <= iterations; step++) {
    const columns = tensor.map((matrix) => payoffs(matrix, pi));
    let worst = -1;
    let worstValue = -Infinity;
    let gradient: number[] = [];
    for (let j = 0; j < n; j++) {
      const shortfall = columns.map((column, c) => Math.max(0, tau[c] - column[j]));
      const value =
        norm === 'linf'
          ? Math.max(...shortfall)
          : norm === 'l1'
            ? shortfall.reduce((a, b) => a + b, 0)
            : Math.hypot(...shortfall);
      if (value > worstValue) {
        worstValue = value;
        worst = j;
        const largest = shortfall.indexOf(Math.max(...shortfall));
        const length = Math.hypot(...shortfall) || 1;
        // d v / d z_j: minus the shortfall's (sub)gradient of the norm
        const direction = shortfall.map((value, c) => {
          if (!(value > 0)) return 0;
          if (norm === 'linf') return c === largest ? -1 : 0;
          return norm === 'l1' ? -1 : -value / length;
        });
        gradient = Array.from({ length: n }, (_, i) =>
          direction.reduce((sum, d, c) => sum + d * tensor[c][i][worst], 0),
        );
      }
    }
    best = Math.min(best, worstValue);
    if (worstValue === 0) break;
    pi = project(pi.map((value, i) => value - (0.5 / Math.sqrt(step)) * gradient[i]));
  }
  return best;
}

describe('the LP answers and an independent projected subgradient method', () => {
  test('no lottery the subgradient method finds beats the LP lower bound, and it gets close to the LP value', () => {
    fc.assert(
      fc.property(preferenceTensor(5, 3), fc.constantFrom<Norm>('linf', 'l1', 'l2'), (tensor, norm) => {
        const tau = tensor.map((_, c) => 0.5 + 0.05 * c);
        const result = solve({
          kind: 'blackwell',
          criteria: criteriaOf(tensor),
          target: { thresholds: Object.fromEntries(tau.map((value, c) => [`c${c}`, value])) },
          norm,
        });
        const found = projectedSubgradient(tensor, tau, norm, 3000);
        assert.ok(
          found >= result.certificate.lowerBound - 1e-12,
          `subgradient ${found} below lower bound ${result.certificate.lowerBound}`,
        );
        assert.ok(found <= result.value + 0.02, `subgradient ${found} far above the LP value ${result.value}`);
      }),
      { numRuns: 25, seed: 99 },
    );
  });

  test('l-inf and l1 bounds bracket each other: v_inf <= v_1 <= k v_inf', () => {
    fc.assert(
      fc.property(preferenceTensor(6, 4), (tensor) => {
        const thresholds = Object.fromEntries(tensor.map((_, c) => [`c${c}`, 0.6]));
        const linf = solve({ kind: 'blackwell', criteria: criteriaOf(tensor), target: { thresholds }, norm: 'linf' });
        const l1 = solve({ kind: 'blackwell', criteria: criteriaOf(tensor), target: { thresholds }, norm: 'l1' });
        assert.ok(linf.certificate.lowerBound <= l1.value + 1e-12);
        assert.ok(l1.certificate.lowerBound <= tensor.length * linf.value + 1e-12);
      }),
      runs,
    );
  });
});
