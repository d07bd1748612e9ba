import type { ApproachabilityResultDocument } from '../schema/approachability.js';
import type { EstimateResultDocument } from '../schema/estimate.js';
import type { RankResultDocument } from '../schema/rank.js';
import { estimatePlots, rankPlots } from './rank-specs.js';
import type { VegaLiteSpec } from './vega-lite-spec.js';
import type { CompareResultDocument } from '../schema/compare.js';
import type { ParetoResultDocument } from '../schema/pareto.js';
import type { TargetDocument } from '../schema/problem.js';
import { buildTargetSet } from '../targets/target-set.js';
import { boxPolyhedron, cutPolyhedron } from '../tradeoffs/outer-polyhedron.js';

export type { VegaLiteSpec } from './vega-lite-spec.js';

const schema = 'https://vega.github.io/schema/vega-lite/v6.json';
const width = 440;
const height = 340;

/** The corners of a two-criteria target set `S` (inside the unit square), in order around it. O(rows). */
function targetPolygon(target: TargetDocument, criteria: readonly string[]): number[][] {
  const set = buildTargetSet(target, criteria);
  const square = boxPolyhedron([0, 0], [1, 1]);
  // normal . z >= offset is -normal . z <= -offset.
  set.normals.forEach((normal, r) =>
    cutPolyhedron(
      square,
      normal.map((value) => -value),
      -set.offsets[r],
    ),
  );
  const points = square.vertices.map((vertex) => Array.from(vertex.point));
  const center = [
    points.reduce((sum, point) => sum + point[0], 0) / points.length,
    points.reduce((sum, point) => sum + point[1], 0) / points.length,
  ];
  return points.sort(
    (a, b) => Math.atan2(a[1] - center[1], a[0] - center[0]) - Math.atan2(b[1] - center[1], b[0] - center[0]),
  );
}

/**
 * The frontier of a two-criteria `pareto` result: the frontier polyline through its vertices,
 * the outer approximation when the frontier is not exact, the Blackwell winner with its target
 * set, the linear-aggregation winner and the sweep's winners, each labelled.
 *
 * @example
 * ```ts
 * const spec = frontierSpec(paretoFrontier({ criteria, target: { thresholds: { speed: 0.45, safety: 0.5 } }, weights: { speed: 1, safety: 1 } }))
 * ```
 */
export function frontierSpec(result: ParetoResultDocument): VegaLiteSpec {
  const [x, y] = result.criteria;
  const frontier = result.frontier.map((point, order) => ({
    x: point.guarantees[x],
    y: point.guarantees[y],
    order,
    series: 'Pareto frontier',
  }));
  const outer = result.exact
    ? []
    : result.outer.map((point, order) => ({ x: point[x], y: point[y], order, series: 'outer approximation' }));
  const marks: Array<{ x: number; y: number; label: string }> = [];
  if (result.blackwell)
    marks.push({
      x: result.blackwell.guarantees[x],
      y: result.blackwell.guarantees[y],
      label: `Blackwell winner (${result.blackwell.norm})`,
    });
  if (result.linear)
    marks.push({ x: result.linear.guarantees[x], y: result.linear.guarantees[y], label: 'linear-aggregation winner' });
  const sweep = (result.sweep ?? []).map((step) => ({
    x: step.guarantees[x],
    y: step.guarantees[y],
    label: 'sweep winners',
  }));
  const target = result.blackwell?.target ? targetPolygon(result.blackwell.target, result.criteria) : [];
  const region =
    target.length > 0
      ? [...target, target[0]].map(([px, py], order) => ({ x: px, y: py, order, series: 'target set' }))
      : [];
  const all = [...frontier, ...outer, ...marks, ...sweep];
  const low = Math.max(0, Math.min(...all.map((point) => Math.min(point.x, point.y))) - 0.03);
  // Up to 1/2 (no guarantee is higher) and a little past the target's lowest corner.
  const corner =
    target.length > 0
      ? Math.max(Math.min(...target.map((point) => point[0])), Math.min(...target.map((point) => point[1]))) + 0.1
      : 0;
  const high = Math.min(1, Math.max(0.5, ...all.map((point) => Math.max(point.x, point.y)), corner) + 0.03);
  const scale = { domain: [low, high], zero: false, nice: false };
  const axis = (name: string) => ({ title: `guarantee on ${name} (worst-case win probability)` });
  const lines = [...frontier, ...outer, ...region];
  return {
    $schema: schema,
    title: {
      text: `Pareto frontier of ${x} and ${y}`,
      subtitle: result.exact
        ? `exact: ${result.frontier.length} vertices`
        : `not exact: inner and outer approximation, Hausdorff distance ${result.hausdorffDistance.toExponential(2)}`,
    },
    width,
    height,
    layer: [
      {
        data: { values: lines },
        mark: { type: 'line', point: true, clip: true },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale, axis: axis(x) },
          y: { field: 'y', type: 'quantitative', scale, axis: axis(y) },
          order: { field: 'order' },
          color: {
            field: 'series',
            type: 'nominal',
            title: null,
            legend: { labelLimit: 260 },
            scale: {
              domain: ['Pareto frontier', 'outer approximation', 'target set'],
              range: ['#1f77b4', '#aaaaaa', '#2ca02c'],
            },
          },
          strokeDash: {
            field: 'series',
            type: 'nominal',
            legend: null,
            scale: {
              domain: ['Pareto frontier', 'outer approximation', 'target set'],
              range: [
                [1, 0],
                [4, 3],
                [6, 3],
              ],
            },
          },
        },
      },
      {
        data: { values: [...marks, ...sweep] },
        mark: { type: 'point', filled: true, size: 110, clip: true },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale },
          y: { field: 'y', type: 'quantitative', scale },
          shape: { field: 'label', type: 'nominal', title: 'winners', legend: { labelLimit: 260 } },
          fill: { field: 'label', type: 'nominal', legend: null, scale: { range: ['#d62728', '#ff7f0e', '#9467bd'] } },
          stroke: { value: '#333333' },
        },
      },
    ],
    resolve: { scale: { color: 'independent', shape: 'independent' } },
  };
}

/**
 * The lotteries of a result as grouped bars (probability of each item, one colour per lottery):
 * a `compare` result's lotteries, or a `pareto` result's marked winners.
 *
 * @example
 * ```ts
 * distributionSpec(['cautious', 'sporty'], [{ name: 'Blackwell', distribution: [0.6, 0.4] }], 'Winners')
 * ```
 */
export function distributionSpec(
  items: readonly string[],
  lotteries: ReadonlyArray<{ name: string; distribution: readonly number[] }>,
  title: string,
): VegaLiteSpec {
  const values = lotteries.flatMap((lottery) =>
    lottery.distribution.map((probability, index) => ({ item: items[index], probability, lottery: lottery.name })),
  );
  return {
    $schema: schema,
    title,
    width: Math.max(width, 28 * items.length * Math.min(lotteries.length, 4)),
    height: 260,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'item',
        type: 'nominal',
        sort: [...items],
        title: 'item',
        axis: { labelAngle: items.length > 8 ? -45 : 0 },
      },
      xOffset: { field: 'lottery', type: 'nominal', sort: lotteries.map((lottery) => lottery.name) },
      y: { field: 'probability', type: 'quantitative', scale: { domain: [0, 1] }, title: 'probability' },
      color: {
        field: 'lottery',
        type: 'nominal',
        sort: lotteries.map((lottery) => lottery.name),
        title: 'lottery',
        legend: { labelLimit: 260 },
      },
    },
  };
}

/**
 * The trajectory of a simulated run of Blackwell's strategy: the distance of the average payoff
 * vector to the target (problem norm) and to the enlarged target (l2), against the round, on
 * log-log axes with Blackwell's bound R / sqrt(t).
 *
 * @example
 * ```ts
 * const result = approachability({ criteria, target: { thresholds: { speed: 0.45 } }, simulate: { rounds: 200, opponent: { type: 'random' } } })
 * const spec = trajectorySpec(result)
 * ```
 */
export function trajectorySpec(result: ApproachabilityResultDocument): VegaLiteSpec {
  const simulation = result.simulation!;
  const floor = 1e-6;
  const values = simulation.trajectory.flatMap((step) => [
    { round: step.round, value: Math.max(floor, step.distance), series: `distance to the target (${result.norm})` },
    {
      round: step.round,
      value: Math.max(floor, step.enlargedDistance),
      series: `distance to the target enlarged by ${simulation.enlargement.toPrecision(3)} (l2)`,
    },
    { round: step.round, value: step.bound, series: 'Blackwell bound R / sqrt(t)' },
  ]);
  return {
    $schema: schema,
    title: {
      text: "Blackwell's strategy in repeated play",
      subtitle: `${simulation.rounds} rounds; distances below ${floor} drawn at ${floor}`,
    },
    width,
    height,
    data: { values },
    mark: { type: 'line', point: { size: 20 } },
    encoding: {
      x: {
        field: 'round',
        type: 'quantitative',
        scale: { type: 'log', domain: [1, Math.max(2, simulation.rounds)], nice: false },
        title: 'round t',
      },
      y: {
        field: 'value',
        type: 'quantitative',
        scale: { type: 'log' },
        title: 'distance of the average payoff vector',
      },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        legend: { orient: 'bottom', direction: 'vertical', labelLimit: 400 },
      },
      strokeDash: { field: 'series', type: 'nominal', legend: null },
    },
  };
}

/**
 * The pictures of a result document, as named Vega-Lite specs: a two-criteria `pareto` result
 * gives its frontier and the distributions of its marked winners; a `compare` result the
 * distributions of its lotteries; an `approachability` result with a simulation its trajectory;
 * `rank` and `estimate` results their
 * leaderboard, win-rate heat map and winner ({@link rankPlots}, {@link estimatePlots}).
 *
 * @example
 * ```ts
 * const result = paretoFrontier({ criteria: [{ name: 'safety', preferences: safetyRows }, { name: 'comfort', preferences: comfortRows }] })
 * assert.deepEqual(plotSpecs(result).map((plot) => plot.name), ['frontier'])
 * ```
 */
export function plotSpecs(result: { kind: string }): Array<{ name: string; spec: VegaLiteSpec }> {
  const plots: Array<{ name: string; spec: VegaLiteSpec }> = [];
  if (result.kind === 'pareto') {
    const pareto = result as ParetoResultDocument;
    if (pareto.criteria.length === 2 && pareto.frontier.length > 0)
      plots.push({ name: 'frontier', spec: frontierSpec(pareto) });
    const winners = [
      ...(pareto.blackwell ? [{ name: 'Blackwell winner', distribution: pareto.blackwell.distribution }] : []),
      ...(pareto.linear ? [{ name: 'linear-aggregation winner', distribution: pareto.linear.distribution }] : []),
    ];
    if (winners.length > 0)
      plots.push({
        name: 'distributions',
        spec: distributionSpec(pareto.items, winners, 'Winners: probability of each item'),
      });
  } else if (result.kind === 'compare') {
    const compare = result as CompareResultDocument;
    plots.push({
      name: 'distributions',
      spec: distributionSpec(compare.items, compare.lotteries, 'Compared lotteries: probability of each item'),
    });
  } else if (result.kind === 'approachability') {
    const approach = result as ApproachabilityResultDocument;
    if (approach.simulation && approach.simulation.trajectory.length > 0)
      plots.push({ name: 'trajectory', spec: trajectorySpec(approach) });
    const lotteries = [
      ...(approach.oneShot ? [{ name: 'one-shot Blackwell winner', distribution: approach.oneShot.distribution }] : []),
      ...(approach.strategy
        ? [{ name: 'next lottery of the adaptive strategy', distribution: approach.strategy.distribution }]
        : []),
    ];
    if (lotteries.length > 0)
      plots.push({
        name: 'distributions',
        spec: distributionSpec(approach.items, lotteries, 'Lotteries: probability of each item'),
      });
  } else if (result.kind === 'rank') {
    plots.push(...rankPlots(result as RankResultDocument));
  } else if (result.kind === 'estimate') {
    plots.push(...estimatePlots(result as EstimateResultDocument));
  } else if ('distribution' in result && 'items' in result) {
    const winner = result as unknown as { kind: string; items: string[]; distribution: number[] };
    plots.push({
      name: 'distribution',
      spec: distributionSpec(
        winner.items,
        [{ name: winner.kind, distribution: winner.distribution }],
        `${winner.kind} winner: probability of each item`,
      ),
    });
  }
  return plots;
}
