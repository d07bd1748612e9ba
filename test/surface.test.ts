import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as root from '../src/index.js';
import type { AnyResult, BlackwellProblem, Problem, Result, VonNeumannDocument } from '../src/index.js';

// The public surface: what `import ... from 'prefgame'` offers, the subpath entry points of
// package.json, and a TSDoc comment on everything they export. A change here is a change for
// every user: make it on purpose, here and in the package's docs.

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const rootNames = [
  'AnyResult',
  'ApproachabilityProblem',
  'ApproachabilityResult',
  'BlackwellProblem',
  'CompareProblem',
  'CompareResult',
  'Comparison',
  'Criterion',
  'ErrorLine',
  'EstimateProblem',
  'EstimateResult',
  'LinearProblem',
  'MatrixGameProblem',
  'Options',
  'ParetoProblem',
  'ParetoResult',
  'PrefgameError',
  'Problem',
  'Result',
  'Target',
  'VonNeumannProblem',
  'approachability',
  'blackwellWinner',
  'checkProblem',
  'compareLotteries',
  'defaultLimits',
  'errorRegistry',
  'estimateFromComparisons',
  'linearWinner',
  'matrixGame',
  'paretoFrontier',
  'problemKinds',
  'ready',
  'schemaDocuments',
  'solve',
  'toErrorDetail',
  'tolerances',
  'validateProblem',
  'vonNeumannWinner',
];

test('the root entry point exports exactly the names a user needs', () => {
  assert.deepEqual(Object.keys(root).sort(), [...rootNames].sort());
});

test('the document types have the names a user would guess, and the old names still work', () => {
  // Compile-time checks (npm run typecheck); at run time they only have to run.
  const problem: Problem = {
    kind: 'von-neumann',
    preferences: [
      [0.5, 0.7],
      [0.3, 0.5],
    ],
  };
  const sameProblem: VonNeumannDocument = problem;
  const blackwell: Problem<'blackwell'> = {
    kind: 'blackwell',
    criteria: [{ name: 'c', preferences: [[0.5]] }],
    target: { thresholds: { c: 0.5 } },
  };
  const alsoBlackwell: BlackwellProblem = blackwell;
  const result: Result = root.solve(problem);
  const anyResult: AnyResult = result;
  const vonNeumann: Result<'von-neumann'> = root.solve(sameProblem as { kind: 'von-neumann' });
  assert.equal(vonNeumann.kind, 'von-neumann');
  assert.equal(anyResult.status, 'optimal');
  assert.equal(alsoBlackwell.kind, 'blackwell');
});

// Every entry point is served from the esbuild bundle (scripts/bundle-cli.mjs): one module graph
// for all of them, and a fast import.
const entryPoints: Record<string, { file: string; bundle?: string; has: string[]; hasNot: string[] }> = {
  '.': {
    file: 'src/index.ts',
    bundle: 'index',
    has: ['solve'],
    hasNot: ['ajv', 'checkKind', 'rankingsExtra', 'observedCells', 'kindRegistry'],
  },
  './schema': {
    file: 'src/schema/index.ts',
    bundle: 'schema',
    has: ['schemaDocuments', 'BlackwellProblem', 'explainSchemaErrors'],
    hasNot: ['ajv', 'checkKind', 'common'],
  },
  './estimation': {
    file: 'src/estimation/index.ts',
    bundle: 'estimation',
    has: ['readComparisons', 'importArena', 'bootstrapWinner'],
    hasNot: ['solve'],
  },
  './baselines': {
    file: 'src/baselines/index.ts',
    bundle: 'baselines',
    has: ['bordaScores', 'fitBradleyTerry', 'computeRankings'],
    hasNot: ['rankingsExtra'],
  },
  './compare': { file: 'src/compare/index.ts', bundle: 'compare', has: ['headToHead', 'lotterySources'], hasNot: [] },
  './generate': {
    file: 'src/generate/index.ts',
    bundle: 'generate',
    has: ['cyclicPreferences', 'seededRandom', 'sampleJudgements'],
    hasNot: [],
  },
  './plot': {
    file: 'src/plot/index.ts',
    bundle: 'plot',
    has: ['plotResult', 'plotSpecs', 'rankPlots', 'estimatePlots'],
    hasNot: [],
  },
  './rank': {
    file: 'src/rank/index.ts',
    bundle: 'rank',
    has: ['rankComparisons', 'BattleReader', 'rankRequest', 'RankResult'],
    hasNot: ['solve'],
  },
  './batch': {
    file: 'src/pool/index.ts',
    bundle: 'batch',
    has: ['solveLine', 'createSolvePool', 'kindRegistry', 'compileHighs'],
    hasNot: [],
  },
  './service': { file: 'api/index.ts', bundle: 'service', has: ['buildApp', 'readConfig'], hasNot: [] },
};

test('package.json maps every subpath to its built entry point, and each loads with its names', async () => {
  const manifest = JSON.parse(readFileSync(join(repository, 'package.json'), 'utf8')) as {
    exports: Record<string, unknown>;
  };
  const subpaths = Object.keys(manifest.exports).filter((key) => !key.includes('*') && key !== './package.json');
  assert.deepEqual(subpaths.sort(), Object.keys(entryPoints).sort());
  for (const [subpath, entry] of Object.entries(entryPoints)) {
    const target = manifest.exports[subpath] as { types: string; import: string };
    const built = entry.file.replace(/\.ts$/, '');
    assert.deepEqual(
      target,
      {
        types: `./dist/${built}.d.ts`,
        import: entry.bundle ? `./dist/bundle/${entry.bundle}.js` : `./dist/${built}.js`,
      },
      subpath,
    );
    for (const file of [entry.file, target.import]) {
      const module = (await import(join(repository, file))) as Record<string, unknown>;
      for (const name of entry.has) assert.ok(name in module, `${subpath} (${file}) exports ${name}`);
      for (const name of entry.hasNot) assert.ok(!(name in module), `${subpath} (${file}) does not export ${name}`);
    }
  }
});

test('everything the entry points export has a TSDoc comment', () => {
  const files = Object.values(entryPoints).map((entry) => join(repository, entry.file));
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  };
  const program = ts.createProgram(files, options);
  const checker = program.getTypeChecker();
  const undocumented: string[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    assert.ok(source, file);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    assert.ok(moduleSymbol, `${file} is a module`);
    const exported = checker.getExportsOfModule(moduleSymbol);
    assert.ok(exported.length > 0, `${file} exports something`);
    for (const symbol of exported) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const declarations = target.getDeclarations() ?? [];
      const documented = declarations.some((declaration) => {
        // A variable's comment sits on its statement; a type alias or a function carries its own.
        const holder = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
        return ts.getJSDocCommentsAndTags(holder).length > 0 || target.getDocumentationComment(checker).length > 0;
      });
      if (!documented) undocumented.push(`${entry(file)}: ${symbol.name}`);
    }
  }
  assert.deepEqual(undocumented, []);

  function entry(file: string): string {
    return file.slice(repository.length + 1);
  }
});
