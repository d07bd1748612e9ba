import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.js';
import { readConfig } from '../../api/config.js';
import { startRedis, waitFor, type TestRedis } from '../support/redis.js';
import { comparable, problem, startTestWorker, stop, type Spawned } from './helpers.js';

const ndjson = { 'content-type': 'application/x-ndjson' };

function app(queueUrl?: string): Promise<FastifyInstance> {
  return buildApp({ config: { ...readConfig({}), workers: 1, queueUrl }, logger: false });
}

describe('/v1/jobs without PREFGAME_QUEUE_URL', () => {
  let service: FastifyInstance;
  before(async () => {
    service = await app();
  });
  after(() => service.close());

  test('every jobs route answers 404 PREF_ERR_JOBS_DISABLED, saying how to enable them', async () => {
    for (const [method, url] of [
      ['POST', '/v1/jobs'],
      ['GET', '/v1/jobs/abc'],
      ['GET', '/v1/jobs/abc/results'],
      ['DELETE', '/v1/jobs/abc'],
    ] as const) {
      const response = await service.inject({
        method,
        url,
        headers: ndjson,
        payload: method === 'POST' ? problem(0) : undefined,
      });
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(response.json().code, 'PREF_ERR_JOBS_DISABLED');
      assert.match(response.json().detail, /PREFGAME_QUEUE_URL=redis:\/\//);
    }
  });

  test('the OpenAPI document describes the jobs routes', async () => {
    const paths = (await service.inject({ method: 'GET', url: '/openapi.json' })).json().paths;
    assert.ok(paths['/v1/jobs'].post);
    assert.ok(paths['/v1/jobs/{id}'].get && paths['/v1/jobs/{id}'].delete);
    assert.ok(
      paths['/v1/jobs/{id}/results'].get.parameters.some((parameter: { name: string }) => parameter.name === 'follow'),
    );
  });
});

describe('/v1/jobs on a test redis-server: stateless replicas, cancel, Redis down', () => {
  let redis: TestRedis;
  let directory: string;
  let worker: Spawned;
  let replicas: FastifyInstance[] = [];

  before(async () => {
    redis = await startRedis();
    directory = mkdtempSync(join(tmpdir(), 'prefgame-jobs-'));
    worker = await startTestWorker(redis.url);
    replicas = [await app(redis.url), await app(redis.url)];
  });
  after(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    await stop(worker, 'SIGKILL');
    await redis.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  test('a job submitted to one replica is read from another while the first restarts; results in order', async () => {
    const gate = join(directory, 'gate');
    const lines = Array.from({ length: 10 }, (_, index) => problem(index));
    lines[8] = problem(8, `wait-for:${gate}`);
    lines.splice(3, 0, '{broken');
    const submitted = await replicas[0].inject({
      method: 'POST',
      url: '/v1/jobs',
      headers: ndjson,
      payload: lines.join('\n') + '\n',
    });
    assert.equal(submitted.statusCode, 202, submitted.body);
    const { id, status, total } = submitted.json();
    assert.equal(total, 11);
    assert.ok(['queued', 'running'].includes(status));
    assert.equal(submitted.headers.location, `/v1/jobs/${id}`);

    // The first replica goes away (a restart) while the job runs; the second answers for it.
    await replicas[0].close();
    replicas[0] = await app(redis.url);
    const statusOf = async () => (await replicas[1].inject({ method: 'GET', url: `/v1/jobs/${id}` })).json();
    // JOB_CHUNK_LINES is 64: one chunk, held by the gate line, so nothing is finished yet.
    assert.equal((await replicas[1].inject({ method: 'GET', url: `/v1/jobs/${id}/results` })).body, '');
    assert.deepEqual(await statusOf(), { id, status: 'running', total: 11, done: 0, failed: 0 });
    writeFileSync(gate, '');
    await waitFor('the job to finish', async () => (await statusOf()).status === 'done');
    assert.deepEqual(await statusOf(), { id, status: 'done', total: 11, done: 11, failed: 1 });

    const results = await replicas[0].inject({ method: 'GET', url: `/v1/jobs/${id}/results` });
    assert.equal(results.statusCode, 200);
    assert.equal(results.headers['content-type'], 'application/x-ndjson');
    const outputs = comparable(results.body).map((line) => JSON.parse(line));
    assert.deepEqual(
      outputs.map((output) => output.status),
      ['optimal', 'optimal', 'optimal', 'error', ...Array(7).fill('optimal')],
    );
    assert.deepEqual(
      outputs.filter((output) => output.status !== 'error').map((output) => output.id),
      lines.filter((line) => line !== '{broken').map((line) => JSON.parse(line).id),
    );
    assert.equal(outputs[3].line, 4);
    assert.equal(outputs[3].error.code, 'PREF_ERR_INVALID_JSON');
    const rest = await replicas[1].inject({ method: 'GET', url: `/v1/jobs/${id}/results?from=9&follow=true` });
    assert.deepEqual(comparable(rest.body), comparable(results.body).slice(9));
  });

  test('DELETE cancels a job: status cancelled, workers skip it; unknown ids are 404 PREF_ERR_JOB_NOT_FOUND', async () => {
    const gate = join(directory, 'gate-cancel');
    const lines = [problem(0, `wait-for:${gate}`), problem(1)];
    const submitted = await replicas[1].inject({
      method: 'POST',
      url: '/v1/jobs',
      headers: ndjson,
      payload: lines.join('\n'),
    });
    const { id } = submitted.json();
    const cancelled = await replicas[0].inject({ method: 'DELETE', url: `/v1/jobs/${id}` });
    assert.equal(cancelled.statusCode, 200);
    assert.equal(cancelled.json().status, 'cancelled');
    writeFileSync(gate, '');
    const followed = await replicas[1].inject({ method: 'GET', url: `/v1/jobs/${id}/results?follow=true` });
    assert.equal(followed.body, '');
    assert.equal((await replicas[1].inject({ method: 'GET', url: `/v1/jobs/${id}` })).json().status, 'cancelled');
    for (const [method, url] of [
      ['GET', '/v1/jobs/nope'],
      ['GET', '/v1/jobs/nope/results'],
      ['DELETE', '/v1/jobs/nope'],
    ] as const) {
      const response = await replicas[0].inject({ method, url });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().code, 'PREF_ERR_JOB_NOT_FOUND');
    }
  });

  test('Redis down: the routes answer 503 PREF_ERR_QUEUE_UNAVAILABLE and /ready says so; nothing crashes', async () => {
    const service = await app('redis://127.0.0.1:1');
    try {
      await service.warm;
      const submitted = await service.inject({ method: 'POST', url: '/v1/jobs', headers: ndjson, payload: problem(0) });
      assert.equal(submitted.statusCode, 503, submitted.body);
      assert.equal(submitted.json().code, 'PREF_ERR_QUEUE_UNAVAILABLE');
      assert.ok(submitted.headers['retry-after']);
      assert.equal(
        (await service.inject({ method: 'GET', url: '/v1/jobs/abc' })).json().code,
        'PREF_ERR_QUEUE_UNAVAILABLE',
      );
      const ready = await service.inject({ method: 'GET', url: '/ready' });
      assert.equal(ready.statusCode, 503);
      assert.equal(ready.json().status, 'queue-unavailable');
      assert.equal(ready.json().queue.code, 'PREF_ERR_QUEUE_UNAVAILABLE');
      assert.equal((await service.inject({ method: 'GET', url: '/health' })).statusCode, 200);
      const healthy = await replicas[0].inject({ method: 'GET', url: '/ready' });
      await replicas[0].warm;
      assert.equal(
        (await replicas[0].inject({ method: 'GET', url: '/ready' })).json().queue.status,
        'ok',
        healthy.body,
      );
    } finally {
      await service.close();
    }
  });
});
