import type { LpStatus } from '../lp/model.js';
import { columnPayoffs, type Matrix } from '../numeric/matrix.js';
import { pastDeadline, type SolveContext } from '../games/context.js';
import { solveMatrixGame } from '../games/matrix-game.js';
import { solveSmallLp } from '../targets/small-lp.js';
import { supportValue, type NormName } from '../targets/distance.js';
import { rowsWithCube, type TargetSet } from '../targets/target-set.js';
import { directionGame, type VectorGame } from './vector-game.js';

/**
 * Blackwell's condition for a closed convex target S in a vector-payoff game A (Blackwell, "An
 * analog of the minimax theorem for vector payoffs", Pacific J. Math. 6, 1956): S is approachable
 * iff every closed halfspace containing S is, and `{z : lambda . z >= c}` is approachable iff the
 * scalar game `lambda . A` has value `val(lambda . A) >= c`. The enlargement `S_eps` (by eps in a
 * norm) has `min_{s in S_eps} lambda . s = h_S(lambda) - eps |lambda|_*`, with
 * `h_S(lambda) = min_{s in S} lambda . s`, so the approachability distance (the smallest eps with
 * `S_eps` approachable) is
 *
 *     eps* = max(0, sup_{lambda != 0} F(lambda)),   F(lambda) = (h_S(lambda) - val(lambda . A)) / |lambda|_*.
 *
 * Deciding approachability is NP-hard when k is part of the input, even for a point target
 * (Mannor and Tsitsiklis, "Approachability in repeated games: computational aspects and a
 * Stackelberg variant", Games and Economic Behavior 66, 2009). `val(lambda . A)` is not
 * piecewise linear in lambda (a 2 x 2 game's value is a ratio of a quadratic and a linear
 * function of its entries), so there are no linear breakpoints to enumerate even for k = 2.
 * This module bounds `sup F` by a best-first branch and bound over the directions, on the faces
 * of the cube `[-1, 1]^k` (F is positively homogeneous, so those cover every direction). For a
 * cell (a box on a face, with vertex set V):
 *
 * - lower bound: F at the centre, with `val` replaced by what the column player's minimax
 *   strategy concedes (rigorous);
 * - upper bound: the smaller of two bounds over a polytope W that carries the cell's directions
 *   with `|lambda|_* = 1` (see `effectiveVertices`). Decoupled: `sup_cell h_S = min_{s in S} max_{v in V} v . s` (by
 *   the minimax theorem: an exact small LP) minus `inf_cell val(lambda . A) >= max_x min_{v in V, j} x' (v . A) e_j`
 *   (one stacked game, bounded below by its row strategy's guarantee). Coupled, with that row
 *   strategy x: `val >= psi_x(lambda) = min_j lambda . A(x, e_j)`, and
 *   `sup_cell (h_S - psi_x) = max_j min_{s in S} max_{v in V} v . (s - A(x, e_j))` (n small LPs).
 *
 * The bounds meet as the cells shrink, so with enough cells the search closes the gap to the
 * tolerance; for k = 2 the cells are intervals and it does so quickly (the exact decision), for
 * larger k it reports the certified bounds it reached within the budget.
 */

/** The outcome of the search: certified bounds on `sup F` and the best direction found. */
export interface DirectionSearch {
  /** `max F` over the evaluated directions: a certified lower bound on `sup F`. */
  lowerBound: number;
  /** A certified upper bound on `sup F`. */
  upperBound: number;
  cells: number;
  /** True when the bounds met (to the tolerance) before the budget ran out. */
  complete: boolean;
  witness: { direction: Float64Array; gap: number; opponent: Float64Array } | null;
  lpStatus: LpStatus;
}

interface Cell {
  face: number;
  sign: number;
  lower: Float64Array;
  upper: Float64Array;
  bound: number;
}

function pointOf(cell: Pick<Cell, 'face' | 'sign'>, coordinates: ArrayLike<number>, k: number): Float64Array {
  const point = new Float64Array(k);
  for (let c = 0, free = 0; c < k; c++) point[c] = c === cell.face ? cell.sign : coordinates[free++];
  return point;
}

function verticesOf(cell: Cell, k: number): Float64Array[] {
  const free = k - 1;
  return Array.from({ length: 1 << free }, (_, mask) =>
    pointOf(
      cell,
      Array.from({ length: free }, (_, d) => ((mask >> d) & 1 ? cell.upper[d] : cell.lower[d])),
      k,
    ),
  );
}

/** The smallest and largest dual norm of the directions in a cell. */
function dualNormRange(cell: Cell, norm: NormName): { smallest: number; largest: number } {
  let smallSum = 1;
  let largeSum = 1;
  let smallSquares = 1;
  let largeSquares = 1;
  for (let d = 0; d < cell.lower.length; d++) {
    const near =
      cell.lower[d] <= 0 && cell.upper[d] >= 0 ? 0 : Math.min(Math.abs(cell.lower[d]), Math.abs(cell.upper[d]));
    const far = Math.max(Math.abs(cell.lower[d]), Math.abs(cell.upper[d]));
    smallSum += near;
    largeSum += far;
    smallSquares += near * near;
    largeSquares += far * far;
  }
  // Primal l-infinity has the l1 dual, l1 the l-infinity dual (1 on the cube's surface), l2 itself.
  if (norm === 'linf') return { smallest: smallSum, largest: largeSum };
  if (norm === 'l1') return { smallest: 1, largest: 1 };
  return { smallest: Math.sqrt(smallSquares), largest: Math.sqrt(largeSquares) };
}

function dualNorm(direction: ArrayLike<number>, norm: NormName): number {
  let sum = 0;
  let largest = 0;
  let squares = 0;
  for (let c = 0; c < direction.length; c++) {
    sum += Math.abs(direction[c]);
    largest = Math.max(largest, Math.abs(direction[c]));
    squares += direction[c] * direction[c];
  }
  return norm === 'linf' ? sum : norm === 'l1' ? largest : Math.sqrt(squares);
}

/**
 * Vertices W of a polytope on which F equals (or bounds) the cell's F, with the factors that
 * turn a bound over conv(W) into one over the cell. F is positively homogeneous, so the cell's
 * directions can be moved along rays: for l1 (dual l-infinity) the cube's face already has
 * `|lambda|_* = 1`; for l-infinity (dual l1) the cell, inside one orthant, is moved onto the
 * flat l1 sphere there (W = V / |v|_1, exact); for l2 onto the tangent plane at the centre
 * direction m (W = v / (v . m)), which holds `u / (u . m)` for every unit u of the cell, so a
 * negative bound shrinks by `min u . m` (attained at a vertex). Cells too wide for that fall
 * back to dividing by the range of `|lambda|_*` on the cell.
 */
function effectiveVertices(
  raw: Float64Array[],
  center: Float64Array,
  norm: NormName,
  cell: Cell,
): { vertices: Float64Array[]; positiveScale: number; negativeScale: number } {
  if (norm === 'l1') return { vertices: raw, positiveScale: 1, negativeScale: 1 };
  if (norm === 'linf')
    return {
      vertices: raw.map((vertex) => vertex.map((value) => value / dualNorm(vertex, 'linf'))),
      positiveScale: 1,
      negativeScale: 1,
    };
  const length = Math.hypot(...center);
  const unit = center.map((value) => value / length);
  const along = raw.map((vertex) => vertex.reduce((sum, value, c) => sum + value * unit[c], 0));
  if (Math.min(...along) >= 0.1) {
    const cosine = Math.min(...raw.map((vertex, index) => along[index] / Math.hypot(...vertex)));
    return {
      vertices: raw.map((vertex, index) => vertex.map((value) => value / along[index])),
      positiveScale: 1,
      negativeScale: cosine,
    };
  }
  const { smallest, largest } = dualNormRange(cell, norm);
  return { vertices: raw, positiveScale: 1 / smallest, negativeScale: 1 / largest };
}

/** `sup_{lambda in conv(V)} h_S(lambda) = min_{s in S} max_{v in V} v . s`, by a small LP over (s, tau). */
function supremumOfSupport(target: TargetSet, vertices: Float64Array[], shift?: Float64Array): number {
  const k = target.dimension;
  const { normals, offsets } = rowsWithCube(target);
  const rows: Float64Array[] = [];
  const lower: number[] = [];
  normals.forEach((normal, r) => {
    const row = new Float64Array(k + 1);
    row.set(normal);
    rows.push(row);
    lower.push(offsets[r]);
  });
  for (const vertex of vertices) {
    const row = new Float64Array(k + 1);
    let offset = 0;
    for (let c = 0; c < k; c++) {
      row[c] = -vertex[c];
      offset -= vertex[c] * (shift?.[c] ?? 0);
    }
    row[k] = 1;
    rows.push(row);
    lower.push(offset);
  }
  const cost = new Float64Array(k + 1);
  cost[k] = 1;
  const result = solveSmallLp({ cost, rows, lower });
  // The LP is always feasible and bounded (S is non-empty and compact); rounding is covered below.
  if (result.status !== 'optimal')
    return Math.max(...vertices.map((vertex) => vertex.reduce((sum, value) => sum + Math.abs(value), 0)));
  return result.value + 1e-12 * (1 + Math.abs(result.value));
}

function stackedGame(game: VectorGame, vertices: Float64Array[]): Matrix {
  const { rows, columns } = game.matrices[0];
  const blocks = vertices.map((vertex) => directionGame(game, vertex));
  const width = columns * blocks.length;
  const data = new Float64Array(rows * width);
  blocks.forEach((block, b) => {
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < columns; j++) data[i * width + b * columns + j] = block.data[i * columns + j];
  });
  return { rows, columns: width, data };
}

/**
 * Certified bounds on `sup F` (see the module comment) by best-first branch and bound over the
 * directions, until the bounds on `max(0, sup F)` meet within `tolerance`, `maxCells` cells have
 * been evaluated, or the deadline passes. Each cell costs two matrix games (m x n and
 * m x n 2^(k-1)) and up to n + 2 small LPs in k + 1 variables.
 *
 * @example
 * ```ts
 * const inside = buildTargetSet({ thresholds: { speed: 0.4, safety: 0.4 } }, ['speed', 'safety'])
 * const search = searchDirections(game, inside, 'linf', context, { maxCells: 4000, tolerance: 1e-7 })
 * assert.ok(search.upperBound <= 1e-7) // approachable: (1/2, 1/2) is inside the target
 * ```
 */
export function searchDirections(
  game: VectorGame,
  target: TargetSet,
  norm: NormName,
  context: SolveContext,
  budget: { maxCells: number; tolerance: number },
): DirectionSearch {
  const k = game.criteria.length;
  let lowerBound = -Infinity;
  let witness: DirectionSearch['witness'] = null;
  let lpStatus: LpStatus = 'optimal';
  let cells = 0;
  const evaluate = (cell: Omit<Cell, 'bound'>): Cell => {
    cells++;
    const full = cell as Cell;
    const center = pointOf(
      cell,
      Array.from(cell.lower, (low, d) => (low + cell.upper[d]) / 2),
      k,
    );
    const centerGame = solveMatrixGame(directionGame(game, center), context);
    if (centerGame.lpStatus !== 'optimal') lpStatus = centerGame.lpStatus;
    const scale = dualNorm(center, norm);
    const gap =
      (-supportValue(
        target,
        center.map((value) => -value),
      ) -
        centerGame.upperBound) /
      scale;
    if (gap > lowerBound) {
      lowerBound = gap;
      witness = { direction: center.map((value) => value / scale), gap, opponent: centerGame.columnStrategy };
    }
    const { vertices, positiveScale, negativeScale } = effectiveVertices(verticesOf(full, k), center, norm, full);
    const stacked = solveMatrixGame(stackedGame(game, vertices), context);
    if (stacked.lpStatus !== 'optimal') lpStatus = stacked.lpStatus;
    // Decoupled: sup_cell h_S - inf_cell val. Coupled, with the stacked game's row strategy x:
    // sup_cell (h_S - psi_x) = max_j sup_cell min_s lambda . (s - A(x, e_j)), each an exact small LP.
    let numerator = supremumOfSupport(target, vertices) - stacked.lowerBound;
    const payoffs = game.matrices.map((matrix) => columnPayoffs(matrix, stacked.rowStrategy));
    let coupled = -Infinity;
    for (let j = 0; j < game.matrices[0].columns && coupled < numerator; j++) {
      coupled = Math.max(
        coupled,
        supremumOfSupport(
          target,
          vertices,
          Float64Array.from(payoffs, (column) => column[j]),
        ),
      );
    }
    numerator = Math.min(numerator, coupled);
    full.bound = numerator >= 0 ? numerator * positiveScale : numerator * negativeScale;
    return full;
  };
  // One cell per face, split at 0 in every free coordinate for l-infinity (each cell then lies
  // in one orthant, where the l1 sphere is flat).
  const open: Cell[] = [];
  const halves = norm === 'linf' ? 1 << (k - 1) : 1;
  for (let face = 0; face < k; face++) {
    for (const sign of [1, -1]) {
      for (let orthant = 0; orthant < halves; orthant++) {
        const lower = new Float64Array(k - 1).fill(-1);
        const upper = new Float64Array(k - 1).fill(1);
        if (norm === 'linf') {
          for (let d = 0; d < k - 1; d++) {
            if ((orthant >> d) & 1) lower[d] = 0;
            else upper[d] = 0;
          }
        }
        open.push(evaluate({ face, sign, lower, upper }));
      }
    }
  }
  const clipped = (value: number) => Math.max(0, value);
  let complete = false;
  for (;;) {
    open.sort((a, b) => a.bound - b.bound);
    const best = open[open.length - 1];
    if (clipped(best.bound) - clipped(lowerBound) <= budget.tolerance) {
      complete = true;
      break;
    }
    const widest = best.lower.reduce(
      (chosen, low, d) => (best.upper[d] - low > best.upper[chosen] - best.lower[chosen] ? d : chosen),
      0,
    );
    if (
      k === 1 ||
      best.upper[widest] - best.lower[widest] <= 1e-12 ||
      cells + 2 > budget.maxCells ||
      pastDeadline(context)
    )
      break;
    open.pop();
    const middle = (best.lower[widest] + best.upper[widest]) / 2;
    const leftUpper = Float64Array.from(best.upper);
    leftUpper[widest] = middle;
    const rightLower = Float64Array.from(best.lower);
    rightLower[widest] = middle;
    open.push(evaluate({ face: best.face, sign: best.sign, lower: best.lower, upper: leftUpper }));
    open.push(evaluate({ face: best.face, sign: best.sign, lower: rightLower, upper: best.upper }));
  }
  const upperBound = Math.max(lowerBound, ...open.map((cell) => cell.bound));
  return { lowerBound, upperBound, cells, complete, witness, lpStatus };
}
