import { describe, test } from 'node:test';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { backends } from '../src/lp/backends.js';
import { safeDualBound } from '../src/lp/dual-bound.js';
import { linearProgram, SparseRowBuilder } from '../src/lp/model.js';

/** min x + 2y s.t. x + y >= 1, x - y <= 0.5, 0 <= x, y <= 10: optimum (0.75, 0.25), value 1.25. */
function example() {
  const rows = new SparseRowBuilder();
  rows.addRow([0, 1], [1, 1], 1, Infinity);
  rows.addRow([0, 1], [1, -1], -Infinity, 0.5);
  return linearProgram('minimize', { cost: [1, 2], lower: [0, 0], upper: [10, 10] }, rows.finish());
}

describe('LP engines', () => {
  for (const backend of Object.values(backends)) {
    test(`${backend.name} solves a small LP with duals that certify it`, () => {
      const program = example();
      const solution = backend.solve(program, { timeLimitMs: 600_000 });
      assert.equal(solution.status, 'optimal');
      assert.ok(Math.abs(solution.primal![0] - 0.75) < 1e-9 && Math.abs(solution.primal![1] - 0.25) < 1e-9);
      assert.ok(Math.abs(safeDualBound(program, solution.rowDuals!) - 1.25) < 1e-9);
    });

    test(`${backend.name} sessions re-solve after rows are added`, () => {
      const session = backend.open(example());
      try {
        assert.equal(session.solve({ timeLimitMs: 600_000 }).status, 'optimal');
        const extra = new SparseRowBuilder();
        extra.addRow([1], [1], 0.5, Infinity);
        session.addRows(extra.finish());
        const solution = session.solve({ timeLimitMs: 600_000 });
        assert.equal(session.rowCount, 3);
        assert.ok(Math.abs(solution.primal![0] - 0.5) < 1e-9 && Math.abs(solution.primal![1] - 0.5) < 1e-9);
      } finally {
        session.dispose();
      }
    });
  }

  test('the safe dual bound is a valid bound for any multipliers', () => {
    const program = example();
    for (const duals of [
      [0, 0],
      [1, 0],
      [2, -1],
      [1.3, -0.2],
      [-5, 5],
    ]) {
      assert.ok(safeDualBound(program, duals) <= 1.25 + 1e-12, `duals ${duals.join(', ')}`);
    }
    assert.ok(Math.abs(safeDualBound(program, [1.5, -0.5]) - 1.25) < 1e-12);
  });

  test('both engines reach the same optimum on random feasible LPs, and their duals certify it', () => {
    const coefficient = fc.integer({ min: -10, max: 10 }).map((value) => value / 4);
    const lp = fc.record({
      sense: fc.constantFrom<'minimize' | 'maximize'>('minimize', 'maximize'),
      columns: fc.array(
        fc.record({
          cost: coefficient,
          lower: fc.constantFrom(0, -1),
          upper: fc.constantFrom(1, 2),
          start: fc.integer({ min: 0, max: 4 }).map((value) => value / 4),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      rows: fc.array(
        fc.record({
          coefficients: fc.array(coefficient, { minLength: 5, maxLength: 5 }),
          kind: fc.constantFrom('lower', 'upper', 'range', 'equal'),
          slack: fc.integer({ min: 0, max: 4 }).map((value) => value / 4),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    });
    let withDuals = 0;
    fc.assert(
      fc.property(lp, ({ sense, columns, rows }) => {
        const builder = new SparseRowBuilder();
        for (const row of rows) {
          const indices = columns.map((_, j) => j);
          const values = columns.map((_, j) => row.coefficients[j]);
          const activity = columns.reduce((sum, column, j) => sum + column.start * row.coefficients[j], 0);
          const lower = row.kind === 'upper' ? -Infinity : row.kind === 'equal' ? activity : activity - row.slack;
          const upper = row.kind === 'lower' ? Infinity : row.kind === 'equal' ? activity : activity + row.slack;
          builder.addRow(indices, values, lower, upper);
        }
        const program = linearProgram(
          sense,
          { cost: columns.map((c) => c.cost), lower: columns.map((c) => c.lower), upper: columns.map((c) => c.upper) },
          builder.finish(),
        );
        const reference = backends.highs.solve(program, { timeLimitMs: 600_000 });
        const other = backends['javascript-lp-solver'].solve(program, { timeLimitMs: 600_000 });
        assert.equal(reference.status, 'optimal');
        assert.equal(other.status, 'optimal');
        const objective = program.cost.reduce((sum, c, j) => sum + c * other.primal![j], 0);
        assert.ok(Math.abs(objective - reference.objective) <= 1e-9, `${objective} vs ${reference.objective}`);
        // javascript-lp-solver withholds its duals when its tableau is inconsistent (a bug of
        // that library on some degenerate LPs); when it gives them, they must certify the optimum.
        if (other.rowDuals) {
          withDuals++;
          assert.ok(
            Math.abs(safeDualBound(program, other.rowDuals) - reference.objective) <= 1e-9,
            `bound ${safeDualBound(program, other.rowDuals)} vs ${reference.objective}`,
          );
        }
      }),
      { numRuns: 300, seed: 11 },
    );
    assert.ok(withDuals >= 240, `javascript-lp-solver gave duals for only ${withDuals} of 300 LPs`);
  });
});
