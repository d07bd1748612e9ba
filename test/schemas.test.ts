import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { schemaDocuments } from '../src/schema/documents.js';
import { ajv } from '../src/schema/ajv.js';
import { solve } from '../src/index.js';
import { solveLine } from '../src/batch.js';
import { referenceCases, root } from './helpers.js';

describe('JSON Schemas', () => {
  test('the committed schemas/ files are exactly the generated ones (run npm run schemas)', () => {
    const committed = readdirSync(`${root}/schemas`)
      .filter((name) => name.endsWith('.json'))
      .sort();
    assert.deepEqual(
      committed,
      Object.keys(schemaDocuments)
        .map((name) => `${name}.json`)
        .sort(),
    );
    for (const [name, schema] of Object.entries(schemaDocuments)) {
      assert.deepEqual(
        JSON.parse(readFileSync(`${root}/schemas/${name}.json`, 'utf8')),
        schema,
        `schemas/${name}.json has drifted`,
      );
    }
  });

  test('every reference case is a valid problem document, and its result and error lines match their schemas', () => {
    const problem = ajv.compile(schemaDocuments.problem);
    const result = ajv.compile(schemaDocuments.result);
    const errorLine = ajv.compile(schemaDocuments['error-line']);
    for (const reference of referenceCases) {
      assert.ok(problem(reference.problem), JSON.stringify(problem.errors));
      assert.ok(result(solve(reference.problem)), JSON.stringify(result.errors));
    }
    assert.ok(errorLine(solveLine('{"kind":"von-neumann"}', 1)), JSON.stringify(errorLine.errors));
  });
});
