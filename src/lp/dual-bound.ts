import type { LinearProgram } from './model.js';

/**
 * A rigorous bound on the optimal value of an LP from any row multipliers `y`, however
 * inaccurate (Neumaier and Shcherbina, "Safe bounds in linear and mixed-integer programming",
 * Math. Programming 99, 2004). For a minimisation, every feasible `x` satisfies
 *
 *     cost'x = (cost - A'y)'x + y'(Ax) >= sum_j min_{x_j in [l_j, u_j]} r_j x_j + sum_i min_{a_i in [L_i, U_i]} y_i a_i
 *
 * so the right-hand side is a lower bound (an upper bound for a maximisation). Multipliers with
 * the wrong sign for an infinite row bound are dropped (set to 0); an unbounded column with a
 * reduced cost of the wrong sign makes the bound infinite. O(nonzeros).
 *
 * @example
 * ```ts
 * // min x s.t. x >= 1, 0 <= x <= 10, with dual 1 on the row
 * assert.equal(safeDualBound(program, Float64Array.of(1)), 1)
 * ```
 */
export function safeDualBound(program: LinearProgram, rowDuals: ArrayLike<number>): number {
  const flip = program.sense === 'maximize' ? -1 : 1;
  const reduced = Float64Array.from(program.cost, (value) => flip * value);
  const { starts, indices, values } = program.rows;
  let bound = 0;
  for (let r = 0; r < program.rowCount; r++) {
    let y = flip * rowDuals[r];
    const lower = program.rowLower[r];
    const upper = program.rowUpper[r];
    if (y > 0 && !Number.isFinite(lower)) y = 0;
    if (y < 0 && !Number.isFinite(upper)) y = 0;
    if (y === 0) continue;
    bound += y > 0 ? y * lower : y * upper;
    for (let k = starts[r]; k < starts[r + 1]; k++) reduced[indices[k]] -= y * values[k];
  }
  for (let j = 0; j < program.columnCount; j++) {
    const r = reduced[j];
    if (r > 0) bound += r * program.columnLower[j];
    else if (r < 0) bound += r * program.columnUpper[j];
    if (Number.isNaN(bound)) return -Infinity * flip;
  }
  return flip * bound;
}
