import { highsBackend } from './highs.js';
import { assertFitsJavascriptLpSolver, javascriptLpSolverBackend, LpTooLargeError } from './javascript-lp-solver.js';
import type { BackendName, LinearProgram, LpBackend } from './model.js';

/** Every LP engine, by name. */
export const backends: Readonly<Record<BackendName, LpBackend>> = {
  highs: highsBackend,
  'javascript-lp-solver': javascriptLpSolverBackend,
};

/**
 * The engine of that name (HiGHS by default).
 *
 * @example
 * ```ts
 * backendNamed('javascript-lp-solver').name // 'javascript-lp-solver'
 * ```
 */
export function backendNamed(name: BackendName = 'highs'): LpBackend {
  return backends[name];
}

/**
 * Refuses, with an {@link LpTooLargeError}, an LP that the engine cannot solve in reasonable
 * time: javascript-lp-solver has no time limit, so it only takes programs with at most
 * `javascriptLpSolverMaximumCells` rows times columns.
 *
 * @example
 * ```ts
 * assertBackendCanSolve(backendNamed('highs'), program) // never throws for HiGHS
 * ```
 */
export function assertBackendCanSolve(
  backend: LpBackend,
  program: Pick<LinearProgram, 'rowCount' | 'columnCount'>,
): void {
  if (backend.name === 'javascript-lp-solver') assertFitsJavascriptLpSolver(program);
}

export { LpTooLargeError };
