import { PrefgameError } from '../errors.js';
import { Field } from '../schema/field.js';
import { criterionIndex } from '../preferences/names.js';
import type { TargetDocument } from '../schema/problem.js';
import { parseConstraint } from './parse-constraint.js';
import { solveSmallLp } from './small-lp.js';

/**
 * A closed convex polyhedral target set in the unit cube:
 *
 *     S = { z in [0,1]^k : normals[r] . z >= offsets[r] for every row r }
 *
 * Each row remembers which part of the problem document it came from, for error messages.
 * When every row bounds a single coordinate, `box` holds the bounds and S is that box: the
 * solvers then use closed forms for distances and support values.
 */
export interface TargetSet {
  readonly dimension: number;
  readonly criteria: readonly string[];
  readonly normals: Float64Array[];
  readonly offsets: number[];
  readonly sources: Field[];
  readonly box: { lower: Float64Array; upper: Float64Array } | null;
}

/** The rows of S together with the cube's own rows `z_c >= 0` and `-z_c >= -1`. */
export function rowsWithCube(target: Pick<TargetSet, 'dimension' | 'normals' | 'offsets'>): {
  normals: Float64Array[];
  offsets: number[];
} {
  const normals = [...target.normals];
  const offsets = [...target.offsets];
  for (let c = 0; c < target.dimension; c++) {
    const lower = new Float64Array(target.dimension);
    lower[c] = 1;
    const upper = new Float64Array(target.dimension);
    upper[c] = -1;
    normals.push(lower, upper);
    offsets.push(0, -1);
  }
  return { normals, offsets };
}

/**
 * Row coefficients smaller than this fraction of the row's largest are treated as 0: a row such
 * as `safety + 1e-15 * comfort >= 0.5` is numerically the threshold `safety >= 0.5`.
 */
export const coefficientFlush = 1e-12;

function boxOf(dimension: number, normals: Float64Array[], offsets: number[]): TargetSet['box'] {
  const lower = new Float64Array(dimension);
  const upper = new Float64Array(dimension).fill(1);
  for (let r = 0; r < normals.length; r++) {
    const nonzero = normals[r].reduce((count, value) => count + (value !== 0 ? 1 : 0), 0);
    if (nonzero !== 1) return null;
    const c = normals[r].findIndex((value) => value !== 0);
    const bound = offsets[r] / normals[r][c];
    if (normals[r][c] > 0) lower[c] = Math.max(lower[c], bound);
    else upper[c] = Math.min(upper[c], bound);
  }
  return { lower, upper };
}

/** True when the rows (with the cube) admit a point. */
function feasible(dimension: number, normals: Float64Array[], offsets: number[]): boolean {
  const rows = rowsWithCube({ dimension, normals, offsets });
  return (
    solveSmallLp({ cost: new Float64Array(dimension), rows: rows.normals, lower: rows.offsets }).status === 'optimal'
  );
}

function describeConflict(
  dimension: number,
  normals: Float64Array[],
  offsets: number[],
  sources: Field[],
): { text: string; pointer: string } {
  // Deletion filter: drop every row whose removal keeps the set empty; what is left conflicts.
  const kept = normals.map((_, index) => index);
  for (let position = kept.length - 1; position >= 0; position--) {
    const without = kept.filter((_, index) => index !== position);
    if (
      !feasible(
        dimension,
        without.map((r) => normals[r]),
        without.map((r) => offsets[r]),
      )
    )
      kept.splice(position, 1);
  }
  const fields = [...new Map(kept.map((r) => [String(sources[r]), sources[r]])).values()];
  const names = fields.map(String);
  if (fields.length === 1)
    return { text: `${names[0]} cannot hold within [0, 1]^${dimension}`, pointer: fields[0].pointer };
  return { text: `${names.join(' and ')} cannot hold together within [0, 1]^${dimension}`, pointer: '/target' };
}

/**
 * Builds the target set of a Blackwell problem from its document: thresholds `z_c >= t_c`,
 * halfspaces `w . z >= offset` and linear constraint strings, all intersected with each other
 * and with the unit cube. Throws `PREF_ERR_UNKNOWN_CRITERION` for a name that is not a
 * criterion, the constraint errors of {@link parseConstraint}, and `PREF_ERR_EMPTY_TARGET`
 * (naming the parts that conflict) when nothing in the cube satisfies every part.
 *
 * @example
 * ```ts
 * buildTargetSet({ thresholds: { safety: 0.55, comfort: 0.5 } }, ['safety', 'comfort']).box
 * // { lower: [0.55, 0.5], upper: [1, 1] }
 * ```
 */
export function buildTargetSet(document: TargetDocument, criteria: readonly string[]): TargetSet {
  const k = criteria.length;
  const normals: Float64Array[] = [];
  const offsets: number[] = [];
  const sources: Field[] = [];
  const add = (raw: Float64Array, rawOffset: number, source: Field) => {
    // Scale the row to largest coefficient 1 and flush coefficients below 1e-12 of it to 0.
    const scale = raw.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0);
    const normal = raw.map((value) => (Math.abs(value) <= coefficientFlush * scale ? 0 : value / scale));
    const offset = scale > 0 ? rawOffset / scale : rawOffset;
    // A tiny row (weights 1e-320, offset 1) scales past the doubles: +Infinity cannot hold,
    // -Infinity always holds.
    if (offset === Infinity)
      throw new PrefgameError(
        'PREF_ERR_EMPTY_TARGET',
        `the target is empty: ${source} requires more than any point of [0, 1]^${k} gives`,
        source.pointer,
      );
    if (offset === -Infinity) return;
    if (normal.every((value) => value === 0)) {
      if (rawOffset > 0)
        throw new PrefgameError(
          'PREF_ERR_EMPTY_TARGET',
          `the target is empty: ${source} requires 0 >= ${rawOffset}`,
          source.pointer,
        );
      return;
    }
    normals.push(normal);
    offsets.push(offset);
    sources.push(source);
  };
  const root = new Field(['target']);
  for (const [name, threshold] of Object.entries(document.thresholds ?? {})) {
    const field = root.at('thresholds', name);
    const normal = new Float64Array(k);
    normal[criterionIndex(criteria, name, field)] = 1;
    add(normal, threshold, field);
  }
  (document.halfspaces ?? []).forEach((halfspace, index) => {
    const field = root.at('halfspaces', index);
    const normal = new Float64Array(k);
    for (const [name, weight] of Object.entries(halfspace.weights))
      normal[criterionIndex(criteria, name, field.at('weights', name))] = weight;
    add(normal, halfspace.offset, field);
  });
  (document.constraints ?? []).forEach((text, index) => {
    const field = root.at('constraints', index);
    for (const row of parseConstraint(text, criteria, field)) add(row.normal, row.offset, field);
  });
  const box = boxOf(k, normals, offsets);
  // A box whose every lower bound is at most its upper bound holds a point (its lower corner):
  // no LP needed for the common thresholds-only target. Anything else asks the LP, as before.
  const plainlyNonEmpty = box !== null && box.lower.every((low, c) => low <= box.upper[c]);
  if (!plainlyNonEmpty && !feasible(k, normals, offsets)) {
    const conflict = describeConflict(k, normals, offsets, sources);
    throw new PrefgameError('PREF_ERR_EMPTY_TARGET', `the target is empty: ${conflict.text}`, conflict.pointer);
  }
  return { dimension: k, criteria, normals, offsets, sources, box };
}
