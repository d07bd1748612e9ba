import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.js';
import { readConfig } from '../../api/config.js';
import { playgroundRoutes } from '../../api/plugins/playground.js';

describe("HTTP service: the playground's files", () => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildApp({ config: { ...readConfig({}), workers: 1 }, logger: false });
  });
  after(async () => app.close());

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  test('GET / and GET /playground answer the page, revalidated, with a strict Content-Security-Policy', async () => {
    for (const url of ['/', '/playground', '/playground/']) {
      const page = await get(url);
      assert.equal(page.statusCode, 200, url);
      assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(page.headers['cache-control'], 'no-cache');
      assert.match(String(page.headers['content-security-policy']), /default-src 'self'.*script-src 'self'/);
      assert.equal(page.headers['x-content-type-options'], 'nosniff');
      for (const hook of ['problem-input', 'solve', 'result-json', 'error'])
        assert.match(page.body, new RegExp(`data-testid="${hook}"`));
      assert.doesNotMatch(page.body, /https?:\/\//, 'no asset from another origin');
    }
  });

  test('every asset the page names is served with its type; hashed names are cached for a year', async () => {
    const page = await get('/');
    const assets = [...page.body.matchAll(/(?:src|href)="(\/playground\/[^"]+)"/g)].map((match) => match[1]);
    assert.equal(assets.length, 3, assets.join(' '));
    const types: Record<string, string> = {
      js: 'text/javascript; charset=utf-8',
      css: 'text/css; charset=utf-8',
      svg: 'image/svg+xml',
    };
    for (const asset of assets) {
      const response = await get(asset);
      assert.equal(response.statusCode, 200, asset);
      assert.equal(response.headers['content-type'], types[asset.split('.').pop()!], asset);
      assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable', asset);
      assert.ok(response.body.length > 0);
    }
  });

  test('examples are served by name; an unchanged file answers 304 to its ETag', async () => {
    const example = await get('/playground/examples/driving.json');
    assert.equal(example.statusCode, 200);
    assert.equal(example.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(JSON.parse(example.body).kind, 'pareto');
    const etag = String(example.headers.etag);
    const again = await get('/playground/examples/driving.json', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(
      (await get('/playground/examples/battles.jsonl')).headers['content-type'],
      'application/x-ndjson; charset=utf-8',
    );
    assert.equal((await get('/playground/examples/ratings.csv')).headers['content-type'], 'text/csv; charset=utf-8');
    const head = await app.inject({ method: 'HEAD', url: '/' });
    assert.equal(head.statusCode, 200);
  });

  test('unknown files and paths outside the build answer 404 problem documents', async () => {
    for (const url of [
      '/playground/nothing.js',
      '/playground/manifest.json',
      '/playground/..%2Fpackage.json',
      '/playground/examples/..%2F..%2Fpackage.json',
      '/playground/examples/index.html',
    ]) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(response.json().code, 'PREF_ERR_NOT_FOUND');
    }
  });

  test('without a build the page answers 404 saying how to build it', async () => {
    const bare = Fastify();
    await bare.register(playgroundRoutes, { directory: join(mkdtempSync(join(tmpdir(), 'prefgame-')), 'playground') });
    const response = await bare.inject({ method: 'GET', url: '/' });
    assert.equal(response.statusCode, 404);
    assert.match(response.json().detail, /npm run build/);
    await bare.close();
  });
});
