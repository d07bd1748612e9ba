import type { Matrix } from '../numeric/matrix.js';
import { columnPayoffs, rowPayoffs } from '../numeric/matrix.js';
import { cleanDistribution } from '../numeric/lottery.js';
import { maximumOf, minimumOf } from '../numeric/extremes.js';
import { tolerances } from '../numeric/tolerances.js';
import type { LpStatus } from '../lp/model.js';
import { assertContextCanSolve, record, remainingMs, stopBeforeRound, type SolveContext } from './context.js';
import { SparseRowBuilder } from '../lp/model.js';
import { maximinProgram } from './matrix-game.js';

/** Most best responses added per round. */
const responsesPerRound = 10;

/** Where the double oracle ended. */
export interface DoubleOracleSolution {
  distribution: Float64Array;
  lowerBound: number;
  upperBound: number;
  rounds: number;
  lpStatus: LpStatus;
  /** True when it stopped at the round or size cap before certifying the optimum. */
  gaveUp: boolean;
  restrictedItems: number;
}

/** The rows and columns of P restricted to `items` (both players use the same items). */
function restrict(P: Matrix, items: readonly number[]): Matrix {
  const n = P.rows;
  const size = items.length;
  const data = new Float64Array(size * size);
  items.forEach((i, a) => {
    items.forEach((j, b) => {
      data[a * size + b] = P.data[i * n + j];
    });
  });
  return { rows: size, columns: size, data };
}

/** Items ranked by their row sums (Borda scores), strongest first. */
function byBordaScore(P: Matrix): number[] {
  const n = P.rows;
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) score[i] += P.data[i * n + j];
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
}

/**
 * The von Neumann winner by the double oracle (column generation): solve the symmetric game
 * restricted to a set of items, then add the items that best answer its winner (the smallest
 * `(P' pi)_j`) until none does better than 1/2 against it. The restricted game is symmetric and
 * complementary, so its value is 1/2; once no item beats the restricted winner, that winner
 * guarantees 1/2 against every item and is a winner of the whole game. The certificate is the
 * same as the full LP's: what the lottery guarantees over all n items and what it concedes.
 * Starts from the strongest items by Borda score; adds up to 10 best responses per round
 * (several per round was 3-8x faster than one; docs/design.md section 2.4). Gives up (for `auto` to
 * fall back to the full LP) after `maximumRounds` rounds or above `maximumItems` items.
 * O(rounds x (restricted LP + n |support|)).
 *
 * @example
 * ```ts
 * const bradleyTerry300 = matrixFromRows(bradleyTerryPreferences(300, 1))
 * const solution = doubleOracle(bradleyTerry300, context, { maximumRounds: 50, maximumItems: 300 })
 * assert.ok(solution.restrictedItems < 100) // the restricted game stays far smaller than 300 items
 * ```
 */
export function doubleOracle(
  P: Matrix,
  context: SolveContext,
  limits: { maximumRounds: number; maximumItems: number },
): DoubleOracleSolution {
  const n = P.rows;
  const items = byBordaScore(P).slice(0, Math.min(n, 5));
  const inRestricted = new Uint8Array(n);
  for (const i of items) inRestricted[i] = 1;
  let distribution = new Float64Array(n);
  distribution[items[0]] = 1;
  let lpStatus: LpStatus = 'optimal';
  let rounds = 0;
  let gaveUp = false;
  // One warm LP over the rounds: new items arrive as columns (their entries in the rows so far)
  // and then as rows (over every column).
  const program = maximinProgram(restrict(P, items));
  assertContextCanSolve(context, program);
  const session = context.backend.open(program);
  try {
    for (;;) {
      const stop = stopBeforeRound(context, rounds, items.length, limits);
      if (stop) {
        lpStatus = stop;
        gaveUp = stop === 'iteration_limit';
        break;
      }
      rounds++;
      assertContextCanSolve(context, session);
      const solution = session.solve({ timeLimitMs: remainingMs(context) });
      record(context, solution);
      lpStatus = solution.status;
      if (!solution.primal || solution.status !== 'optimal') break;
      const restricted = cleanDistribution(solution.primal, items.length);
      distribution = new Float64Array(n);
      items.forEach((item, index) => {
        distribution[item] = restricted[index];
      });
      const payoffs = columnPayoffs(P, distribution);
      const responses: number[] = [];
      for (let j = 0; j < n; j++) if (!inRestricted[j] && payoffs[j] < 0.5 - tolerances.tight / 10) responses.push(j);
      if (responses.length === 0) break;
      responses.sort((a, b) => payoffs[a] - payoffs[b] || a - b);
      const added = responses.slice(0, Math.max(responsesPerRound, Math.floor(items.length / 4)));
      session.addColumns(newColumns(P, items, added));
      for (const j of added) {
        items.push(j);
        inRestricted[j] = 1;
      }
      session.addRows(newRows(P, items, added));
    }
  } finally {
    session.dispose();
  }
  return {
    distribution,
    lowerBound: minimumOf(columnPayoffs(P, distribution)),
    upperBound: maximumOf(rowPayoffs(P, distribution)),
    rounds,
    lpStatus,
    gaveUp,
    restrictedItems: items.length,
  };
}

/** Columns `x_i` of new items: entry `P[i][j]` in the row of every item j already in the game. */
function newColumns(P: Matrix, items: readonly number[], added: readonly number[]) {
  const n = P.rows;
  const starts = new Int32Array(added.length + 1);
  const indices = new Int32Array(added.length * items.length);
  const values = new Float64Array(added.length * items.length);
  let size = 0;
  added.forEach((i, column) => {
    items.forEach((j, row) => {
      indices[size] = row;
      values[size++] = P.data[i * n + j];
    });
    starts[column + 1] = size;
  });
  return {
    cost: new Float64Array(added.length).fill(1),
    lower: new Float64Array(added.length),
    upper: new Float64Array(added.length).fill(Infinity),
    columns: { starts, indices, values },
  };
}

/** Rows of new items j: `sum_i P[i][j] x_i >= 1` over every item i in the game (new ones included). */
function newRows(P: Matrix, items: readonly number[], added: readonly number[]) {
  const n = P.rows;
  const builder = new SparseRowBuilder();
  const indices = Int32Array.from({ length: items.length }, (_, index) => index);
  const values = new Float64Array(items.length);
  for (const j of added) {
    items.forEach((i, index) => {
      values[index] = P.data[i * n + j];
    });
    builder.addRow(indices, values, 1, Infinity);
  }
  return builder.finish();
}
