// npm run bench: the benchmark suite of issue 7. Seeded families (uniform random,
// Bradley-Terry, noisy Bradley-Terry, near-Condorcet, cyclic, mixed multi-criteria tensors),
// n from 10 to 5,000 and k from 1 to 8. Every case runs in its own process (so its peak memory is
// its own) and reports method, time, rounds, LP iterations, support, gap and peak memory; ratios
// are measured in this run: column generation vs the full LP, HiGHS vs javascript-lp-solver,
// batch throughput with 1 and 2 jobs. Writes bench/results/suite.{json,md}.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batchBlackwellProblem, familyMatrix, rounded, type Family } from './families.js';
import { format, machine, markdownTable, saveResults } from './harness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.env.BENCH_QUICK === '1';

interface CaseResult {
  ms: number;
  status: string;
  method: string;
  iterations: number;
  rounds: number | null;
  support: number;
  gap: number;
  value: number;
  peakMemoryMb: number;
}

function runCase(spec: Record<string, unknown>): CaseResult {
  const run = spawnSync(
    process.execPath,
    ['--no-liftoff', '--import', 'tsx', `${root}/bench/case.ts`, JSON.stringify(spec)],
    { encoding: 'utf8', cwd: root, maxBuffer: 1 << 24 },
  );
  if (run.status !== 0) throw new Error(`case ${JSON.stringify(spec)} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

const log = (line: string) => process.stderr.write(line + '\n');

// ---- von Neumann winners -------------------------------------------------------------------
const vonNeumannSizes: Record<Family, number[]> = {
  'uniform-random': [10, 100, 400, 800],
  'bradley-terry': [10, 100, 500, 2000, 5000],
  'bradley-terry-noisy': [10, 100, 500, 2000, 5000],
  'near-condorcet': [100, 1000, 5000],
  cyclic: [11, 101, 501],
};
/** Largest n at which the full LP is also run (for the ratio). */
const fullLpUpTo: Record<Family, number> = {
  'uniform-random': 800,
  'bradley-terry': 2000,
  'bradley-terry-noisy': 2000,
  'near-condorcet': 1000,
  cyclic: 501,
};

const vonNeumannRows: Array<Record<string, unknown>> = [];
for (const [family, sizes] of Object.entries(vonNeumannSizes) as Array<[Family, number[]]>) {
  for (const n of quick ? sizes.slice(0, 2) : sizes) {
    // In-process users solve many problems: report the warm median (3 runs; 1 for the slow
    // full LPs of uniformly random matrices, where the first run is representative anyway).
    const repeats = n <= 500 ? 5 : family === 'uniform-random' ? 1 : 3;
    const auto = runCase({ kind: 'von-neumann', family, n, method: 'auto', repeats });
    const full =
      n <= fullLpUpTo[family]
        ? runCase({ kind: 'von-neumann', family, n, method: 'full-lp', repeats: n <= 500 ? repeats : 1 })
        : null;
    const generation =
      family === 'uniform-random' && n >= 400
        ? runCase({ kind: 'von-neumann', family, n, method: 'column-generation', repeats })
        : null;
    vonNeumannRows.push({ family, n, auto, full, generation });
    log(
      `von-neumann ${family} n=${n}: auto ${format.ms(auto.ms)} ms (${auto.method}), full LP ${format.ms(full?.ms)} ms`,
    );
  }
}

// ---- Blackwell winners ----------------------------------------------------------------------
const blackwellRows: Array<Record<string, unknown>> = [];
const blackwellCases: Array<{ n: number; k: number; norm: 'linf' | 'l1' | 'l2' }> = [];
for (const k of [1, 3, 5, 8]) for (const n of [50, 200, 1000]) blackwellCases.push({ n, k, norm: 'linf' });
blackwellCases.push(
  { n: 2000, k: 3, norm: 'linf' },
  { n: 200, k: 3, norm: 'l1' },
  { n: 200, k: 3, norm: 'l2' },
  { n: 1000, k: 3, norm: 'l2' },
);
for (const { n, k, norm } of quick ? blackwellCases.slice(0, 3) : blackwellCases) {
  const repeats = n <= 200 ? 3 : 1;
  const auto = runCase({ kind: 'blackwell', family: 'mixed', n, k, norm, method: 'auto', repeats: 3 });
  const full =
    n * k <= 3000 && norm !== 'l2'
      ? runCase({ kind: 'blackwell', family: 'mixed', n, k, norm, method: 'full-lp', repeats })
      : null;
  blackwellRows.push({ n, k, norm, auto, full });
  log(
    `blackwell n=${n} k=${k} ${norm}: auto ${format.ms(auto.ms)} ms (${auto.method}), full LP ${format.ms(full?.ms)} ms`,
  );
}

// ---- LP backends ----------------------------------------------------------------------------
const backendRows: Array<Record<string, unknown>> = [];
for (const [kind, n] of [
  ['von-neumann', 10],
  ['von-neumann', 40],
  ['von-neumann', 70],
  ['blackwell', 10],
  ['blackwell', 25],
  ['blackwell', 40],
] as const) {
  const spec = {
    kind,
    family: kind === 'von-neumann' ? 'uniform-random' : 'mixed',
    n,
    k: 3,
    method: 'full-lp',
    repeats: 3,
  };
  const highs = runCase(spec);
  const other = runCase({ ...spec, backend: 'javascript-lp-solver' });
  backendRows.push({ kind, n, highs, other });
  log(`backends ${kind} n=${n}: highs ${format.ms(highs.ms)} ms, javascript-lp-solver ${format.ms(other.ms)} ms`);
}

// ---- Batch throughput -----------------------------------------------------------------------
async function writeBatch(file: string, count: number, make: (index: number) => object): Promise<void> {
  const out = createWriteStream(file);
  for (let index = 0; index < count; index++)
    if (!out.write(JSON.stringify(make(index)) + '\n')) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function runBatch(
  file: string,
  jobs: number,
): { rate: number; seconds: number; cpuSeconds: number; peakMemoryMb: number; solved: number } {
  const run = spawnSync(
    process.execPath,
    [`${root}/bin/prefgame.js`, 'batch', file, '-o', '/dev/null', '--jobs', String(jobs)],
    { encoding: 'utf8', cwd: root },
  );
  // `N solved, M failed, K not optimal (time_limit: k) in S s (R/s, J jobs, C CPU s, peak memory P MB)`
  const summary =
    /(\d+) solved, (\d+) failed, (\d+) not optimal(?: \([^)]*\))? in ([\d.]+) s \(([\d.]+)\/s, \d+ jobs?, ([\d.]+) CPU s, peak memory (\d+) MB\)/.exec(
      run.stderr,
    );
  if (!summary) throw new Error(`batch failed: ${run.stderr}`);
  return {
    solved: Number(summary[1]),
    seconds: Number(summary[4]),
    rate: Number(summary[5]),
    cpuSeconds: Number(summary[6]),
    peakMemoryMb: Number(summary[7]),
  };
}

const directory = mkdtempSync(join(tmpdir(), 'prefgame-bench-'));
const batchRows: Array<Record<string, unknown>> = [];
let steadyRate = NaN;
try {
  // 600 problems with 1 and 2 jobs (the ratio), and 1200 with 2 jobs: the difference between
  // the two 2-job runs is the rate once the workers have started and compiled HiGHS.
  const counts = quick ? [100, 200] : [600, 1200];
  for (const count of counts) {
    const blackwellFile = join(directory, `blackwell-${count}.ndjson`);
    await writeBatch(blackwellFile, count, (index) => batchBlackwellProblem(index));
    for (const jobs of count === counts[0] ? [1, 2] : [2]) {
      const result = runBatch(blackwellFile, jobs);
      batchRows.push({ problems: `${count} x blackwell n=128 k=5 linf (4-decimal probabilities)`, jobs, ...result });
      log(`batch blackwell ${count} jobs=${jobs}: ${result.rate}/s, peak ${result.peakMemoryMb} MB`);
    }
    rmSync(blackwellFile);
  }
  const [shorter, longer] = batchRows.filter((row) => row.jobs === 2);
  steadyRate =
    ((longer.solved as number) - (shorter.solved as number)) /
    ((longer.seconds as number) - (shorter.seconds as number));
  log(`batch blackwell after start-up (2 jobs): ${steadyRate.toFixed(1)}/s`);
  for (const count of quick ? [1000] : [10_000, 100_000]) {
    const tinyFile = join(directory, `tiny-${count}.ndjson`);
    await writeBatch(tinyFile, count, (index) => ({
      id: index,
      kind: 'von-neumann',
      preferences: rounded(familyMatrix('uniform-random', 8, index), 3),
    }));
    const result = runBatch(tinyFile, 2);
    batchRows.push({ problems: `${count} x von-neumann n=8`, jobs: 2, ...result });
    log(`batch tiny ${count}: ${result.rate}/s, peak ${result.peakMemoryMb} MB`);
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}

// ---- Report ---------------------------------------------------------------------------------
type Row = Record<string, unknown> & { auto: CaseResult; full: CaseResult | null };
const ratio = (a?: number, b?: number) => format.ratio(a !== undefined && b !== undefined ? a / b : undefined);
const sections = [
  `Machine: ${machine()}. Each case in a fresh process after a warm-up solve; times are whole \`solve()\` calls on in-memory arrays (validation, solve, certificate): medians of 5 runs (n <= 500) or 3 (larger; Blackwell auto always 3), single runs for the full LPs above n = 500 and for uniformly random matrices above n = 500.`,
  '### Von Neumann winners',
  markdownTable(
    [
      'family',
      'n',
      'auto (ms)',
      'method',
      'rounds',
      'LP iterations',
      'support',
      'gap',
      'peak MB',
      'full LP (ms)',
      'auto / full LP',
      'column generation / full LP',
    ],
    (vonNeumannRows as Row[]).map((row) => {
      const generation = row.generation as CaseResult | null;
      return [
        row.family as string,
        row.n as number,
        format.ms(row.auto.ms),
        row.auto.method,
        row.auto.rounds ?? '—',
        row.auto.iterations,
        row.auto.support,
        format.gap(row.auto.gap),
        row.auto.peakMemoryMb.toFixed(0),
        format.ms(row.full?.ms),
        ratio(row.auto.ms, row.full?.ms),
        ratio(generation?.ms, row.full?.ms),
      ];
    }),
  ),
  '### Blackwell winners (mixed multi-criteria tensors, thresholds 0.55)',
  markdownTable(
    [
      'n',
      'k',
      'norm',
      'auto (ms)',
      'method',
      'rounds',
      'LP iterations',
      'support',
      'gap',
      'peak MB',
      'full LP (ms)',
      'auto / full LP',
    ],
    (blackwellRows as Row[]).map((row) => [
      row.n as number,
      row.k as number,
      row.norm as string,
      format.ms(row.auto.ms),
      row.auto.method,
      row.auto.rounds ?? '—',
      row.auto.iterations,
      row.auto.support,
      format.gap(row.auto.gap),
      row.auto.peakMemoryMb.toFixed(0),
      format.ms(row.full?.ms),
      ratio(row.auto.ms, row.full?.ms),
    ]),
  ),
  '### LP backends (full LP, HiGHS vs javascript-lp-solver)',
  markdownTable(
    ['problem', 'n', 'highs (ms)', 'javascript-lp-solver (ms)', 'js-lp / highs', 'gaps'],
    backendRows.map((row) => {
      const highs = row.highs as CaseResult;
      const other = row.other as CaseResult;
      return [
        row.kind as string,
        row.n as number,
        format.ms(highs.ms),
        format.ms(other.ms),
        ratio(other.ms, highs.ms),
        `${format.gap(highs.gap)} / ${format.gap(other.gap)}`,
      ];
    }),
  ),
  '### Batch throughput (`prefgame batch`, whole process)',
  markdownTable(
    ['problems', 'jobs', 'problems/s', 'wall s', 'CPU s', 'peak MB'],
    batchRows.map((row) => [
      row.problems as string,
      row.jobs as number,
      (row.rate as number).toFixed(1),
      (row.seconds as number).toFixed(2),
      (row.cpuSeconds as number).toFixed(1),
      row.peakMemoryMb as number,
    ]),
  ),
  `Blackwell n=128 k=5 with 2 jobs once the workers have started (the extra problems of the longer run over its extra seconds): ${steadyRate.toFixed(1)} problems/s.`,
];
const markdown = sections.join('\n\n');
saveResults(
  'suite',
  { machine: machine(), vonNeumannRows, blackwellRows, backendRows, batchRows, steadyRate },
  markdown,
);
console.log(markdown);
