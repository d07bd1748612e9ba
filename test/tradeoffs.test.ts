import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { paretoFrontier, solve, PrefgameError, type ParetoResultDocument } from '../src/index.js';
import { matrixFromRows } from '../src/numeric/matrix.js';
import { createContext } from '../src/games/context.js';
import { backendNamed } from '../src/lp/backends.js';
import { frontierTwo, polylineDistance } from '../src/tradeoffs/frontier-two.js';
import { bensonFrontier } from '../src/tradeoffs/benson.js';
import { downsetDistance } from '../src/tradeoffs/inner-set.js';
import { boxPolyhedron, cutPolyhedron } from '../src/tradeoffs/outer-polyhedron.js';
import { randomPreferences } from '../src/generate/preference-matrices.js';
import { seededRandom } from '../src/numeric/random.js';
import { criteriaOf, preferenceTensor } from './helpers.js';

/** g_c(pi) = min_j sum_i pi_i P_c[i][j], plainly. */
function guaranteesOf(tensor: number[][][], distribution: number[]): number[] {
  return tensor.map((matrix) =>
    Math.min(...matrix[0].map((_, j) => distribution.reduce((sum, p, i) => sum + p * matrix[i][j], 0))),
  );
}

function points(result: ParetoResultDocument): number[][] {
  return result.frontier.map((point) => result.criteria.map((name) => point.guarantees[name]));
}

function assertFrontierSound(result: ParetoResultDocument, tensor: number[][][]): void {
  for (const point of result.frontier) {
    const recomputed = guaranteesOf(tensor, point.distribution);
    result.criteria.forEach((name, c) =>
      assert.ok(
        Math.abs(recomputed[c] - point.guarantees[name]) <= 1e-12,
        `guarantee ${name} is attained by its lottery`,
      ),
    );
    assert.ok(Math.abs(point.distribution.reduce((a, b) => a + b, 0) - 1) <= 1e-12);
  }
  const all = points(result);
  for (const [p, a] of all.entries()) {
    for (const [q, b] of all.entries()) {
      if (p === q) continue;
      assert.ok(
        !(b.every((value, c) => value >= a[c] - 1e-12) && b.some((value, c) => value > a[c] + 1e-9)),
        `frontier point ${a.join(', ')} is dominated by ${b.join(', ')}`,
      );
    }
  }
}

const twoItems = (p: number, q: number) => [
  [
    [0.5, p],
    [1 - p, 0.5],
  ],
  [
    [0.5, q],
    [1 - q, 0.5],
  ],
];

describe('Pareto frontier: reference cases with known frontiers', () => {
  test("two items: the segment between the items' guarantee vectors (opposed criteria)", () => {
    const tensor = twoItems(0.8, 0.3); // item 0 wins on c0, loses on c1
    const result = paretoFrontier({ criteria: criteriaOf(tensor) });
    assert.equal(result.status, 'optimal');
    assert.equal(result.exact, true);
    // g(item 0) = (min(0.5, 0.8), min(0.5, 0.3)) = (0.5, 0.3); g(item 1) = (0.2, 0.5).
    assert.deepEqual(points(result), [
      [1 - 0.8, 0.5],
      [0.5, 0.3],
    ]);
    assert.deepEqual(
      result.frontier.map((point) => point.distribution),
      [
        [0, 1],
        [1, 0],
      ],
    );
    assertFrontierSound(result, tensor);
  });

  test('two items where one dominates: a single point', () => {
    const result = paretoFrontier({ criteria: criteriaOf(twoItems(0.8, 0.6)) });
    assert.deepEqual(points(result), [[0.5, 0.5]]);
    assert.deepEqual(result.frontier[0].distribution, [1, 0]);
  });

  test('degenerate inputs: one item, identical criteria, items that all tie', () => {
    assert.deepEqual(points(paretoFrontier({ criteria: criteriaOf([[[0.5]], [[0.5]]]) })), [[0.5, 0.5]]);
    const rps = [
      [0.5, 0, 1],
      [1, 0.5, 0],
      [0, 1, 0.5],
    ];
    const same = paretoFrontier({ criteria: criteriaOf([rps, rps]) });
    assert.deepEqual(
      points(same).map((point) => point.map((value) => Math.round(value * 1e12) / 1e12)),
      [[0.5, 0.5]],
    );
    const ties = Array.from({ length: 4 }, () => new Array(4).fill(0.5));
    const tied = paretoFrontier({ criteria: criteriaOf([ties, ties, ties]) });
    assert.deepEqual(points(tied), [[0.5, 0.5, 0.5]]);
    assert.equal(tied.exact, true);
  });

  test('rock-paper-scissors against its mirror image: the uniform lottery guarantees 1/2 on both', () => {
    const rps = [
      [0.5, 0, 1],
      [1, 0.5, 0],
      [0, 1, 0.5],
    ];
    const mirror = rps[0].map((_, i) => rps.map((row) => row[i])); // P2 = P1', opposed criteria
    const result = paretoFrontier({ criteria: criteriaOf([rps, mirror]) });
    assert.equal(result.frontier.length, 1);
    result.frontier[0].distribution.forEach((p) => assert.ok(Math.abs(p - 1 / 3) < 1e-9));
  });

  test('a third criterion that repeats the second changes nothing (Benson agrees with the two-criteria method)', () => {
    const tensor = [randomPreferences(7, 11), randomPreferences(7, 12)];
    const two = points(paretoFrontier({ criteria: criteriaOf(tensor) }));
    const three = paretoFrontier({ criteria: criteriaOf([tensor[0], tensor[1], tensor[1]]) });
    assert.equal(three.exact, true);
    assert.equal(three.diagnostics.method, 'benson-outer-approximation');
    const lifted = points(three)
      .map(([a, b]) => [a, b])
      .sort((x, y) => x[0] - y[0]);
    assert.equal(lifted.length, two.length);
    lifted.forEach((point, index) => point.forEach((value, c) => assert.ok(Math.abs(value - two[index][c]) < 1e-8)));
  });
});

describe('Pareto frontier: properties', () => {
  test("k = 2: the non-inferior set method and Benson's algorithm find the same vertices", () => {
    fc.assert(
      fc.property(
        preferenceTensor(6, 2).filter((tensor) => tensor.length === 2),
        (tensor) => {
          const matrices = tensor.map(matrixFromRows);
          const nise = frontierTwo(matrices, createContext(backendNamed('highs'), 10_000, 1e-9), {
            maxVertices: 1000,
            splitTolerance: 1e-10,
            tolerance: 1e-8,
          });
          const benson = bensonFrontier(matrices, createContext(backendNamed('highs'), 10_000, 1e-9), {
            maxVertices: 1000,
            tolerance: 1e-9,
          });
          assert.ok(nise.hausdorffDistance <= 1e-8 && benson.hausdorffDistance <= 1e-8);
          const a = nise.vertices.map((vertex) => Array.from(vertex.guarantees));
          const b = benson.vertices.map((vertex) => Array.from(vertex.guarantees)).sort((x, y) => x[0] - y[0]);
          // Each method's vertices lie on the other's frontier.
          for (const point of a) assert.ok(polylineDistance(point, b) <= 1e-8 && downsetDistance(point, b) <= 1e-8);
          for (const point of b) assert.ok(polylineDistance(point, a) <= 1e-8);
        },
      ),
      { numRuns: 40, seed: 5 },
    );
  });

  test('every frontier point is attained and non-dominated; no random lottery and no Blackwell winner lies above the frontier', () => {
    fc.assert(
      fc.property(
        preferenceTensor(6, 2).filter((tensor) => tensor.length === 2),
        fc.integer({ min: 1, max: 1e6 }),
        (tensor, seed) => {
          const result = paretoFrontier({ criteria: criteriaOf(tensor) });
          assert.equal(result.exact, true);
          assertFrontierSound(result, tensor);
          const frontier = points(result);
          const random = seededRandom(seed);
          const n = tensor[0].length;
          for (let sample = 0; sample < 200; sample++) {
            const raw = Array.from({ length: n }, () => (random() < 0.3 ? 0 : -Math.log(random() + 1e-12)));
            const total = raw.reduce((a, b) => a + b, 0) || 1;
            const attained = guaranteesOf(
              tensor,
              raw.map((value) => value / total),
            );
            assert.ok(
              polylineDistance(attained, frontier) <= 1e-9,
              `random lottery attains ${attained.join(', ')}, above the frontier`,
            );
          }
          for (let trial = 0; trial < 3; trial++) {
            const thresholds = { c0: random(), c1: random() };
            const winner = solve({ kind: 'blackwell', criteria: criteriaOf(tensor), target: { thresholds } });
            assert.ok(polylineDistance([winner.guarantees!.c0, winner.guarantees!.c1], frontier) <= 1e-9);
          }
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  });

  test('the l-infinity Blackwell winner of a threshold target on or below the frontier has value 0', () => {
    fc.assert(
      fc.property(
        preferenceTensor(5, 2).filter((tensor) => tensor.length === 2),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (tensor, along, below) => {
          const frontier = points(paretoFrontier({ criteria: criteriaOf(tensor) }));
          // A point on a frontier segment, then pushed down and to the left.
          const position = along * (frontier.length - 1);
          const segment = Math.min(Math.floor(position), Math.max(0, frontier.length - 2));
          const next = frontier[Math.min(segment + 1, frontier.length - 1)];
          const fraction = position - segment;
          const onFrontier = frontier[segment].map((value, c) => value + fraction * (next[c] - value));
          const thresholds = { c0: Math.max(0, onFrontier[0] - below), c1: onFrontier[1] };
          const winner = solve({ kind: 'blackwell', criteria: criteriaOf(tensor), target: { thresholds } });
          assert.ok(winner.value <= 1e-9, `value ${winner.value} at ${JSON.stringify(thresholds)}`);
        },
      ),
      { numRuns: 30, seed: 9 },
    );
  });

  test("k = 3: Benson's vertices are attained, non-dominated, and no random lottery beats the inner approximation", () => {
    const tensor = [randomPreferences(6, 1), randomPreferences(6, 2), randomPreferences(6, 3)];
    const result = paretoFrontier({ criteria: criteriaOf(tensor) });
    assert.equal(result.exact, true);
    assert.ok(result.hausdorffDistance <= result.tolerance);
    assertFrontierSound(result, tensor);
    const frontier = points(result);
    const random = seededRandom(3);
    for (let sample = 0; sample < 300; sample++) {
      const raw = Array.from({ length: 6 }, () => (random() < 0.4 ? 0 : random()));
      const total = raw.reduce((a, b) => a + b, 0) || 1;
      assert.ok(
        downsetDistance(
          guaranteesOf(
            tensor,
            raw.map((value) => value / total),
          ),
          frontier,
        ) <= 1e-8,
      );
    }
  });

  test('past the vertex budget: an inner and an outer approximation with their Hausdorff distance', () => {
    const tensor = [randomPreferences(30, 1), randomPreferences(30, 2), randomPreferences(30, 3)];
    const result = paretoFrontier({ criteria: criteriaOf(tensor), maxVertices: 20 });
    assert.equal(result.exact, false);
    assert.equal(result.status, 'iteration_limit');
    assert.ok(result.hausdorffDistance > result.tolerance && Number.isFinite(result.hausdorffDistance));
    assert.ok(result.outer.length > 0);
    assertFrontierSound(result, tensor);
    assert.match(result.warnings.join(' '), /maxVertices/);
  });
});

describe('threshold sweeps', () => {
  test('a line sweep is monotone: raising every threshold never lowers the Blackwell value', () => {
    fc.assert(
      fc.property(
        preferenceTensor(6, 2).filter((tensor) => tensor.length === 2),
        fc.constantFrom<'linf' | 'l1' | 'l2'>('linf', 'l1', 'l2'),
        (tensor, norm) => {
          const result = paretoFrontier({
            criteria: criteriaOf(tensor),
            sweep: { from: { c0: 0.2, c1: 0.1 }, to: { c0: 0.6, c1: 0.5 }, steps: 5, norm },
          });
          const values = result.sweep!.map((step) => step.value);
          for (let step = 1; step < values.length; step++)
            assert.ok(values[step] >= values[step - 1] - 1e-7, `${norm}: ${values.join(', ')}`);
          result.sweep!.forEach((step, index) =>
            assert.ok(Math.abs(step.thresholds!.c0 - (0.2 + index * 0.1)) < 1e-15),
          );
          assert.equal(result.sweep![4].thresholds!.c1, 0.5);
        },
      ),
      { numRuns: 10, seed: 3 },
    );
  });

  test('a grid sweep solves every combination, each like a blackwell problem', () => {
    const tensor = [randomPreferences(5, 4), randomPreferences(5, 5)];
    const result = paretoFrontier({
      criteria: criteriaOf(tensor),
      sweep: { grid: { c0: [0.3, 0.4], c1: [0.2, 0.3, 0.45] } },
    });
    assert.equal(result.sweep!.length, 6);
    for (const step of result.sweep!) {
      const direct = solve({
        kind: 'blackwell',
        criteria: criteriaOf(tensor),
        target: { thresholds: step.thresholds! },
      });
      assert.ok(Math.abs(direct.value - step.value) <= 1e-9);
      assert.equal(step.status, 'optimal');
    }
  });

  test('bad sweeps and frontiers are coded errors that name the field', () => {
    const criteria = criteriaOf(twoItems(0.8, 0.3));
    const code = (problem: Record<string, unknown>) => {
      try {
        solve({ kind: 'pareto', criteria, ...problem });
      } catch (error) {
        return [(error as PrefgameError).code, (error as PrefgameError).pointer];
      }
      return null;
    };
    assert.deepEqual(code({ sweep: { from: { c0: 0.2 }, to: { c0: 0.4 } } }), [
      'PREF_ERR_MISSING_FIELD',
      '/sweep/steps',
    ]);
    assert.deepEqual(code({ sweep: { from: { c0: 0.2 }, to: { c1: 0.4 }, steps: 3 } }), [
      'PREF_ERR_MISSING_FIELD',
      '/sweep/to/c0',
    ]);
    assert.deepEqual(code({ sweep: { grid: { c0: [0.2, 1.5] } } }), ['PREF_ERR_EMPTY_TARGET', '/sweep/grid/c0/1']);
    assert.deepEqual(code({ sweep: { grid: { speed: [0.2] } } }), ['PREF_ERR_UNKNOWN_CRITERION', '/sweep/grid/speed']);
    assert.deepEqual(code({ sweep: { grid: { c0: [0.2] }, steps: 3 } }), ['PREF_ERR_SCHEMA', '/sweep']);
    assert.deepEqual(code({ criteria: criteria.slice(0, 1) }), ['PREF_ERR_SCHEMA', '/criteria']);
    assert.deepEqual(code({ weights: { c0: -1 } }), ['PREF_ERR_NEGATIVE_WEIGHT', '/weights/c0']);
    assert.deepEqual(code({ maxVertices: 0 }), ['PREF_ERR_SCHEMA', '/maxVertices']);
  });
});

describe('the outer polyhedron (double description)', () => {
  test('cuts of a square give the expected vertices, including a cut through a vertex', () => {
    const square = boxPolyhedron([0, 0], [1, 1]);
    cutPolyhedron(square, Float64Array.of(1, 1), 1.5);
    const sorted = () =>
      square.vertices.map((vertex) => Array.from(vertex.point)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    assert.deepEqual(sorted(), [
      [0, 0],
      [0, 1],
      [0.5, 1],
      [1, 0],
      [1, 0.5],
    ]);
    cutPolyhedron(square, Float64Array.of(1, 0), 0.5); // through (0.5, 1)
    assert.deepEqual(sorted(), [
      [0, 0],
      [0, 1],
      [0.5, 0],
      [0.5, 1],
    ]);
    assert.equal(cutPolyhedron(square, Float64Array.of(1, 1), 2).removed, 0);
  });

  test('a cube cut by random halfspaces keeps exactly the vertices of the intersection', () => {
    const random = seededRandom(17);
    const cube = boxPolyhedron([0, 0, 0], [1, 1, 1]);
    const cuts: Array<[Float64Array, number]> = [];
    for (let step = 0; step < 12; step++) {
      const normal = Float64Array.from({ length: 3 }, () => random());
      const offset = 0.6 * (normal[0] + normal[1] + normal[2]) + 0.2 * random();
      cuts.push([normal, offset]);
      cutPolyhedron(cube, normal, offset);
    }
    // Every vertex satisfies every cut, and at least three halfspaces are tight at it.
    for (const vertex of cube.vertices) {
      for (const [normal, offset] of cuts)
        assert.ok(
          normal[0] * vertex.point[0] + normal[1] * vertex.point[1] + normal[2] * vertex.point[2] <= offset + 1e-12,
        );
      assert.ok(vertex.active.length >= 3);
    }
    // Complete: the same vertex set as a brute-force enumeration (every three planes that meet in
    // one point inside all halfspaces).
    const planes: Array<[number[], number]> = [
      ...cuts.map(([normal, offset]): [number[], number] => [Array.from(normal), offset]),
    ];
    for (let d = 0; d < 3; d++) {
      planes.push([[0, 1, 2].map((e) => (e === d ? 1 : 0)), 1]);
      planes.push([[0, 1, 2].map((e) => (e === d ? -1 : 0)), 0]);
    }
    const expected: number[][] = [];
    for (let a = 0; a < planes.length; a++) {
      for (let b = a + 1; b < planes.length; b++) {
        for (let c = b + 1; c < planes.length; c++) {
          const point = intersect3(planes[a], planes[b], planes[c]);
          if (
            !point ||
            !planes.every(
              ([normal, offset]) => normal[0] * point[0] + normal[1] * point[1] + normal[2] * point[2] <= offset + 1e-9,
            )
          )
            continue;
          if (!expected.some((known) => known.every((value, e) => Math.abs(value - point[e]) < 1e-9)))
            expected.push(point);
        }
      }
    }
    const found = cube.vertices.map((vertex) => Array.from(vertex.point));
    assert.equal(
      found.length,
      expected.length,
      `${found.length} vertices kept, ${expected.length} in the intersection`,
    );
    for (const point of expected)
      assert.ok(
        found.some((vertex) => vertex.every((value, e) => Math.abs(value - point[e]) < 1e-9)),
        `vertex ${point.join(', ')} is missing`,
      );
  });
});

/** The point where three planes `n . x = b` meet (Cramer's rule), or null when they do not meet in one point. */
function intersect3(...planes: Array<[number[], number]>): number[] | null {
  const det = (m: number[][]) =>
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
    m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
    m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const matrix = planes.map(([normal]) => normal);
  const whole = det(matrix);
  if (Math.abs(whole) < 1e-12) return null;
  return [0, 1, 2].map(
    (column) => det(matrix.map((row, r) => row.map((value, c) => (c === column ? planes[r][1] : value)))) / whole,
  );
}
