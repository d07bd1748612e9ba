/** A linear map from a data interval onto a pixel interval (either may be reversed). */
export interface Scale {
  (value: number): number;
  invert(pixel: number): number;
  domain: [number, number];
}

/** The linear scale taking `domain` onto `range`. */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = ((value: number) => r0 + ((value - d0) / span) * (r1 - r0)) as Scale;
  scale.invert = (pixel: number) => d0 + ((pixel - r0) / (r1 - r0)) * span;
  scale.domain = domain;
  return scale;
}

/** Tick values every `step` from the domain's start to its end. */
export function ticks(domain: [number, number], step: number): number[] {
  const values: number[] = [];
  for (let value = Math.ceil(domain[0] / step - 1e-9) * step; value <= domain[1] + 1e-9; value += step)
    values.push(Number(value.toFixed(6)));
  return values;
}

type Point = [number, number];

/**
 * The upper-right boundary of the convex hull of points (what a 2-D frontier looks like): the
 * points no other point beats on both coordinates, joined where they are convex, from the top
 * left to the bottom right.
 *
 * @example
 * ```ts
 * upperRightHull([[0, 1], [0.5, 0.5], [0.4, 0.4], [1, 0]]) // [[0, 1], [0.5, 0.5], [1, 0]]
 * ```
 */
export function upperRightHull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const maximal: Point[] = [];
  for (let index = sorted.length - 1; index >= 0; index--) {
    const point = sorted[index];
    if (maximal.length === 0 || point[1] > maximal[maximal.length - 1][1] + 1e-12) maximal.push(point);
  }
  maximal.reverse();
  const hull: Point[] = [];
  for (const point of maximal) {
    while (hull.length >= 2) {
      const [a, b] = [hull[hull.length - 2], hull[hull.length - 1]];
      const cross = (b[0] - a[0]) * (point[1] - a[1]) - (b[1] - a[1]) * (point[0] - a[0]);
      if (cross >= -1e-12) hull.pop();
      else break;
    }
    hull.push(point);
  }
  return hull;
}
