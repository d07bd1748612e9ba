import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFiniteNumbers } from '../src/schema/finite-numbers.js';

test('the finite-number check leaves arrays of numbers as they are (it does not make V8 box them)', () => {
  // 3,000 x 3,000 doubles are 72 MB unboxed; boxed into heap numbers they would hold 144 MB more.
  // A document mixes arrays of objects (criteria) with arrays of doubles (their rows), which is
  // what made an indexed loop convert every row it read.
  const n = 3000;
  const rows = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => ((i * n + j) % 7) / 7 + 0.01));
  const document = {
    kind: 'blackwell',
    criteria: [{ name: 'a', preferences: rows }],
    target: { thresholds: { a: 0.5 } },
  };
  const before = process.memoryUsage().heapUsed;
  for (let round = 0; round < 3; round++) checkFiniteNumbers(document);
  const grown = process.memoryUsage().heapUsed - before;
  assert.ok(grown < 48 * 2 ** 20, `the heap grew by ${(grown / 2 ** 20).toFixed(0)} MB`);
  assert.throws(() => checkFiniteNumbers({ ...document, criteria: [{ name: 'a', preferences: [[0.5, Infinity]] }] }), {
    code: 'PREF_ERR_NON_FINITE',
    pointer: '/criteria/0/preferences/0/1',
  });
});
