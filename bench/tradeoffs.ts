// Frontier sizes and solve times of `pareto` for k = 2, 3, 4 criteria at n = 50 and 200 items,
// on seeded uniformly random preferences (the hard case: large frontiers) and noisy
// Bradley-Terry preferences, plus the two-criteria method against Benson's algorithm on the same
// k = 2 problems (measured in this run). Writes bench/results/tradeoffs.{json,md}.
// Run: npm run bench:tradeoffs (about 4 minutes).
import { solve } from '../src/index.js';
import { matrixFromRows } from '../src/numeric/matrix.js';
import { createContext } from '../src/games/context.js';
import { backendNamed } from '../src/lp/backends.js';
import { bensonFrontier } from '../src/tradeoffs/benson.js';
import { format, machine, markdownTable, matrixOf, saveResults, time, type Family } from './harness.js';

const maxVertices = 2000;
const timeLimitMs = 60_000;
solve({ kind: 'pareto', criteria: [0, 1].map((c) => ({ name: `c${c}`, preferences: matrixOf('random', 10, c + 1) })) }); // load and warm HiGHS

const rows: Array<Record<string, unknown>> = [];
for (const family of ['random', 'bradley-terry'] as Family[]) {
  for (const n of [50, 200]) {
    for (const k of [2, 3, 4]) {
      const criteria = Array.from({ length: k }, (_, c) => ({
        name: `c${c}`,
        preferences: matrixOf(family, n, 1000 * n + 10 * k + c),
      }));
      const { ms, result } = time(() =>
        solve<'pareto'>({ kind: 'pareto', criteria, maxVertices, options: { timeLimitMs } }),
      );
      const row: Record<string, unknown> = {
        family,
        n,
        k,
        ms,
        vertices: result.frontier.length,
        outer: result.outer.length,
        exact: result.exact,
        status: result.status,
        hausdorff: result.hausdorffDistance,
        lpSolves: result.diagnostics.lpSolves,
        method: result.diagnostics.method,
      };
      if (k === 2) {
        const context = createContext(backendNamed('highs'), timeLimitMs, 1e-8);
        const benson = time(() =>
          bensonFrontier(
            criteria.map((criterion) => matrixFromRows(criterion.preferences)),
            context,
            { maxVertices, tolerance: 1e-9 },
          ),
        );
        Object.assign(row, {
          bensonMs: benson.ms,
          bensonVertices: benson.result.vertices.length,
          bensonLpSolves: context.lpSolves,
        });
      }
      rows.push(row);
      console.error(JSON.stringify(row));
    }
  }
}

const table = markdownTable(
  [
    'family',
    'n',
    'k',
    'method',
    'frontier vertices',
    'exact',
    'Hausdorff bound',
    'LP solves',
    'time (ms)',
    'Benson on k = 2: vertices',
    'Benson time (ms)',
    'Benson / non-inferior set',
  ],
  rows.map((row) => [
    row.family as string,
    row.n as number,
    row.k as number,
    row.method as string,
    row.vertices as number,
    row.exact ? 'yes' : `no (${String(row.status)})`,
    format.gap(row.hausdorff as number),
    row.lpSolves as number,
    format.ms(row.ms as number),
    row.bensonVertices === undefined ? '—' : (row.bensonVertices as number),
    format.ms(row.bensonMs as number | undefined),
    format.ratio(row.bensonMs === undefined ? undefined : (row.bensonMs as number) / (row.ms as number)),
  ]),
);
const markdown = `Machine: ${machine()}. One run per problem (seeded), vertex budget ${maxVertices}, time limit ${timeLimitMs / 1000} s, tolerance 1e-8. Times are whole solves through \`solve()\`.\n\n${table}`;
saveResults('tradeoffs', { maxVertices, timeLimitMs, rows }, markdown);
console.log(markdown);
