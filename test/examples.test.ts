import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ResultDocument } from '../src/index.js';
import { readFileSync } from 'node:fs';
import { exampleFiles } from '../examples/assistants/generate.js';
import { estimateFromComparisons, solve } from '../src/index.js';
import { importRatings, importArena } from '../src/estimation/index.js';

const read = (name: string) => readFileSync(new URL(`../examples/assistants/${name}`, import.meta.url), 'utf8');

describe('the example data set (examples/assistants)', () => {
  const files = exampleFiles();

  test('the committed files are exactly what the seeded generator writes (npx tsx examples/assistants/generate.ts)', () => {
    for (const [name, content] of Object.entries(files))
      assert.equal(read(name), content, `examples/assistants/${name} has drifted`);
  });

  test('the two deliberate bad rows are reported by line; the rest imports as blackwell.json says', () => {
    const imported = importRatings(read('ratings.csv'));
    assert.deepEqual(
      imported.rejected.map((row) => row.line),
      [1202, 2403],
    );
    assert.equal(imported.accepted, 3000);
    const problem = JSON.parse(read('blackwell.json'));
    assert.deepEqual(problem.comparisons, imported.comparisons);
    assert.equal(importArena(read('battles.jsonl')).accepted, 3000);
  });

  test("the walkthrough's documents solve (fewer bootstrap rounds here)", () => {
    const problem = {
      ...JSON.parse(read('blackwell.json')),
      bootstrap: { rounds: 20, seed: 7 },
      rankings: { rounds: 20 },
    };
    const result = estimateFromComparisons(problem);
    assert.equal(result.status, 'optimal');
    assert.deepEqual(
      result.winner!.support.map((entry) => entry.item),
      ['atlas', 'cedar', 'bolt'],
    );
    const linear = solve(JSON.parse(read('linear.json'))) as ResultDocument;
    assert.deepEqual(
      linear.support.map((entry) => entry.item),
      ['bolt'],
    );
  });
});
