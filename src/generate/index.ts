/**
 * `prefgame/generate`: seeded data for tests, benchmarks and examples: preference matrices
 * (random, Bradley-Terry, cyclic, with or without a Condorcet winner, conflicting criteria) and
 * comparison logs sampled from them.
 *
 * @example
 * ```ts
 * import { cyclicPreferences } from 'prefgame/generate'
 * cyclicPreferences(3) // rock-paper-scissors
 * ```
 *
 * @packageDocumentation
 */
export { seededRandom, gaussian } from '../numeric/random.js';
export {
  randomPreferences,
  bradleyTerryPreferences,
  preferencesFromStrengths,
  cyclicPreferences,
  condorcetPreferences,
  conflictingPreferences,
  type PreferenceRows,
} from './preference-matrices.js';
export {
  sampleJudgements,
  comparisonsFromJudgements,
  arenaRows,
  ratingRows,
  type Judgement,
  type JudgementOptions,
} from './comparisons.js';
export { syntheticBattles, syntheticStrengths, type Battle, type BattleOptions } from './battles.js';
