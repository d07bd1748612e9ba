import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { compileFunction } from 'node:vm';
import type { Highs } from 'highs';

/**
 * Loading HiGHS (WebAssembly) on first use, never at import.
 *
 * The `highs` package's emscripten loader is asynchronous, but `solve()` is synchronous, so a
 * library user's first solve must be able to load HiGHS without awaiting. Node compiles and
 * instantiates WebAssembly synchronously on any thread (`new WebAssembly.Module`, `new
 * WebAssembly.Instance`), and the loader only awaits two steps: the instantiation (which it
 * hands to a caller-supplied function) and its runtime start (which runs synchronously when
 * nothing is preloaded). So the package's CommonJS build is read as text and those two awaits
 * are replaced by their synchronous equivalents; each replaced text must occur exactly once, or
 * the load fails with an error naming the `highs` version (a new release needs a look here).
 *
 * Entry points that own their process (the CLI, the service, batch workers) call
 * {@link loadHighs} early: it compiles off the main thread while they read their input. A
 * compiled module can also be handed over ({@link useHighsModule}): worker threads receive the
 * main thread's instead of compiling their own.
 */

const requireHere = createRequire(import.meta.url);

/** A compiled HiGHS WebAssembly module (a `WebAssembly.Module`; it can be posted to workers). */
export type CompiledHighs = object;

/** The part of the WebAssembly API used here (this project compiles without the DOM typings). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => CompiledHighs;
  Instance: new (module: CompiledHighs, imports: object) => { exports: object };
  compile(bytes: Uint8Array): Promise<CompiledHighs>;
}
const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** What this file counts, for tests and benches: how often the wasm was compiled and instantiated. */
export const highsLoadCounts = { compiled: 0, instantiated: 0 };

let compiled: CompiledHighs | undefined;
let compiling: Promise<CompiledHighs> | undefined;
let runtime: Highs | undefined;

function wasmBytes(): Uint8Array {
  return readFileSync(requireHere.resolve('highs/runtime'));
}

type Factory = (settings: { instantiateWasmSync: (imports: object) => { exports: object } }) => Highs;

/** The `highs` package's emscripten loader, rewritten to instantiate synchronously. */
function synchronousFactory(): Factory {
  const file = requireHere.resolve('highs'); // its CommonJS build
  let source = readFileSync(file, 'utf8');
  const replacements: Array<[string, string]> = [
    ['return async function(moduleArg={}){', 'return function(moduleArg={}){'],
    [
      'wasmExports=await createWasm();await run();',
      'wasmExports=Module["instantiateWasmSync"](getWasmImports()).exports;assignWasmExports(wasmExports);updateMemoryViews();' +
        'run();if(!runtimeInitialized)throw new Error("the HiGHS runtime did not start synchronously");',
    ],
  ];
  for (const [from, to] of replacements) {
    const at = source.indexOf(from);
    if (at === -1 || source.indexOf(from, at + 1) !== -1) {
      const manifest = JSON.parse(readFileSync(join(dirname(file), '..', 'package.json'), 'utf8')) as {
        version: string;
      };
      throw new Error(
        `prefgame cannot load highs ${manifest.version} synchronously: its loader no longer contains ${JSON.stringify(from)} exactly once`,
      );
    }
    source = source.slice(0, at) + to + source.slice(at + from.length);
  }
  const module = { exports: {} as unknown };
  const wrapper = compileFunction(
    `${source}\nreturn Module;`,
    ['exports', 'module', 'require', '__filename', '__dirname'],
    { filename: file },
  );
  return (wrapper as (...args: unknown[]) => unknown)(
    module.exports,
    module,
    createRequire(file),
    file,
    dirname(file),
  ) as Factory;
}

function instantiate(module: CompiledHighs): Highs {
  const factory = synchronousFactory();
  const highs = factory({
    instantiateWasmSync: (imports) => {
      highsLoadCounts.instantiated++;
      return new wasm.Instance(module, imports);
    },
  });
  return highs;
}

/**
 * HiGHS, loaded now if it is not yet (compiling the wasm synchronously on this thread: about
 * 0.1 s with V8's baseline compiler). Every solve goes through here.
 *
 * @example
 * ```ts
 * const highs = highsRuntime()
 * highs.version.string // '1.13.1'
 * ```
 */
export function highsRuntime(): Highs {
  if (runtime) return runtime;
  if (!compiled) {
    highsLoadCounts.compiled++;
    compiled = new wasm.Module(wasmBytes());
  }
  runtime = instantiate(compiled);
  return runtime;
}

/**
 * Compiles the HiGHS wasm without blocking this thread (V8 compiles on background threads) and
 * returns the compiled module, which can be sent to worker threads. Calling it again returns the
 * same module.
 *
 * @example
 * ```ts
 * const module = await compileHighs()
 * assert.equal(await compileHighs(), module) // compiled once; post it to workers as workerData
 * assert.ok(module)
 * ```
 */
export function compileHighs(): Promise<CompiledHighs> {
  if (compiled) return Promise.resolve(compiled);
  compiling ??= wasm.compile(wasmBytes()).then((module) => {
    highsLoadCounts.compiled++;
    compiled ??= module;
    return compiled;
  });
  return compiling;
}

/**
 * Loads HiGHS ahead of the first solve: compiles off this thread, then instantiates. Entry points
 * that own their process call it early; a library user may too (`await ready()`).
 *
 * @example
 * ```ts
 * await loadHighs()
 * ```
 */
export async function loadHighs(): Promise<Highs> {
  if (runtime) return runtime;
  await compileHighs();
  return highsRuntime();
}

/**
 * Uses an already compiled HiGHS module (from another thread's {@link compileHighs}) instead of
 * compiling one here. Ignored once HiGHS is loaded.
 *
 * @example
 * ```ts
 * // in a worker thread: useHighsModule(workerData.highsModule), with the module of compileHighs()
 * useHighsModule(await compileHighs())
 * assert.equal((await loadHighs()).version.string.split('.').length, 3)
 * ```
 */
export function useHighsModule(module: unknown): void {
  if (!compiled && module instanceof wasm.Module) compiled = module;
}

/** True once HiGHS is loaded in this thread. */
export function highsLoaded(): boolean {
  return runtime !== undefined;
}
