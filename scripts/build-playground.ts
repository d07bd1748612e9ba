// Builds the web playground into dist/playground/ (run by `npm run build`, hence by `npm ci`'s
// `prepare`): bundles web/src/main.ts with esbuild, names the script and style sheet after their
// content hash (so they can be cached for a year), writes index.html with those names and the
// list of bundled examples, and copies the examples. The service serves this directory only.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const outDir = 'dist/playground';

/** The examples offered by the page: file in the repository, name served under, label shown. */
const examples = [
  {
    from: 'examples/assistants/blackwell.json',
    name: 'assistants.json',
    label: 'Assistants: 3 criteria, 9,000 comparisons',
  },
  {
    from: 'docs/examples/pareto-problem.json',
    name: 'driving.json',
    label: 'Driving styles: 2 criteria, preference matrices',
  },
  {
    from: 'examples/assistants/battles.jsonl',
    name: 'battles.jsonl',
    label: 'Arena battle log (JSONL, one criterion)',
  },
  { from: 'examples/assistants/ratings.csv', name: 'ratings.csv', label: 'Ratings table (CSV, 3 criteria)' },
];

function hashOf(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 12);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(join(outDir, 'examples'), { recursive: true });

const bundle = await build({
  entryPoints: ['web/src/main.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  write: false,
  legalComments: 'none',
});
const script = bundle.outputFiles[0].contents;
const scriptName = `app-${hashOf(script)}.js`;
writeFileSync(join(outDir, scriptName), script);

const style = readFileSync('web/style.css');
const styleName = `style-${hashOf(style)}.css`;
writeFileSync(join(outDir, styleName), style);

const icon = readFileSync('web/icon.svg');
const iconName = `icon-${hashOf(icon)}.svg`;
writeFileSync(join(outDir, iconName), icon);

for (const example of examples) writeFileSync(join(outDir, 'examples', example.name), readFileSync(example.from));
const options = examples
  .map((example) => `<option value="${escapeHtml(example.name)}">${escapeHtml(example.label)}</option>`)
  .join('\n          ');

const html = readFileSync('web/index.html', 'utf8')
  .replace('%SCRIPT%', `/playground/${scriptName}`)
  .replace('%STYLE%', `/playground/${styleName}`)
  .replace('%ICON%', `/playground/${iconName}`)
  .replace('<!--EXAMPLES-->', options);
for (const marker of ['%SCRIPT%', '%STYLE%', '%ICON%', '<!--EXAMPLES-->']) {
  if (html.includes(marker)) throw new Error(`web/index.html: ${marker} left after the build`);
}
writeFileSync(join(outDir, 'index.html'), html);
// Which files are immutable (content-hashed names); the service reads this at start.
writeFileSync(
  join(outDir, 'manifest.json'),
  JSON.stringify(
    { immutable: [scriptName, styleName, iconName], examples: examples.map((example) => example.name) },
    null,
    2,
  ) + '\n',
);
console.log(
  `playground: ${outDir}/ (${scriptName} ${(script.length / 1024).toFixed(1)} kB, ${styleName}, ${examples.length} examples)`,
);
