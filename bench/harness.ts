// Shared pieces of the benchmarks: seeded problem families, timing, scipy reference, tables.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { bradleyTerryPreferences, randomPreferences } from '../src/generate/preference-matrices.js';

export type Family = 'random' | 'bradley-terry';

/** Seeded preference matrix of a family. */
export function matrixOf(family: Family, n: number, seed: number): number[][] {
  return family === 'random' ? randomPreferences(n, seed) : bradleyTerryPreferences(n, seed, { spread: 1, noise: 0.3 });
}

/** Median wall time (ms) of `repeats` runs of `work`, and its last result. */
export function time<T>(work: () => T, repeats = 1): { ms: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let r = 0; r < repeats; r++) {
    const started = performance.now();
    result = work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

/** True when `python3` with scipy is on the PATH. */
export function scipyAvailable(): boolean {
  const probe = spawnSync('python3', ['-c', 'import scipy, numpy'], { encoding: 'utf8' });
  return probe.status === 0;
}

/** LP times of scipy's native HiGHS for the same problems (one python process per batch). */
export function scipyTimes(
  problems: Array<{ kind: 'von-neumann' | 'blackwell'; matrices: number[][][]; thresholds?: number[] }>,
  budgetMs = Infinity,
): Array<{ ms: number; value: number | null }> {
  const input = problems.map((problem) => JSON.stringify(problem)).join('\n') + '\n';
  const run = spawnSync('python3', [new URL('./scipy-reference.py', import.meta.url).pathname], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...(Number.isFinite(budgetMs) ? { timeout: budgetMs } : {}),
  });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return [];
  if (run.status !== 0) throw new Error(`scipy reference failed: ${run.stderr}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

/** A one-line description of this machine for the tables. */
export function machine(): string {
  return `${os.cpus()[0]?.model ?? 'unknown CPU'} x ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Renders rows as a Markdown table. */
export function markdownTable(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Writes `bench/results/NAME.{json,md}`. */
export function saveResults(name: string, json: unknown, markdown: string): void {
  const directory = new URL('./results/', import.meta.url);
  mkdirSync(directory, { recursive: true });
  writeFileSync(new URL(`${name}.json`, directory), JSON.stringify(json, null, 2) + '\n');
  writeFileSync(new URL(`${name}.md`, directory), markdown + '\n');
}

export const format = {
  ms: (value: number | undefined | null) =>
    value === undefined || value === null ? '—' : value < 10 ? value.toFixed(2) : value.toFixed(0),
  ratio: (value: number | undefined | null) =>
    value === undefined || value === null || !Number.isFinite(value) ? '—' : `${value.toFixed(2)}x`,
  gap: (value: number | undefined) => (value === undefined ? '—' : value.toExponential(1)),
};

/** A service started by {@link startService}. */
export interface StartedService {
  port: number;
  pid: number | undefined;
  /** Sends SIGTERM and waits for the process to exit. */
  stop(): Promise<void>;
}

/**
 * Starts the built service (`dist/bundle/server.js`, as `npm start`) on a free loopback port with
 * `env` on top of this process's environment (Node options first in `nodeArguments`), and waits
 * until every worker has loaded HiGHS. The request log goes to a file at the `info` level, as in
 * production: piped into this process it would block the server's synchronous log writes
 * whenever the load generator keeps this event loop busy.
 */
export async function startService(env: Record<string, string>, nodeArguments: string[] = []): Promise<StartedService> {
  const directory = mkdtempSync(join(os.tmpdir(), 'prefgame-bench-'));
  const logFile = join(directory, 'server.log');
  const logDescriptor = openSync(logFile, 'w');
  const server = spawn(
    process.execPath,
    [...nodeArguments, new URL('../dist/bundle/server.js', import.meta.url).pathname],
    {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', logDescriptor, 'inherit'],
    },
  );
  closeSync(logDescriptor);
  let exited = false;
  server.on('exit', () => (exited = true));
  let port = 0;
  for (let waited = 0; port === 0; waited += 100) {
    if (exited || waited > 60_000) throw new Error('the server did not start');
    await delay(100);
    // "listening at" comes first, then "... loaded HiGHS: ready" once every worker has.
    const log = readFileSync(logFile, 'utf8');
    const match = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
    if (match && /ready/.test(log)) port = Number(match[1]);
  }
  return {
    port,
    pid: server.pid,
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
