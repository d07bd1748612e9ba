import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { isWarmUpRequest } from '../warm-up-requests.js';

/** What a solve metric reads of a result document. */
interface SolvedResult {
  status: string;
  diagnostics?: { elapsedMs: number };
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: {
      registry: Registry;
      /** Records the solve of a request by kind, with its result's status and time (`diagnostics.elapsedMs`); not the service's own warm-up ones. */
      observeSolve(request: FastifyRequest, kind: string, result: SolvedResult): void;
    };
  }
  interface FastifyRequest {
    startedAt?: bigint;
  }
}

/**
 * Prometheus metrics (prom-client) for `GET /metrics`: requests by route and status, request
 * latency, solve time by kind and status, pool size, busy workers, utilisation and queue length,
 * and the default process metrics (event-loop lag, memory, CPU).
 */
export const metricsPlugin = fp(async (app) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'prefgame_' });
  const requests = new Counter({
    name: 'prefgame_http_requests_total',
    help: 'HTTP requests by route, method and status code',
    labelNames: ['route', 'method', 'status_code'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'prefgame_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['route', 'method'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const solves = new Histogram({
    name: 'prefgame_solve_duration_seconds',
    help: 'Solve time (inside the worker) by problem kind and result status',
    labelNames: ['kind', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  new Gauge({
    name: 'prefgame_pool_threads',
    help: 'Worker threads in the solve pool',
    registers: [registry],
    collect() {
      this.set(app.pool.stats().threads);
    },
  });
  new Gauge({
    name: 'prefgame_pool_busy_threads',
    help: 'Workers solving right now',
    registers: [registry],
    collect() {
      this.set(app.pool.stats().running);
    },
  });
  new Gauge({
    name: 'prefgame_pool_queue_length',
    help: 'Tasks waiting for a worker',
    registers: [registry],
    collect() {
      this.set(app.pool.stats().queueSize);
    },
  });
  new Gauge({
    name: 'prefgame_pool_waiting_for_place',
    help: 'Requests waiting, their bodies unread, for room in the queue (ADMISSION_WAIT_MS)',
    registers: [registry],
    collect() {
      this.set(app.pool.stats().waitingForPlace);
    },
  });
  new Gauge({
    name: 'prefgame_pool_queue_capacity',
    help: 'Most tasks that may wait, their bodies read, before requests wait unread for room',
    registers: [registry],
    collect() {
      this.set(app.pool.stats().maxQueue);
    },
  });
  new Gauge({
    name: 'prefgame_pool_utilization',
    help: 'Share of time the workers have been busy since start (0..1)',
    registers: [registry],
    collect() {
      this.set(app.pool.stats().utilization);
    },
  });

  app.decorate('metrics', {
    registry,
    observeSolve(request: FastifyRequest, kind: string, { status, diagnostics }: SolvedResult) {
      if (!isWarmUpRequest(request)) solves.observe({ kind, status }, (diagnostics?.elapsedMs ?? 0) / 1000);
    },
  });
  app.addHook('onRequest', async (request) => {
    request.startedAt = process.hrtime.bigint();
  });
  app.addHook('onResponse', async (request, reply) => {
    if (isWarmUpRequest(request)) return;
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ route, method: request.method, status_code: String(reply.statusCode) });
    if (request.startedAt !== undefined)
      latency.observe({ route, method: request.method }, Number(process.hrtime.bigint() - request.startedAt) / 1e9);
  });
});
