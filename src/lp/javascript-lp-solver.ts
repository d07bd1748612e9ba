import * as solverModule from 'javascript-lp-solver';
import { appendRows, type LinearProgram, type LpBackend, type LpSession, type LpSettings, type LpSolution } from './model.js';

/**
 * javascript-lp-solver only rounds its output to the precision it is given: ask for far more
 * digits than we need and evaluate the solution ourselves.
 */
const outputPrecision = 1e-14;

// Typed as a CommonJS module, loaded as an ES one: find the solver object either way.
const solver = ((solverModule.default as unknown as { default?: unknown }).default ?? solverModule.default) as typeof solverModule.default.default;

/**
 * The largest LP (rows times columns) this engine accepts. It has no time limit for LPs and its
 * dense tableau grows with rows x columns: at 150 items a von Neumann LP takes seconds
 * (`npm run bench`). Larger problems get `PREF_ERR_BACKEND_LIMIT`.
 */
export const javascriptLpSolverMaximumCells = 40_000;

type Bound = { min?: number; max?: number; equal?: number };
interface JsModel {
  optimize: string;
  opType: 'min' | 'max';
  constraints: Record<string, Bound>;
  variables: Record<string, Record<string, number>>;
  unrestricted: Record<string, number>;
}

function rowBound(lower: number, upper: number): Bound | null {
  if (lower === upper) return { equal: lower };
  const bound: Bound = {};
  if (Number.isFinite(lower)) bound.min = lower;
  if (Number.isFinite(upper)) bound.max = upper;
  return bound.min === undefined && bound.max === undefined ? null : bound;
}

/** The program in javascript-lp-solver's JSON form; column bounds other than `x >= 0` become rows. */
function toModel(program: LinearProgram): JsModel {
  const model: JsModel = { optimize: 'objective', opType: program.sense === 'maximize' ? 'max' : 'min', constraints: {}, variables: {}, unrestricted: {} };
  const { starts, indices, values } = program.rows;
  for (let j = 0; j < program.columnCount; j++) model.variables[`x${j}`] = { objective: program.cost[j] };
  for (let r = 0; r < program.rowCount; r++) {
    const bound = rowBound(program.rowLower[r], program.rowUpper[r]);
    if (!bound) continue;
    model.constraints[`r${r}`] = bound;
    for (let k = starts[r]; k < starts[r + 1]; k++) model.variables[`x${indices[k]}`][`r${r}`] = values[k];
  }
  for (let j = 0; j < program.columnCount; j++) {
    const lower = program.columnLower[j];
    const upper = program.columnUpper[j];
    if (lower !== 0) {
      model.unrestricted[`x${j}`] = 1;
      if (Number.isFinite(lower)) {
        model.constraints[`l${j}`] = { min: lower };
        model.variables[`x${j}`][`l${j}`] = 1;
      }
    }
    if (Number.isFinite(upper)) {
      model.constraints[`u${j}`] = { max: upper };
      model.variables[`x${j}`][`u${j}`] = 1;
    }
  }
  return model;
}

interface JsResult {
  feasible: boolean;
  bounded?: boolean;
  evaluation: number;
  solutionSet: Record<string, number>;
  _tableau?: { simplexIters?: number };
}

function runModel(model: JsModel, count: number, prefix: string) {
  const result = solver.Solve(model as never, outputPrecision, true) as unknown as JsResult;
  const values = new Float64Array(count);
  for (const [name, value] of Object.entries(result.solutionSet ?? {})) {
    if (name.startsWith(prefix)) values[Number(name.slice(prefix.length))] = value;
  }
  return { result, values, iterations: result._tableau?.simplexIters ?? 0 };
}

/**
 * Row duals by solving the explicit dual LP. For `min c'x, L <= Ax <= U, l <= x <= u` the dual is
 * `max L'a - U'b + l'g - u'd` over `a, b, g, d >= 0` with `A'(a - b) + g - d = c`; the row
 * duals are `a - b` (for a maximisation the signs flip).
 */
function rowDuals(program: LinearProgram): { duals: Float64Array; iterations: number } | null {
  const sign = program.sense === 'maximize' ? -1 : 1;
  const model: JsModel = { optimize: 'objective', opType: 'max', constraints: {}, variables: {}, unrestricted: {} };
  for (let j = 0; j < program.columnCount; j++) model.constraints[`c${j}`] = { equal: sign * program.cost[j] };
  const { starts, indices, values } = program.rows;
  for (let r = 0; r < program.rowCount; r++) {
    for (const [side, bound, direction] of [['a', program.rowLower[r], 1], ['b', program.rowUpper[r], -1]] as const) {
      if (!Number.isFinite(bound)) continue;
      const variable: Record<string, number> = { objective: direction * bound };
      for (let k = starts[r]; k < starts[r + 1]; k++) variable[`c${indices[k]}`] = direction * values[k];
      model.variables[`${side}${r}`] = variable;
    }
  }
  for (let j = 0; j < program.columnCount; j++) {
    if (Number.isFinite(program.columnLower[j])) model.variables[`g${j}`] = { objective: program.columnLower[j], [`c${j}`]: 1 };
    if (Number.isFinite(program.columnUpper[j])) model.variables[`d${j}`] = { objective: -program.columnUpper[j], [`c${j}`]: -1 };
  }
  const { result } = runModel(model, 0, '#');
  if (!result.feasible) return null;
  const duals = new Float64Array(program.rowCount);
  for (const [name, value] of Object.entries(result.solutionSet ?? {})) {
    const side = name[0];
    if (side === 'a' || side === 'b') duals[Number(name.slice(1))] += (side === 'a' ? value : -value) * sign;
  }
  return { duals, iterations: result._tableau?.simplexIters ?? 0 };
}

function solve(program: LinearProgram, _settings: LpSettings): LpSolution {
  const started = performance.now();
  const { result, values, iterations } = runModel(toModel(program), program.columnCount, 'x');
  if (!result.feasible) {
    return { status: 'infeasible', primal: null, rowDuals: null, objective: NaN, iterations, elapsedMs: performance.now() - started };
  }
  if (result.bounded === false) {
    return { status: 'unbounded', primal: values, rowDuals: null, objective: NaN, iterations, elapsedMs: performance.now() - started };
  }
  const dual = rowDuals(program);
  return {
    status: dual ? 'optimal' : 'numerical_error',
    primal: values,
    rowDuals: dual?.duals ?? null,
    objective: result.evaluation,
    iterations: iterations + (dual?.iterations ?? 0),
    elapsedMs: performance.now() - started,
  };
}

/**
 * javascript-lp-solver as an {@link LpBackend}: a dense-tableau simplex in plain JavaScript,
 * selectable with `options.backend: "javascript-lp-solver"` for small problems. It reports no
 * duals, so they come from solving the dual LP; it has no time limit for LPs, so problems above
 * {@link javascriptLpSolverMaximumCells} are refused before they start.
 *
 * @example
 * ```ts
 * const solution = javascriptLpSolverBackend.solve(program, { timeLimitMs: 1000 })
 * ```
 */
export const javascriptLpSolverBackend: LpBackend = {
  name: 'javascript-lp-solver',
  solve,
  open(initial): LpSession {
    let program = initial;
    return {
      get rowCount() {
        return program.rowCount;
      },
      solve: (settings) => solve(program, settings),
      addRows(block) {
        program = appendRows(program, block);
      },
      dispose() {},
    };
  },
};
