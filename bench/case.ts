// One benchmark case in a fresh process (so that its peak memory is its own): reads a JSON spec
// from argv, warms HiGHS up, times solve() and prints one JSON line.
import { solve, type ResultDocument } from '../src/index.js';
import { familyMatrix, mixedTensor, type Family } from './families.js';

interface Spec {
  kind: 'von-neumann' | 'blackwell';
  family: Family | 'mixed';
  n: number;
  k?: number;
  norm?: 'linf' | 'l1' | 'l2';
  method: 'auto' | 'full-lp' | 'column-generation';
  backend?: 'highs' | 'javascript-lp-solver';
  repeats?: number;
}

const spec = JSON.parse(process.argv[2]) as Spec;
const seed = 1000 + spec.n;
const problem =
  spec.kind === 'von-neumann'
    ? { kind: spec.kind, preferences: familyMatrix(spec.family as Family, spec.n, seed) }
    : {
        kind: spec.kind,
        criteria: mixedTensor(spec.n, spec.k ?? 3, seed).map((preferences, c) => ({ name: `c${c}`, preferences })),
        target: { thresholds: Object.fromEntries(Array.from({ length: spec.k ?? 3 }, (_, c) => [`c${c}`, 0.55])) },
        norm: spec.norm ?? 'linf',
      };
solve({ kind: 'von-neumann', preferences: familyMatrix('uniform-random', 30, 1), options: { backend: spec.backend } });
const times: number[] = [];
let result!: ResultDocument;
for (let repeat = 0; repeat < (spec.repeats ?? 1); repeat++) {
  const started = performance.now();
  const answer = solve({ ...problem, options: { method: spec.method, backend: spec.backend, timeLimitMs: 600_000 } });
  result = answer;
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    ms: times[Math.floor(times.length / 2)],
    status: result.status,
    method: result.diagnostics.method,
    iterations: result.diagnostics.iterations,
    rounds: result.diagnostics.rounds ?? null,
    support: result.support.length,
    gap: result.certificate.gap,
    value: result.value,
    peakMemoryMb: process.resourceUsage().maxRSS / 1024,
  }),
);
