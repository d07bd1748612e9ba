import { availableParallelism } from 'node:os';

/** Every setting of the service, read from the environment (docs/configuration.md lists them with defaults). */
export interface ServiceConfig {
  host: string;
  port: number;
  /** Worker threads solving problems. */
  workers: number;
  /** Requests that may wait for a worker, their bodies read; beyond it requests wait unread (below). */
  queueSize: number;
  /** How long a request may wait, unread, for room in the queue before its 503. */
  admissionWaitMs: number;
  /** Requests that may wait unread for room; beyond it the service answers 503 at once. */
  admissionWaiting: number;
  /** Largest request body in bytes (413 beyond). */
  bodyLimit: number;
  maxItems: number;
  maxCriteria: number;
  maxConstraints: number;
  /** Lines per `POST /v1/batch` request (422 beyond). */
  maxBatchLines: number;
  /** Largest `options.timeLimitMs` honoured (longer ones are cut, with a warning). */
  maxTimeLimitMs: number;
  /** `options.timeLimitMs` when a problem gives none. */
  defaultTimeLimitMs: number;
  /** How long past its time limit a solve may run before its worker is terminated. */
  workerGraceMs: number;
  /** How long SIGTERM/SIGINT wait for in-flight requests before exiting anyway. */
  shutdownGraceMs: number;
  /** Seconds in the `Retry-After` header of a 503. */
  retryAfterSeconds: number;
  logLevel: string;
  /** `redis://HOST:PORT[/DB]` of the job queue (PREFGAME_QUEUE_URL); without it the `/v1/jobs` routes answer 404. */
  queueUrl?: string;
  /** How long a job's results are kept after its last progress, in seconds. */
  jobTtlSeconds: number;
  /** Lines per chunk (one queue job) of a `POST /v1/jobs` body. */
  jobChunkLines: number;
  /** Rounds of warm-up requests through the solve routes before `/ready` (`npm start`); 0 for none. */
  warmUpRounds: number;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, minimum = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum)
    throw new Error(`${name} must be an integer >= ${minimum}, got "${raw}"`);
  return value;
}

/**
 * The service configuration from environment variables, with defaults.
 *
 * @example
 * ```ts
 * readConfig({ PORT: '9000' }).port // 9000
 * readConfig({}).host // '127.0.0.1'
 * ```
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const workers = integer(env, 'WORKERS', availableParallelism(), 1);
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 8080),
    workers,
    queueSize: integer(env, 'QUEUE_SIZE', 4 * workers),
    admissionWaitMs: integer(env, 'ADMISSION_WAIT_MS', 1_000),
    admissionWaiting: integer(env, 'ADMISSION_WAITING', 1_024),
    bodyLimit: integer(env, 'BODY_LIMIT', 32 * 1024 * 1024, 1024),
    maxItems: integer(env, 'MAX_ITEMS', 2000, 1),
    maxCriteria: integer(env, 'MAX_CRITERIA', 32, 1),
    maxConstraints: integer(env, 'MAX_CONSTRAINTS', 256, 1),
    maxBatchLines: integer(env, 'MAX_BATCH_LINES', 10_000, 1),
    maxTimeLimitMs: integer(env, 'MAX_TIME_LIMIT_MS', 60_000, 1),
    defaultTimeLimitMs: integer(env, 'DEFAULT_TIME_LIMIT_MS', 10_000, 1),
    workerGraceMs: integer(env, 'WORKER_GRACE_MS', 5_000, 0),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 0),
    retryAfterSeconds: integer(env, 'RETRY_AFTER_SECONDS', 1, 0),
    logLevel: env.LOG_LEVEL || 'info',
    queueUrl: env.PREFGAME_QUEUE_URL || undefined,
    jobTtlSeconds: integer(env, 'JOB_TTL_SECONDS', 86_400, 1),
    jobChunkLines: integer(env, 'JOB_CHUNK_LINES', 64, 1),
    warmUpRounds: integer(env, 'WARM_UP_ROUNDS', 1),
  };
}
