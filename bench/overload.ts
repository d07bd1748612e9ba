// npm run bench:overload: goodput under a retry storm, on loopback. The service runs in its own
// process (WORKERS, QUEUE_SIZE as below; its other variables, such as ADMISSION_WAIT_MS, pass
// through); first a few clients solve back to back (the unloaded rate), then, for each count in
// BENCH_CLIENTS (default 64,400), that many clients send the same large bodies and retry at once
// on every 503 (a retry storm), while a prober times GET /health. Prints the completed solves per
// second of each phase, their ratio to the unloaded one (target: at least 0.9), the /health
// latencies (target: under 100 ms) and the cores used by the server, its main thread and the
// clients; saves them to bench/results/overload.{json,md} (`npm run docs:benchmarks` publishes).
// Last, one /v1/batch body of BENCH_BLANK_MB (default 30) MB of blank lines, timing /health.
// Bounded: each phase lasts BENCH_SECONDS and stops at BENCH_MAX_REQUESTS requests.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { machine, markdownTable, matrixOf, saveResults, startService } from './harness.js';

const workers = Number(process.env.WORKERS ?? 2);
const queueSize = Number(process.env.QUEUE_SIZE ?? 2 * workers);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const stormClients = (process.env.BENCH_CLIENTS ?? '64,400').split(',').map(Number);
const maxRequests = Number(process.env.BENCH_MAX_REQUESTS ?? 200_000);
const size = Number(process.env.BENCH_ITEMS ?? 200);

// A von Neumann problem of `size` items in full precision: a body of about 20 bytes per entry.
// Encoded once: the clients should cost the shared cores as little as a load generator can.
const body = Buffer.from(
  JSON.stringify({
    kind: 'von-neumann',
    preferences: matrixOf('random', size, 7),
    options: { method: 'full-lp' },
  }),
);

/** CPU seconds (user + system) the server process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSecondsOf(pid: number | undefined, thread = false): number {
  try {
    const path = thread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`;
    const fields = readFileSync(path, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
  } catch {
    return NaN;
  }
}

/** The server process's resident memory in MB, from /proc (Linux); NaN elsewhere. */
function residentMbOf(pid: number | undefined): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('VmHWM:'));
    return Number(/(\d+)/.exec(line ?? '')?.[1]) / 1024;
  } catch {
    return NaN;
  }
}

/** POSTs `payload` to `path` on loopback; the status (0 when the connection failed) and the time to the answer's end. */
function post(
  port: number,
  path: string,
  payload: Buffer,
  type: string,
  agent?: Agent,
): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': type, 'content-length': payload.length },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    outgoing.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    outgoing.end(payload);
  });
}

/** `clients` loops that post until the phase ends, retrying at once on anything but 200. */
async function phase(
  port: number,
  clients: number,
): Promise<{ solved: number; refused: number; failed: number; perSecond: number; refusalP50: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const counts = { solved: 0, refused: 0, failed: 0 };
  const refusalMs: number[] = [];
  const ends = performance.now() + seconds * 1000;
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < ends && sent < maxRequests) {
        sent++;
        const { status, ms } = await post(port, '/v1/von-neumann', body, 'application/json', agent);
        if (status === 200) counts.solved++;
        else if (status === 503) {
          counts.refused++;
          refusalMs.push(ms);
        } else counts.failed++;
      }
    }),
  );
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  return { ...counts, perSecond: counts.solved / elapsed, refusalP50: percentile(refusalMs, 0.5) };
}

/** Times GET /health every 50 ms while `work` runs. */
async function probeHealth<T>(port: number, work: Promise<T>): Promise<{ result: T; latencies: number[] }> {
  const latencies: number[] = [];
  let done = false;
  const probing = (async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    while (!done) {
      const started = performance.now();
      await new Promise<void>((resolve) =>
        request(
          { host: '127.0.0.1', port, path: '/health', agent },
          (response) => (response.resume(), response.on('end', () => resolve())),
        )
          .on('error', () => resolve())
          .end(),
      );
      latencies.push(performance.now() - started);
      await delay(50);
    }
    agent.destroy();
  })();
  const result = await work;
  done = true;
  await probing;
  return { result, latencies };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN;
}

const server = await startService(
  { WORKERS: String(workers), QUEUE_SIZE: String(queueSize) },
  (process.env.SERVER_ARGS ?? '').split(' ').filter(Boolean), // e.g. --cpu-prof
);
try {
  console.log(
    `body ${(body.length / 1024).toFixed(0)} kB, ${workers} workers, queue ${queueSize}, ${seconds} s per phase, storms of ${stormClients.join(', ')} clients`,
  );
  // Each phase with the CPU time it cost the server process and this (client) process, per
  // second of the phase: on one machine the clients' and the server's front end take cores from
  // the workers.
  const measured = async (clients: number) => {
    const serverBefore = cpuSecondsOf(server.pid);
    const mainBefore = cpuSecondsOf(server.pid, true);
    const clientBefore = process.cpuUsage();
    const started = performance.now();
    const outcome = await probeHealth(server.port, phase(server.port, clients));
    const elapsed = (performance.now() - started) / 1000;
    const client = process.cpuUsage(clientBefore);
    return {
      clients,
      ...outcome.result,
      healthP50: percentile(outcome.latencies, 0.5),
      healthP99: percentile(outcome.latencies, 0.99),
      healthMax: Math.max(...outcome.latencies),
      serverCores: (cpuSecondsOf(server.pid) - serverBefore) / elapsed,
      mainCores: (cpuSecondsOf(server.pid, true) - mainBefore) / elapsed,
      clientCores: (client.user + client.system) / 1e6 / elapsed,
    };
  };
  const unloaded = await measured(workers);
  const storms = [];
  for (const clients of stormClients) storms.push(await measured(clients));
  const rows = [unloaded, ...storms].map((row, index) => ({
    phase: index === 0 ? `unloaded, ${row.clients} clients` : `retry storm, ${row.clients} clients`,
    ...row,
    goodput: row.perSecond / unloaded.perSecond,
  }));
  for (const row of rows)
    console.log(
      `${row.phase.padEnd(26)} ${row.perSecond.toFixed(1)} solves/s (${(100 * row.goodput).toFixed(0)}%; ${row.solved} solved, ${row.refused} refused with 503 after p50 ${row.refusalP50.toFixed(0)} ms, ${row.failed} other); ` +
        `/health p50 ${row.healthP50.toFixed(1)} ms, p99 ${row.healthP99.toFixed(1)} ms, max ${row.healthMax.toFixed(1)} ms; ` +
        `cores used: server ${row.serverCores.toFixed(2)} (main thread ${row.mainCores.toFixed(2)}), clients ${row.clientCores.toFixed(2)}`,
    );
  // Last, one /v1/batch body of BENCH_BLANK_MB megabytes of blank lines (default 30): splitting
  // it must not block the event loop (/health stays fast), and it is refused for its line count.
  const blankMb = Number(process.env.BENCH_BLANK_MB ?? 30);
  const blankLines = Buffer.alloc(blankMb * 1024 * 1024, '\n');
  const blank = await probeHealth(server.port, post(server.port, '/v1/batch', blankLines, 'application/x-ndjson'));
  console.log(
    `/v1/batch with ${blankMb} MB of blank lines: HTTP ${blank.result.status} in ${blank.result.ms.toFixed(0)} ms; /health p50 ${percentile(blank.latencies, 0.5).toFixed(1)} ms, max ${Math.max(...blank.latencies).toFixed(1)} ms`,
  );
  const memoryMb = residentMbOf(server.pid);
  console.log(`server peak resident memory: ${memoryMb.toFixed(0)} MB`);
  for (const storm of storms)
    console.log(
      `goodput under a retry storm of ${storm.clients} clients: ${((100 * storm.perSecond) / unloaded.perSecond).toFixed(0)}% of the unloaded rate (target 90%); /health max ${storm.healthMax.toFixed(1)} ms (target 100 ms)`,
    );
  const settings = {
    workers,
    queueSize,
    seconds,
    bodyKb: Math.round(body.length / 1024),
    admissionWaitMs: process.env.ADMISSION_WAIT_MS ?? '1000 (default)',
    admissionWaiting: process.env.ADMISSION_WAITING ?? '1024 (default)',
  };
  saveResults(
    'overload',
    { machine: machine(), settings, rows, memoryMb },
    [
      `${settings.workers} workers, queue ${settings.queueSize}, von Neumann n = ${size} bodies of ${settings.bodyKb} kB, ${settings.seconds} s per phase; ` +
        `ADMISSION_WAIT_MS ${settings.admissionWaitMs}, ADMISSION_WAITING ${settings.admissionWaiting}. Clients retry at once on anything but 200; ` +
        `they run on the same cores as the server. Goodput: solves per second against the unloaded phase (target 90%); /health probed every 50 ms (target under 100 ms).`,
      '',
      markdownTable(
        [
          'phase',
          'solves/s',
          'goodput',
          '503s',
          '/health p50',
          '/health max',
          'cores: server (main thread)',
          'cores: clients',
        ],
        rows.map((row) => [
          row.phase,
          row.perSecond.toFixed(1),
          `${(100 * row.goodput).toFixed(0)}%`,
          String(row.refused),
          `${row.healthP50.toFixed(1)} ms`,
          `${row.healthMax.toFixed(1)} ms`,
          `${row.serverCores.toFixed(2)} (${row.mainCores.toFixed(2)})`,
          row.clientCores.toFixed(2),
        ]),
      ),
      '',
      `Server peak resident memory ${memoryMb.toFixed(0)} MB. One \`/v1/batch\` body of ${blankMb} MB of blank lines: HTTP ${blank.result.status} after ${blank.result.ms.toFixed(0)} ms, /health p50 ${percentile(blank.latencies, 0.5).toFixed(1)} ms and max ${Math.max(...blank.latencies).toFixed(1)} ms meanwhile.`,
    ].join('\n'),
  );
} finally {
  await server.stop();
}
