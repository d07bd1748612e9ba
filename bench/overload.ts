// npm run bench:overload: goodput under a retry storm, on loopback. The service runs in its own
// process (WORKERS, QUEUE_SIZE as below); first a few clients solve back to back (the unloaded
// rate), then many clients send the same large bodies and retry at once on every 503 (a retry
// storm), while a prober times GET /health. Prints the completed solves per second of both
// phases, their ratio (target: at least 0.9) and the /health latencies (target: under 100 ms).
// Bounded: each phase lasts BENCH_SECONDS and stops at BENCH_MAX_REQUESTS requests.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { matrixOf } from './harness.js';

const workers = Number(process.env.WORKERS ?? 2);
const queueSize = Number(process.env.QUEUE_SIZE ?? 2 * workers);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const stormClients = Number(process.env.BENCH_CLIENTS ?? 64);
const maxRequests = Number(process.env.BENCH_MAX_REQUESTS ?? 200_000);
const size = Number(process.env.BENCH_ITEMS ?? 200);

// A von Neumann problem of `size` items in full precision: a body of about 20 bytes per entry.
const body = JSON.stringify({
  kind: 'von-neumann',
  preferences: matrixOf('random', size, 7),
  options: { method: 'full-lp' },
});

async function startServer(): Promise<{ port: number; stop: () => Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), 'prefgame-overload-'));
  const logFile = join(directory, 'server.log');
  const logDescriptor = openSync(logFile, 'w');
  const server = spawn(process.execPath, [new URL('../dist/api/server.js', import.meta.url).pathname], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      WORKERS: String(workers),
      QUEUE_SIZE: String(queueSize),
      LOG_LEVEL: 'info',
    }, // info: the bench waits for the "listening at" line
    stdio: ['ignore', logDescriptor, 'inherit'],
  });
  closeSync(logDescriptor);
  let exited = false;
  server.on('exit', () => (exited = true));
  let port = 0;
  for (let waited = 0; port === 0; waited += 100) {
    if (exited || waited > 60_000) throw new Error('the server did not start');
    await delay(100);
    const match = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(readFileSync(logFile, 'utf8'));
    if (match) port = Number(match[1]);
  }
  // Warm: every worker has loaded HiGHS once /ready says so.
  for (;;) {
    const status = await new Promise<number>((resolve) =>
      request(
        { host: '127.0.0.1', port, path: '/ready' },
        (response) => (response.resume(), resolve(response.statusCode ?? 0)),
      )
        .on('error', () => resolve(0))
        .end(),
    );
    if (status === 200) break;
    await delay(100);
  }
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        server.on('exit', () => {
          rmSync(directory, { recursive: true, force: true });
          resolve();
        });
        server.kill('SIGTERM');
      }),
  };
}

function post(agent: Agent, port: number): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/von-neumann',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', () => resolve(0));
    outgoing.end(body);
  });
}

/** `clients` loops that post until the phase ends, retrying at once on anything but 200. */
async function phase(
  port: number,
  clients: number,
): Promise<{ solved: number; refused: number; failed: number; perSecond: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const counts = { solved: 0, refused: 0, failed: 0 };
  const ends = performance.now() + seconds * 1000;
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < ends && sent < maxRequests) {
        sent++;
        const status = await post(agent, port);
        if (status === 200) counts.solved++;
        else if (status === 503) counts.refused++;
        else counts.failed++;
      }
    }),
  );
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  return { ...counts, perSecond: counts.solved / elapsed };
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

const server = await startServer();
try {
  console.log(
    `body ${(body.length / 1024).toFixed(0)} kB, ${workers} workers, queue ${queueSize}, ${seconds} s per phase, ${stormClients} storm clients`,
  );
  const unloaded = await probeHealth(server.port, phase(server.port, workers));
  const storm = await probeHealth(server.port, phase(server.port, stormClients));
  for (const [name, { result, latencies }] of [
    ['unloaded', unloaded],
    ['retry storm', storm],
  ] as const) {
    console.log(
      `${name.padEnd(12)} ${result.perSecond.toFixed(1)} solves/s (${result.solved} solved, ${result.refused} refused with 503, ${result.failed} other); ` +
        `/health p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
    );
  }
  const ratio = storm.result.perSecond / unloaded.result.perSecond;
  console.log(
    `goodput under the retry storm: ${(100 * ratio).toFixed(0)}% of the unloaded rate (target 90%); /health max ${Math.max(...storm.latencies).toFixed(1)} ms (target 100 ms)`,
  );
} finally {
  await server.stop();
}
