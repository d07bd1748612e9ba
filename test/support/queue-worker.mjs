// A queue worker for the tests: the real one (dist/src/queue/worker.js) with the misbehaving pool
// worker of test-worker.mjs, short locks, and "ready" on stdout once it takes chunks.
// Usage: node queue-worker.mjs REDIS_URL [lineAttempts] [lineTimeLimitMs] [threads]
import { startQueueWorker } from '../../dist/src/queue/worker.js';

const [url, lineAttempts = '2', lineTimeLimitMs = '3600000', threads = '1'] = process.argv.slice(2);
const worker = await startQueueWorker({
  url,
  threads: Number(threads),
  lockDurationMs: 1_000,
  stalledIntervalMs: 250,
  lineAttempts: Number(lineAttempts),
  lineTimeLimitMs: Number(lineTimeLimitMs),
  workerUrl: new URL('./test-worker.mjs', import.meta.url),
  log: (line) => process.stderr.write(`queue-worker ${process.pid}: ${line}\n`),
});
process.once('SIGTERM', async () => {
  await worker.close();
  process.exit(0);
});
process.stdout.write('ready\n');
