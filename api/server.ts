// `npm start`: the HTTP service on HOST:PORT, with graceful shutdown on SIGTERM and SIGINT.
import v8 from 'node:v8';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { readConfig } from './config.js';

// The service owns its process, so it may choose how V8 compiles HiGHS: baseline by default
// (measured, docs/startup.md), PREFGAME_LIFTOFF=0 for optimised code only.
if (process.env.PREFGAME_LIFTOFF === '0') v8.setFlagsFromString('--no-liftoff');

const config = readConfig();
const app = await buildApp({ config, warmUpRounds: config.warmUpRounds });

// Shutdown: stop accepting; answer the requests still waiting for a worker at once (503 with
// Retry-After: another instance can take them); let the running solves finish for
// SHUTDOWN_GRACE_MS, then stop them with the same 503; exit 0 once every answer is sent.
// close-with-grace's own timer is only the last resort (exit 1) if closing hangs.
closeWithGrace({ delay: config.shutdownGraceMs + config.workerGraceMs + 5_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error');
  else app.log.info({ signal }, 'shutting down: no new requests, finishing the ones in flight');
  app.pool.refuseWaiting();
  const stop = setTimeout(() => {
    app.log.warn(
      { graceMs: config.shutdownGraceMs },
      'shutdown grace is over: stopping the solves still running (503)',
    );
    app.pool.stopRunning();
  }, config.shutdownGraceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(stop);
  }
});

await app.listen({ host: config.host, port: config.port });
await app.warm;
app.log.info({ workers: config.workers }, 'every worker has loaded HiGHS: ready');
