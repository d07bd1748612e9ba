// Shared pieces of the queue tests: problem files, worker processes, the CLI run asynchronously.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { root } from '../helpers.js';
import { waitFor } from '../support/redis.js';

/** A small von Neumann problem whose value depends on `index` (a different answer per line). */
export function problem(index: number, id: string | number = `p${index}`): string {
  const upper = 0.55 + (index % 40) / 100;
  return JSON.stringify({
    id,
    kind: 'von-neumann',
    preferences: [
      [0.5, upper, 0.3],
      [1 - upper, 0.5, 0.8],
      [0.7, 0.2, 0.5],
    ],
  });
}

/** Result lines without their timings (the one field that differs between two runs). */
export function comparable(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const output = JSON.parse(line);
      if (output.diagnostics) delete output.diagnostics.elapsedMs;
      return JSON.stringify(output);
    });
}

/** A process and what it printed so far. */
export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function track(child: ChildProcess): Spawned {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (data) => (stdout += data));
  child.stderr?.on('data', (data) => (stderr += data));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Runs the built `prefgame` command without blocking the test's event loop. */
export function prefgame(args: string[], input?: string): Spawned {
  const spawned = track(
    spawn(process.execPath, [`${root}/bin/prefgame.js`, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] }),
  );
  spawned.child.stdin!.end(input ?? '');
  return spawned;
}

/** `prefgame worker` (the real command), once it takes chunks. */
export async function startCliWorker(url: string, extra: string[] = []): Promise<Spawned> {
  const worker = prefgame([
    'worker',
    '--queue',
    url,
    '--concurrency',
    '1',
    '--lock-duration',
    '1500',
    '--stalled-interval',
    '500',
    ...extra,
  ]);
  await waitFor(
    'the worker to start',
    () => worker.stderr().includes('solver thread') || worker.child.exitCode !== null,
  );
  return worker;
}

/** The test queue worker (misbehaving pool worker, short locks), once it takes chunks. */
export async function startTestWorker(
  url: string,
  options: { lineAttempts?: number; lineTimeLimitMs?: number; threads?: number } = {},
): Promise<Spawned> {
  const { lineAttempts = 2, lineTimeLimitMs = 3_600_000, threads = 1 } = options;
  const args = [
    `${root}/test/support/queue-worker.mjs`,
    url,
    String(lineAttempts),
    String(lineTimeLimitMs),
    String(threads),
  ];
  // V8's baseline tier starts HiGHS faster: these workers solve tiny problems only.
  const env = { ...process.env, PREFGAME_LIFTOFF: '1' };
  const worker = track(spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] }));
  await waitFor('the test worker to start', () => worker.stdout().includes('ready') || worker.child.exitCode !== null);
  return worker;
}

/** The job id a `batch --queue` printed on stderr. */
export async function jobIdOf(run: Spawned): Promise<string> {
  await waitFor('the job id', () => /job ([0-9a-f-]{36}) queued/.test(run.stderr()) || run.child.exitCode !== null);
  const match = /job ([0-9a-f-]{36}) queued/.exec(run.stderr());
  if (!match) throw new Error(`no job id: ${run.stderr()}`);
  return match[1];
}

/** Ends a process (SIGTERM, then SIGKILL if it has not exited after a few seconds; at once with `signal` SIGKILL). */
export async function stop(spawned: Spawned, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (spawned.child.exitCode !== null || spawned.child.signalCode !== null) return spawned.child.exitCode;
  spawned.child.kill(signal);
  const timer = setTimeout(() => spawned.child.kill('SIGKILL'), 20_000);
  const code = await spawned.exited;
  clearTimeout(timer);
  return code;
}
