import v8 from 'node:v8';

/**
 * How V8 compiles HiGHS in a process that prefgame owns (the CLI, the service), chosen per job
 * before the wasm is compiled; the library itself never sets a V8 flag.
 *
 * - `baseline` (V8's default): Liftoff compiles each function in microseconds on its first call
 *   and the optimising compiler takes over the hot ones as they run. Cheapest start; the code
 *   runs 3-7x slower until it is optimised, which for the HiGHS simplex takes several solves.
 * - `optimised` (`--no-liftoff`): each function is compiled by TurboFan on its first call. About
 *   1 CPU second of compiling on a process's first solve, then full speed at once.
 *
 * Measured (CPU time of a von Neumann solve, fresh process, HiGHS loaded): n = 100, first solve
 * 0.37 s baseline vs 1.0 s optimised; n = 400, 1.5 s vs 0.8 s; later solves n = 50, 0.07 s vs
 * 0.02 s. Jobs of about 100,000 matrix entries or more are cheaper optimised.
 */
export type Tiering = 'baseline' | 'optimised';

/** Matrix entries from which a job compiles optimised code. */
export const optimisedFromEntries = 100_000;

/**
 * The tiering for a job of `entries` matrix entries in all, unless `PREFGAME_LIFTOFF` says
 * otherwise (`1`: baseline, `0`: optimised).
 *
 * @example
 * ```ts
 * tieringFor(400 * 400) // 'optimised'
 * ```
 */
export function tieringFor(entries: number, environment: NodeJS.ProcessEnv = process.env): Tiering {
  if (environment.PREFGAME_LIFTOFF === '1') return 'baseline';
  if (environment.PREFGAME_LIFTOFF === '0') return 'optimised';
  return entries >= optimisedFromEntries ? 'optimised' : 'baseline';
}

/**
 * Applies a tiering to this process (for the WebAssembly compiled after this call, in every
 * thread). Only for processes prefgame owns.
 */
export function applyTiering(tiering: Tiering): void {
  if (tiering === 'optimised') v8.setFlagsFromString('--no-liftoff');
}

/**
 * The numbers in a parsed document, up to `cap`: its matrix entries, near enough.
 *
 * @example
 * ```ts
 * countNumbers({ preferences: [[0.5, 0.2], [0.8, 0.5]] }) // 4
 * ```
 */
export function countNumbers(value: unknown, cap = Number.MAX_SAFE_INTEGER): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count < cap) {
    const item = stack.pop();
    if (typeof item === 'number') count++;
    else if (Array.isArray(item)) for (const element of item) stack.push(element);
    else if (item !== null && typeof item === 'object') for (const element of Object.values(item)) stack.push(element);
  }
  return count;
}
