// The documentation in docs/ and README.md: generated pages are current, bench sections are
// well-formed, and every relative link points at a file (and heading) that exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { errorRegistry } from '../src/errors.js';
import { errorsPage, renderErrorsPage } from '../scripts/errors-doc.js';
import { benchSections, publishBenchmarks } from '../scripts/benchmarks-doc.js';
import { root } from './helpers.js';

test('docs/errors.md is what npm run docs:errors writes from the registry', () => {
  const committed = readFileSync(errorsPage, 'utf8');
  assert.equal(committed, renderErrorsPage(errorRegistry), 'docs/errors.md is stale: run npm run docs:errors');
  for (const code of Object.keys(errorRegistry)) assert.ok(committed.includes(`\`${code}\``), `${code} is missing`);
});

test('the errors page changes when the registry does (the check can fail)', () => {
  const grown = { ...errorRegistry, PREF_ERR_EXAMPLE: { status: 422, title: 'An example' } };
  assert.notEqual(renderErrorsPage(grown), renderErrorsPage(errorRegistry));
  assert.match(renderErrorsPage(grown), /\| `PREF_ERR_EXAMPLE` \| An example \|/);
});

test('publishing bench results replaces exactly their sections, dated, and nothing else', () => {
  const page = [
    '# B',
    'intro',
    '<!-- bench:suite -->',
    'old suite',
    '<!-- /bench:suite -->',
    'between',
    '<!-- bench:http -->',
    'old http',
    '<!-- /bench:http -->',
    'end',
  ].join('\n');
  const published = publishBenchmarks(page, [
    { name: 'suite', markdown: '| a |\n| --- |\n| 1 |\n', date: '2026-12-01' },
    { name: 'absent', markdown: 'x', date: '2026-12-01' },
  ]);
  assert.equal(
    published,
    [
      '# B',
      'intro',
      '<!-- bench:suite -->',
      '_Measured 2026-12-01 (`npm run bench:suite`)._',
      '',
      '| a |\n| --- |\n| 1 |',
      '<!-- /bench:suite -->',
      'between',
      '<!-- bench:http -->',
      'old http',
      '<!-- /bench:http -->',
      'end',
    ].join('\n'),
  );
  assert.equal(
    publishBenchmarks(published, [{ name: 'suite', markdown: '| a |\n| --- |\n| 1 |\n', date: '2026-12-01' }]),
    published,
    'publishing twice changes nothing',
  );
  assert.throws(() => benchSections('<!-- bench:suite --> never closed'), /not closed/);
});

test('every bench section of docs/benchmarks.md is closed and names a bench that saves results', () => {
  const page = readFileSync(join(root, 'docs', 'benchmarks.md'), 'utf8');
  const benches = readdirSync(join(root, 'bench'))
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) =>
      [...readFileSync(join(root, 'bench', name), 'utf8').matchAll(/saveResults\(\s*'([\w-]+)'/g)].map(
        (match) => match[1],
      ),
    );
  const sections = benchSections(page);
  assert.ok(sections.length >= 3);
  for (const name of sections)
    assert.ok(
      benches.includes(name),
      `docs/benchmarks.md has a section bench:${name}, but no bench saves results under that name`,
    );
  for (const name of sections)
    assert.match(
      page,
      new RegExp(`<!-- bench:${name} -->\\n_Measured \\d{4}-\\d{2}-\\d{2} `),
      `bench:${name} is not dated`,
    );
});

/** GitHub's anchor of a Markdown heading. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function markdownFiles(): string[] {
  const found = ['README.md'];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && path !== join('docs', 'api')) walk(path);
      else if (entry.name.endsWith('.md')) found.push(path);
    }
  };
  walk('docs');
  return found;
}

test('every relative link in README.md and docs/ points at a file and heading that exist', () => {
  const broken: string[] = [];
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (file: string) => {
    if (!anchorsOf.has(file)) {
      const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
      anchorsOf.set(file, new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1]))));
    }
    return anchorsOf.get(file)!;
  };
  for (const file of markdownFiles()) {
    const text = readFileSync(join(root, file), 'utf8').replace(/```[\s\S]*?```/g, '');
    for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const link = match[1];
      if (/^[a-z]+:/i.test(link)) continue;
      const [path, anchor] = link.split('#');
      const target = path === '' ? join(root, file) : join(root, dirname(file), path);
      if (!existsSync(target)) broken.push(`${file}: ${link} (no ${relative(root, target)})`);
      else if (anchor !== undefined && target.endsWith('.md') && !anchors(target).has(anchor))
        broken.push(`${file}: ${link} (no heading #${anchor})`);
    }
  }
  assert.deepEqual(broken, []);
});

test('the README stays short and links the guides', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  assert.ok(readme.split('\n').length <= 200, `README.md has ${readme.split('\n').length} lines`);
  for (const guide of readdirSync(join(root, 'docs', 'guides')))
    assert.ok(readme.includes(`docs/guides/${guide}`), `README.md does not link docs/guides/${guide}`);
});
