// Every ```ts block of an `@example` in the TSDoc of src/ (and api/, cli/) is type-checked and run
// (a block fenced ```ts no-run, for an example that needs an outside server, is only type-checked).
// The files are found afresh on every run; see test/support/tsdoc-examples.ts for the conventions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { root } from './helpers.js';
import {
  examplesIn,
  exportIndex,
  exampleFileName,
  exampleModule,
  generatedFolder,
  packageTargets,
  sourceFiles,
  type TsdocExample,
} from './support/tsdoc-examples.js';

const folder = join(root, generatedFolder);
const examples: TsdocExample[] = sourceFiles(root).flatMap((file) =>
  examplesIn(file, readFileSync(join(root, file), 'utf8')),
);
const targets = packageTargets(root);
// Names of any source module resolve too (examples of internal functions use internal helpers), and
// the sample values of test/support/example-values.ts (named data the examples share).
const index = exportIndex(root, [...sourceFiles(root), 'test/support/example-values.ts']);
const written = new Map<string, { example: TsdocExample; offset: number }>();
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
for (const example of examples) {
  const name = exampleFileName(example);
  const { text, offset } = exampleModule(example, root, targets, index);
  writeFileSync(join(folder, name), text);
  written.set(name, { example, offset });
}
writeFileSync(
  join(folder, 'tsconfig.json'),
  JSON.stringify(
    { extends: '../tsconfig.json', compilerOptions: { noEmit: true, rootDir: '..' }, include: ['./*.ts'] },
    null,
    2,
  ),
);

/** `name:line` of the generated file as `source:line`. */
function sourceLine(name: string, line: number): string {
  const entry = written.get(name);
  if (entry === undefined) return `${name}:${line}`;
  return `${entry.example.file}:${entry.example.line + Math.max(0, line - entry.offset - 1)}`;
}

test('the extractor reads the ts block after @example, with the line of its first code line', () => {
  const text = [
    '/**',
    ' * Adds.',
    ' *',
    ' * @example',
    ' * ```ts',
    ' * add(1, 2) // 3',
    ' * ```',
    ' */',
    'export function add() {}',
  ].join('\n');
  assert.deepEqual(examplesIn('src/add.ts', text), [
    { file: 'src/add.ts', line: 6, code: 'add(1, 2) // 3', run: true },
  ]);
  assert.deepEqual(examplesIn('src/add.ts', text.replace('@example', '@remarks')), []);
  assert.deepEqual(examplesIn('src/add.ts', text.replace('```ts', '```ts no-run')), [
    { file: 'src/add.ts', line: 6, code: 'add(1, 2) // 3', run: false },
  ]);
});

test('the source has TSDoc examples to run (the extractor finds them)', () => {
  assert.ok(examples.length >= 100, `found only ${examples.length} examples`);
  assert.ok(examples.some((example) => example.file === 'src/index.ts'));
});

// One tsc run over every generated module (it checks the sources they import too), started now so
// that it runs while the examples run.
const typeCheck = new Promise<{ status: number | null; output: string }>((resolve) => {
  const compiler = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const child = spawn(process.execPath, [compiler, '-p', join(folder, 'tsconfig.json')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.on('close', (status) => resolve({ status, output }));
});

/** How long one example may take before it counts as hanging (a bound, not a speed check). */
const exampleTimeoutMs = 20_000;

test('every @example runs without throwing', async (t) => {
  const failures: string[] = [];
  const times: Array<[string, number]> = [];
  for (const [name, { example }] of written) {
    if (!example.run) continue;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const hang = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`did not finish within ${exampleTimeoutMs / 1000} s`)),
          exampleTimeoutMs,
        );
      });
      await Promise.race([import(pathToFileURL(join(folder, name)).href), hang]);
      times.push([sourceLine(name, 0), performance.now() - started]);
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error))
        .split('\n')
        .slice(0, 8)
        .join(' ')
        .slice(0, 400);
      const frame =
        error instanceof Error ? new RegExp(`${name.replace(/[.$]/g, '\\$&')}:(\\d+)`).exec(error.stack ?? '') : null;
      failures.push(`${frame ? sourceLine(name, Number(frame[1])) : sourceLine(name, 0)}: ${message}`);
    } finally {
      clearTimeout(timer);
    }
  }
  if (failures.some((failure) => failure.includes('did not finish within'))) {
    // A hanging example keeps the process alive after the report: end it once the report is out.
    setTimeout(() => process.exit(1), 2_000).unref();
  }
  const skipped = examples.filter((example) => !example.run).map((example) => `${example.file}:${example.line}`);
  t.diagnostic(`type-checked only (no-run): ${skipped.join(', ') || 'none'}`);
  const slowest = times.sort((a, b) => b[1] - a[1]).slice(0, 5);
  t.diagnostic(`slowest examples: ${slowest.map(([where, ms]) => `${where} ${Math.round(ms)} ms`).join(', ')}`);
  assert.deepEqual(failures, [], `examples that fail:\n${failures.join('\n')}`);
});

test('every @example type-checks', async () => {
  const run = await typeCheck;
  const problems: string[] = [];
  for (const line of run.output.split('\n')) {
    const match = /^(?:\.examples[\\/])?([^(\s]+)\((\d+),\d+\): (error .*)$/.exec(line.trim());
    if (match === null) continue;
    problems.push(written.has(match[1]) ? `${sourceLine(match[1], Number(match[2]))}: ${match[3]}` : line.trim());
  }
  if (problems.length === 0 && run.status !== 0) problems.push(`tsc exited with ${run.status}: ${run.output}`.trim());
  assert.deepEqual(problems, [], `examples that do not type-check:\n${problems.join('\n')}`);
});
