import type { FastifyInstance } from 'fastify';
import { toErrorDetail } from '../../src/index.js';

/** Whether the job queue's Redis answers a PING within a second, with the coded reason when not. */
async function queueReadiness(app: FastifyInstance) {
  try {
    await app.jobQueue!.ping(1_000);
    return { status: 'ok' as const, url: app.jobQueue!.display };
  } catch (error) {
    const detail = toErrorDetail(error);
    return { status: 'unavailable' as const, url: app.jobQueue!.display, code: detail.code, message: detail.message };
  }
}

/** `GET /health` (alive), `GET /ready` (HiGHS loaded in every worker, pool not saturated), `GET /metrics`. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/health', { schema: { tags: ['service'], summary: 'Liveness: the process answers' } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/ready',
    {
      schema: {
        tags: ['service'],
        summary:
          'Readiness: every worker has loaded HiGHS and the queue has room (and, with PREFGAME_QUEUE_URL, Redis answers)',
      },
    },
    async (_request, reply) => {
      const pool = app.pool.stats();
      const queue = app.jobQueue ? await queueReadiness(app) : undefined;
      const ready = app.isWarm() && !app.pool.saturated() && queue?.status !== 'unavailable';
      reply.code(ready ? 200 : 503);
      if (!ready) reply.header('retry-after', String(app.config.retryAfterSeconds));
      const status = ready
        ? 'ready'
        : !app.isWarm()
          ? 'starting'
          : queue?.status === 'unavailable'
            ? 'queue-unavailable'
            : 'saturated';
      return { status, pool, ...(queue ? { queue } : {}) };
    },
  );

  app.get('/metrics', { schema: { tags: ['service'], summary: 'Prometheus metrics' } }, async (_request, reply) => {
    reply.type(app.metrics.registry.contentType);
    return app.metrics.registry.metrics();
  });
}
