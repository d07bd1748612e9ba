// npm run bench:http: a bounded load test of the HTTP service on loopback (autocannon), against
// the same solves through the library's worker pool in-process with the same number of workers.
// Prints requests/s and p50/p99 latency per problem size, and the HTTP / in-process ratio.
import autocannon from 'autocannon';
import { createSolvePool } from '../src/pool/index.js';
import { format, machine, markdownTable, matrixOf, saveResults, startService } from './harness.js';
import { rounded } from './families.js';

const workers = Number(process.env.WORKERS ?? 2);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 4 * workers);

const allScenarios = [
  {
    name: 'von-neumann n=10',
    path: '/v1/von-neumann',
    problem: { kind: 'von-neumann', preferences: matrixOf('random', 10, 10) },
  },
  {
    name: 'blackwell n=100 k=3',
    path: '/v1/blackwell',
    // Probabilities with 4 decimals, as estimated preferences have (the body is 180 KB, not 570).
    problem: {
      kind: 'blackwell',
      criteria: [0, 1, 2].map((c) => ({
        name: `c${c}`,
        preferences: rounded(matrixOf('bradley-terry', 100, 300 + c), 4),
      })),
      target: { thresholds: { c0: 0.55, c1: 0.55, c2: 0.55 } },
    },
  },
  {
    name: 'blackwell n=100 k=3, full-precision body',
    path: '/v1/blackwell',
    problem: {
      kind: 'blackwell',
      criteria: [0, 1, 2].map((c) => ({ name: `c${c}`, preferences: matrixOf('bradley-terry', 100, 300 + c) })),
      target: { thresholds: { c0: 0.55, c1: 0.55, c2: 0.55 } },
    },
  },
];

const scenarios = allScenarios.filter(
  (scenario) => !process.env.BENCH_ONLY || scenario.name.startsWith(process.env.BENCH_ONLY),
);

async function loadTest(port: number, path: string, body: string) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
    timeout: 30,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    total: result.requests.total,
  };
}

/** The same problem, `connections` at a time, through a pool in this process, for the same time. */
async function inProcess(pool: ReturnType<typeof createSolvePool>, problem: object) {
  let completed = 0;
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        const answer = await pool.solve(problem, {}, 60_000, 5_000);
        if (!answer.ok) throw new Error(answer.error.message);
        latencies.push(performance.now() - started);
        completed++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: completed / seconds,
    p50: latencies[Math.floor(latencies.length / 2)],
    p99: latencies[Math.floor(latencies.length * 0.99)],
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// The machine is shared and noisy: alternate HTTP and in-process runs and report medians.
const rows: Array<Record<string, number | string>> = [];
const server = await startService({ WORKERS: String(workers), QUEUE_SIZE: String(4 * connections) });
const pool = createSolvePool({ threads: workers, maxQueue: 4 * connections });
await pool.ready();
try {
  for (const scenario of scenarios) {
    const body = JSON.stringify(scenario.problem);
    const remote: Array<Awaited<ReturnType<typeof loadTest>>> = [];
    const local: Array<Awaited<ReturnType<typeof inProcess>>> = [];
    for (let round = 0; round < rounds; round++) {
      remote.push(await loadTest(server.port, scenario.path, body));
      local.push(await inProcess(pool, scenario.problem));
      console.error(
        `${scenario.name}, round ${round + 1}: HTTP ${remote[round].requestsPerSecond.toFixed(1)} req/s, in-process ${local[round].requestsPerSecond.toFixed(1)} req/s`,
      );
    }
    const httpRps = median(remote.map((run) => run.requestsPerSecond));
    const localRps = median(local.map((run) => run.requestsPerSecond));
    rows.push({
      scenario: scenario.name,
      httpRps,
      httpP50: median(remote.map((run) => run.p50)),
      httpP99: median(remote.map((run) => run.p99)),
      errors: remote.reduce((total, run) => total + run.errors, 0),
      localRps,
      localP50: median(local.map((run) => run.p50)),
      localP99: median(local.map((run) => run.p99)),
      ratio: httpRps / localRps,
    });
  }
} finally {
  await pool.close();
  await server.stop();
}
const table = markdownTable(
  [
    'problem',
    'HTTP req/s',
    'HTTP p50 (ms)',
    'HTTP p99 (ms)',
    'non-2xx',
    'in-process req/s',
    'in-process p50 (ms)',
    'in-process p99 (ms)',
    'HTTP / in-process',
  ],
  rows.map((row) => [
    row.scenario,
    Number(row.httpRps).toFixed(1),
    format.ms(Number(row.httpP50)),
    format.ms(Number(row.httpP99)),
    row.errors,
    Number(row.localRps).toFixed(1),
    format.ms(Number(row.localP50)),
    format.ms(Number(row.localP99)),
    format.ratio(Number(row.ratio)),
  ]),
);
const markdown = `Machine: ${machine()}. ${workers} workers, ${connections} concurrent connections (autocannon, loopback), medians of ${rounds} alternating runs of ${seconds} s per problem; in-process: the same pool size and concurrency through \`createSolvePool\` in the load generator's process.\n\n${table}`;
saveResults('http', { machine: machine(), workers, connections, seconds, rounds, rows }, markdown);
console.log(markdown);
