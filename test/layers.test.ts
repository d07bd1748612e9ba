import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// The library's layers, read from its imports: every folder of src/ is one unit (a file directly
// in src/ is a unit of its own), and the units must form no cycle. The LP layer sits at the
// bottom and knows nothing of documents; the library knows nothing of the CLI or the service.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The relative imports of a file (static, type-only, re-exports and dynamic `import()`), resolved. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name).replace(/\.js$/, '.ts'));
}

/** The unit of a file: its folder under src/, or the file itself when it sits in src/. */
function unitOf(file: string): string {
  const parts = relative(src, file).split(sep);
  return parts.length > 1 ? `${parts[0]}/` : parts[0];
}

interface Edge {
  from: string;
  to: string;
  file: string;
}

function unitEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(src)) {
    for (const target of importsOf(file)) {
      if (relative(src, target).startsWith('..')) continue;
      const from = unitOf(file);
      const to = unitOf(target);
      if (from !== to) edges.push({ from, to, file: `${relative(root, file)} -> ${relative(root, target)}` });
    }
  }
  return edges;
}

/** The strongly connected components with more than one unit (Tarjan), i.e. the cycles. */
function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, new Set());
    if (!next.has(to)) next.set(to, new Set());
    next.get(from)!.add(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (unit: string): void => {
    index.set(unit, index.size);
    low.set(unit, index.get(unit)!);
    stack.push(unit);
    onStack.add(unit);
    for (const target of next.get(unit)!) {
      if (!index.has(target)) {
        visit(target);
        low.set(unit, Math.min(low.get(unit)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(unit, Math.min(low.get(unit)!, index.get(target)!));
    }
    if (low.get(unit) === index.get(unit)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== unit);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const unit of [...next.keys()].sort()) if (!index.has(unit)) visit(unit);
  return found;
}

test('the cycle finder finds a cycle between folders, and none in a chain', () => {
  const edge = (from: string, to: string): Edge => ({ from, to, file: `${from} -> ${to}` });
  assert.deepEqual(cycles([edge('a/', 'b/'), edge('b/', 'c/'), edge('c/', 'a/'), edge('c/', 'd/')]), [
    ['a/', 'b/', 'c/'],
  ]);
  assert.deepEqual(cycles([edge('a/', 'b/'), edge('b/', 'c/'), edge('a/', 'c/')]), []);
});

test('the folders of src/ import each other without a cycle', () => {
  const edges = unitEdges();
  assert.ok(edges.length > 50, 'the import walk finds the imports');
  const found = cycles(edges);
  const explain = found.map((component) => {
    const inside = edges.filter((edge) => component.includes(edge.from) && component.includes(edge.to));
    return `${component.join(' <-> ')}:\n  ${inside.map((edge) => edge.file).join('\n  ')}`;
  });
  assert.deepEqual(explain, []);
});

test('src/ imports nothing from the CLI, the service or any other folder of the repository', () => {
  const outside = sourceFiles(src).flatMap((file) =>
    importsOf(file)
      .filter((target) => relative(src, target).startsWith('..'))
      .map((target) => `${relative(root, file)} -> ${relative(root, target)}`),
  );
  assert.deepEqual(outside, []);
});

test('the LP layer imports only numeric helpers and knows nothing of documents', () => {
  const lp = sourceFiles(join(src, 'lp'));
  const upward = lp.flatMap((file) =>
    importsOf(file)
      .filter((target) => !['lp/', 'numeric/'].includes(unitOf(target)))
      .map((target) => `${relative(root, file)} -> ${relative(root, target)}`),
  );
  assert.deepEqual(upward, []);
  for (const file of lp) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(
      text,
      /'\/options\/|Blackwell|von Neumann|PrefgameError/,
      `${relative(root, file)} speaks of documents`,
    );
  }
});
