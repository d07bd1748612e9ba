import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compensatedSum, compensatedDot } from '../src/numeric/sum.js';
import { cleanDistribution, supportOf } from '../src/numeric/lottery.js';
import { nullSpace, solveLinearSystem } from '../src/numeric/linear-algebra.js';
import { columnPayoffs, matrixFromRows, rowPayoffs } from '../src/numeric/matrix.js';

describe('numeric helpers', () => {
  test('compensated sums survive cancellation', () => {
    assert.equal(compensatedSum([1e16, 1, -1e16]), 1);
    // 1e16 + 1 rounds back to 1e16 in a naive loop, which then returns 0 here; the exact answer is 1.
    assert.equal(compensatedDot([1e16, 1, -1e16], [1, 1, 1]), 1);
    assert.equal(compensatedDot([3, 1e16, 2, -1e16], [1, 1, 0.5, 1]), 4);
    assert.equal(compensatedSum(new Array(10).fill(0.1)), 1);
  });

  test('cleanDistribution clips, renormalises and falls back to uniform', () => {
    assert.deepEqual(Array.from(cleanDistribution([2, 1e-20, -1, 2])), [0.5, 0, 0, 0.5]);
    assert.deepEqual(Array.from(cleanDistribution([0, 0])), [0.5, 0.5]);
    assert.deepEqual(supportOf([0.25, 0, 0.75], ['a', 'b', 'c']), [
      { item: 'c', probability: 0.75 },
      { item: 'a', probability: 0.25 },
    ]);
  });

  test('null spaces and linear systems', () => {
    const basis = nullSpace(
      [
        [1, 1, 0],
        [0, 0, 1],
      ],
      3,
    );
    assert.equal(basis.length, 1);
    assert.ok(
      Math.abs(Math.abs(basis[0][0]) - Math.SQRT1_2) < 1e-15 &&
        Math.abs(basis[0][0] + basis[0][1]) < 1e-15 &&
        basis[0][2] === 0,
    );
    assert.equal(
      nullSpace(
        [
          [1, 0],
          [0, 1],
        ],
        2,
      ).length,
      0,
    );
    assert.deepEqual(
      Array.from(
        solveLinearSystem(
          [
            [2, 0],
            [0, 4],
          ],
          [2, 2],
        )!,
      ),
      [1, 0.5],
    );
    assert.equal(
      solveLinearSystem(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 1],
      ),
      null,
    );
  });

  test('payoffs of lotteries against columns and rows', () => {
    const matrix = matrixFromRows([
      [0.5, 1],
      [0, 0.5],
    ]);
    assert.deepEqual(Array.from(columnPayoffs(matrix, [0.5, 0.5])), [0.25, 0.75]);
    assert.deepEqual(Array.from(rowPayoffs(matrix, [1, 0])), [0.5, 0]);
  });
});
