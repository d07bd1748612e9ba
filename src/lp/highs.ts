import v8 from 'node:v8';
import type { Highs, Model } from 'highs';
import type { ColumnBlock, LinearProgram, LpBackend, LpSession, LpSettings, LpSolution, LpStatus, RowBlock } from './model.js';
import { tolerances } from '../numeric/tolerances.js';

// V8's baseline compiler (Liftoff) runs the HiGHS wasm 5-10x slower until the optimising tier
// takes over (DESIGN.md section 7). The flag must be set before the module is compiled. Set
// PREFGAME_LIFTOFF=1 to keep Liftoff (faster start-up for a single tiny solve).
// Each worker thread compiles its own module: sharing one compiled module between workers
// saves their start-up but halves their throughput (they contend on it; measured 55 vs 98
// problems/s with two workers), so it is not done.
if (process.env.PREFGAME_LIFTOFF !== '1') v8.setFlagsFromString('--no-liftoff');

// The package's types describe a CommonJS module while Node loads its ES build: take the
// loader from wherever this runtime put it.
const highsModule = await import('highs');
const loadHighs = ((highsModule.default as unknown as { default?: unknown }).default ?? highsModule.default) as typeof highsModule.default.default;
const highs: Highs = await loadHighs();

/** The version of HiGHS that is loaded, e.g. `1.15.1`. */
export const highsVersion: string = highs.version.string;

function statusOf(code: number): LpStatus {
  const codes = highs.constants.modelStatus;
  switch (code) {
    case codes.optimal:
      return 'optimal';
    case codes.timeLimit:
    case codes.interrupted:
      return 'time_limit';
    case codes.iterationLimit:
      return 'iteration_limit';
    case codes.infeasible:
      return 'infeasible';
    case codes.unbounded:
    case codes.unboundedOrInfeasible:
      return 'unbounded';
    default:
      return 'numerical_error';
  }
}

function toModelData(program: LinearProgram) {
  return {
    numCols: program.columnCount,
    numRows: program.rowCount,
    sense: program.sense === 'maximize' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: program.cost,
    colLower: program.columnLower,
    colUpper: program.columnUpper,
    rowLower: program.rowLower,
    rowUpper: program.rowUpper,
    matrix: {
      format: 'csr' as const,
      numRows: program.rowCount,
      numCols: program.columnCount,
      starts: program.rows.starts,
      indices: program.rows.indices,
      values: program.rows.values,
    },
  };
}

/** A model with our fixed options (set once: each option is a call into the wasm). */
function createModel(program: LinearProgram): Model {
  const model = highs.createModel(toModelData(program));
  model.options.set({
    output_flag: false,
    primal_feasibility_tolerance: tolerances.lpFeasibility,
    dual_feasibility_tolerance: tolerances.lpFeasibility,
    run_crossover: 'on',
  });
  return model;
}

const solverOption = { auto: 'choose', simplex: 'simplex', 'primal-simplex': 'simplex', 'interior-point': 'ipm' } as const;

function run(model: Model, settings: LpSettings): LpSolution {
  const algorithm = settings.algorithm ?? 'auto';
  model.options.set({
    time_limit: Math.max(settings.timeLimitMs, 1) / 1000,
    solver: solverOption[algorithm],
    // 4: primal simplex (right after cost changes the basis stays primal feasible); 1: dual.
    simplex_strategy: algorithm === 'primal-simplex' ? 4 : 1,
  });
  const started = performance.now();
  model.run();
  const elapsedMs = performance.now() - started;
  const status = statusOf(model.getModelStatus());
  let primal: Float64Array | null = null;
  let rowDuals: Float64Array | null = null;
  try {
    const solution = model.getSolution();
    primal = solution.colValue.length ? solution.colValue : null;
    rowDuals = solution.rowDual.length ? solution.rowDual : null;
  } catch {
    // no solution is available after some failures; callers fall back to their own bounds
  }
  const simplex = Number(model.info.get('simplex_iteration_count') ?? 0);
  const interiorPoint = Number(model.info.get('ipm_iteration_count') ?? 0);
  const objective = status === 'optimal' ? model.getObjectiveValue() : NaN;
  return {
    status,
    primal,
    rowDuals,
    objective,
    iterations: Math.max(simplex, 0) + Math.max(interiorPoint, 0),
    elapsedMs,
  };
}

/**
 * HiGHS (WebAssembly) as an {@link LpBackend}: the default engine. Models are passed as CSR
 * arrays through `createModel`, every solve has a time limit, and sessions keep the model (and
 * its basis) alive so that added rows re-solve warm.
 *
 * @example
 * ```ts
 * const solution = highsBackend.solve(program, { timeLimitMs: 1000 })
 * ```
 */
export const highsBackend: LpBackend = {
  name: 'highs',
  solve(program, settings) {
    const model = createModel(program);
    try {
      return run(model, settings);
    } finally {
      model.dispose();
    }
  },
  open(program): LpSession {
    const model = createModel(program);
    // Sessions re-solve small, warm-started masters: presolve costs more than it saves there.
    model.options.set({ presolve: 'off' });
    let rowCount = program.rowCount;
    let columnCount = program.columnCount;
    return {
      get rowCount() {
        return rowCount;
      },
      get columnCount() {
        return columnCount;
      },
      solve: (settings) => run(model, settings),
      addRows(block: RowBlock) {
        const count = block.lower.length;
        if (count === 0) return;
        model.addRows({
          lower: block.lower,
          upper: block.upper,
          matrix: {
            format: 'csr',
            numRows: count,
            numCols: columnCount,
            starts: block.rows.starts,
            indices: block.rows.indices,
            values: block.rows.values,
          },
        });
        rowCount += count;
      },
      addColumns(block: ColumnBlock) {
        const count = block.cost.length;
        if (count === 0) return;
        model.addCols({
          cost: block.cost,
          lower: block.lower,
          upper: block.upper,
          matrix: { format: 'csc', numRows: rowCount, numCols: count, starts: block.columns.starts, indices: block.columns.indices, values: block.columns.values },
        });
        columnCount += count;
      },
      changeRowBounds(rows: Int32Array, lower: Float64Array, upper: Float64Array) {
        if (rows.length > 0) model.changeRowsBounds({ kind: 'set', indices: rows }, lower, upper);
      },
      changeCosts(cost: Float64Array) {
        if (columnCount > 0) model.changeColsCost({ kind: 'range', from: 0, to: columnCount - 1 }, cost);
      },
      dispose: () => model.dispose(),
    };
  },
};
