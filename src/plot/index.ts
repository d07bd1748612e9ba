/**
 * `prefgame/plot`: pictures of results as Vega-Lite specifications, rendered to SVG headlessly.
 *
 * @example
 * ```ts
 * import { plotResult } from 'prefgame/plot'
 * const criteria = [
 *   { name: 'safety', preferences: [[0.5, 0.6, 0.9], [0.4, 0.5, 0.3], [0.1, 0.7, 0.5]] },
 *   { name: 'comfort', preferences: [[0.5, 0.3, 0.2], [0.7, 0.5, 0.6], [0.8, 0.4, 0.5]] },
 * ]
 * const svgs = await plotResult(solve({ kind: 'pareto', criteria }))
 * svgs.map((plot) => plot.name) // ['frontier']: [{ name, svg: '<svg ...' }]
 * ```
 *
 * @packageDocumentation
 */
export { plotResult, renderSvg } from './render.js';
export { plotSpecs, frontierSpec, distributionSpec, trajectorySpec, type VegaLiteSpec } from './specs.js';
export { rankPlots, estimatePlots, leaderboardSpec, winRateSpec, winnerSpec, type RatedItem } from './rank-specs.js';
