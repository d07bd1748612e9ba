/**
 * Finds the `@example` blocks of the TSDoc in the source folders and turns each into a module that
 * can be run and type-checked.
 *
 * The conventions an example may rely on (so that it reads like the call a user writes):
 * - `import ... from 'prefgame'` (or a subpath export `'prefgame/...'`) means this package's
 *   sources (the `types` of each entry of package.json `exports`, mapped back to `.ts`); a relative import (`'./worker.js'`) is relative
 *   to the file the example is in;
 * - names the example uses but does not declare or import are imported from the example's own
 *   module first, then from the package's root export, then from the one source module that
 *   exports the name (internal helpers), then from test/support/example-values.ts (named sample
 *   data: `criteria`, `speed`, `context`, ...); `assert` is `node:assert/strict`.
 * Everything else (helper values, data) must be written out in the example itself.
 *
 * A block fenced as ```` ```ts no-run ```` is type-checked but not executed. Use it only for an
 * example that needs a server outside the process (Redis for the queue); every other example runs.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

/** One ```ts block of an `@example` section. */
export interface TsdocExample {
  /** Path of the source file, relative to the repository root. */
  file: string;
  /** 1-based line of the first code line of the block in that file. */
  line: number;
  /** The code, without the comment's leading `*`. */
  code: string;
  /** False for a block fenced ```` ```ts no-run ```` (it needs an outside server): type-checked only. */
  run: boolean;
}

/** The folders whose TSDoc examples are run (those of them that exist). */
export const exampleFolders = ['src', 'api', 'cli'];

/** Every `.ts` file under the example folders of `root`, found afresh (files move). */
export function sourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(relative(root, path));
    }
  };
  for (const folder of exampleFolders) {
    try {
      if (statSync(join(root, folder)).isDirectory()) walk(join(root, folder));
    } catch {
      // the folder does not exist in this layout
    }
  }
  return found;
}

/** The ```ts blocks that follow an `@example` tag inside `/** ... *\/` comments of `text`. */
export function examplesIn(file: string, text: string): TsdocExample[] {
  const lines = text.split('\n');
  const examples: TsdocExample[] = [];
  let inComment = false;
  let afterExample = false;
  let block: { line: number; code: string[]; run: boolean } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index];
    if (!inComment) {
      if (/^\s*\/\*\*/.test(raw)) inComment = true;
      else continue;
    }
    const body = raw.replace(/^\s*\/?\*\*?\/?\s?/, '');
    if (block) {
      if (/^\s*```/.test(body)) {
        examples.push({ file, line: block.line, code: block.code.join('\n'), run: block.run });
        block = undefined;
        afterExample = false;
      } else block.code.push(body);
    } else if (/@example\b/.test(body)) afterExample = true;
    else if (afterExample) {
      const fence = /^\s*```(?:ts|typescript)(\s+no-run)?\s*$/.exec(body);
      if (fence !== null) block = { line: index + 2, code: [], run: fence[1] === undefined };
      else if (/^\s*@\w+/.test(body)) afterExample = false;
    }
    if (raw.includes('*/')) {
      inComment = false;
      afterExample = false;
      block = undefined;
    }
  }
  return examples;
}

/** The names a module declares and exports (`export function x`, `export const x`, ...). */
export function declaredExports(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(
    /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm,
  )) {
    names.add(match[1]);
  }
  return names;
}

/** The names a module exports, read from its text (declarations and lists; `export *` is not followed). */
export function exportedNames(text: string): Set<string> {
  const names = declaredExports(text);
  for (const match of text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const part of match[1].split(',')) {
      const words = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/);
      const name = (words[1] ?? words[0]).trim();
      if (name !== '') names.add(name);
    }
  }
  return names;
}

/** `code` without string literals and comments, for finding the identifiers it uses. */
function codeWords(code: string): Set<string> {
  const stripped = code
    .replace(/\.\.\./g, ' ')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""')
    .replace(/\/\/.*$/gm, '')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  return new Set(stripped.match(/(?<![.\w$])[A-Za-z_$][\w$]*/g) ?? []);
}

/** The names `code` declares or imports itself. */
function declaredNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const match of code.matchAll(/\b(?:const|let|var|function|class|interface|type)\s+([A-Za-z_$][\w$]*)/g))
    names.add(match[1]);
  for (const match of code.matchAll(/\b(?:const|let|var)\s*[{[]([^=]*)[}\]]\s*=/g)) {
    for (const word of match[1].match(/[A-Za-z_$][\w$]*/g) ?? []) names.add(word);
  }
  for (const match of code.matchAll(/^\s*import\s+(?:type\s+)?([\s\S]*?)\s+from\s+['"][^'"]+['"]/gm)) {
    for (const word of match[1].match(/[A-Za-z_$][\w$]*/g) ?? []) if (word !== 'as' && word !== 'type') names.add(word);
  }
  return names;
}

/** Resolves `'prefgame'` and `'prefgame/...'` to a source module path (relative to the root, `.js`). */
export function packageTargets(root: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, unknown>;
  };
  const targets = new Map<string, string>();
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    // The declarations name the source module (the JavaScript may be a bundle).
    const types = typeof target === 'object' && target !== null ? (target as Record<string, unknown>).types : undefined;
    if (typeof types !== 'string' || !types.startsWith('./dist/') || !types.endsWith('.d.ts') || subpath.includes('*'))
      continue;
    targets.set(
      subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`,
      `${types.slice('./dist/'.length, -'.d.ts'.length)}.js`,
    );
  }
  return targets;
}

/**
 * Where each name is exported, as a `.js` path relative to the root: the one module of `files` that
 * declares it, else the one module that exports it at all (names exported by several are left out).
 */
export function exportIndex(root: string, files: readonly string[]): Map<string, string> {
  const declared = new Map<string, string[]>();
  const listed = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const name of declaredExports(text)) declared.set(name, [...(declared.get(name) ?? []), file]);
    for (const name of exportedNames(text)) listed.set(name, [...(listed.get(name) ?? []), file]);
  }
  const index = new Map<string, string>();
  for (const [name, modules] of listed) {
    const declaring = declared.get(name) ?? [];
    const module = declaring.length === 1 ? declaring[0] : modules.length === 1 ? modules[0] : undefined;
    if (module !== undefined) index.set(name, module.replace(/\.ts$/, '.js'));
  }
  return index;
}

/** Where the generated modules are written, relative to the root (git-ignored). */
export const generatedFolder = '.examples';

/**
 * The module text of `example`, for a file in {@link generatedFolder}, and the number of lines
 * put before the example's code (to map a line of the module back to the source).
 */
export function exampleModule(
  example: TsdocExample,
  root: string,
  targets: Map<string, string>,
  index: Map<string, string>,
): { text: string; offset: number } {
  const fromGenerated = (path: string) => `../${path}`;
  let code = example.code;
  code = code.replace(
    /(from\s+|import\s*\(\s*)(['"])([^'"]+)\2/g,
    (whole, lead: string, quote: string, specifier: string) => {
      const target =
        specifier.startsWith('./') || specifier.startsWith('../')
          ? posix.join(posix.dirname(example.file), specifier)
          : targets.get(specifier);
      return target === undefined ? whole : `${lead}${quote}${fromGenerated(target)}${quote}`;
    },
  );
  const used = codeWords(code);
  const declared = declaredNames(code);
  const ownPath = example.file.replace(/\.ts$/, '.js');
  const ownExports = exportedNames(readFileSync(join(root, example.file), 'utf8'));
  const rootPath = targets.get([...targets.keys()][0]) ?? 'src/index.js';
  const rootExports = exportedNames(readFileSync(join(root, rootPath.replace(/\.js$/, '.ts')), 'utf8'));
  const own: string[] = [];
  const fromRoot: string[] = [];
  const elsewhere = new Map<string, string[]>();
  for (const name of used) {
    if (declared.has(name)) continue;
    if (ownExports.has(name)) own.push(name);
    else if (rootExports.has(name)) fromRoot.push(name);
    else {
      const module = index.get(name);
      if (module !== undefined) elsewhere.set(module, [...(elsewhere.get(module) ?? []), name]);
    }
  }
  const header: string[] = [];
  if (used.has('assert') && !declared.has('assert')) header.push(`import assert from 'node:assert/strict';`);
  if (own.length > 0) header.push(`import { ${own.sort().join(', ')} } from '${fromGenerated(ownPath)}';`);
  if (fromRoot.length > 0 && ownPath !== rootPath)
    header.push(`import { ${fromRoot.sort().join(', ')} } from '${fromGenerated(rootPath)}';`);
  for (const [module, names] of [...elsewhere].sort())
    header.push(`import { ${names.sort().join(', ')} } from '${fromGenerated(module)}';`);
  header.push(`// ${example.file}:${example.line}`);
  return { text: `${header.join('\n')}\n${code}\nexport {};\n`, offset: header.length };
}

/** A file name for `example` in the generated folder. */
export function exampleFileName(example: TsdocExample): string {
  return `${example.file.replace(/[\\/]/g, '__').replace(/\.ts$/, '')}__${example.line}.ts`;
}
