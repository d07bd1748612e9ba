import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Field } from '../src/schema/field.js';
import { parseConstraint } from '../src/targets/parse-constraint.js';
import { buildTargetSet } from '../src/targets/target-set.js';
import { distanceToTarget, projectOntoTarget, supportValue } from '../src/targets/distance.js';
import { projectOntoPolyhedron } from '../src/numeric/projection.js';
import { solveSmallLp } from '../src/targets/small-lp.js';

const field = new Field(['target', 'constraints', 0]);
const names = ['safety', 'comfort'];

describe('linear constraint strings', () => {
  test('parse into rows normal . z >= offset', () => {
    assert.deepEqual(
      parseConstraint('0.6*safety + 0.4 comfort >= 0.5', names, field).map((row) => [
        Array.from(row.normal),
        row.offset,
      ]),
      [[[0.6, 0.4], 0.5]],
    );
    assert.deepEqual(
      parseConstraint('safety - comfort <= 0.2', names, field).map((row) => [Array.from(row.normal), row.offset]),
      [[[-1, 1], -0.2]],
    );
    assert.deepEqual(
      parseConstraint('(safety + comfort) / 2 == 0.5', names, field).map((row) => [Array.from(row.normal), row.offset]),
      [
        [[0.5, 0.5], 0.5],
        [[-0.5, -0.5], -0.5],
      ],
    );
    assert.deepEqual(
      parseConstraint('0.2 <= safety <= 0.8', names, field).map((row) => [Array.from(row.normal), row.offset]),
      [
        [[1, 0], 0.2],
        [[-1, 0], -0.8],
      ],
    );
    assert.deepEqual(
      parseConstraint('-safety >= -1 + 2 * -0.1', names, field).map((row) => [Array.from(row.normal), row.offset]),
      [[[-1, 0], -1.2]],
    );
  });

  test('never evaluate anything: function calls, assignments and objects are rejected', () => {
    for (const text of [
      'import("fs") >= 0',
      'safety >= eval("1")',
      'f(x) = 1',
      '{a: 1}',
      'safety >= [1]',
      'safety >= "1"',
      'comfort >= 1 ? 1 : 0',
    ]) {
      assert.throws(
        () => parseConstraint(text, names, field),
        (error: { code: string }) => error.code.startsWith('PREF_ERR_'),
        text,
      );
    }
  });
});

describe('target sets', () => {
  test('thresholds give a box', () => {
    const target = buildTargetSet({ thresholds: { safety: 0.55, comfort: -0.2 } }, names);
    assert.deepEqual(Array.from(target.box!.lower), [0.55, 0]);
    assert.deepEqual(Array.from(target.box!.upper), [1, 1]);
  });

  test('a general polyhedron has no box, and distances agree with a brute-force search', () => {
    const target = buildTargetSet(
      { constraints: ['0.6*safety + 0.4*comfort >= 0.5', 'safety - comfort <= 0.2'] },
      names,
    );
    assert.equal(target.box, null);
    const z = [0.1, 0.3];
    // brute force over a fine grid of the cube
    let best = { linf: Infinity, l1: Infinity, l2: Infinity };
    for (let a = 0; a <= 1000; a++) {
      for (let b = 0; b <= 1000; b++) {
        const s = [a / 1000, b / 1000];
        if (0.6 * s[0] + 0.4 * s[1] < 0.5 - 1e-12 || s[0] - s[1] > 0.2 + 1e-12) continue;
        const d = [Math.abs(s[0] - z[0]), Math.abs(s[1] - z[1])];
        best = {
          linf: Math.min(best.linf, Math.max(...d)),
          l1: Math.min(best.l1, d[0] + d[1]),
          l2: Math.min(best.l2, Math.hypot(...d)),
        };
      }
    }
    for (const norm of ['linf', 'l1', 'l2'] as const) {
      const exact = distanceToTarget(target, z, norm);
      assert.ok(exact <= best[norm] + 1e-12 && exact >= best[norm] - 2e-3, `${norm}: ${exact} vs grid ${best[norm]}`);
    }
  });

  // Coefficients as people write them: up to three decimals.
  const coefficient = (min: number, max: number) =>
    fc.integer({ min: min * 1000, max: max * 1000 }).map((value) => value / 1000);

  test('the l2 projection satisfies the optimality conditions on random polyhedra', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coefficient(-1, 1), coefficient(-1, 1), coefficient(-0.5, 0.5)), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
        (rows, z) => {
          const constraints = rows
            .filter(([a, b]) => Math.abs(a) + Math.abs(b) > 1e-3)
            .map(([a, b, c]) => `${a} * safety + ${b} * comfort >= ${c}`);
          fc.pre(constraints.length > 0);
          let target;
          try {
            target = buildTargetSet({ constraints }, names);
          } catch {
            return; // empty target: covered by the error tests
          }
          const p = projectOntoTarget(target, z);
          // p lies in S, and (z - p) . (s - p) <= 0 for the vertices of S found by support values
          assert.ok(distanceToTarget(target, p, 'linf') <= 1e-9);
          const u = [z[0] - p[0], z[1] - p[1]];
          const length = Math.hypot(...u);
          if (length > 1e-12) {
            const direction = u.map((value) => value / length);
            assert.ok(supportValue(target, direction) <= direction[0] * p[0] + direction[1] * p[1] + 1e-9);
          }
          assert.ok(Math.abs(distanceToTarget(target, z, 'l2') - length) <= 1e-12);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('degenerate targets that people write', () => {
  const cases: Array<[string, object, number[], { linf: number; l1: number; l2: number }]> = [
    [
      'a single point',
      { constraints: ['safety == 0.5', 'comfort == 0.5'] },
      [0.2, 0.9],
      { linf: 0.4, l1: 0.7, l2: 0.5 },
    ],
    ['a segment', { constraints: ['safety + comfort == 1'] }, [0, 0], { linf: 0.5, l1: 1, l2: Math.SQRT1_2 }],
    [
      'parallel and redundant rows',
      { thresholds: { safety: 0.5 }, constraints: ['2 * safety >= 1', 'safety >= 0.25', 'safety + comfort >= 0.5'] },
      [0.1, 0.1],
      { linf: 0.4, l1: 0.4, l2: 0.4 },
    ],
    [
      'the corner of the cube',
      { thresholds: { safety: 1, comfort: 1 } },
      [0.5, 0.75],
      { linf: 0.5, l1: 0.75, l2: Math.hypot(0.5, 0.25) },
    ],
    ['an upper bound', { constraints: ['safety <= 0.3'] }, [0.5, 0.5], { linf: 0.2, l1: 0.2, l2: 0.2 }],
  ];
  for (const [name, document, z, expected] of cases) {
    test(name, () => {
      const target = buildTargetSet(document, names);
      for (const norm of ['linf', 'l1', 'l2'] as const) {
        assert.ok(
          Math.abs(distanceToTarget(target, z, norm) - expected[norm]) <= 1e-15,
          `${norm}: ${distanceToTarget(target, z, norm)}`,
        );
      }
    });
  }
});

describe('exact small solvers', () => {
  test('the dense simplex solves a small LP exactly', () => {
    // min -x - y s.t. x + 2y <= 4, 3x + y <= 6, x, y >= 0: optimum at (1.6, 1.2), value -2.8
    const result = solveSmallLp({
      cost: [-1, -1],
      rows: [
        [-1, -2],
        [-3, -1],
        [1, 0],
        [0, 1],
      ],
      lower: [-4, -6, 0, 0],
    });
    assert.equal(result.status, 'optimal');
    if (result.status === 'optimal') {
      assert.ok(Math.abs(result.x[0] - 1.6) < 1e-15 && Math.abs(result.x[1] - 1.2) < 1e-15);
      assert.ok(Math.abs(result.value + 2.8) < 1e-15);
    }
    assert.equal(solveSmallLp({ cost: [0], rows: [[1], [-1]], lower: [0.7, -0.6] }).status, 'infeasible');
  });

  test('the active-set projection finds the nearest point of a polygon', () => {
    const p = projectOntoPolyhedron(
      [0, 0],
      [
        [1, 1],
        [1, 0],
        [0, 1],
      ],
      [1, 0, 0],
      [1, 0],
    )!;
    assert.ok(Math.abs(p[0] - 0.5) < 1e-15 && Math.abs(p[1] - 0.5) < 1e-15);
  });
});
