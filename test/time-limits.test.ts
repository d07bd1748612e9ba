// Item 5: solves stop at their time limit, counted in work rather than time: an injected clock
// that jumps past any time limit at every read, so each deadline has passed by the next look at
// the clock; the tests see what the solvers still do once the time is up (LP solves, rounds, tie
// analysis), whatever the machine's load.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { solve } from '../src/index.js';
import { randomPreferences } from '../src/generate/preference-matrices.js';

/** A clock that moves a day (more than any time limit here) at every read. */
function expiringClock(start = 1_000_000): () => number {
  let reads = 0;
  return () => start + 86_400_000 * reads++;
}

const criteria = (k: number, n: number) =>
  Array.from({ length: k }, (_, c) => ({ name: `c${c}`, preferences: randomPreferences(n, 100 + c) }));

describe('item 5: past the deadline, solvers return their best answer with honest bounds and do no more work', () => {
  test('pareto, k = 4 (Benson): one LP for one frontier point, then no more', () => {
    const result = solve({ kind: 'pareto', criteria: criteria(4, 12) }, { clock: expiringClock() }) as Record<
      string,
      any
    >;
    assert.equal(result.status, 'time_limit');
    assert.equal(result.exact, false);
    assert.equal(result.diagnostics.lpSolves, 1);
    assert.ok(result.frontier.length >= 1);
    assert.ok(
      Number.isFinite(result.hausdorffDistance) && result.hausdorffDistance >= 0,
      String(result.hausdorffDistance),
    );
    assert.ok(result.warnings.some((warning: string) => /time limit/.test(warning)));
  });

  test('pareto, k = 2: time_limit with an inner and an outer approximation', () => {
    const result = solve({ kind: 'pareto', criteria: criteria(2, 15) }, { clock: expiringClock() }) as Record<
      string,
      any
    >;
    assert.equal(result.status, 'time_limit');
    // The two ends of the frontier (two LPs each: a criterion, then the other at its best).
    assert.ok(result.diagnostics.lpSolves <= 4, `${result.diagnostics.lpSolves} LP solves`);
    assert.ok(result.frontier.length >= 1 && Number.isFinite(result.hausdorffDistance));
  });

  test('von Neumann, full LP: past the deadline there is no tie analysis (O(n^2 + |S|^3)); unique is null', () => {
    const result = solve(
      { kind: 'von-neumann', preferences: randomPreferences(60, 5), options: { method: 'full-lp' } },
      { clock: expiringClock() },
    ) as Record<string, any>;
    assert.equal(result.unique, null);
    assert.equal(result.diagnostics.iterations >= 0, true);
    if (result.status === 'optimal')
      assert.ok(
        result.warnings.some((warning: string) => /uniqueness was not decided/.test(warning)),
        JSON.stringify(result.warnings),
      );
    assert.ok(result.certificate.lowerBound <= result.value && result.value <= result.certificate.upperBound);
  });

  test('von Neumann, column generation: no round after the deadline', () => {
    const result = solve(
      { kind: 'von-neumann', preferences: randomPreferences(200, 6), options: { method: 'column-generation' } },
      { clock: expiringClock() },
    ) as Record<string, any>;
    assert.ok(result.diagnostics.rounds <= 1, `${result.diagnostics.rounds} rounds`);
    assert.ok(result.certificate.lowerBound <= result.certificate.upperBound);
  });

  test('Blackwell l2 (cutting planes): no round after the deadline', () => {
    const result = solve(
      {
        kind: 'blackwell',
        criteria: criteria(3, 30),
        target: { thresholds: { c0: 0.6, c1: 0.6, c2: 0.6 } },
        norm: 'l2',
      },
      { clock: expiringClock() },
    ) as Record<string, any>;
    assert.notEqual(result.status, 'optimal');
    assert.ok((result.diagnostics.rounds ?? 0) <= 1, `${result.diagnostics.rounds} rounds`);
    assert.ok(result.certificate.lowerBound <= result.value && result.value === result.certificate.upperBound);
  });
});
