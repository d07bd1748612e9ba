// `npm start`: the HTTP service on HOST:PORT, with graceful shutdown on SIGTERM and SIGINT.
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { readConfig } from './config.js';

const config = readConfig();
const app = await buildApp({ config });

closeWithGrace({ delay: config.shutdownGraceMs }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error');
  else app.log.info({ signal }, 'shutting down: no new requests, finishing the ones in flight');
  await app.close();
});

await app.listen({ host: config.host, port: config.port });
await app.warm;
app.log.info({ workers: config.workers }, 'every worker has loaded HiGHS: ready');
