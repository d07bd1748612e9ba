import * as solverModule from 'javascript-lp-solver';
import {
  appendColumns,
  appendRows,
  type LinearProgram,
  type LpBackend,
  type LpSession,
  type LpSettings,
  type LpSolution,
} from './model.js';

/**
 * javascript-lp-solver only rounds its output to the precision it is given: ask for far more
 * digits than we need and evaluate the solution ourselves.
 */
const outputPrecision = 1e-14;

// Typed as a CommonJS module, loaded as an ES one: find the solver object either way.
const solver = ((solverModule.default as unknown as { default?: unknown }).default ??
  solverModule.default) as typeof solverModule.default.default;

/**
 * The largest LP (rows times columns) this engine accepts. It has no time limit, and on
 * degenerate LPs it stalls: 1.6 s at 121 x 41 cells, minutes at 151 x 51 (`npm run bench`).
 * Larger LPs get an {@link LpTooLargeError}; callers say which of their options chose the engine.
 */
export const javascriptLpSolverMaximumCells = 6_000;

/** An LP larger than an engine takes (rows times columns above its maximum). */
export class LpTooLargeError extends Error {
  constructor(
    readonly backend: string,
    readonly rowCount: number,
    readonly columnCount: number,
    readonly maximumCells: number,
  ) {
    super(
      `"${backend}" takes LPs of at most ${maximumCells} rows x columns; this one needs ${rowCount} x ${columnCount}`,
    );
    this.name = 'LpTooLargeError';
  }
}

/**
 * Refuses an LP above {@link javascriptLpSolverMaximumCells} with an {@link LpTooLargeError}.
 *
 * @example
 * ```ts
 * assert.throws(() => assertFitsJavascriptLpSolver({ rowCount: 300, columnCount: 301 }), LpTooLargeError)
 * ```
 */
export function assertFitsJavascriptLpSolver(program: Pick<LinearProgram, 'rowCount' | 'columnCount'>): void {
  const cells = program.rowCount * program.columnCount;
  if (cells > javascriptLpSolverMaximumCells) {
    throw new LpTooLargeError(
      'javascript-lp-solver',
      program.rowCount,
      program.columnCount,
      javascriptLpSolverMaximumCells,
    );
  }
}

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

/**
 * The column shifts `x = shift + x'` that give every column with a finite lower bound the bound
 * `x' >= 0` (javascript-lp-solver's own): its handling of unrestricted variables with bound
 * rows returns wrong optima on some LPs. Free columns keep shift 0 and become unrestricted.
 */
function shiftsOf(program: LinearProgram): Float64Array {
  return Float64Array.from(program.columnLower, (lower) => (Number.isFinite(lower) ? lower : 0));
}

/** The program in javascript-lp-solver's JSON form, over the shifted columns. */
function toModel(program: LinearProgram, shifts: Float64Array): JsModel {
  const model: JsModel = {
    optimize: 'objective',
    opType: program.sense === 'maximize' ? 'max' : 'min',
    constraints: {},
    variables: {},
    unrestricted: {},
  };
  const { starts, indices, values } = program.rows;
  for (let j = 0; j < program.columnCount; j++) model.variables[`x${j}`] = { objective: program.cost[j] };
  for (let r = 0; r < program.rowCount; r++) {
    let offset = 0;
    for (let k = starts[r]; k < starts[r + 1]; k++) offset += values[k] * shifts[indices[k]];
    const bound = rowBound(program.rowLower[r] - offset, program.rowUpper[r] - offset);
    if (!bound) continue;
    model.constraints[`r${r}`] = bound;
    for (let k = starts[r]; k < starts[r + 1]; k++) model.variables[`x${indices[k]}`][`r${r}`] = values[k];
  }
  for (let j = 0; j < program.columnCount; j++) {
    if (!Number.isFinite(program.columnLower[j])) model.unrestricted[`x${j}`] = 1;
    const upper = program.columnUpper[j] - shifts[j];
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
  _tableau?: { simplexIters?: number } & Partial<Tableau>;
}

function runModel(model: JsModel, count: number, prefix: string) {
  const raw: unknown = solver.Solve(model as never, outputPrecision, true);
  const result = raw as JsResult;
  const values = new Float64Array(count);
  for (const [name, value] of Object.entries(result.solutionSet ?? {})) {
    if (name.startsWith(prefix)) values[Number(name.slice(prefix.length))] = value;
  }
  return { result, values, iterations: result._tableau?.simplexIters ?? 0 };
}

/** The parts of javascript-lp-solver's final tableau that hold the duals (version 1.0.3). */
interface Tableau {
  matrix: Float64Array;
  width: number;
  costRowIndex: number;
  colByVarIndex: number[];
  model: { isMinimization: boolean; constraints: Array<{ isUpperBound: boolean; slack: { index: number } }> };
}

/**
 * Row duals read off the final simplex tableau: the reduced cost of a row's slack variable is
 * its dual (0 when the slack is basic). javascript-lp-solver creates its constraints in the
 * order of the model's keys, an equality as a `>=` and a `<=` row; our rows come first in that
 * order. Signs follow our convention (`cost - A' y` are the reduced costs). Returns null when
 * the tableau does not have the expected shape; callers then have no dual bound.
 */
function rowDualsFromTableau(
  program: LinearProgram,
  model: JsModel,
  tableau: Tableau | undefined,
): Float64Array | null {
  if (!tableau?.matrix || !tableau.model?.constraints || !tableau.colByVarIndex) return null;
  const constraints = tableau.model.constraints;
  const sense = tableau.model.isMinimization ? 1 : -1;
  const duals = new Float64Array(program.rowCount);
  let position = 0;
  for (const [name, bound] of Object.entries(model.constraints)) {
    const parts = bound.equal !== undefined ? 2 : (bound.min !== undefined ? 1 : 0) + (bound.max !== undefined ? 1 : 0);
    for (let part = 0; part < parts; part++) {
      const constraint = constraints[position++];
      if (!constraint) return null;
      if (name[0] !== 'r') continue;
      const column = tableau.colByVarIndex[constraint.slack.index];
      if (column === undefined || column < 0) continue;
      const reducedCost = tableau.matrix[tableau.costRowIndex * tableau.width + column];
      duals[Number(name.slice(1))] += sense * (constraint.isUpperBound ? reducedCost : -reducedCost);
    }
  }
  return position === constraints.length ? duals : null;
}

function solve(program: LinearProgram, _settings: LpSettings): LpSolution {
  const started = performance.now();
  const shifts = shiftsOf(program);
  const model = toModel(program, shifts);
  const { result, values, iterations } = runModel(model, program.columnCount, 'x');
  for (let j = 0; j < program.columnCount; j++) values[j] += shifts[j];
  if (!result.feasible) {
    return {
      status: 'infeasible',
      primal: null,
      rowDuals: null,
      objective: NaN,
      iterations,
      elapsedMs: performance.now() - started,
    };
  }
  if (result.bounded === false) {
    return {
      status: 'unbounded',
      primal: values,
      rowDuals: null,
      objective: NaN,
      iterations,
      elapsedMs: performance.now() - started,
    };
  }
  // On some degenerate LPs the final tableau's objective row disagrees with the primal solution
  // it reports; its duals are then not to be trusted, and none are returned.
  let objective = 0;
  for (let j = 0; j < program.columnCount; j++) objective += program.cost[j] * values[j];
  let shiftedObjective = 0;
  for (let j = 0; j < program.columnCount; j++) shiftedObjective += program.cost[j] * shifts[j];
  const consistent = Math.abs(objective - shiftedObjective - result.evaluation) <= 1e-9 * (1 + Math.abs(objective));
  return {
    status: 'optimal',
    primal: values,
    rowDuals: consistent ? rowDualsFromTableau(program, model, result._tableau as Tableau | undefined) : null,
    objective,
    iterations,
    elapsedMs: performance.now() - started,
  };
}

/**
 * javascript-lp-solver as an {@link LpBackend}: a dense-tableau simplex in plain JavaScript,
 * for small LPs. Duals are read off its final tableau; it has no time limit, so LPs above
 * {@link javascriptLpSolverMaximumCells} are refused before they start.
 *
 * @example
 * ```ts
 * const solution = javascriptLpSolverBackend.solve(program, { timeLimitMs: 60_000 }) // min x s.t. x >= 1, 0 <= x <= 10
 * assert.ok(Math.abs(solution.objective - 1) < 1e-8)
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
      get columnCount() {
        return program.columnCount;
      },
      solve: (settings) => {
        assertFitsJavascriptLpSolver(program);
        return solve(program, settings);
      },
      addRows(block) {
        program = appendRows(program, block);
      },
      addColumns(block) {
        program = appendColumns(program, block);
      },
      changeRowBounds(rows, lower, upper) {
        const rowLower = Float64Array.from(program.rowLower);
        const rowUpper = Float64Array.from(program.rowUpper);
        rows.forEach((row, index) => {
          rowLower[row] = lower[index];
          rowUpper[row] = upper[index];
        });
        program = { ...program, rowLower, rowUpper };
      },
      changeCosts(cost) {
        program = { ...program, cost: Float64Array.from(cost) };
      },
      dispose() {},
    };
  },
};
