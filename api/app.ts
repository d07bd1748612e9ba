import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import Fastify, { LogController, type FastifyInstance, type FastifyError } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { PrefgameError, toErrorDetail } from '../src/errors.js';
import type { Limits } from '../src/limits.js';
import { compileHighs } from '../src/lp/highs-runtime.js';
import { createSolvePool, type SolvePool } from '../src/pool/solve-pool.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ajvSettings } from '../src/schema/ajv-settings.js';
import { explainSchemaErrors } from '../src/schema/validate.js';
import type { ServiceConfig } from './config.js';
import { ProblemDetails, sendProblem } from './problem.js';
import { checkCharset } from './charset.js';
import { metricsPlugin } from './plugins/metrics.js';
import { solveRoutes } from './routes/solve.js';
import { batchRoutes } from './routes/batch.js';
import { healthRoutes } from './routes/health.js';
import { playgroundRoutes } from './plugins/playground.js';
import { jobRoutes } from './routes/jobs.js';
import type { QueueConnection } from '../src/queue/connect.js';
import { rankRoutes } from './routes/rank.js';
import { isWarmUpRequest, warmUpThroughRoutes } from './warm-up-requests.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** When the request arrived (`Date.now()` ms, its headers read): its time limit counts from then. */
    arrivedAt: number;
  }
  interface FastifyInstance {
    pool: SolvePool;
    config: ServiceConfig;
    limits: Limits;
    /** Settles when every worker has loaded HiGHS (and the warm-up requests, if any, are answered). */
    warm: Promise<void>;
    isWarm: () => boolean;
    /** The job queue when PREFGAME_QUEUE_URL is set (bullmq and ioredis are loaded only then). */
    jobQueue: QueueConnection | undefined;
    /** The path, query and header schemas of the routes, compiled without a meta-schema check (tests check them). */
    parameterSchemas: object[];
  }
}

/** How to build the app: its configuration, and optionally a pool or a worker module to use. */
export interface AppOptions {
  config: ServiceConfig;
  /** A pino logger configuration, or false (tests). */
  logger?: boolean | object;
  /** The worker module (tests swap in misbehaving workers). */
  workerUrl?: URL;
  /**
   * Rounds of warm-up requests through the solve routes before `/ready` says ready
   * ({@link warmUpThroughRoutes}) in place of the workers' own warm-up task; `npm start` passes `WARM_UP_ROUNDS`. Default 0.
   */
  warmUpRounds?: number;
}

/** The package's version (self-reference through its `exports`: the same from source and from dist/). */
const packageVersion = (createRequire(import.meta.url)('prefgame/package.json') as { version: string }).version;

/** A route path as a pattern: `:name` and `*` segments match any value. */
function routePattern(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((part) =>
      part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
  return new RegExp(`^${escaped.join('/')}/?$`);
}

/** Maps fastify's own errors (body parsing, media type, validation) to our registry. */
function errorDetailOf(error: FastifyError) {
  if (error.validation && error.validation.length > 0) {
    return explainSchemaErrors(error.validation as Parameters<typeof explainSchemaErrors>[0]);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        code: 'PREF_ERR_BODY_TOO_LARGE' as const,
        message: 'the request body is larger than the server accepts (BODY_LIMIT)',
        pointer: '',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        code: 'PREF_ERR_UNSUPPORTED_MEDIA_TYPE' as const,
        message: 'send problem documents as application/json (and batches as application/x-ndjson)',
        pointer: '',
      };
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { code: 'PREF_ERR_SCHEMA' as const, message: error.message, pointer: '' };
  }
  return toErrorDetail(error);
}

/**
 * The HTTP service (docs/design.md section 4.4, docs/http-api.md) as a fastify instance (not listening: `server.ts`
 * listens; tests use `inject`). Routes validate with the library's JSON Schemas and solve in a
 * bounded worker pool; errors are RFC 9457 problem documents.
 *
 * @example
 * ```ts
 * const app = await buildApp({ config: readConfig(), logger: false })
 * const response = await app.inject({ method: 'POST', url: '/v1/von-neumann', payload: { preferences: [[0.5]] } })
 * await app.close()
 * ```
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // The service's own warm-up requests (warm-up-requests.ts) get one summary line instead.
    logController: new LogController({ disableRequestLogging: isWarmUpRequest }),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
  });
  // Problem documents are parsed and validated in the workers, with the same schemas and error
  // codes (parseDocument, then solve): a 30,000-number matrix never blocks the event loop, and
  // the JSON is parsed once. Routes still declare their body schemas, for the OpenAPI document.
  // Path and query parameters are checked by ajv with the library's settings, but without
  // checking each route schema against the JSON Schema meta-schema first: compiling the 2020-12
  // meta-schema took 0.18 s of every start (a CPU profile), for schemas that are the project's
  // own. They are kept in `app.parameterSchemas`, and the tests check them against it.
  const routeAjv = new Ajv2020({ ...ajvSettings, validateSchema: false });
  const parameterSchemas: object[] = [];
  app.decorate('parameterSchemas', parameterSchemas);
  app.setValidatorCompiler(({ schema, httpPart }) => {
    if (httpPart === 'body') return () => true;
    parameterSchemas.push(schema);
    return routeAjv.compile(schema);
  });
  // Answers are documents the library builds to its own result schemas (test/schemas.test.ts
  // checks them): the route schemas describe them (OpenAPI) and JSON.stringify writes them, so no
  // serializer is compiled, neither at start nor (fast-json-stringify compiles its unions lazily)
  // in a route's first answer.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.decorateRequest('arrivedAt', 0);
  // Before the body is read: the arrival time, and a body in another character set is refused
  // (415) unread.
  app.addHook('onRequest', async (request) => {
    request.arrivedAt = Date.now();
    checkCharset(request);
  });
  app.addSchema(ProblemDetails);

  // HiGHS is compiled once, here (off the event loop), and shared by the workers, which load it
  // before their first task; /ready says ready once every worker has.
  const pool = createSolvePool({
    threads: config.workers,
    maxQueue: config.queueSize,
    workerUrl: options.workerUrl,
    highsModule: await compileHighs(),
  });
  // Warm once every worker has loaded HiGHS and warmed up: through the warm-up requests when
  // there are any (started at the end of this function, once every route is registered; they
  // reach every worker, each of which loads HiGHS before its first task, so the pool's own
  // warm-up task would only repeat their first round), else through that task.
  let warm = false;
  let startWarming!: (work: PromiseLike<void>) => void;
  const warming = new Promise<void>((resolve) => (startWarming = resolve)).then(() => {
    warm = true;
  });
  warming.catch((error) => app.log.error({ err: error }, 'worker warm-up failed'));
  app.decorate('pool', pool);
  app.decorate('config', config);
  app.decorate('limits', {
    maxItems: config.maxItems,
    maxCriteria: config.maxCriteria,
    maxConstraints: config.maxConstraints,
    maxTimeLimitMs: config.maxTimeLimitMs,
    defaultTimeLimitMs: config.defaultTimeLimitMs,
  });
  let jobQueue: QueueConnection | undefined;
  if (config.queueUrl) {
    const { connectQueue } = await import('../src/queue/connect.js');
    jobQueue = await connectQueue(config.queueUrl, 'client', { ttlSeconds: config.jobTtlSeconds });
    const connection = jobQueue;
    app.addHook('onClose', async () => {
      await connection.close();
    });
  }
  app.decorate('jobQueue', jobQueue);
  app.decorate('warm', warming);
  app.decorate('isWarm', () => warm);
  app.addHook('onClose', async () => {
    await pool.close();
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const detail = error instanceof PrefgameError ? error.toDetail() : errorDetailOf(error);
    if (detail.code === 'PREF_ERR_INTERNAL' || detail.code === 'PREF_ERR_WORKER_FAILED')
      request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, detail, config.retryAfterSeconds);
  });
  // Every route's methods, so that a known path asked with another method answers 405 and says
  // which methods it takes (RFC 9110 section 15.5.6), instead of 404.
  const routes: Array<{ pattern: RegExp; methods: Set<string> }> = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const known = routes.find((entry) => entry.pattern.source === routePattern(route.url).source);
    if (known) for (const method of methods) known.methods.add(method);
    else routes.push({ pattern: routePattern(route.url), methods: new Set(methods) });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const allowed = new Set(routes.filter((route) => route.pattern.test(path)).flatMap((route) => [...route.methods]));
    if (allowed.size > 0) {
      reply.header('allow', [...allowed].sort().join(', '));
      return sendProblem(request, reply, {
        code: 'PREF_ERR_METHOD_NOT_ALLOWED',
        message: `${path} takes ${[...allowed].sort().join(', ')}, not ${request.method}`,
        pointer: '',
      });
    }
    return sendProblem(request, reply, {
      code: 'PREF_ERR_NOT_FOUND',
      message: `there is no route ${request.method} ${path}`,
      pointer: '',
    });
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'prefgame',
        version: packageVersion,
        description:
          'Game-theoretic preference aggregation: von Neumann, Blackwell and linear-aggregation winners with certificates, zero-sum matrix games, estimation from raw comparisons (with confidence, sample sizes and classic rankings), Pareto frontiers of worst-case guarantees, comparisons of winners, and Blackwell approachability. Every solver result carries status, value (recomputed from the definition) and a certificate with lower and upper bounds. Errors are RFC 9457 problem documents with a stable code and the JSON pointer of the bad field.',
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(metricsPlugin);
  await app.register(solveRoutes);
  await app.register(batchRoutes);
  await app.register(rankRoutes);
  await app.register(healthRoutes);
  await app.register(playgroundRoutes);
  await app.register(jobRoutes);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  const warmUpRounds = options.warmUpRounds ?? 0;
  startWarming(
    warmUpRounds > 0 ? app.ready().then(() => warmUpThroughRoutes(app, warmUpRounds, config.workers)) : pool.ready(),
  );
  return app;
}
