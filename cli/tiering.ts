import v8 from 'node:v8';

/**
 * How V8 compiles HiGHS in a process that prefgame owns (the CLI, the service); the library
 * itself never sets a V8 flag.
 *
 * - `baseline` (V8's default): Liftoff compiles each function in microseconds on its first call
 *   and the optimising compiler takes over the hot ones as they run.
 * - `optimised` (`--no-liftoff`): each function is compiled by TurboFan on its first call, about
 *   1 CPU second over a process's first solve, then full speed at once.
 *
 * Measured whole processes (`prefgame solve`, `prefgame batch --jobs 2`, under load): von Neumann
 * n = 400, 1.4 CPU s baseline vs 1.7 optimised; Blackwell k = 3 n = 200, 1.5 vs 1.8; a batch of
 * 600 Blackwell 128 x 5 problems, 8.1 vs 8.8 CPU s, 100 of them about even. Baseline is never
 * worse, so it is the default for every job; `PREFGAME_LIFTOFF=0` chooses optimised.
 */
export type Tiering = 'baseline' | 'optimised';

/**
 * The tiering of this process: baseline unless `PREFGAME_LIFTOFF=0`.
 *
 * @example
 * ```ts
 * tieringFor({ PREFGAME_LIFTOFF: '0' }) // 'optimised'
 * ```
 */
export function tieringFor(environment: NodeJS.ProcessEnv = process.env): Tiering {
  return environment.PREFGAME_LIFTOFF === '0' ? 'optimised' : 'baseline';
}

/**
 * Applies a tiering to this process (for the WebAssembly compiled after this call, in every
 * thread). Only for processes prefgame owns.
 */
export function applyTiering(tiering: Tiering): void {
  if (tiering === 'optimised') v8.setFlagsFromString('--no-liftoff');
}
