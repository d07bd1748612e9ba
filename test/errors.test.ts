import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PrefgameError, solve, errorRegistry, type ErrorCode } from '../src/index.js';
import { solveLine } from '../src/batch.js';

const two = (name: string, upper: number) => ({
  name,
  preferences: [
    [0.5, upper],
    [1 - upper, 0.5],
  ],
});
const blackwell = (target: object, extra: object = {}) => ({
  kind: 'blackwell',
  criteria: [two('safety', 0.7), two('comfort', 0.4)],
  target,
  ...extra,
});

/** [code, problem, expected pointer, text the message must contain] */
const cases: Array<[ErrorCode, unknown, string, string]> = [
  ['PREF_ERR_SCHEMA', { kind: 'von-neumann', preferences: 'matrix' }, '/preferences', 'preferences'],
  ['PREF_ERR_SCHEMA', { kind: 'blackwell', criteria: [two('a', 0.6)], target: {} }, '/target', 'target'],
  ['PREF_ERR_MISSING_FIELD', { kind: 'von-neumann' }, '/preferences', 'preferences'],
  ['PREF_ERR_MISSING_FIELD', { preferences: [[0.5]] }, '/kind', 'kind'],
  ['PREF_ERR_UNKNOWN_FIELD', { kind: 'von-neumann', preferences: [[0.5]], prefs: 1 }, '/prefs', 'prefs'],
  ['PREF_ERR_UNKNOWN_KIND', { kind: 'nash', preferences: [[0.5]] }, '/kind', 'kind'],
  ['PREF_ERR_UNKNOWN_NORM', blackwell({ thresholds: { safety: 0.5 } }, { norm: 'l3' }), '/norm', 'norm'],
  [
    'PREF_ERR_UNKNOWN_OPTION',
    { kind: 'von-neumann', preferences: [[0.5]], options: { speed: 'fast' } },
    '/options/speed',
    'speed',
  ],
  [
    'PREF_ERR_INVALID_OPTION',
    { kind: 'von-neumann', preferences: [[0.5]], options: { backend: 'glpk' } },
    '/options/backend',
    'options.backend',
  ],
  [
    'PREF_ERR_INVALID_OPTION',
    { kind: 'von-neumann', preferences: [[0.5]], options: { tolerance: -1 } },
    '/options/tolerance',
    'options.tolerance',
  ],
  [
    'PREF_ERR_NOT_SQUARE',
    {
      kind: 'von-neumann',
      preferences: [
        [0.5, 0.5, 0.5],
        [0.5, 0.5, 0.5],
      ],
    },
    '/preferences',
    'square',
  ],
  [
    'PREF_ERR_RAGGED_ROWS',
    { kind: 'von-neumann', preferences: [[0.5, 0.4], [0.6]] },
    '/preferences/1',
    'preferences[1]',
  ],
  ['PREF_ERR_EMPTY_MATRIX', { kind: 'von-neumann', preferences: [] }, '/preferences', 'preferences'],
  [
    'PREF_ERR_NON_FINITE',
    {
      kind: 'von-neumann',
      preferences: [
        [0.5, NaN],
        [0.5, 0.5],
      ],
    },
    '/preferences/0/1',
    'preferences[0][1]',
  ],
  ['PREF_ERR_NON_FINITE', { kind: 'matrix-game', payoff: [[1, Infinity]] }, '/payoff/0/1', 'payoff[0][1]'],
  [
    'PREF_ERR_OUT_OF_RANGE',
    {
      kind: 'von-neumann',
      preferences: [
        [0.5, 1.2],
        [-0.2, 0.5],
      ],
    },
    '/preferences/0/1',
    'preferences[0][1]',
  ],
  [
    'PREF_ERR_NOT_COMPLEMENTARY',
    {
      kind: 'von-neumann',
      preferences: [
        [0.5, 0.7],
        [0.6, 0.5],
      ],
    },
    '/preferences/0/1',
    'preferences[0][1] + preferences[1][0] = 0.7 + 0.6',
  ],
  [
    'PREF_ERR_NOT_COMPLEMENTARY',
    {
      kind: 'linear',
      criteria: [
        two('a', 0.6),
        {
          name: 'b',
          preferences: [
            [0.5, 0.2],
            [0.3, 0.5],
          ],
        },
      ],
    },
    '/criteria/1/preferences/0/1',
    'criteria[1].preferences[0][1]',
  ],
  [
    'PREF_ERR_BAD_DIAGONAL',
    {
      kind: 'von-neumann',
      preferences: [
        [0.4, 0.6],
        [0.4, 0.5],
      ],
    },
    '/preferences/0/0',
    'preferences[0][0]',
  ],
  [
    'PREF_ERR_DUPLICATE_ITEM',
    {
      kind: 'von-neumann',
      items: ['a', 'a'],
      preferences: [
        [0.5, 0.6],
        [0.4, 0.5],
      ],
    },
    '/items/1',
    'items[1]',
  ],
  [
    'PREF_ERR_DUPLICATE_CRITERION',
    { kind: 'linear', criteria: [two('a', 0.6), two('a', 0.3)] },
    '/criteria/1/name',
    'criteria[1].name',
  ],
  [
    'PREF_ERR_UNKNOWN_CRITERION',
    { kind: 'linear', criteria: [two('a', 0.6)], weights: { b: 1 } },
    '/weights/b',
    'weights.b',
  ],
  [
    'PREF_ERR_UNKNOWN_CRITERION',
    blackwell({ thresholds: { speed: 0.5 } }),
    '/target/thresholds/speed',
    'target.thresholds.speed',
  ],
  [
    'PREF_ERR_UNKNOWN_CRITERION',
    blackwell({ constraints: ['safety + speed >= 1'] }),
    '/target/constraints/0',
    'target.constraints[0]',
  ],
  [
    'PREF_ERR_UNKNOWN_CRITERION',
    blackwell({ halfspaces: [{ weights: { cost: 1 }, offset: 0.5 }] }),
    '/target/halfspaces/0/weights/cost',
    'target.halfspaces[0].weights.cost',
  ],
  [
    'PREF_ERR_SIZE_MISMATCH',
    {
      kind: 'von-neumann',
      items: ['a', 'b', 'c'],
      preferences: [
        [0.5, 0.6],
        [0.4, 0.5],
      ],
    },
    '/items',
    'items',
  ],
  [
    'PREF_ERR_SIZE_MISMATCH',
    { kind: 'linear', criteria: [two('a', 0.6), { name: 'b', preferences: [[0.5]] }] },
    '/criteria/1/preferences',
    'criteria[1].preferences',
  ],
  ['PREF_ERR_EMPTY_WEIGHTS', { kind: 'linear', criteria: [two('a', 0.6)], weights: {} }, '/weights', 'weights'],
  [
    'PREF_ERR_NEGATIVE_WEIGHT',
    { kind: 'linear', criteria: [two('a', 0.6)], weights: { a: -1 } },
    '/weights/a',
    'weights.a',
  ],
  [
    'PREF_ERR_ZERO_WEIGHTS',
    { kind: 'linear', criteria: [two('a', 0.6), two('b', 0.3)], weights: { a: 0, b: 0 } },
    '/weights',
    'weights',
  ],
  [
    'PREF_ERR_CONSTRAINT_SYNTAX',
    blackwell({ constraints: ['safety + >= 0.5'] }),
    '/target/constraints/0',
    'target.constraints[0]',
  ],
  ['PREF_ERR_CONSTRAINT_SYNTAX', blackwell({ constraints: ['safety = 0.5'] }), '/target/constraints/0', '=='],
  ['PREF_ERR_CONSTRAINT_SYNTAX', blackwell({ constraints: ['safety > 0.5'] }), '/target/constraints/0', 'strict'],
  ['PREF_ERR_CONSTRAINT_SYNTAX', blackwell({ constraints: ['safety + comfort'] }), '/target/constraints/0', 'compare'],
  [
    'PREF_ERR_CONSTRAINT_NONLINEAR',
    blackwell({ constraints: ['safety * comfort >= 0.3'] }),
    '/target/constraints/0',
    'target.constraints[0]',
  ],
  [
    'PREF_ERR_CONSTRAINT_NONLINEAR',
    blackwell({ constraints: ['safety^2 >= 0.3'] }),
    '/target/constraints/0',
    'not linear',
  ],
  [
    'PREF_ERR_CONSTRAINT_NONLINEAR',
    blackwell({ constraints: ['exp(safety) >= 1'] }),
    '/target/constraints/0',
    'functions',
  ],
  [
    'PREF_ERR_EMPTY_TARGET',
    blackwell({ thresholds: { safety: 1.2 } }),
    '/target/thresholds/safety',
    'target.thresholds.safety',
  ],
  [
    'PREF_ERR_EMPTY_TARGET',
    blackwell({ thresholds: { safety: 0.9 }, constraints: ['safety + comfort <= 0.5'] }),
    '/target',
    'target.thresholds.safety and target.constraints[0]',
  ],
  [
    'PREF_ERR_UNKNOWN_ITEM',
    { kind: 'von-neumann', items: ['a', 'b'], comparisons: [{ winner: 'a', loser: 'c' }] },
    '/comparisons/0/loser',
    'comparisons[0].loser',
  ],
  [
    'PREF_ERR_SELF_COMPARISON',
    { kind: 'linear', comparisons: [{ tie: ['a', 'a'] }] },
    '/comparisons/0/tie/1',
    'comparisons[0]',
  ],
  [
    'PREF_ERR_MISSING_PAIR',
    {
      kind: 'estimate',
      comparisons: [
        { winner: 'a', loser: 'b' },
        { winner: 'c', loser: 'b' },
      ],
      estimation: { missingPairs: 'error' },
    },
    '/comparisons',
    '"a" and "c"',
  ],
  [
    'PREF_ERR_NOT_CONNECTED',
    { kind: 'von-neumann', comparisons: [{ winner: 'a', loser: 'b' }], rankings: { regularisation: 0 } },
    '/rankings/regularisation',
    'rankings.regularisation',
  ],
  [
    'PREF_ERR_MISSING_FIELD',
    { kind: 'estimate', comparisons: [{ winner: 'a', loser: 'b' }], winner: 'blackwell' },
    '/target',
    'target',
  ],
  [
    'PREF_ERR_SCHEMA',
    { kind: 'estimate', comparisons: [{ winner: 'a', loser: 'b' }], norm: 'l2' },
    '/norm',
    'norm applies only together with winner',
  ],
];

describe('every bad input gets its stable code, the field pointer and a message naming the field', () => {
  for (const [code, problem, pointer, text] of cases) {
    test(`${code}: ${text}`, () => {
      assert.throws(
        () => solve(problem),
        (error: unknown) => {
          assert.ok(error instanceof PrefgameError, String(error));
          assert.equal(error.code, code, error.message);
          assert.equal(error.pointer, pointer, error.message);
          assert.ok(error.message.includes(text), `"${error.message}" should mention "${text}"`);
          assert.ok(code in errorRegistry);
          return true;
        },
      );
    });
  }

  test('PREF_ERR_TOO_LARGE names the limit', () => {
    const preferences = Array.from({ length: 4 }, (_, i) =>
      Array.from({ length: 4 }, (_, j) => (i === j ? 0.5 : i < j ? 0.6 : 0.4)),
    );
    assert.throws(
      () => solve({ kind: 'von-neumann', preferences }, { limits: { maxItems: 3 } }),
      (error: PrefgameError) =>
        error.code === 'PREF_ERR_TOO_LARGE' && error.message.includes('maxItems') && error.pointer === '/preferences',
    );
    assert.throws(
      () => solve(blackwell({ constraints: ['safety >= 0.1', 'comfort >= 0.1'] }), { limits: { maxConstraints: 1 } }),
      (error: PrefgameError) =>
        error.code === 'PREF_ERR_TOO_LARGE' && error.message.includes('maxConstraints') && error.pointer === '/target',
    );
  });

  test('PREF_ERR_BACKEND_LIMIT refuses a problem too large for javascript-lp-solver', () => {
    const n = 100;
    const preferences = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 0.5 : i < j ? 0.6 : 0.4)),
    );
    assert.throws(
      () =>
        solve({ kind: 'von-neumann', preferences, options: { backend: 'javascript-lp-solver', method: 'full-lp' } }),
      (error: PrefgameError) => error.code === 'PREF_ERR_BACKEND_LIMIT' && error.pointer === '/options/backend',
    );
  });

  test('a line that is not JSON gives PREF_ERR_INVALID_JSON with a null id', () => {
    const line = solveLine('{"kind": "von-neumann",', 4);
    assert.equal(line.status, 'error');
    assert.ok(
      line.status === 'error' && line.error.code === 'PREF_ERR_INVALID_JSON' && line.id === null && line.line === 4,
    );
  });

  test('forbidden keys are found however they are written, and the document is never interpreted', () => {
    for (const text of [
      '{"kind":"von-neumann","preferences":[[0.5]],"__proto__":{"x":1}}',
      '{"kind":"von-neumann","preferences":[[0.5]],"\\u005f_proto__":{"x":1}}',
      '{"kind":"von-neumann","options":{"constructor":{"prototype":{"x":1}}},"preferences":[[0.5]]}',
    ]) {
      const line = solveLine(text, 1);
      assert.ok(line.status === 'error' && line.error.code === 'PREF_ERR_FORBIDDEN_KEY', text);
    }
    assert.equal(({} as { x?: number }).x, undefined);
  });

  test('a failing line keeps its id', () => {
    const line = solveLine(
      JSON.stringify({
        id: 'case-17',
        kind: 'von-neumann',
        preferences: [
          [0.5, 1.3],
          [-0.3, 0.5],
        ],
      }),
      1,
    );
    assert.ok(line.status === 'error' && line.id === 'case-17' && line.error.code === 'PREF_ERR_OUT_OF_RANGE');
  });

  test('keys named __proto__ or constructor are plain unknown names', () => {
    const problem = JSON.parse(
      '{"kind":"linear","criteria":[{"name":"a","preferences":[[0.5]]}],"weights":{"__proto__":1}}',
    );
    assert.throws(
      () => solve(problem),
      (error: PrefgameError) => error.code === 'PREF_ERR_UNKNOWN_CRITERION',
    );
    const result = solve({
      kind: 'linear',
      criteria: [{ name: 'constructor', preferences: [[0.5]] }],
      weights: { constructor: 1 },
    });
    assert.equal(result.weights?.constructor, 1);
  });
});
