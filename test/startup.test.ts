import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../src/games/context.js';
import type { LpBackend } from '../src/lp/model.js';
import { BatchTally } from '../cli/batch-tally.js';
import { tieringFor } from '../cli/tiering.js';
import { highsRuntime } from '../src/lp/highs-runtime.js';
import { highsVersion } from '../src/pool/index.js';
import { randomPreferences } from '../src/generate/index.js';
import { criteriaOf, root, runCli } from './helpers.js';

/**
 * Runs `script` (an ES module body) in a fresh Node process whose V8-flag setter and WebAssembly
 * compile and instantiate entry points count their calls (`calls`), and returns what it prints.
 */
function instrumented(script: string, nodeArguments: string[] = []): string {
  const preamble = `
    import v8 from 'node:v8';
    import { syncBuiltinESMExports } from 'node:module';
    const calls = { flags: [], compile: 0, instantiate: 0 };
    globalThis.calls = calls;
    const setFlags = v8.setFlagsFromString;
    v8.setFlagsFromString = (flags) => { calls.flags.push(flags); return setFlags(flags); };
    syncBuiltinESMExports();
    const api = WebAssembly;
    const count = (name, key) => { const original = api[name]; api[name] = function (...args) { calls[key]++; return original.apply(this, args); }; };
    count('compile', 'compile'); count('compileStreaming', 'compile'); count('instantiate', 'instantiate'); count('instantiateStreaming', 'instantiate');
    api.Module = new Proxy(api.Module, { construct(target, args) { calls.compile++; return Reflect.construct(target, args); } });
    api.Instance = new Proxy(api.Instance, { construct(target, args) { calls.instantiate++; return Reflect.construct(target, args); } });
  `;
  const run = spawnSync(process.execPath, [...nodeArguments, '--input-type=module', '-e', preamble + script], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

describe('start-up: nothing happens at import', () => {
  test('importing the library sets no V8 flag and compiles no WebAssembly; the first solve loads HiGHS once', () => {
    const output = instrumented(`
      const prefgame = await import('prefgame');
      const afterImport = JSON.stringify(calls);
      const result = prefgame.solve({ kind: 'von-neumann', preferences: [[0.5, 0.6, 0.3], [0.4, 0.5, 0.7], [0.7, 0.3, 0.5]] });
      prefgame.solve({ kind: 'blackwell', criteria: [{ name: 'a', preferences: [[0.5, 0.9], [0.1, 0.5]] }], target: { thresholds: { a: 0.6 } } });
      console.log(JSON.stringify({ afterImport: JSON.parse(afterImport), afterSolves: calls, status: result.status }));
    `);
    const { afterImport, afterSolves, status } = JSON.parse(output);
    assert.deepEqual(afterImport, { flags: [], compile: 0, instantiate: 0 });
    // The counters do see HiGHS being loaded (so the zeros above mean something), and only once.
    assert.deepEqual(afterSolves, { flags: [], compile: 1, instantiate: 1 });
    assert.equal(status, 'optimal');
  });

  test('ready() loads HiGHS ahead of the first solve, which then compiles nothing more', () => {
    const output = instrumented(`
      const prefgame = await import('prefgame');
      await prefgame.ready();
      const afterReady = JSON.stringify(calls);
      prefgame.solve({ kind: 'von-neumann', preferences: [[0.5, 0.2], [0.8, 0.5]] });
      console.log(JSON.stringify({ afterReady: JSON.parse(afterReady), afterSolve: calls }));
    `);
    const { afterReady, afterSolve } = JSON.parse(output);
    assert.deepEqual(afterReady, { flags: [], compile: 1, instantiate: 1 });
    assert.deepEqual(afterSolve, afterReady);
  });

  test('the CLI and its batch workers compile HiGHS once and share it (workers instantiate the main thread module)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'prefgame-startup-'));
    const lines = Array.from({ length: 6 }, (_, index) =>
      JSON.stringify({
        id: index,
        kind: 'von-neumann',
        preferences: [
          [0.5, 0.1 * index],
          [1 - 0.1 * index, 0.5],
        ],
      }),
    );
    writeFileSync(join(directory, 'in.ndjson'), lines.join('\n') + '\n');
    // Worker threads have their own globals: count in the main thread, where the one compile happens.
    const output = instrumented(`
      const { runCli } = await import('./dist/cli/main.js');
      const code = await runCli(['node', 'prefgame', 'batch', ${JSON.stringify(join(directory, 'in.ndjson'))}, '--jobs', '2', '-o', ${JSON.stringify(join(directory, 'out.ndjson'))}]);
      console.log(JSON.stringify({ code, calls }));
    `);
    const { code, calls } = JSON.parse(output);
    assert.equal(code, 0);
    assert.deepEqual(calls, { flags: [], compile: 1, instantiate: 0 });
  });

  test('the bundled entry points share one module graph: an error from a subpath is the root PrefgameError', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { PrefgameError } = await import('prefgame');
         const { comparisonsNeeded } = await import('prefgame/estimation');
         try { comparisonsNeeded({ items: 10, epsilon: 1e-12 }); } catch (error) { console.log(JSON.stringify({ same: error instanceof PrefgameError, code: error.code })); }`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { same: true, code: 'PREF_ERR_SCHEMA' });
  });

  test('highsVersion, known without loading HiGHS, is the version of the HiGHS that loads', () => {
    assert.equal(highsRuntime().version.string, highsVersion);
  });
});

describe('the CLI picks how V8 compiles HiGHS', () => {
  test('baseline unless PREFGAME_LIFTOFF=0', () => {
    assert.equal(tieringFor({}), 'baseline');
    assert.equal(tieringFor({ PREFGAME_LIFTOFF: '1' }), 'baseline');
    assert.equal(tieringFor({ PREFGAME_LIFTOFF: '0' }), 'optimised');
  });

  test('prefgame solve sets --no-liftoff only when asked, before HiGHS compiles', () => {
    const directory = mkdtempSync(join(tmpdir(), 'prefgame-tiering-'));
    writeFileSync(
      join(directory, 'small.json'),
      JSON.stringify({
        kind: 'von-neumann',
        preferences: [
          [0.5, 0.7],
          [0.3, 0.5],
        ],
      }),
    );
    const solveIn = (environment: string) =>
      JSON.parse(
        instrumented(`
          process.env.PREFGAME_LIFTOFF = ${JSON.stringify(environment)};
          const { runCli } = await import('./dist/cli/main.js');
          const write = process.stdout.write.bind(process.stdout);
          process.stdout.write = () => true; // the result document
          const code = await runCli(['node', 'prefgame', 'solve', ${JSON.stringify(join(directory, 'small.json'))}]);
          process.stdout.write = write;
          console.log(JSON.stringify({ code, calls }));
        `),
      );
    assert.deepEqual(solveIn(''), { code: 0, calls: { flags: [], compile: 1, instantiate: 1 } });
    assert.deepEqual(solveIn('0'), { code: 0, calls: { flags: ['--no-liftoff'], compile: 1, instantiate: 1 } });
  });
});

describe('honest accounting: time limits and non-optimal results', () => {
  test('a solve context prepares its engine before its clock starts', () => {
    let clock = 1000;
    const events: string[] = [];
    const slowToLoad = {
      name: 'highs',
      prepare() {
        events.push('prepare');
        clock += 5000; // loading takes 5 s on this clock
      },
      solve: () => assert.fail('not called'),
      open: () => assert.fail('not called'),
    } as unknown as LpBackend;
    const context = createContext(slowToLoad, 200, 1e-9, 'auto', () => {
      events.push('clock');
      return clock;
    });
    assert.deepEqual(events, ['prepare', 'clock']);
    assert.equal(context.deadline, 6000 + 200);
  });

  test('a rank loads HiGHS before it reads its clock: its time limit is not charged for the load', () => {
    const output = instrumented(`
      const { rankComparisons } = await import('prefgame/rank');
      const { defaultLimits } = await import('prefgame');
      const readings = [];
      const clock = () => (readings.push(calls.instantiate), Date.now());
      const comparisons = [{ winner: 'a', loser: 'b' }, { winner: 'b', loser: 'c' }, { winner: 'a', loser: 'c' }, { winner: 'c', loser: 'a' }];
      const result = rankComparisons({ comparisons }, { bootstrap: 10 }, { ...defaultLimits, clock });
      console.log(JSON.stringify({ first: readings[0], status: result.status }));
    `);
    const { first, status } = JSON.parse(output);
    assert.equal(first, 1, 'HiGHS was instantiated before the first reading of the clock');
    assert.equal(status, 'optimal');
  });

  test('the batch tally counts only optimal results as solved', () => {
    const tally = new BatchTally();
    for (const status of ['optimal', 'time_limit', 'error', 'optimal', 'numerical_error', 'time_limit'])
      tally.add(status);
    assert.equal(tally.summary(), '2 solved, 1 failed, 3 not optimal (time_limit: 2, numerical_error: 1)');
    assert.equal(tally.exitCode(), 1);
    const clean = new BatchTally();
    clean.add('optimal');
    assert.equal(clean.exitCode(), 0);
  });

  // Past its vertex budget a pareto frontier is an approximation: status iteration_limit, on any machine.
  const truncatedFrontier = {
    id: 'budget',
    kind: 'pareto',
    criteria: criteriaOf([randomPreferences(30, 1), randomPreferences(30, 2), randomPreferences(30, 3)]),
    maxVertices: 20,
  };
  const optimal = {
    id: 'fine',
    kind: 'von-neumann',
    preferences: [
      [0.5, 0.7],
      [0.3, 0.5],
    ],
  };

  test('prefgame solve exits 1 when the result is not optimal, and still prints it', () => {
    const { code, stdout, stderr } = runCli(['solve', '-', '--compact'], JSON.stringify(truncatedFrontier));
    assert.equal(code, 1);
    assert.equal(JSON.parse(stdout).status, 'iteration_limit');
    assert.match(stderr, /iteration_limit, not optimal/);
    assert.equal(runCli(['solve', '-'], JSON.stringify(optimal)).code, 0);
  });

  for (const jobs of ['1', '2']) {
    test(`prefgame batch --jobs ${jobs} counts non-optimal lines apart from solved ones and exits 1`, () => {
      const input = [optimal, truncatedFrontier, optimal].map((line) => JSON.stringify(line)).join('\n') + '\n{oops\n';
      const { code, stdout, stderr } = runCli(['batch', '-', '--jobs', jobs], input);
      assert.equal(code, 1);
      assert.deepEqual(
        stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line).status),
        ['optimal', 'iteration_limit', 'optimal', 'error'],
      );
      assert.match(stderr, /2 solved, 1 failed, 1 not optimal \(iteration_limit: 1\)/);
    });
  }
});
