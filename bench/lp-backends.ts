// npm run bench: solve time of each LP backend (HiGHS wasm, javascript-lp-solver) and of
// scipy's native HiGHS on seeded von Neumann and Blackwell (k = 3, l-inf thresholds) problems,
// with the ratios measured in this one run and the certificate gap achieved.
import { solve } from '../src/index.js';
import { PrefgameError } from '../src/errors.js';
import {
  format,
  machine,
  markdownTable,
  matrixOf,
  saveResults,
  scipyAvailable,
  scipyTimes,
  time,
  type Family,
} from './harness.js';

const sizes = (process.env.BENCH_SIZES ?? '10,50,100,200,400,800').split(',').map(Number);
const families: Family[] = ['random', 'bradley-terry'];
const thresholds = [0.55, 0.55, 0.55];
/** scipy's dual simplex takes minutes on the largest random Blackwell LP: give it this long. */
const scipyBudgetMs = 20_000;

interface Row {
  problem: string;
  family: Family;
  n: number;
  highsMs: number;
  highsGap: number;
  jsMs?: number;
  jsGap?: number;
  jsNote?: string;
  scipyMs?: number;
}

const rows: Row[] = [];
const scipy = scipyAvailable();
// Warm up: compile the wasm once, outside the measurements.
solve({ kind: 'von-neumann', preferences: matrixOf('random', 20, 1) });

for (const kind of ['von-neumann', 'blackwell'] as const) {
  for (const family of families) {
    for (const n of sizes) {
      const matrices =
        kind === 'von-neumann' ? [matrixOf(family, n, n)] : [0, 1, 2].map((c) => matrixOf(family, n, 1000 * n + c));
      const problem =
        kind === 'von-neumann'
          ? { kind, preferences: matrices[0] }
          : {
              kind,
              criteria: matrices.map((preferences, c) => ({ name: `c${c}`, preferences })),
              target: { thresholds: { c0: thresholds[0], c1: thresholds[1], c2: thresholds[2] } },
              norm: 'linf',
            };
      const repeats = n <= 100 ? 5 : 1;
      // The full LP on both engines: this compares LP engines, not algorithms (see bench/suite.ts).
      const highs = time(() => solve({ ...problem, options: { method: 'full-lp', timeLimitMs: 600_000 } }), repeats);
      const row: Row = { problem: kind, family, n, highsMs: highs.ms, highsGap: highs.result.certificate.gap };
      try {
        const js = time(
          () => solve({ ...problem, options: { backend: 'javascript-lp-solver', method: 'full-lp' } }),
          n <= 50 ? 3 : 1,
        );
        row.jsMs = js.ms;
        row.jsGap = js.result.certificate.gap;
      } catch (error) {
        if (!(error instanceof PrefgameError && error.code === 'PREF_ERR_BACKEND_LIMIT')) throw error;
        row.jsNote = 'refused (size limit)';
      }
      if (scipy) row.scipyMs = scipyTimes([{ kind, matrices, thresholds }], scipyBudgetMs)[0]?.ms ?? Infinity;
      rows.push(row);
      console.error(
        `${kind} ${family} n=${n}: highs ${format.ms(row.highsMs)} ms, javascript-lp-solver ${row.jsNote ?? format.ms(row.jsMs) + ' ms'}, scipy ${format.ms(row.scipyMs)} ms`,
      );
    }
  }
}

const table = markdownTable(
  [
    'problem',
    'family',
    'n',
    'highs (ms)',
    'gap',
    'javascript-lp-solver (ms)',
    'gap',
    'js-lp / highs',
    'scipy HiGHS (ms)',
    'highs / scipy',
  ],
  rows.map((row) => [
    row.problem,
    row.family,
    row.n,
    format.ms(row.highsMs),
    format.gap(row.highsGap),
    row.jsNote ?? format.ms(row.jsMs),
    format.gap(row.jsGap),
    format.ratio(row.jsMs !== undefined ? row.jsMs / row.highsMs : undefined),
    row.scipyMs === Infinity ? `> ${scipyBudgetMs / 1000} s` : format.ms(row.scipyMs),
    row.scipyMs === Infinity
      ? `< ${(row.highsMs / scipyBudgetMs).toFixed(2)}x`
      : format.ratio(row.scipyMs !== undefined ? row.highsMs / row.scipyMs : undefined),
  ]),
);
const markdown = `Machine: ${machine()}. Times are whole solves through \`solve()\` (validation, LP, certificate; median of 5 runs for n <= 100); scipy is \`linprog(method="highs")\` on the same LP, LP time only.\n\n${table}`;
saveResults('lp-backends', { machine: machine(), rows }, markdown);
console.log(markdown);
