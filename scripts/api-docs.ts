// Writes the API reference from the TSDoc to docs/api/ (TypeDoc): `npm run docs`.
// The entry points are the package's exports (package.json), mapped from dist/ back to their
// sources, so a new subpath export is documented without editing this script. Fails on any
// TypeDoc warning (a broken {@link}, a comment TypeDoc cannot read, ...). Types that exported
// functions mention but the package does not export are reported only with --strict-exports
// (the public surface is narrower than the types it mentions, on purpose for internal shapes).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Application, LogLevel } from 'typedoc';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>;
};

/** The source file of each export of package.json, from its declarations (the JavaScript may be a bundle). */
export function sourceEntryPoints(exports: Record<string, unknown>): string[] {
  const entries: string[] = [];
  for (const target of Object.values(exports)) {
    const types = typeof target === 'object' && target !== null ? (target as Record<string, unknown>).types : undefined;
    if (typeof types === 'string' && types.startsWith('./dist/') && types.endsWith('.d.ts'))
      entries.push(`${types.slice('./dist/'.length, -'.d.ts'.length)}.ts`);
  }
  return entries;
}

const app = await Application.bootstrapWithPlugins({
  entryPoints: sourceEntryPoints(manifest.exports),
  tsconfig: 'tsconfig.build.json',
  out: 'docs/api',
  name: 'prefgame',
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  githubPages: false,
  logLevel: LogLevel.Warn,
  treatWarningsAsErrors: true,
  validation: { notExported: process.argv.includes('--strict-exports'), invalidLink: true, notDocumented: false },
});
process.chdir(root);
const project = await app.convert();
if (!project) {
  process.stderr.write('typedoc: the project did not convert\n');
  process.exit(1);
}
app.validate(project);
if (app.logger.hasErrors() || app.logger.hasWarnings()) {
  process.stderr.write('typedoc: warnings or errors above\n');
  process.exit(1);
}
await app.generateDocs(project, 'docs/api');
process.stdout.write('wrote docs/api/index.html\n');
