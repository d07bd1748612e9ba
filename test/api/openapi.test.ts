import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.js';
import { readConfig } from '../../api/config.js';
import { ajv } from '../../src/schema/ajv.js';

// The OpenAPI document is what a user tries first (Swagger UI at /docs): every route's example
// must be a request the service answers with 200, every POST route must say what GET gets.

interface Operation {
  summary?: string;
  requestBody?: { content: Record<string, { example?: unknown; examples?: Record<string, { value: unknown }> }> };
}

describe('the OpenAPI document', () => {
  let app: FastifyInstance;
  let paths: Record<string, Record<string, Operation>>;
  let info: { version: string };
  before(async () => {
    app = await buildApp({ config: { ...readConfig({}), workers: 2 }, logger: false });
    await app.warm;
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    paths = document.paths;
    info = document.info;
  });
  after(async () => app.close());

  test("the routes' path and query schemas are valid JSON Schemas (the service compiles them without that check)", () => {
    assert.ok(app.parameterSchemas.length >= 2, 'the rank query and the job parameters at least');
    for (const schema of app.parameterSchemas)
      assert.ok(ajv.validateSchema(schema), `${JSON.stringify(schema)}: ${ajv.errorsText(ajv.errors)}`);
  });

  test('its version is the package version', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    assert.equal(info.version, manifest.version);
  });

  test('every route with a body has an example, and the service answers each example with 200', async () => {
    let sent = 0;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!operation.requestBody) continue;
        const [[type, media]] = Object.entries(operation.requestBody.content);
        const example = media.example ?? Object.values(media.examples ?? {})[0]?.value;
        assert.ok(example !== undefined, `${method.toUpperCase()} ${path} has an example`);
        const payload = typeof example === 'string' ? example : JSON.stringify(example);
        const response = await app.inject({
          method: method.toUpperCase() as 'POST',
          url: path,
          payload,
          headers: { 'content-type': type },
        });
        assert.equal(response.statusCode, 200, `${method.toUpperCase()} ${path}: ${response.body}`);
        if (type === 'application/x-ndjson') {
          for (const line of response.body.trim().split('\n'))
            assert.equal(JSON.parse(line).status, 'optimal', `${path}: ${line}`);
        } else if ('status' in response.json()) {
          assert.equal(response.json().status, 'optimal', `${path}: ${response.body}`);
        }
        sent++;
      }
    }
    assert.ok(sent >= 10, `${sent} examples sent`);
  });

  test('every solve route is summarised in words, with the right article', () => {
    assert.equal(paths['/v1/estimate'].post.summary, 'Solve an estimate problem (kind optional)');
    assert.equal(paths['/v1/approachability'].post.summary, 'Solve an approachability problem (kind optional)');
    assert.equal(paths['/v1/blackwell'].post.summary, 'Solve a blackwell problem (kind optional)');
  });

  test('the batch route describes its NDJSON body', () => {
    const body = paths['/v1/batch'].post.requestBody;
    assert.ok(body?.content['application/x-ndjson'], JSON.stringify(body));
  });

  test('a known path asked with another method answers 405 with Allow; an unknown path 404', async () => {
    for (const path of ['/v1/solve', '/v1/blackwell', '/v1/batch']) {
      const response = await app.inject({ method: 'GET', url: path });
      assert.equal(response.statusCode, 405, response.body);
      assert.equal(response.headers.allow, 'POST');
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      assert.equal(response.json().code, 'PREF_ERR_METHOD_NOT_ALLOWED');
    }
    const health = await app.inject({
      method: 'POST',
      url: '/health',
      payload: '{}',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(health.statusCode, 405);
    assert.equal(health.headers.allow, 'GET, HEAD');
    assert.equal((await app.inject({ method: 'GET', url: '/v1/nothing-here' })).statusCode, 404);
  });
});
