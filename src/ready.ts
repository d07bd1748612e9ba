import { loadHighs } from './lp/highs-runtime.js';
import { solve } from './solve.js';
import { warmUpProblems } from './warm-up.js';

/**
 * Loads the LP engine (HiGHS, WebAssembly) ahead of the first solve, compiling it off the
 * calling thread, then solves two small problems (a few milliseconds) so that the code a solve runs is compiled too.
 * Optional: importing prefgame does no work and changes nothing in the process, and the first
 * `solve()` loads HiGHS itself (synchronously, about 0.1 s) when `ready()` was not awaited.
 * Either way no problem's time limit is charged for the load.
 *
 * @example
 * ```ts
 * import { ready, solve } from 'prefgame'
 * await ready()
 * solve({ kind: 'von-neumann', preferences: [[0.5, 0.7], [0.3, 0.5]] }).status // 'optimal'
 * ```
 */
export async function ready(): Promise<void> {
  await loadHighs();
  for (const problem of warmUpProblems()) solve(problem);
}
