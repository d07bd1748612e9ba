// A throw-away redis-server for the queue tests: loopback only, a free random port, no RDB
// snapshots, its files in a temporary directory; optionally with the append-only file on.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** A free TCP port on 127.0.0.1 (the OS picks it; closed again at once). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `condition` every `everyMs` until it is true; fails after `attempts` looks (never a timing assertion). */
export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  attempts = 1_200,
  everyMs = 50,
): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await condition()) return;
    await delay(everyMs);
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      resolve(data.toString().startsWith('+PONG'));
      socket.destroy();
    });
  });
}

/** A redis-server of a test. */
export interface TestRedis {
  port: number;
  url: string;
  /** Stops the server with SIGKILL (a crash); the data directory stays. */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory (the append-only file, if on, brings the data back). */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` on a free loopback port and waits until it answers PING.
 *
 * @example
 * ```ts
 * const redis = await startRedis({ appendOnly: true })
 * // ... redis.url ...
 * await redis.stop()
 * ```
 */
export async function startRedis(options: { appendOnly?: boolean } = {}): Promise<TestRedis> {
  const port = await freePort();
  const directory = mkdtempSync(join(tmpdir(), 'prefgame-redis-'));
  let child: ChildProcess | undefined;
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--dir',
    directory,
    '--daemonize',
    'no',
    '--loglevel',
    'warning',
  ];
  if (options.appendOnly) args.push('--appendonly', 'yes', '--appendfsync', 'always');
  const start = async () => {
    child = spawn(process.env.REDIS_SERVER ?? 'redis-server', args, { stdio: 'ignore' });
    const running = child;
    await waitFor(
      `redis-server on port ${port}`,
      async () => running.exitCode === null && (await answersPing(port)),
      200,
      50,
    );
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    start,
    async stop() {
      await kill();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
