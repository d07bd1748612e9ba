import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../problem.js';

/** One file of the built playground, held in memory (the whole page is about 100 kB). */
interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  immutable: boolean;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * The page may load only what the service itself serves: no inline script, no other origin.
 * Inline `style` attributes are not used either (charts set SVG presentation attributes).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Where `npm run build` put the playground: `dist/playground/` beside `dist/api/` when this file
 * runs compiled, or under `dist/` when it runs from source (tests through tsx).
 */
export function defaultPlaygroundDirectory(): string {
  const candidates = [
    new URL('../../playground/', import.meta.url),
    new URL('../../dist/playground/', import.meta.url),
  ];
  const found = candidates.find((candidate) => existsSync(new URL('manifest.json', candidate)));
  return fileURLToPath(found ?? candidates[0]);
}

/** Reads every file of the built playground (top level and `examples/`) into memory. */
async function loadAssets(directory: string): Promise<Map<string, Asset>> {
  const manifest = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')) as { immutable: string[] };
  const assets = new Map<string, Asset>();
  for (const folder of ['', 'examples/']) {
    const entries = await readdir(join(directory, folder), { withFileTypes: true });
    for (const entry of entries) {
      const type = contentTypes[extname(entry.name)];
      if (!entry.isFile() || !type || entry.name === 'manifest.json') continue;
      const body = await readFile(join(directory, folder, entry.name));
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
      assets.set(folder + entry.name, { body, type, etag, immutable: manifest.immutable.includes(entry.name) });
    }
  }
  return assets;
}

/** Options of {@link playgroundRoutes}. */
export interface PlaygroundOptions {
  /** The built playground (default: {@link defaultPlaygroundDirectory}). */
  directory?: string;
}

/**
 * The web playground: `GET /` and `GET /playground` answer the page, `GET /playground/FILE` and
 * `GET /playground/examples/FILE` its script, style sheet, icon and bundled examples, all from
 * the directory `npm run build` writes. Content-hashed files are cached for a year; the page and
 * the examples are revalidated (`no-cache` with an `ETag`, answering 304 when unchanged). Files
 * are read once, on the first request, so the service starts no slower. Without a build every
 * playground route answers 404 with a problem document saying how to build it.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify'
 * const app = Fastify()
 * await app.register(playgroundRoutes)
 * const page = await app.inject({ method: 'GET', url: '/' })
 * assert.match(String(page.headers['content-type']), /text\/html/) // after `npm run build` (before it: 404, a problem document)
 * await app.close()
 * ```
 */
export async function playgroundRoutes(app: FastifyInstance, options: PlaygroundOptions = {}): Promise<void> {
  const directory = options.directory ?? defaultPlaygroundDirectory();
  let loading: Promise<Map<string, Asset> | undefined> | undefined;
  const assets = () => {
    loading ??= loadAssets(directory).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') app.log.error({ err: error }, 'could not read the playground');
      loading = undefined;
      return undefined;
    });
    return loading;
  };

  async function send(request: FastifyRequest, reply: FastifyReply, name: string) {
    const all = await assets();
    const asset = all?.get(name);
    if (!asset) {
      const message = all
        ? `there is no playground file ${request.url.split('?')[0]}`
        : 'the playground is not built: run npm run build';
      return sendProblem(request, reply, { code: 'PREF_ERR_NOT_FOUND', message, pointer: '' });
    }
    reply.header('etag', asset.etag);
    reply.header('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    reply.header('x-content-type-options', 'nosniff');
    if (asset.type.startsWith('text/html')) {
      reply.header('content-security-policy', contentSecurityPolicy);
      reply.header('referrer-policy', 'no-referrer');
    }
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    return reply.type(asset.type).send(asset.body);
  }

  const hidden = { schema: { hide: true } };
  const page = (request: FastifyRequest, reply: FastifyReply) => send(request, reply, 'index.html');
  app.get('/', hidden, page);
  app.get('/playground', hidden, page);
  app.get('/playground/', hidden, page);
  app.get<{ Params: { file: string } }>('/playground/:file', hidden, (request, reply) =>
    send(request, reply, request.params.file),
  );
  app.get<{ Params: { file: string } }>('/playground/examples/:file', hidden, (request, reply) =>
    send(request, reply, `examples/${request.params.file}`),
  );
}
