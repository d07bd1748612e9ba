/**
 * `prefgame/rank`: battle logs to a leaderboard and a winner (docs/rank.md). A streaming reader
 * of CSV and JSONL logs (gzip too) that counts outcomes per pair as it reads, Bradley-Terry
 * ratings on the Elo scale with bootstrap intervals, and the rank document with the
 * game-theoretic winner; `POST /v1/rank`'s request reader; the leaderboard as a text table.
 *
 * @example
 * ```ts
 * import { readBattleText, rankComparisons } from 'prefgame/rank'
 * const read = readBattleText('model_a,model_b,winner\nx,y,model_a\ny,x,tie\n')
 * rankComparisons({ items: read.items, comparisons: read.comparisons, rows: read }).leaderboard[0].item // 'x'
 * ```
 *
 * @packageDocumentation
 */
export { rankComparisons, parseTarget, type RankInput } from './rank.js';
export { rateItems, type RatingTable, type RatingSettings } from './ratings.js';
export {
  BattleReader,
  readBattleStream,
  readBattleText,
  detectLogFormat,
  keptRejections,
  type BattleReadOptions,
  type ReadBattles,
} from './battle-reader.js';
export { BattleCounter } from './battle-counter.js';
export { TableParser, csvFields, type TableEvents } from './table-parser.js';
export { gunzipIfNeeded } from './gunzip.js';
export { leaderboardTable } from './leaderboard-table.js';
export { rankRequest } from './rank-request.js';
export { settingsFromQuery, rankMediaTypes, checkRankDocument, type RankMediaType } from './rank-settings.js';
export {
  RankResult,
  RankRequest,
  RankRowsRequest,
  RankComparisonsRequest,
  RankSettings,
  RankQuery,
  LeaderboardEntry,
  rankDefaults,
  type RankResultDocument,
  type RankRequestDocument,
  type RankSettingsDocument,
  type LeaderboardEntryDocument,
} from '../schema/rank.js';
