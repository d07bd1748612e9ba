// Part of `npm run build` (after tsc and write-validators): bundles the `prefgame` command, the
// library's entries (package.json `exports`), the service and the pool worker into dist/bundle/
// with esbuild.
// A cold `prefgame solve` otherwise opens ~450 module files (TypeBox alone ~200) and
// `import('prefgame')` ~380 (measured: 0.26-0.32 CPU s to import the modules, 0.08 s bundled);
// the bundle is a few files, split at dynamic imports so that each command still loads only
// what it uses. Packages that locate files of
// their own at run time (piscina's worker, HiGHS's wasm) or load only for some jobs (vega,
// fastify, the queue) stay outside, imported from node_modules as usual.
import { copyFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = new URL('../dist/bundle/', import.meta.url);
rmSync(outdir, { recursive: true, force: true });

/** Packages bundled in; every other bare import stays an import of node_modules. */
const inside = [
  /^@sinclair\/typebox(\/|$)/,
  /^ajv(\/|$)/,
  /^fast-uri$/,
  /^fast-deep-equal$/,
  /^json-schema-traverse$/,
  /^commander$/,
  /^csv-parse(\/|$)/,
  /^@stdlib\//,
  /^cli-progress$/,
  /^secure-json-parse$/,
];

await build({
  // The command, the pool worker, every entry point of package.json `exports` and the service's
  // `npm start`: bundled together, so that they share their chunks and one module (one
  // PrefgameError class) serves them all. fastify and its plugins stay in node_modules, loaded
  // only by the service's chunks.
  entryPoints: {
    main: 'cli/main.ts',
    worker: 'src/pool/worker.ts',
    index: 'src/index.ts',
    schema: 'src/schema/index.ts',
    estimation: 'src/estimation/index.ts',
    baselines: 'src/baselines/index.ts',
    compare: 'src/compare/index.ts',
    generate: 'src/generate/index.ts',
    plot: 'src/plot/index.ts',
    rank: 'src/rank/index.ts',
    batch: 'src/pool/index.ts',
    service: 'api/index.ts',
    server: 'api/server.ts',
  },
  outdir: outdir.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  sourcemap: true,
  logLevel: 'warning',
  // CommonJS packages bundled into an ES module still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as prefgameRequire } from 'node:module'; const require = prefgameRequire(import.meta.url);",
  },
  plugins: [
    {
      name: 'keep-outside',
      setup(builder) {
        builder.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.path.startsWith('node:') || inside.some((pattern) => pattern.test(args.path))) return undefined;
          return { path: args.path, external: true };
        });
      },
    },
  ],
});

// The precompiled validators are loaded from beside the module that validates.
copyFileSync(
  new URL('../dist/src/schema/problem-validators.cjs', import.meta.url),
  new URL('problem-validators.cjs', outdir),
);
