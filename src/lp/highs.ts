import type { Model } from 'highs';
import type {
  ColumnBlock,
  LinearProgram,
  LpBackend,
  LpSession,
  LpSettings,
  LpSolution,
  LpStatus,
  RowBlock,
} from './model.js';
import { tolerances } from '../numeric/tolerances.js';
import { highsRuntime } from './highs-runtime.js';

// HiGHS is loaded on first use (highs-runtime.ts), never at import, and this module sets no V8
// flag: how V8 compiles the wasm (baseline Liftoff with tier-up, or optimised only) is for the
// process's owner to choose (the prefgame CLI and service choose per job, docs/startup.md).

export { highsVersion } from './highs-version.js';

function statusOf(code: number): LpStatus {
  const codes = highsRuntime().constants.modelStatus;
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
    sense:
      program.sense === 'maximize'
        ? highsRuntime().constants.objectiveSense.maximize
        : highsRuntime().constants.objectiveSense.minimize,
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
  const model = highsRuntime().createModel(toModelData(program));
  model.options.set({
    output_flag: false,
    primal_feasibility_tolerance: tolerances.lpFeasibility,
    dual_feasibility_tolerance: tolerances.lpFeasibility,
    run_crossover: 'on',
  });
  return model;
}

const solverOption = {
  auto: 'choose',
  simplex: 'simplex',
  'primal-simplex': 'simplex',
  'interior-point': 'ipm',
} as const;

/** The solver options last set on a model: each set is a call into the wasm, so a session's rounds send only what changed. */
interface AppliedOptions {
  solver?: string;
  simplexStrategy?: number;
}

function run(model: Model, settings: LpSettings, applied: AppliedOptions = {}): LpSolution {
  const algorithm = settings.algorithm ?? 'auto';
  const solver = solverOption[algorithm];
  // 4: primal simplex (right after cost changes the basis stays primal feasible); 1: dual.
  const simplexStrategy = algorithm === 'primal-simplex' ? 4 : 1;
  const changed: Record<string, number | string> = { time_limit: Math.max(settings.timeLimitMs, 1) / 1000 };
  if (applied.solver !== solver) changed.solver = applied.solver = solver;
  if (applied.simplexStrategy !== simplexStrategy) changed.simplex_strategy = applied.simplexStrategy = simplexStrategy;
  model.options.set(changed);
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
 * const solution = highsBackend.solve(program, { timeLimitMs: 60_000 }) // min x s.t. x >= 1, 0 <= x <= 10
 * assert.equal(solution.objective, 1)
 * ```
 */
export const highsBackend: LpBackend = {
  name: 'highs',
  prepare() {
    highsRuntime();
  },
  solve(program, settings) {
    const model = createModel(program);
    if (settings.presolve === false) model.options.set({ presolve: 'off' });
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
    const applied: AppliedOptions = {};
    return {
      get rowCount() {
        return rowCount;
      },
      get columnCount() {
        return columnCount;
      },
      solve: (settings) => run(model, settings, applied),
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
          matrix: {
            format: 'csc',
            numRows: rowCount,
            numCols: count,
            starts: block.columns.starts,
            indices: block.columns.indices,
            values: block.columns.values,
          },
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
