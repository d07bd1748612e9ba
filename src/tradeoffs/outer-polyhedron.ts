/**
 * A bounded convex polyhedron in R^k kept in both representations at once, and cut by one
 * halfspace at a time (the double description method of Motzkin et al., with the algebraic
 * adjacency test of Fukuda and Prodon, "Double description method revisited", 1996):
 *
 *     P = { y : normals[h] . y <= offsets[h] for every halfspace h }
 *
 * Every vertex remembers its active set (the halfspaces tight at it), tracked combinatorially
 * as cuts are added, so adjacency never depends on re-measuring tight constraints. It is the
 * outer approximation of Benson's algorithm and of the two-criteria frontier certificate.
 */

/** A vertex and the sorted indices of the halfspaces tight at it. */
export interface PolyhedronVertex {
  readonly point: Float64Array;
  active: Int32Array;
}

/** The polyhedron: its halfspaces and its vertices. */
export interface OuterPolyhedron {
  readonly dimension: number;
  readonly normals: Float64Array[];
  readonly offsets: number[];
  vertices: PolyhedronVertex[];
}

/** Slack (relative to the size of the point and offset) below which a vertex lies on a cut. */
const onTolerance = 1e-12;
/** Relative pivot below which a row counts as dependent in the adjacency rank test. */
const rankTolerance = 1e-10;

/**
 * The box `lower <= y <= upper`: 2k halfspaces (`y_c <= upper_c` is halfspace c,
 * `-y_c <= -lower_c` is halfspace k + c) and 2^k vertices. O(k 2^k).
 *
 * @example
 * ```ts
 * boxPolyhedron(Float64Array.of(0, 0), Float64Array.of(1, 1)).vertices.length // 4
 * ```
 */
export function boxPolyhedron(lower: ArrayLike<number>, upper: ArrayLike<number>): OuterPolyhedron {
  const k = lower.length;
  const normals: Float64Array[] = [];
  const offsets: number[] = [];
  for (let c = 0; c < k; c++) {
    const normal = new Float64Array(k);
    normal[c] = 1;
    normals.push(normal);
    offsets.push(upper[c]);
  }
  for (let c = 0; c < k; c++) {
    const normal = new Float64Array(k);
    normal[c] = -1;
    normals.push(normal);
    offsets.push(-lower[c]);
  }
  const vertices: PolyhedronVertex[] = [];
  for (let mask = 0; mask < 1 << k; mask++) {
    const point = new Float64Array(k);
    const active: number[] = [];
    for (let c = 0; c < k; c++) {
      const high = (mask >> c) & 1;
      point[c] = high ? upper[c] : lower[c];
      active.push(high ? c : k + c);
    }
    vertices.push({ point, active: Int32Array.from(active.sort((a, b) => a - b)) });
  }
  return { dimension: k, normals, offsets, vertices };
}

function intersect(a: Int32Array, b: Int32Array): number[] {
  const common: number[] = [];
  let p = 0;
  let q = 0;
  while (p < a.length && q < b.length) {
    if (a[p] === b[q]) {
      common.push(a[p]);
      p++;
      q++;
    } else if (a[p] < b[q]) p++;
    else q++;
  }
  return common;
}

/** The rank of a set of rows (Gaussian elimination with partial pivoting). O(rows k^2). */
function rankOf(rows: Float64Array[], k: number): number {
  const work = rows.map((row) => Float64Array.from(row));
  let rank = 0;
  for (let column = 0; column < k && rank < work.length; column++) {
    let best = rank;
    for (let r = rank + 1; r < work.length; r++) if (Math.abs(work[r][column]) > Math.abs(work[best][column])) best = r;
    const scale = Math.max(...work.map((row) => Math.abs(row[column])), 1e-300);
    if (Math.abs(work[best][column]) <= rankTolerance * Math.max(1, scale)) continue;
    [work[rank], work[best]] = [work[best], work[rank]];
    for (let r = rank + 1; r < work.length; r++) {
      const factor = work[r][column] / work[rank][column];
      if (factor === 0) continue;
      for (let c = column; c < k; c++) work[r][c] -= factor * work[rank][c];
    }
    rank++;
  }
  return rank;
}

/** What a cut did: how many vertices it removed and the vertices it created. */
export interface CutOutcome {
  readonly removed: number;
  readonly added: PolyhedronVertex[];
}

/**
 * Intersects the polyhedron with the halfspace `normal . y <= offset`, in place. Vertices with
 * slack below `-tolerance` are removed; for every adjacent pair (removed vertex, kept vertex)
 * the point where their edge meets the hyperplane becomes a vertex; vertices on the
 * hyperplane gain it in their active sets. Two vertices are adjacent when the halfspaces tight
 * at both have rank k - 1. A cut that removes nothing is not recorded. O(V k + R K (a + k^2 a))
 * for V vertices, R removed, K kept and active sets of size a.
 *
 * @example
 * ```ts
 * const square = boxPolyhedron([0, 0], [1, 1])
 * cutPolyhedron(square, Float64Array.of(1, 1), 1.5) // removes (1, 1), adds (1, 0.5) and (0.5, 1)
 * ```
 */
export function cutPolyhedron(polyhedron: OuterPolyhedron, normal: Float64Array, offset: number): CutOutcome {
  const k = polyhedron.dimension;
  const slacks = polyhedron.vertices.map((vertex) => {
    let dot = 0;
    let size = Math.abs(offset);
    for (let c = 0; c < k; c++) {
      dot += normal[c] * vertex.point[c];
      size += Math.abs(normal[c] * vertex.point[c]);
    }
    const slack = offset - dot;
    return Math.abs(slack) <= onTolerance * Math.max(1, size) ? 0 : slack;
  });
  const removedIndices = slacks.flatMap((slack, index) => (slack < 0 ? [index] : []));
  if (removedIndices.length === 0) return { removed: 0, added: [] };
  const index = polyhedron.normals.length;
  polyhedron.normals.push(Float64Array.from(normal));
  polyhedron.offsets.push(offset);
  const added: PolyhedronVertex[] = [];
  // Candidates for adjacency share at least k - 1 tight halfspaces: count them through an index
  // from halfspaces to the kept vertices tight on them, instead of testing every pair.
  const keptOn = new Map<number, number[]>();
  slacks.forEach((slack, position) => {
    if (!(slack > 0)) return;
    for (const h of polyhedron.vertices[position].active) {
      const list = keptOn.get(h);
      if (list) list.push(position);
      else keptOn.set(h, [position]);
    }
  });
  const shared = new Map<number, number>();
  for (const r of removedIndices) {
    const outside = polyhedron.vertices[r];
    shared.clear();
    for (const h of outside.active) for (const q of keptOn.get(h) ?? []) shared.set(q, (shared.get(q) ?? 0) + 1);
    for (const [q, count] of shared) {
      if (count < k - 1) continue;
      const inside = polyhedron.vertices[q];
      const common = intersect(outside.active, inside.active);
      if (
        rankOf(
          common.map((h) => polyhedron.normals[h]),
          k,
        ) !==
        k - 1
      )
        continue;
      const fraction = slacks[r] / (slacks[r] - slacks[q]);
      const point = outside.point.map((value, c) => value + fraction * (inside.point[c] - value));
      added.push({ point, active: Int32Array.from([...common, index]) });
    }
  }
  polyhedron.vertices.forEach((vertex, position) => {
    if (slacks[position] === 0) vertex.active = Int32Array.from([...vertex.active, index]);
  });
  polyhedron.vertices = [...polyhedron.vertices.filter((_, position) => slacks[position] >= 0), ...added];
  return { removed: removedIndices.length, added };
}
