import { PrefgameError } from '../errors.js';
import { criteriaOfComparisons, readComparisons } from '../comparisons/comparison-counts.js';
import type { RejectedRow } from '../comparisons/read-table.js';
import { defaultLimits, type Limits } from '../limits.js';
import { rankOrder } from '../baselines/rank-order.js';
import type { ComparisonDocument } from '../schema/comparisons.js';
import type { EstimateDocument, EstimateResultDocument } from '../schema/estimate.js';
import type { TargetDocument } from '../schema/problem.js';
import { rankDefaults, type RankResultDocument, type RankSettingsDocument } from '../schema/rank.js';
import { solve } from '../solve.js';
import { backendNamed } from '../lp/backends.js';
import { rateItems } from './ratings.js';

/** What a rank starts from: the comparisons (aggregated or not) and, from a log, how its rows were read. */
export interface RankInput {
  items?: string[];
  comparisons: ComparisonDocument[];
  rows?: { format: string; accepted: number; skipped: number; rejected: RejectedRow[]; rejectedCount: number };
}

/** Rejected rows listed one by one in the warnings (the rest are counted). */
const listedRejections = 20;

/**
 * A target given as `NAME=THRESHOLD,...` (the command line's and the query's form), as a target
 * document `{ thresholds }`; a target document is returned as it is. `PREF_ERR_INVALID_OPTION`
 * (pointer `/target`) for a malformed part. O(length).
 *
 * @example
 * ```ts
 * parseTarget('safety=0.6, helpfulness=0.5') // { thresholds: { safety: 0.6, helpfulness: 0.5 } }
 * ```
 */
export function parseTarget(target: string | TargetDocument): TargetDocument {
  if (typeof target !== 'string') return target;
  const thresholds: Record<string, number> = {};
  for (const part of target
    .split(',')
    .map((text) => text.trim())
    .filter((text) => text !== '')) {
    const match = /^(.+?)\s*=\s*([^=]+)$/.exec(part);
    const value = match ? Number(match[2]) : NaN;
    if (!match || match[2].trim() === '' || !Number.isFinite(value)) {
      throw new PrefgameError(
        'PREF_ERR_INVALID_OPTION',
        `target part "${part}" is not NAME=THRESHOLD (for example safety=0.6)`,
        '/target',
      );
    }
    thresholds[match[1].trim()] = value;
  }
  if (Object.keys(thresholds).length === 0)
    throw new PrefgameError('PREF_ERR_INVALID_OPTION', 'target is empty: give NAME=THRESHOLD,...', '/target');
  return { thresholds };
}

function rejectionWarnings(rows: NonNullable<RankInput['rows']>): string[] {
  if (rows.rejectedCount === 0) return [];
  const listed = rows.rejected.slice(0, listedRejections).map((row) => `line ${row.line}: ${row.reason}`);
  const more = rows.rejectedCount > listed.length ? `; and ${rows.rejectedCount - listed.length} more` : '';
  return [`${rows.rejectedCount} rows of the log were left out (${listed.join('; ')}${more})`];
}

/** The estimate document that computes the winner and its bootstrap. */
function winnerDocument(
  input: RankInput,
  items: string[],
  criteria: string[],
  settings: RankSettingsDocument,
  rating: string | null,
  timeLimitMs: number,
): EstimateDocument {
  const shared = {
    kind: 'estimate' as const,
    items,
    comparisons: input.comparisons,
    bootstrap: {
      rounds: settings.bootstrap ?? rankDefaults.rounds,
      seed: settings.seed ?? rankDefaults.seed,
      level: settings.level ?? rankDefaults.level,
    },
    options: { timeLimitMs },
  };
  if (rating !== null)
    return { ...shared, winner: 'von-neumann', ...(criteria.length > 1 ? { criterion: rating } : {}) };
  const target =
    settings.target !== undefined
      ? parseTarget(settings.target)
      : { thresholds: Object.fromEntries(criteria.map((name) => [name, rankDefaults.threshold])) };
  return { ...shared, winner: 'blackwell', target, ...(settings.norm ? { norm: settings.norm } : {}) };
}

/**
 * Ranks items from battle outcomes (DESIGN.md section 6, `prefgame rank`): Bradley-Terry ratings
 * on the Elo scale with bootstrap percentile intervals ({@link rateItems}), win rates and games,
 * and the game-theoretic winner computed by the `estimate` kind with its bootstrap support
 * frequencies: the von Neumann winner of the one criterion (or of `criterion`), else the
 * Blackwell winner of `target` (default: threshold 1/2 on every criterion) under `norm`, with the
 * ratings pooled over the criteria. The leaderboard is ordered by rating, best first. Status:
 * the winner's, or `time_limit` when a bootstrap stopped early. O(rows + n^2 + rounds x (pairs +
 * fit + one winner solve)).
 *
 * @example
 * ```ts
 * rankComparisons({ comparisons: [{ winner: 'a', loser: 'b', count: 7 }, { winner: 'b', loser: 'a', count: 3 }] }, { bootstrap: 100 }).leaderboard[0].item // 'a'
 * ```
 */
export function rankComparisons(
  input: RankInput,
  settings: RankSettingsDocument = {},
  limits: Limits = defaultLimits,
): RankResultDocument {
  const started = performance.now();
  const criteria = criteriaOfComparisons(input.comparisons);
  if (settings.criterion !== undefined && !criteria.includes(settings.criterion)) {
    throw new PrefgameError(
      'PREF_ERR_UNKNOWN_CRITERION',
      `criterion is "${settings.criterion}", which is not one of the log's criteria (${criteria.join(', ')})`,
      '/criterion',
    );
  }
  if (settings.target !== undefined && settings.criterion !== undefined) {
    throw new PrefgameError(
      'PREF_ERR_INVALID_OPTION',
      'give either criterion (von Neumann winner of one criterion) or target (Blackwell winner of several), not both',
      '/target',
    );
  }
  const rating = settings.criterion ?? (criteria.length === 1 ? criteria[0] : null);
  const warnings = input.rows ? rejectionWarnings(input.rows) : [];
  if (settings.target !== undefined) parseTarget(settings.target);
  if (rating !== null && (settings.target !== undefined || settings.norm !== undefined))
    warnings.push(
      'target and norm apply to logs with several criteria: this one has one, whose von Neumann winner is computed',
    );
  if (rating === null)
    warnings.push(
      `the log has ${criteria.length} criteria: ratings pool them, the winner is the Blackwell winner of the target (use criterion to rank one)`,
    );
  const requested = Math.min(settings.timeLimitMs ?? limits.defaultTimeLimitMs, limits.maxTimeLimitMs);
  // The engine loads before the clock starts (a process's first solve compiles HiGHS): the time
  // limit is charged for ranking, not for loading.
  backendNamed('highs').prepare?.();
  const clock = limits.clock ?? Date.now;
  const start = clock();
  const wallStop = Math.min(limits.deadline ?? Infinity, start + requested);
  // The rating bootstrap may use half of the time; the winner (and its own bootstrap) the rest,
  // so that a long bootstrap cannot leave the winner's solve no time at all.
  const ratingStop = start + (wallStop - start) / 2;
  const items = input.items ?? readComparisons(input.comparisons, undefined).items;
  const pooled = rating === null ? input.comparisons.map(({ criterion: _, ...rest }) => rest) : input.comparisons;
  const counts = readComparisons(pooled, items, rating === null ? {} : { criterion: rating });
  const rounds = settings.bootstrap ?? rankDefaults.rounds;
  const level = settings.level ?? rankDefaults.level;
  const seed = settings.seed ?? rankDefaults.seed;
  const table = rateItems(counts, {
    rounds,
    seed,
    level,
    regularisation: rankDefaults.regularisation,
    deadline: ratingStop,
    now: clock,
  });
  if (!table.converged) warnings.push('the Bradley-Terry fit did not converge: ratings are approximate');
  const estimate: EstimateResultDocument = solve<'estimate'>(
    winnerDocument(input, items, criteria, settings, rating, Math.max(1, Math.round(wallStop - clock()))),
    { limits, deadline: wallStop, clock },
  );
  const winner = estimate.winner!;
  warnings.push(...estimate.warnings);
  let status = estimate.status;
  if (table.completed < rounds) {
    warnings.push(`the time limit stopped the rating bootstrap after ${table.completed} of ${rounds} rounds`);
    if (status === 'optimal') status = 'time_limit';
  }
  const support = estimate.bootstrap?.items;
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  const leaderboard = rankOrder(items, table.ratings).map((entry) => {
    const i = items.indexOf(entry.item);
    return {
      rank: entry.rank,
      item: entry.item,
      rating: table.ratings[i],
      interval: table.lower && table.upper ? [table.lower[i], table.upper[i]] : null,
      winRate: finite(table.winRates[i]),
      games: table.games[i],
      probability: winner.distribution[i],
      supportFrequency: support ? support[i].supportFrequency : null,
    };
  });
  const n = items.length;
  return {
    kind: 'rank',
    status,
    items,
    leaderboard,
    winner,
    warnings,
    criteria,
    criterion: rating,
    bootstrap: { rounds, completed: Math.min(table.completed, estimate.bootstrap?.completed ?? 0), seed, level },
    ...(input.rows
      ? {
          rows: {
            format: input.rows.format,
            accepted: input.rows.accepted,
            skipped: input.rows.skipped,
            rejected: input.rows.rejectedCount,
          },
        }
      : {}),
    winRates: Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => finite(table.pairRates[i * n + j])),
    ),
    diagnostics: { elapsedMs: Math.round((performance.now() - started) * 1000) / 1000 },
  };
}
