/**
 * `prefgame/baselines`: the classic rankings next to the game-theoretic winners: Condorcet,
 * Copeland, Borda, Bradley-Terry (with Elo scale and bootstrap intervals), pairwise wins and
 * the rankings a document's `rankings` field asks for.
 *
 * @example
 * ```ts
 * import { bordaScores } from 'prefgame/baselines'
 * ```
 *
 * @packageDocumentation
 */
export { condorcetWinner, condorcetLoser } from './condorcet.js';
export { copelandScores } from './copeland.js';
export { bordaScores } from './borda.js';
export { fitBradleyTerry, eloRating, type BradleyTerryFit } from './bradley-terry.js';
export {
  bootstrapBradleyTerry,
  type BradleyTerryIntervals,
  type BradleyTerryBootstrapSettings,
} from './bradley-terry-bootstrap.js';
export { winsFromCells, winsFromMatrix, type PairwiseWins } from './pairwise-wins.js';
export { stronglyConnected } from './connectivity.js';
export { rankOrder } from './rank-order.js';
export { computeRankings, rankingSettings, type RankingSubject, type RankingSettings } from './rankings.js';
export { RankingsRequest, Rankings, rankingMethods, defaultRegularisation } from '../schema/rankings.js';
export type {
  RankingsRequestDocument,
  RankingsDocument,
  BaselineRankingDocument,
  RankedItemDocument,
  RankingMethod,
} from '../schema/rankings.js';
