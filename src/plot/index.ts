/**
 * `prefgame/plot`: pictures of results as Vega-Lite specifications, rendered to SVG headlessly.
 *
 * @example
 * ```ts
 * import { plotResult } from 'prefgame/plot'
 * const svgs = await plotResult(solve(paretoProblem)) // { frontier: '<svg ...', ... }
 * ```
 *
 * @packageDocumentation
 */
export { plotResult, renderSvg } from './render.js';
export { plotSpecs, frontierSpec, distributionSpec, trajectorySpec, type VegaLiteSpec } from './specs.js';
export { rankPlots, estimatePlots, leaderboardSpec, winRateSpec, winnerSpec, type RatedItem } from './rank-specs.js';
