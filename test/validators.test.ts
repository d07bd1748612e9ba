import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { ajv } from '../src/schema/ajv.js';
import { kindSchemas, problemKinds } from '../src/schema/kinds.js';
import { referenceCases, root } from './helpers.js';

// The build precompiles the problem validators (ajv standalone code); they must judge every
// document exactly as validators compiled at run time from the same schemas would.
const precompiled = createRequire(import.meta.url)(`${root}/dist/src/schema/problem-validators.cjs`) as Record<
  string,
  ValidateFunction
>;

/** Valid documents of every kind, then broken copies of each (one mistake apiece). */
function corpus(): Array<{ kind: string; document: unknown }> {
  const valid: Array<Record<string, unknown>> = referenceCases.map((reference) => reference.problem);
  for (const name of ['pareto', 'compare', 'approachability'])
    valid.push(JSON.parse(readFileSync(`${root}/docs/examples/${name}-problem.json`, 'utf8')));
  valid.push({ kind: 'estimate', winner: 'von-neumann', comparisons: [{ a: 'x', b: 'y', winner: 'x' }] });
  const broken = valid.flatMap((document) => [
    { ...document, unexpected: 1 },
    { ...document, options: { timeLimitMs: -5 } },
    { ...document, options: { nonsense: true } },
    { ...document, norm: 'l3' },
    {
      ...document,
      preferences: [
        [0.5, 'x'],
        [0.5, 0.5],
      ],
    },
    {
      ...document,
      preferences: [
        [0.5, 1.5],
        [-0.5, 0.5],
      ],
    },
    { ...document, criteria: [] },
    { ...document, payoff: 'none' },
    Object.fromEntries(
      Object.entries(document).filter(([key]) => key !== 'preferences' && key !== 'criteria' && key !== 'payoff'),
    ),
  ]);
  return [...valid, ...broken].map((document) => ({ kind: String(document.kind), document }));
}

describe('precompiled problem validators', () => {
  test('there is one for every kind', () => {
    assert.deepEqual(Object.keys(precompiled).sort(), [...problemKinds].sort());
  });

  test('they accept and refuse the same documents as run-time compiled ones, with the same first error', () => {
    const compiled = new Map(problemKinds.map((kind) => [kind, ajv.compile(kindSchemas[kind].problem)]));
    let refused = 0;
    for (const { kind, document } of corpus()) {
      const expected = compiled.get(kind as never)!;
      const actual = precompiled[kind];
      const valid = expected(document);
      assert.equal(actual(document), valid, `${kind}: ${JSON.stringify(document).slice(0, 120)}`);
      if (valid) continue;
      refused++;
      const pick = (errors: ValidateFunction['errors']) =>
        errors?.map(({ keyword, instancePath, params, message, data }) => ({
          keyword,
          instancePath,
          params,
          message,
          data,
        }));
      assert.deepEqual(pick(actual.errors), pick(expected.errors));
    }
    assert.ok(refused > 20, `only ${refused} refusals: the corpus should exercise the errors`);
  });

  test("the built library validates without loading ajv's compiler", () => {
    const script = `
      import { createRequire } from 'node:module';
      const { solve } = await import('./dist/src/solve.js');
      solve({ kind: 'von-neumann', preferences: [[0.5, 0.6], [0.4, 0.5]] });
      let refused = false;
      try { solve({ kind: 'von-neumann', preferences: [[0.5, 2]] }); } catch { refused = true; }
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ refused, compiler: loaded.filter((file) => file.endsWith('/ajv/dist/core.js')).length, validators: loaded.filter((file) => file.endsWith('problem-validators.cjs')).length }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { refused: true, compiler: 0, validators: 1 });
  });
});
