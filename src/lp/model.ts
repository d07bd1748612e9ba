/**
 * The one small LP interface every solver in prefgame builds on:
 *
 *     minimise or maximise  cost' x
 *     subject to            rowLower <= A x <= rowUpper,   columnLower <= x <= columnUpper
 *
 * with `A` stored row by row (compressed sparse rows). Engines live beside this file and map
 * their outcomes to {@link LpStatus}.
 */

/** Rows of a sparse matrix: row `r` has entries `indices[k], values[k]` for `starts[r] <= k < starts[r + 1]`. */
export interface SparseRows {
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** A linear program in the form above. */
export interface LinearProgram {
  readonly sense: 'minimize' | 'maximize';
  readonly columnCount: number;
  readonly rowCount: number;
  readonly cost: Float64Array;
  readonly columnLower: Float64Array;
  readonly columnUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly rows: SparseRows;
}

/** How an LP solve ended, in prefgame's own terms. */
export type LpStatus = 'optimal' | 'time_limit' | 'iteration_limit' | 'infeasible' | 'unbounded' | 'numerical_error';

/**
 * Which algorithm an engine should use; engines without a choice ignore it. `primal-simplex`
 * suits re-solves after a cost change (the last basis stays primal feasible).
 */
export type LpAlgorithm = 'auto' | 'simplex' | 'primal-simplex' | 'interior-point';

/** Settings for one solve. */
export interface LpSettings {
  /** Wall-clock limit for this solve, in milliseconds. */
  readonly timeLimitMs: number;
  readonly algorithm?: LpAlgorithm;
  /**
   * False to skip the engine's presolve (engines without one ignore it): for dense game LPs,
   * where it finds nothing to remove and only costs time. Default: the engine's choice.
   */
  readonly presolve?: boolean;
}

/**
 * The outcome of a solve. `primal` and `rowDuals` may be present for every status (a time limit
 * leaves the engine's last iterate): callers evaluate them, they never trust the objective.
 * Row duals follow the convention that `cost - A' rowDuals` are the reduced costs.
 */
export interface LpSolution {
  readonly status: LpStatus;
  readonly primal: Float64Array | null;
  readonly rowDuals: Float64Array | null;
  readonly objective: number;
  readonly iterations: number;
  readonly elapsedMs: number;
}

/** A block of rows to append to a model, all columns of the current model addressable. */
export interface RowBlock {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly rows: SparseRows;
}

/**
 * A block of columns to append: their costs and bounds, and their entries in the existing rows,
 * column by column (`starts`, `indices` = row indices, `values`).
 */
export interface ColumnBlock {
  readonly cost: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly columns: { readonly starts: Int32Array; readonly indices: Int32Array; readonly values: Float64Array };
}

/**
 * A model kept alive between solves, so that cutting-plane and column-generation loops can add
 * rows and columns and re-solve from the previous basis. Dispose it when done.
 */
export interface LpSession {
  solve(settings: LpSettings): LpSolution;
  addRows(block: RowBlock): void;
  addColumns(block: ColumnBlock): void;
  /** Sets the bounds of rows `rows[r]` to `[lower[r], upper[r]]` (parametric right-hand sides; the basis is kept). */
  changeRowBounds(rows: Int32Array, lower: Float64Array, upper: Float64Array): void;
  /** Replaces the whole cost vector (parametric objectives; the basis is kept). */
  changeCosts(cost: Float64Array): void;
  readonly rowCount: number;
  readonly columnCount: number;
  dispose(): void;
}

/** An LP engine. */
export interface LpBackend {
  readonly name: BackendName;
  /**
   * Loads what the engine needs (HiGHS: its WebAssembly) so that a solve's clock, started
   * after this, charges the solve only; optional, idempotent.
   */
  prepare?(): void;
  solve(program: LinearProgram, settings: LpSettings): LpSolution;
  open(program: LinearProgram): LpSession;
}

/** The names of the LP engines. */
export type BackendName = 'highs' | 'javascript-lp-solver';

/**
 * Grows the rows of a sparse matrix one at a time, on typed arrays.
 *
 * @example
 * ```ts
 * const builder = new SparseRowBuilder()
 * builder.addRow([0, 1], [1, 1], 1, 1)   // x0 + x1 = 1
 * const { rows, lower, upper } = builder.finish()
 * ```
 */
export class SparseRowBuilder {
  private starts: number[] = [0];
  private indices = new Int32Array(1024);
  private values = new Float64Array(1024);
  private lower: number[] = [];
  private upper: number[] = [];
  private size = 0;

  /** The number of rows added so far. */
  get rowCount(): number {
    return this.lower.length;
  }

  /** Appends the row `lower <= sum_k values[k] x[indices[k]] <= upper`; zero coefficients are skipped. */
  addRow(indices: ArrayLike<number>, values: ArrayLike<number>, lower: number, upper: number): number {
    this.reserve(indices.length);
    for (let k = 0; k < indices.length; k++) {
      if (values[k] === 0) continue;
      this.indices[this.size] = indices[k];
      this.values[this.size] = values[k];
      this.size++;
    }
    this.starts.push(this.size);
    this.lower.push(lower);
    this.upper.push(upper);
    return this.lower.length - 1;
  }

  /** The finished rows and their bounds. */
  finish(): RowBlock {
    return {
      lower: Float64Array.from(this.lower),
      upper: Float64Array.from(this.upper),
      rows: {
        starts: Int32Array.from(this.starts),
        indices: this.indices.slice(0, this.size),
        values: this.values.slice(0, this.size),
      },
    };
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.indices.length) return;
    const capacity = Math.max(2 * this.indices.length, this.size + extra);
    const indices = new Int32Array(capacity);
    indices.set(this.indices.subarray(0, this.size));
    const values = new Float64Array(capacity);
    values.set(this.values.subarray(0, this.size));
    this.indices = indices;
    this.values = values;
  }
}

/**
 * Assembles a {@link LinearProgram} from column data and a finished row block.
 *
 * @example
 * ```ts
 * const rows = new SparseRowBuilder(); rows.addRow([0, 1], [1, 1], 1, Infinity)
 * linearProgram('minimize', { cost: [1, 2], lower: [0, 0], upper: [Infinity, Infinity] }, rows.finish())
 * ```
 */
export function linearProgram(
  sense: 'minimize' | 'maximize',
  columns: { cost: ArrayLike<number>; lower: ArrayLike<number>; upper: ArrayLike<number> },
  block: RowBlock,
): LinearProgram {
  return {
    sense,
    columnCount: columns.cost.length,
    rowCount: block.lower.length,
    cost: Float64Array.from(columns.cost),
    columnLower: Float64Array.from(columns.lower),
    columnUpper: Float64Array.from(columns.upper),
    rowLower: block.lower,
    rowUpper: block.upper,
    rows: block.rows,
  };
}

/**
 * The program with a block of rows appended (a copy; the input is unchanged). O(nonzeros).
 *
 * @example
 * ```ts
 * const cuts = new SparseRowBuilder()
 * cuts.addRow([0], [1], -Infinity, 5) // x <= 5
 * const bigger = appendRows(program, cuts.finish())
 * assert.equal(bigger.rowCount, program.rowCount + 1)
 * ```
 */
export function appendRows(program: LinearProgram, block: RowBlock): LinearProgram {
  const added = block.lower.length;
  const offset = program.rows.indices.length;
  const starts = new Int32Array(program.rowCount + added + 1);
  starts.set(program.rows.starts);
  for (let r = 1; r <= added; r++) starts[program.rowCount + r] = offset + block.rows.starts[r];
  const concat = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
    const result = new (a.constructor as new (length: number) => T)(a.length + b.length);
    result.set(a);
    result.set(b, a.length);
    return result;
  };
  return {
    ...program,
    rowCount: program.rowCount + added,
    rowLower: concat(program.rowLower, block.lower),
    rowUpper: concat(program.rowUpper, block.upper),
    rows: {
      starts,
      indices: concat(program.rows.indices, block.rows.indices),
      values: concat(program.rows.values, block.rows.values),
    },
  };
}

/**
 * The program with a block of columns appended (a copy; the input is unchanged). O(nonzeros).
 *
 * @example
 * ```ts
 * const columns = { starts: Int32Array.of(0, 1), indices: Int32Array.of(0), values: Float64Array.of(1) }
 * appendColumns(program, { cost: Float64Array.of(0), lower: Float64Array.of(0), upper: Float64Array.of(1), columns }).columnCount // 2
 * ```
 */
export function appendColumns(program: LinearProgram, block: ColumnBlock): LinearProgram {
  const added = block.cost.length;
  const perRow: Array<Array<[number, number]>> = Array.from({ length: program.rowCount }, () => []);
  for (let column = 0; column < added; column++) {
    for (let k = block.columns.starts[column]; k < block.columns.starts[column + 1]; k++)
      perRow[block.columns.indices[k]].push([program.columnCount + column, block.columns.values[k]]);
  }
  const builder = new SparseRowBuilder();
  const { starts, indices, values } = program.rows;
  for (let r = 0; r < program.rowCount; r++) {
    const rowIndices = [...indices.subarray(starts[r], starts[r + 1]), ...perRow[r].map(([index]) => index)];
    const rowValues = [...values.subarray(starts[r], starts[r + 1]), ...perRow[r].map(([, value]) => value)];
    builder.addRow(rowIndices, rowValues, program.rowLower[r], program.rowUpper[r]);
  }
  const concat = (a: Float64Array, b: Float64Array) => Float64Array.from([...a, ...b]);
  return linearProgram(
    program.sense,
    {
      cost: concat(program.cost, block.cost),
      lower: concat(program.columnLower, block.lower),
      upper: concat(program.columnUpper, block.upper),
    },
    builder.finish(),
  );
}
