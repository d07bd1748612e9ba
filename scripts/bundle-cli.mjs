// Part of `npm run build` (after tsc and write-validators): bundles the `prefgame` command, the
// library's entries (package.json `exports`), the service and the pool worker into dist/bundle/
// with esbuild.
// A cold `prefgame solve` otherwise opens ~450 module files (TypeBox alone ~200) and
// `import('prefgame')` ~380 (measured: 0.26-0.32 CPU s to import the modules, 0.08 s bundled);
// the bundle is a few files, split at dynamic imports so that each command still loads only
// what it uses. Packages that locate files of
// their own at run time (piscina's worker, HiGHS's wasm) or load only for some jobs (vega,
// fastify, the queue) stay outside, imported from node_modules as usual.
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The library's root: every other entry point imports it first (see `withLibrary`). */
const library = 'src/index.ts';

/**
 * The command, the pool worker, every entry point of package.json `exports` and the service's
 * `npm start`: bundled together, so that they share their chunks and one module (one
 * PrefgameError class) serves them all. fastify and its plugins stay in node_modules, loaded
 * only by the service's chunks.
 */
const entries = {
  main: 'cli/main.ts',
  worker: 'src/pool/worker.ts',
  index: library,
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
};

/**
 * esbuild puts each module in a chunk by the set of entry points that reach it, so thirteen
 * entries cut the library into about thirty small files, and `import('prefgame')` opened 29 of
 * them: 50 ms, against 35 ms for the same code in one file (measured). Every other entry is
 * therefore built from a small module that imports the library's root before re-exporting the
 * entry's own names: the whole root graph is reached by every entry and lands in one chunk.
 */
const withLibrary = {
  name: 'with-library',
  setup(builder) {
    const root = fileURLToPath(new URL('..', import.meta.url));
    builder.onResolve({ filter: /^with-library:/ }, (args) => ({
      path: args.path.slice('with-library:'.length),
      namespace: 'with-library',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'with-library' }, (args) => {
      const file = join(root, args.path);
      const exportsDefault = /^export default /m.test(readFileSync(file, 'utf8'));
      return {
        contents: [
          `import ${JSON.stringify(join(root, library))};`,
          `export * from ${JSON.stringify(file)};`,
          exportsDefault ? `export { default } from ${JSON.stringify(file)};` : '',
        ].join('\n'),
        resolveDir: root,
        loader: 'ts',
      };
    });
  },
};

await build({
  entryPoints: Object.fromEntries(
    Object.entries(entries).map(([name, file]) => [name, file === library ? file : `with-library:${file}`]),
  ),
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
    withLibrary,
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
