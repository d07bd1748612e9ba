import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { solve, type ResultDocument } from '../src/index.js';
import { assertProbabilityVector, referenceCases, runCli } from './helpers.js';

function checkAgainstExpectation(
  result: ResultDocument,
  expected: (typeof referenceCases)[number]['expect'],
  tolerance: number,
): void {
  assert.equal(result.status, 'optimal');
  assertProbabilityVector(result.distribution);
  assert.ok(Math.abs(result.value - expected.value) <= tolerance, `value ${result.value}, expected ${expected.value}`);
  assert.ok(result.certificate.gap <= tolerance, `gap ${result.certificate.gap}`);
  assert.ok(
    result.certificate.lowerBound <= result.value + 1e-15 && result.value <= result.certificate.upperBound + 1e-15,
  );
  if (expected.distribution) {
    expected.distribution.forEach((p, i) =>
      assert.ok(
        Math.abs(result.distribution[i] - p) <= 1e-7,
        `distribution[${i}] = ${result.distribution[i]}, expected ${p}`,
      ),
    );
  }
}

const shared = new URL('../../shared/vectors/public.json', import.meta.url);
test(
  'the copy of the public reference cases is current',
  { skip: !existsSync(shared) && 'no ../shared next to this clone' },
  () => {
    assert.deepEqual(
      JSON.parse(readFileSync(new URL('./vectors/public.json', import.meta.url), 'utf8')),
      JSON.parse(readFileSync(shared, 'utf8')),
    );
  },
);

describe('public reference cases through solve()', () => {
  for (const backend of ['highs', 'javascript-lp-solver'] as const) {
    for (const reference of referenceCases) {
      test(`${backend}: ${reference.name}`, () => {
        const result = solve({ ...reference.problem, options: { backend } }) as ResultDocument; // reference cases are winner kinds
        const tolerance = reference.problem.norm === 'l2' ? 1e-7 : 1e-9;
        checkAgainstExpectation(result, reference.expect, tolerance);
        assert.equal(result.kind, reference.problem.kind);
        assert.equal(result.diagnostics.backend, backend);
      });
    }
  }
});

describe('public reference cases through the CLI', () => {
  test('prefgame batch solves every case, in order', () => {
    const input =
      referenceCases
        .map((reference, index) => JSON.stringify({ ...reference.problem, id: `case-${index}` }))
        .join('\n') + '\n';
    const { code, stdout, stderr } = runCli(['batch'], input);
    assert.equal(code, 0, stderr);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(lines.length, referenceCases.length);
    lines.forEach((result, index) => {
      assert.equal(result.id, `case-${index}`);
      const tolerance = referenceCases[index].problem.norm === 'l2' ? 1e-7 : 1e-9;
      checkAgainstExpectation(result, referenceCases[index].expect, tolerance);
    });
  });

  test('prefgame solve prints the result document of one case', () => {
    const reference = referenceCases[0];
    const { code, stdout } = runCli(['solve', '-'], JSON.stringify(reference.problem));
    assert.equal(code, 0);
    checkAgainstExpectation(JSON.parse(stdout), reference.expect, 1e-9);
  });
});
