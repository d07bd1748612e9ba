import { highsBackend } from './highs.js';
import { assertFitsJavascriptLpSolver, javascriptLpSolverBackend, javascriptLpSolverMaximumCells } from './javascript-lp-solver.js';
import type { BackendName, LinearProgram, LpBackend } from './model.js';

/** Every LP engine, by the name `options.backend` uses. */
export const backends: Readonly<Record<BackendName, LpBackend>> = {
  highs: highsBackend,
  'javascript-lp-solver': javascriptLpSolverBackend,
};

/**
 * The engine a problem asked for (HiGHS by default).
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
 * Refuses an LP that the chosen engine cannot solve in reasonable time: javascript-lp-solver
 * has no time limit, so it only takes programs with at most
 * {@link javascriptLpSolverMaximumCells} rows times columns.
 *
 * @example
 * ```ts
 * assertBackendCanSolve(backendNamed('highs'), program) // never throws for HiGHS
 * ```
 */
export function assertBackendCanSolve(backend: LpBackend, program: Pick<LinearProgram, 'rowCount' | 'columnCount'>): void {
  if (backend.name === 'javascript-lp-solver') assertFitsJavascriptLpSolver(program);
}
