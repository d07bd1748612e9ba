import type { Matrix } from '../numeric/matrix.js';
import type { SolveContext } from '../games/context.js';
import type { ComparisonCounts } from '../comparisons/comparison-counts.js';
import { observedCells } from '../comparisons/resample.js';
import type { PreferenceReading } from '../criteria/read-criteria.js';
import {
  defaultRegularisation,
  rankingMethods,
  type BaselineRankingDocument,
  type RankingMethod,
  type RankingsDocument,
  type RankingsRequestDocument,
} from '../schema/rankings.js';
import { bordaScores } from './borda.js';
import { bootstrapBradleyTerry, type BradleyTerryIntervals } from './bradley-terry-bootstrap.js';
import { eloRating, fitBradleyTerry, type BradleyTerryFit } from './bradley-terry.js';
import { condorcetLoser, condorcetWinner } from './condorcet.js';
import { copelandScores } from './copeland.js';
import { winsFromCells, winsFromMatrix } from './pairwise-wins.js';
import { rankOrder } from './rank-order.js';

/** What the baselines rank: items, one matrix per criterion, and the counts behind them if any. */
export interface RankingSubject {
  items: string[];
  /** Criterion names; `undefined` for the single unnamed matrix of a `von-neumann` document. */
  criteria: ReadonlyArray<string | undefined>;
  matrices: Matrix[];
  counts?: ComparisonCounts;
}

/** A `rankings` request with its defaults filled in. */
export interface RankingSettings {
  methods: RankingMethod[];
  regularisation: number;
  rounds: number;
  seed: number;
  level: number;
}

/**
 * Fills in the defaults of a `rankings` request: every method, regularisation 0.01, 200
 * bootstrap rounds (used only with comparisons), seed 1, level 0.95. Methods keep the canonical
 * order whatever the request's order.
 *
 * @example
 * ```ts
 * rankingSettings(true).methods // ['condorcet', 'copeland', 'borda', 'bradley-terry']
 * ```
 */
export function rankingSettings(request: RankingsRequestDocument): RankingSettings {
  const options = typeof request === 'object' ? request : {};
  const wanted = options.methods ?? rankingMethods;
  return {
    methods: rankingMethods.filter((method) => wanted.includes(method)),
    regularisation: options.regularisation ?? defaultRegularisation,
    rounds: options.rounds ?? 200,
    seed: options.seed ?? 1,
    level: options.level ?? 0.95,
  };
}

/** A log-strength interval beside a score and its rating: on both scales (lower/upper kept for existing clients). */
function intervalFields(lower: number, upper: number) {
  return { lower, upper, ratingInterval: [eloRating(lower), eloRating(upper)], logStrengthInterval: [lower, upper] };
}

function baselines(
  items: string[],
  matrix: Matrix,
  methods: readonly RankingMethod[],
  fit: BradleyTerryFit | undefined,
  settings: RankingSettings,
  intervals?: {
    lower: Float64Array;
    upper: Float64Array;
    meta: NonNullable<BaselineRankingDocument['bradleyTerry']>['intervals'];
  },
): BaselineRankingDocument {
  const ranking: BaselineRankingDocument = {};
  if (methods.includes('condorcet')) {
    const winner = condorcetWinner(matrix);
    const loser = condorcetLoser(matrix);
    ranking.condorcetWinner = winner === null ? null : items[winner];
    ranking.condorcetLoser = loser === null ? null : items[loser];
  }
  if (methods.includes('copeland')) ranking.copeland = rankOrder(items, copelandScores(matrix));
  if (methods.includes('borda')) ranking.borda = rankOrder(items, bordaScores(matrix));
  if (fit) {
    ranking.bradleyTerry = {
      scores: rankOrder(items, fit.scores, (i) => ({
        rating: eloRating(fit.scores[i]),
        ...(intervals ? intervalFields(intervals.lower[i], intervals.upper[i]) : {}),
      })),
      regularisation: settings.regularisation,
      iterations: fit.iterations,
      converged: fit.converged,
      ...(intervals ? { intervals: intervals.meta } : {}),
    };
  }
  return ranking;
}

/**
 * The classic rankings of a subject, reported beside the game-theoretic winners: per criterion the
 * Condorcet winner and loser, Copeland and Borda rankings, and the Bradley-Terry fit; from
 * comparisons Bradley-Terry is fitted to the counts with bootstrap intervals (seeded, stopped at
 * `deadline` by the clock `now`, default `performance.now`), from matrices to the probabilities (one fractional comparison per pair, no
 * intervals). `weighted` (linear) adds the same baselines of the weighted matrix. O(k n^2) plus
 * the fits and the bootstrap.
 *
 * @example
 * ```ts
 * computeRankings(true, { items: ['a', 'b'], criteria: [undefined], matrices: [matrixFromRows([[0.5, 0.8], [0.2, 0.5]])] }).criteria[0].condorcetWinner // 'a'
 * ```
 */
export function computeRankings(
  request: RankingsRequestDocument,
  subject: RankingSubject,
  options: { weighted?: Matrix; deadline?: number; now?: () => number; warnings?: string[] } = {},
): RankingsDocument {
  const settings = rankingSettings(request);
  const withBradleyTerry = settings.methods.includes('bradley-terry');
  const cells = subject.counts ? observedCells(subject.counts) : undefined;
  const indices = subject.criteria.map((_, c) => c);
  const fits = withBradleyTerry
    ? indices.map((c) =>
        fitBradleyTerry(cells ? winsFromCells(cells, c) : winsFromMatrix(subject.matrices[c]), settings.regularisation),
      )
    : [];
  let intervals: BradleyTerryIntervals | undefined;
  if (withBradleyTerry && cells && settings.rounds > 0) {
    intervals = bootstrapBradleyTerry(
      cells,
      indices,
      fits.map((fit) => fit.scores),
      { ...settings, deadline: options.deadline ?? Infinity, now: options.now },
    );
    if (intervals.completed < settings.rounds)
      options.warnings?.push(
        `rankings: the time limit stopped the Bradley-Terry bootstrap after ${intervals.completed} of ${settings.rounds} rounds`,
      );
    if (intervals.dropped > 0)
      options.warnings?.push(
        `rankings: ${intervals.dropped} bootstrap rounds had no unregularised Bradley-Terry fit (not strongly connected) and were left out`,
      );
  }
  if (intervals && intervals.completed - intervals.dropped === 0) intervals = undefined;
  const meta = intervals
    ? { level: settings.level, rounds: settings.rounds, completed: intervals.completed, seed: settings.seed }
    : undefined;
  const criteria = indices.map((c) => ({
    ...(subject.criteria[c] !== undefined ? { criterion: subject.criteria[c] } : {}),
    ...baselines(
      subject.items,
      subject.matrices[c],
      settings.methods,
      fits[c],
      settings,
      intervals && meta ? { lower: intervals.lower[c], upper: intervals.upper[c], meta } : undefined,
    ),
  }));
  const result: RankingsDocument = { methods: settings.methods, criteria };
  if (options.weighted) {
    const fit = withBradleyTerry
      ? fitBradleyTerry(winsFromMatrix(options.weighted), settings.regularisation)
      : undefined;
    result.weighted = baselines(subject.items, options.weighted, settings.methods, fit, settings);
  }
  return result;
}

/**
 * The `rankings` part of a solver's result: nothing when the request has no (or a false)
 * `rankings`, else `{ rankings }` from {@link computeRankings}, within the solve's deadline and
 * with its warnings.
 *
 * @example
 * ```ts
 * rankingsExtra(undefined, tensor) // {}: no rankings asked for
 * rankingsExtra({ methods: ['borda'] }, tensor).rankings?.criteria.length // 2
 * ```
 */
export function rankingsExtra(
  request: RankingsRequestDocument | undefined,
  subject: RankingSubject,
  options: { weighted?: Matrix; context?: SolveContext } = {},
): { rankings?: RankingsDocument } {
  if (request === undefined || request === false) return {};
  return {
    rankings: computeRankings(request, subject, {
      weighted: options.weighted,
      deadline: options.context?.deadline,
      now: options.context?.now,
      warnings: options.context?.warnings,
    }),
  };
}

/**
 * The ranking subject of a `von-neumann` document: its one matrix, named by its criterion when it
 * came from comparisons.
 *
 * @example
 * ```ts
 * single(['a', 'b', 'c'], speed) // { items: ['a', 'b', 'c'], criteria: [undefined], matrices: [speed] }
 * ```
 */
export function single(
  items: string[],
  matrix: Matrix,
  criterion?: string,
  reading?: PreferenceReading,
): RankingSubject {
  return { items, criteria: [criterion], matrices: [matrix], ...(reading?.counts ? { counts: reading.counts } : {}) };
}
