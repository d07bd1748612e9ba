// Fuzz suite: documents built from the schemas of the main kinds, then mutated (non-finite and
// extreme numbers, huge and tiny scales, duplicate and forbidden keys, truncation, unknown and
// missing fields), through the library and through the HTTP service (`inject`). Only invariants
// are asserted: a result with ordered bounds, a valid lottery and a value recomputed from the
// definition, or a coded error of the registry with a 4xx status; never a 500 or a crash.
//
// Bounded: count-based runs (FUZZ_RUNS scales them, default 1), a fixed seed unless FUZZ_SEED is
// set; the seed and the shrunk counterexample are printed on failure (fc.assert). Small problems
// only, so the suite takes seconds even on a loaded 2-core machine.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../api/app.js';
import { readConfig } from '../api/config.js';
import { errorRegistry, PrefgameError, solve, type ErrorCode } from '../src/index.js';
import { parseDocument } from '../src/parse-document.js';
import { complementaryMatrix, preferenceTensor } from './helpers.js';

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261201;
const scale = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 1;
const runs = (count: number) => Math.max(1, Math.round(count * scale));

/** Numbers a careless or hostile client sends, as JSON literals. */
const extremeLiterals = [
  '1e400',
  '-1e400',
  '1e308',
  '-1e308',
  '1e-320',
  '5e-324',
  '-0',
  '0',
  '1e300',
  '-1e-300',
  '2',
  '-1',
  '0.5',
  '123456789012345678901234567890',
];

const name = fc.constantFrom('speed', 'safety', 'comfort', 'cost');

const matrixGameDocument = fc
  .record({
    payoff: fc.integer({ min: 1, max: 4 }).chain((m) =>
      fc.integer({ min: 1, max: 4 }).chain((n) =>
        fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }), {
          minLength: m,
          maxLength: m,
        }),
      ),
    ),
    exponent: fc.integer({ min: -320, max: 300 }),
    options: fc.option(fc.record({ backend: fc.constantFrom('highs', 'javascript-lp-solver') }), { nil: undefined }),
  })
  .map(({ payoff, exponent, options }) => ({
    kind: 'matrix-game',
    payoff: payoff.map((row) => row.map((value) => value * 10 ** exponent)),
    ...(options ? { options } : {}),
  }));

const vonNeumannDocument = fc
  .record({
    preferences: complementaryMatrix(6),
    id: fc.option(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { nil: undefined }),
    backend: fc.constantFrom('highs', 'javascript-lp-solver'),
  })
  .map(({ preferences, id, backend }) => ({
    ...(id !== undefined ? { id } : {}),
    kind: 'von-neumann',
    preferences,
    options: { backend },
  }));

const target = fc.record(
  {
    thresholds: fc.dictionary(name, fc.double({ min: -0.5, max: 1.5, noNaN: true }), { maxKeys: 2 }),
    halfspaces: fc.array(
      fc.record({
        weights: fc.dictionary(name, fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minKeys: 1, maxKeys: 2 }),
        offset: fc.double({ min: -2, max: 2, noNaN: true }),
      }),
      { maxLength: 2 },
    ),
    constraints: fc.array(
      fc
        .tuple(name, fc.constantFrom('>=', '<=', '=='), fc.double({ min: -1, max: 2, noNaN: true }))
        .map(([criterion, operator, bound]) => `${criterion} ${operator} ${bound}`),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);

const multiCriteriaDocument = fc
  .record({
    tensor: preferenceTensor(5, 3),
    kind: fc.constantFrom('blackwell', 'linear', 'pareto'),
    target,
    norm: fc.constantFrom('linf', 'l1', 'l2'),
  })
  .map(({ tensor, kind, target: goal, norm }) => {
    const names = ['speed', 'safety', 'comfort'].slice(0, tensor.length);
    const criteria = tensor.map((preferences, c) => ({ name: names[c], preferences }));
    if (kind === 'linear') return { kind, criteria };
    if (kind === 'pareto')
      return { kind, criteria: criteria.length >= 2 ? criteria : [...criteria, { ...criteria[0], name: 'cost' }] };
    const usable = Object.keys(goal).length > 0 ? goal : { thresholds: { speed: 0.5 } };
    return { kind, criteria, target: usable, norm };
  });

const document = fc.oneof(matrixGameDocument, vonNeumannDocument, multiCriteriaDocument);

/** A mutation of a document's JSON text. */
const mutation = fc.oneof(
  fc.record({ type: fc.constant('none' as const) }),
  fc.record({ type: fc.constant('number' as const), index: fc.nat(), literal: fc.constantFrom(...extremeLiterals) }),
  fc.record({ type: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    type: fc.constant('key' as const),
    index: fc.nat(),
    key: fc.constantFrom(
      '"__proto__":{"x":1}',
      '"constructor":{"prototype":{}}',
      '"\\u005f_proto__":{}',
      '"kind":"von-neumann"',
      '"payoff":[[1]]',
      '"extra":1',
      '"id":1e400',
    ),
  }),
  fc.record({ type: fc.constant('delete' as const), index: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, change: Mutation): string {
  switch (change.type) {
    case 'none':
      return text;
    case 'number': {
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?([eE][-+]?\d+)?/g)];
      if (numbers.length === 0) return text;
      const found = numbers[change.index % numbers.length];
      return text.slice(0, found.index) + change.literal + text.slice(found.index + found[0].length);
    }
    case 'truncate':
      return text.slice(0, Math.floor(change.fraction * text.length));
    case 'key': {
      const braces = [...text.matchAll(/\{/g)];
      const at = braces[change.index % braces.length].index + 1;
      const rest = text.slice(at);
      return text.slice(0, at) + change.key + (rest.startsWith('}') ? '' : ',') + rest;
    }
    case 'delete': {
      const keys = [...text.matchAll(/"(\w+)":/g)];
      if (keys.length === 0) return text;
      const found = keys[change.index % keys.length];
      return text.slice(0, found.index) + '"x' + found[1] + '":' + text.slice(found.index + found[0].length);
    }
  }
}

/** `min_j sum_i p_i M[i][j]` with the terms summed exactly enough for a 1e-12 comparison. */
function guaranteed(matrix: number[][], distribution: number[]): number {
  let worst = Infinity;
  for (let j = 0; j < matrix[0].length; j++) {
    let sum = 0;
    for (let i = 0; i < matrix.length; i++) sum += distribution[i] * matrix[i][j];
    worst = Math.min(worst, sum);
  }
  return worst;
}

function checkLottery(distribution: number[]): void {
  const sum = distribution.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - 1) <= 1e-9, `the distribution sums to ${sum}`);
  for (const p of distribution) assert.ok(p >= 0 && p <= 1, `the distribution has the entry ${p}`);
}

/** The invariants of any answer to a document: a result with ordered bounds and its value recomputed, or a coded 4xx error. */
function checkResult(problem: Record<string, any>, result: Record<string, any>): void {
  assert.ok(
    ['optimal', 'time_limit', 'iteration_limit', 'numerical_error'].includes(result.status),
    `status ${result.status}`,
  );
  const certificate = result.certificate;
  if (certificate) {
    assert.ok(
      Number.isFinite(certificate.lowerBound) && Number.isFinite(certificate.upperBound),
      JSON.stringify(certificate),
    );
    assert.ok(certificate.lowerBound <= certificate.upperBound, `bounds out of order: ${JSON.stringify(certificate)}`);
    assert.equal(certificate.gap, certificate.upperBound - certificate.lowerBound);
  }
  if (Array.isArray(result.distribution)) checkLottery(result.distribution);
  if (problem.kind === 'matrix-game' || problem.kind === 'von-neumann') {
    const matrix: number[][] = problem.kind === 'matrix-game' ? problem.payoff : problem.preferences;
    const magnitude = Math.max(...matrix.flat().map(Math.abs));
    // value = min_j (pi' M)_j, recomputed here from the definition.
    const recomputed = guaranteed(matrix, result.distribution);
    assert.ok(
      Math.abs(result.value - recomputed) <= 1e-12 * magnitude + Number.MIN_VALUE,
      `value ${result.value}, recomputed ${recomputed}`,
    );
    assert.ok(
      certificate.lowerBound <= result.value && result.value <= certificate.upperBound,
      `value ${result.value} outside ${JSON.stringify(certificate)}`,
    );
    if (result.status === 'optimal') {
      const range = Math.max(...matrix.flat()) / 2 - Math.min(...matrix.flat()) / 2;
      assert.ok(
        certificate.gap <= 2e-9 * range + 1e-13 * magnitude + Number.MIN_VALUE,
        `optimal with gap ${certificate.gap} (range ${2 * range})`,
      );
    }
  }
  if (problem.kind === 'blackwell')
    assert.ok(result.value >= 0 && result.value === certificate.upperBound, `blackwell value ${result.value}`);
}

function checkError(error: unknown): void {
  assert.ok(
    error instanceof PrefgameError,
    `not a coded error: ${error instanceof Error ? error.stack : String(error)}`,
  );
  const status = errorRegistry[error.code].status;
  assert.ok(status >= 400 && status < 500, `${error.code} maps to ${status}: ${error.message}`);
  assert.notEqual(error.code, 'PREF_ERR_INTERNAL');
}

describe('fuzz: every mutated document gets a checked result or a coded 4xx error', () => {
  test('through the library', () => {
    fc.assert(
      fc.property(document, mutation, (problem, change) => {
        const text = mutate(JSON.stringify(problem), change);
        let parsed: unknown;
        try {
          parsed = parseDocument(new TextEncoder().encode(text));
          const result = solve(parsed) as Record<string, any>;
          checkResult(parsed as Record<string, any>, result);
          assert.doesNotThrow(() => JSON.parse(JSON.stringify(result)), 'the result serialises');
        } catch (error) {
          if (error instanceof assert.AssertionError) throw error;
          checkError(error);
        }
      }),
      { seed, numRuns: runs(200) },
    );
  });

  describe('through the HTTP service', () => {
    let app: FastifyInstance;
    before(async () => {
      app = await buildApp({ config: { ...readConfig({}), workers: 1 }, logger: false });
      await app.warm;
    });
    after(async () => {
      await app.close();
    });

    test('POST /v1/solve answers 200 with a checked result or a coded 4xx, never 5xx', async () => {
      await fc.assert(
        fc.asyncProperty(document, mutation, async (problem, change) => {
          const text = mutate(JSON.stringify(problem), change);
          const response = await app.inject({
            method: 'POST',
            url: '/v1/solve',
            payload: text,
            headers: { 'content-type': 'application/json' },
          });
          assert.ok(response.statusCode < 500, `HTTP ${response.statusCode}: ${response.body.slice(0, 300)}`);
          const body = response.json();
          if (response.statusCode === 200) checkResult(JSON.parse(text), body);
          else {
            assert.equal(
              response.statusCode,
              errorRegistry[body.code as ErrorCode].status,
              response.body.slice(0, 300),
            );
            assert.ok(!/\bat .*\.(js|ts):\d+/.test(response.body), 'no stack trace');
          }
        }),
        { seed, numRuns: runs(60) },
      );
    });

    test('POST /v1/batch of mutated lines answers one line per document, none internal', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(document, mutation), { minLength: 1, maxLength: 6 }), async (entries) => {
          const lines = entries.map(([problem, change]) => mutate(JSON.stringify(problem), change).replace(/\n/g, ' '));
          const response = await app.inject({
            method: 'POST',
            url: '/v1/batch',
            payload: lines.join('\n') + '\n',
            headers: { 'content-type': 'application/x-ndjson' },
          });
          assert.equal(response.statusCode, 200, response.body.slice(0, 300));
          const outputs =
            response.body.trim() === ''
              ? []
              : response.body
                  .trim()
                  .split('\n')
                  .map((line) => JSON.parse(line));
          assert.equal(outputs.length, lines.filter((line) => line.trim() !== '').length);
          for (const output of outputs) {
            if (output.status === 'error')
              assert.ok(
                errorRegistry[output.error.code as ErrorCode].status < 500,
                JSON.stringify(output.error).slice(0, 300),
              );
          }
        }),
        { seed, numRuns: runs(15) },
      );
    });
  });
});
