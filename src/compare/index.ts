/**
 * `prefgame/compare`: the pieces of the `compare` kind: the lotteries it compares (winners and
 * classic baselines as lotteries) and head-to-head preference between two lotteries.
 *
 * @example
 * ```ts
 * import { headToHead } from 'prefgame/compare'
 * ```
 *
 * @packageDocumentation
 */
export { lotterySources, type LotterySource, type CompareSetting } from './sources.js';
export { headToHead } from './compare.js';
