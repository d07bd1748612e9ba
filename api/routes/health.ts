import type { FastifyInstance } from 'fastify';

/** `GET /health` (alive), `GET /ready` (HiGHS loaded in every worker, pool not saturated), `GET /metrics`. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/health', { schema: { tags: ['service'], summary: 'Liveness: the process answers' } }, async () => ({ status: 'ok' }));

  app.get('/ready', { schema: { tags: ['service'], summary: 'Readiness: every worker has loaded HiGHS and the queue has room' } }, async (_request, reply) => {
    const pool = app.pool.stats();
    const ready = app.isWarm() && !app.pool.saturated();
    reply.code(ready ? 200 : 503);
    if (!ready) reply.header('retry-after', String(app.config.retryAfterSeconds));
    return { status: ready ? 'ready' : app.isWarm() ? 'saturated' : 'starting', pool };
  });

  app.get('/metrics', { schema: { tags: ['service'], summary: 'Prometheus metrics' } }, async (_request, reply) => {
    reply.type(app.metrics.registry.contentType);
    return app.metrics.registry.metrics();
  });
}
