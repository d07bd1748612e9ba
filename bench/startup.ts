// `npm run bench:startup`: every start-up target as a ratio against python with scipy, measured
// in this one run (whole processes, timed from spawn to exit, best of a few runs). Prints one
// line per target with its verdict and, when missed, by how much. Needs `npm run build` (the
// script runs it) and a python with scipy (PREFGAME_PYTHON, else /usr/bin/python3, else python3).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mixedTensor, rounded } from './families.js';
import { randomPreferences } from '../src/generate/preference-matrices.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'prefgame-startup-'));
const bin = join(root, 'bin', 'prefgame.js');
const repeats = Number(process.env.REPEATS ?? 3);

/** A python that has scipy, or an explanation. */
function findPython(): string {
  for (const candidate of [process.env.PREFGAME_PYTHON, '/usr/bin/python3', 'python3']) {
    if (!candidate) continue;
    if (spawnSync(candidate, ['-c', 'import scipy.optimize, numpy'], { encoding: 'utf8' }).status === 0)
      return candidate;
  }
  throw new Error('no python with scipy found: set PREFGAME_PYTHON');
}
const python = findPython();

/** Wall seconds of one whole process, from spawn to exit; throws unless its exit code is `expect`. */
function timed(
  command: string,
  args: string[],
  options: { input?: string; expect?: number } = {},
): { seconds: number; stdout: string; stderr: string } {
  const started = performance.now();
  const run = spawnSync(command, args, { input: options.input, encoding: 'utf8', cwd: root, maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== (options.expect ?? 0))
    throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return { seconds, stdout: run.stdout, stderr: run.stderr };
}

/** The best (smallest) of `repeats` runs: the least disturbed by other load on the machine. */
function best(command: string, args: string[], options: { input?: string; expect?: number } = {}): number {
  let smallest = Infinity;
  for (let run = 0; run < repeats; run++) smallest = Math.min(smallest, timed(command, args, options).seconds);
  return smallest;
}

const lines: string[] = [];
/** Prints one target: the measured figures, the ratio, and whether it holds (and by how much not). */
function report(name: string, measured: string, ratio: number, bound: number, sense: 'at most' | 'at least'): void {
  const holds = sense === 'at most' ? ratio <= bound : ratio >= bound;
  const distance = holds
    ? 'met'
    : `MISSED by ${sense === 'at most' ? (ratio / bound).toFixed(2) : (bound / ratio).toFixed(2)}x`;
  const line = `${name}: ${measured}; ratio ${ratio.toFixed(2)} (target ${sense} ${bound}): ${distance}`;
  lines.push(line);
  console.log(line);
}

const scipyWholeProcess = join(root, 'bench', 'scipy-reference.py');
/** `ONLY=1,4` runs only those targets. */
const only = process.env.ONLY?.split(',');
const want = (target: string) => !only || only.includes(target);
const s = (seconds: number) => `${seconds.toFixed(3)} s`;

// 1. Tiny solve, whole process.
const tiny = {
  kind: 'von-neumann',
  preferences: [
    [0.5, 0.6, 0.3],
    [0.4, 0.5, 0.7],
    [0.7, 0.3, 0.5],
  ],
};
writeFileSync(join(scratch, 'tiny.json'), JSON.stringify(tiny));
if (want('1')) {
  const tinyReference = JSON.stringify({ kind: 'von-neumann', matrices: [tiny.preferences] }) + '\n';
  const tinyPrefgame = best(process.execPath, [bin, 'solve', join(scratch, 'tiny.json')]);
  const tinyScipy = best(python, [scipyWholeProcess], { input: tinyReference });
  report(
    '1. tiny solve (3 items), whole process',
    `prefgame ${s(tinyPrefgame)}, python+scipy ${s(tinyScipy)}`,
    tinyPrefgame / tinyScipy,
    1,
    'at most',
  );
  report('1. stretch: tiny solve under 0.25 s', `prefgame ${s(tinyPrefgame)}`, tinyPrefgame / 0.25, 1, 'at most');
}

// 2. Importing the library.
if (want('2')) {
  const importPrefgame = best(process.execPath, ['--input-type=module', '-e', "await import('prefgame')"]);
  const importScipy = best(python, ['-c', 'from scipy.optimize import linprog']);
  report(
    "2. import('prefgame') in a fresh process",
    `${s(importPrefgame)} vs python 'from scipy.optimize import linprog' ${s(importScipy)}`,
    importPrefgame / importScipy,
    0.5,
    'at most',
  );
}

// 3a. First solve against warm solves in one fresh process (n <= 100): as it comes, and after
// `await ready()` (which loads HiGHS and runs one tiny solve).
for (const [n, prepared] of want('3')
  ? ([
      [30, false],
      [100, false],
      [30, true],
      [100, true],
    ] as const)
  : []) {
  const script = `
    const { solve, ready } = await import('prefgame');
    const { randomPreferences } = await import('prefgame/generate');
    if (${prepared}) await ready();
    const problem = { kind: 'von-neumann', preferences: randomPreferences(${n}, 7) };
    const time = () => { const t = performance.now(); const r = solve(problem); if (r.status !== 'optimal') throw new Error(r.status); return performance.now() - t; };
    const first = time();
    const warm = Array.from({ length: 7 }, time).sort((a, b) => a - b)[3];
    console.log(JSON.stringify({ first, warm }));`;
  let ratio = Infinity;
  let figures = '';
  for (let run = 0; run < repeats; run++) {
    const { first, warm } = JSON.parse(timed(process.execPath, ['--input-type=module', '-e', script]).stdout) as {
      first: number;
      warm: number;
    };
    if (first / warm < ratio) {
      ratio = first / warm;
      figures = `first ${first.toFixed(1)} ms${prepared ? '' : ' (HiGHS loaded inside it)'}, warm median ${warm.toFixed(1)} ms`;
    }
  }
  report(
    `3. first solve vs warm, von Neumann n=${n} uniform${prepared ? ', after ready()' : ''}`,
    figures,
    ratio,
    1.5,
    'at most',
  );
}

// 3b. Whole process, large single problems; and warm speed against scipy's solve-only time.
const vonNeumann400 = randomPreferences(400, 1);
const blackwell200 = [1, 2, 3].map((seed) => randomPreferences(200, 100 + seed));
const bigCases = [
  {
    name: 'von Neumann n=400 uniform',
    document: { kind: 'von-neumann', preferences: vonNeumann400 },
    reference: { kind: 'von-neumann', matrices: [vonNeumann400] },
  },
  {
    name: 'Blackwell k=3 n=200 uniform',
    document: {
      kind: 'blackwell',
      criteria: blackwell200.map((preferences, c) => ({ name: `c${c}`, preferences })),
      target: { thresholds: { c0: 0.5, c1: 0.5, c2: 0.5 } },
      norm: 'linf',
    },
    reference: { kind: 'blackwell', matrices: blackwell200, thresholds: [0.5, 0.5, 0.5] },
  },
];
for (const { name, document, reference } of want('3') ? bigCases : []) {
  const file = join(scratch, `${name.replace(/\W+/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(document));
  const prefgame = best(process.execPath, [bin, 'solve', file]);
  const scipy = best(python, [scipyWholeProcess], { input: JSON.stringify(reference) + '\n' });
  report(
    `3. whole process, ${name}`,
    `prefgame solve ${s(prefgame)}, python+scipy ${s(scipy)}`,
    prefgame / scipy,
    1,
    'at most',
  );
}
if (want('3')) {
  const file = join(scratch, 'von-neumann-400.json');
  writeFileSync(file, JSON.stringify(bigCases[0].document));
  const script = `
    const { solve, ready } = await import('prefgame');
    const problem = JSON.parse(await (await import('node:fs/promises')).readFile(${JSON.stringify(file)}, 'utf8'));
    await ready();
    const times = [];
    for (let run = 0; run < 5; run++) { const t = performance.now(); solve(problem); times.push(performance.now() - t); }
    console.log(JSON.stringify(times.sort((a, b) => a - b)[2]));`;
  const warm = JSON.parse(timed(process.execPath, ['--input-type=module', '-e', script]).stdout) as number;
  const reference = Array.from({ length: 5 }, () => JSON.stringify(bigCases[0].reference)).join('\n') + '\n';
  const scipyTimes = timed(python, [scipyWholeProcess], { input: reference })
    .stdout.trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { ms: number }).ms)
    .sort((a, b) => a - b);
  report(
    'warm speed kept: von Neumann n=400, solve only',
    `prefgame warm median ${warm.toFixed(0)} ms, scipy linprog median ${scipyTimes[2].toFixed(0)} ms`,
    warm / scipyTimes[2],
    2,
    'at most',
  );
}

// 4. Batch: 128 items x 5 criteria, Blackwell thresholds, l-inf, --jobs 2, against a sequential scipy loop.
function batchFiles(count: number): { problems: string; reference: string } {
  const problems: string[] = [];
  const reference: string[] = [];
  for (let index = 0; index < count; index++) {
    const matrices = mixedTensor(128, 5, 50_000 + index).map((matrix) => rounded(matrix, 4));
    const criteria = matrices.map((preferences, c) => ({ name: `c${c}`, preferences }));
    problems.push(
      JSON.stringify({
        id: index,
        kind: 'blackwell',
        criteria,
        target: { thresholds: Object.fromEntries(criteria.map(({ name }) => [name, 0.55])) },
        norm: 'linf',
      }),
    );
    reference.push(JSON.stringify({ kind: 'blackwell', matrices, thresholds: matrices.map(() => 0.55) }));
  }
  const file = join(scratch, `batch-${count}.ndjson`);
  writeFileSync(file, problems.join('\n') + '\n');
  return { problems: file, reference: reference.join('\n') + '\n' };
}
for (const count of want('4') ? [100, 600] : []) {
  const { problems, reference } = batchFiles(count);
  let prefgame = Infinity;
  let summary = '';
  for (let run = 0; run < (count > 100 ? 1 : repeats); run++) {
    const { seconds, stderr } = timed(process.execPath, [
      bin,
      'batch',
      problems,
      '--jobs',
      '2',
      '-o',
      join(scratch, 'out.ndjson'),
    ]);
    if (seconds < prefgame) {
      prefgame = seconds;
      summary = /prefgame batch: (\d+ solved[^(]*?) in /.exec(stderr)?.[1] ?? '';
    }
  }
  const scipy = timed(python, [scipyWholeProcess], { input: reference }).seconds;
  const rate = count / prefgame;
  const scipyRate = count / scipy;
  report(
    `4. batch ${count} x Blackwell 128x5 l-inf, --jobs 2 vs sequential scipy`,
    `prefgame ${rate.toFixed(1)}/s (${s(prefgame)}; ${summary}), scipy loop ${scipyRate.toFixed(1)}/s (${s(scipy)})`,
    rate / scipyRate,
    8,
    'at least',
  );
  if (count === 600) report('4. batch 600: problems per second', `${rate.toFixed(1)}/s`, rate / 200, 1, 'at least');
}

// 5. The service: seconds from spawn to /health and to /ready, and its first request against a later one.
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
async function waitFor(url: string, started: number, limitMs = 60_000): Promise<number> {
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) return (performance.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > limitMs) throw new Error(`${url} not 200 within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
/** POSTs `body` a few times to a scratch server in this process, which reads it and answers `{}`. */
async function warmClient(body: string): Promise<void> {
  const scratchServer = createHttpServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => scratchServer.listen(0, '127.0.0.1', resolve));
  const { port } = scratchServer.address() as { port: number };
  try {
    for (let round = 0; round < 3; round++) {
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await response.json();
    }
  } finally {
    await new Promise((resolve) => scratchServer.close(resolve));
  }
}
if (want('5')) {
  const port = await freePort();
  const started = performance.now();
  const service = spawn(process.execPath, [join(root, 'dist', 'bundle', 'server.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', WORKERS: '2', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const health = await waitFor(`${base}/health`, started);
    const ready = await waitFor(`${base}/ready`, started);
    const body = JSON.stringify({ preferences: randomPreferences(60, 3) });
    // This client's own first POST (fetch compiling its request and body code) is not the
    // service's: it is made first against a scratch server in this process.
    await warmClient(body);
    const request = async () => {
      const t = performance.now();
      const response = await fetch(`${base}/v1/von-neumann`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      if (response.status !== 200) throw new Error(`service answered ${response.status}`);
      await response.json();
      return performance.now() - t;
    };
    const first = await request();
    const later = [];
    for (let run = 0; run < 7; run++) later.push(await request());
    if (process.env.VERBOSE)
      console.log(`service latencies in order: ${first.toFixed(0)} ${later.map((x) => x.toFixed(0)).join(' ')} ms`);
    later.sort((a, b) => a - b);
    report('5. service ready after start', `/health at ${s(health)}, /ready at ${s(ready)}`, ready / 1, 1, 'at most');
    report(
      '5. service first request vs later ones (n=60)',
      `first ${first.toFixed(1)} ms, later median ${later[3].toFixed(1)} ms`,
      first / later[3],
      1.5,
      'at most',
    );
  } finally {
    service.kill('SIGTERM');
  }
}

console.log(
  `\nMeasured in one run on ${process.platform}, Node ${process.version}, python ${python}; load average ${(
    await import('node:os')
  )
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}.`,
);
