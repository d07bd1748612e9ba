// Publishes benchmark results into docs/benchmarks.md: `npm run docs:benchmarks`.
// Each bench script writes bench/results/NAME.md; the page holds one marked section per bench,
// `<!-- bench:NAME -->` ... `<!-- /bench:NAME -->`, which this replaces with the result's Markdown
// under the date of the run. Sections whose results are absent are left as they are.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One bench result to publish. */
export interface BenchResult {
  /** The name the bench saved its results under (`bench/results/NAME.md`). */
  name: string;
  /** Its Markdown. */
  markdown: string;
  /** The day it was measured, `YYYY-MM-DD`. */
  date: string;
}

/** The npm script that runs each bench, for the caption of its section. */
const commands: Record<string, string> = { 'lp-backends': 'bench:backends' };

/** The bench names with a section on `page`, in order. Throws when a section is not closed. */
export function benchSections(page: string): string[] {
  const names: string[] = [];
  for (const match of page.matchAll(/<!-- bench:([\w-]+) -->/g)) {
    if (!page.includes(`<!-- /bench:${match[1]} -->`, match.index))
      throw new Error(`docs/benchmarks.md: the section bench:${match[1]} is not closed`);
    names.push(match[1]);
  }
  return names;
}

/** `page` with the section of every result that has one replaced by that result, dated. */
export function publishBenchmarks(page: string, results: readonly BenchResult[]): string {
  let updated = page;
  for (const result of results) {
    const open = `<!-- bench:${result.name} -->`;
    const close = `<!-- /bench:${result.name} -->`;
    const start = updated.indexOf(open);
    const end = updated.indexOf(close, start);
    if (start === -1 || end === -1) continue;
    const caption = `_Measured ${result.date} (\`npm run ${commands[result.name] ?? `bench:${result.name}`}\`)._`;
    updated = `${updated.slice(0, start + open.length)}\n${caption}\n\n${result.markdown.trim()}\n${updated.slice(end)}`;
  }
  return updated;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pageUrl = new URL('../docs/benchmarks.md', import.meta.url);
  const page = readFileSync(pageUrl, 'utf8');
  const results: BenchResult[] = [];
  for (const name of benchSections(page)) {
    const file = new URL(`../bench/results/${name}.md`, import.meta.url);
    if (!existsSync(file)) continue;
    results.push({ name, markdown: readFileSync(file, 'utf8'), date: statSync(file).mtime.toISOString().slice(0, 10) });
  }
  writeFileSync(pageUrl, publishBenchmarks(page, results));
  process.stdout.write(
    results.length === 0
      ? 'no bench results in bench/results/: nothing to publish\n'
      : `published ${results.map((result) => result.name).join(', ')} into docs/benchmarks.md\n`,
  );
}
