import { Type, type Static } from '@sinclair/typebox';
import { Comparisons } from './comparisons.js';
import { Level, NameField, StringEnum } from './primitives.js';
import { Norm, Target } from './problem.js';
import { Result, SolveStatus } from './result.js';

/**
 * `prefgame rank` and `POST /v1/rank`: a battle log in, a leaderboard (Bradley-Terry ratings on
 * the Elo scale with bootstrap intervals) and the game-theoretic winner out.
 */

/** Defaults of rank, in one place (docs/rank.md lists them). */
export const rankDefaults = { rounds: 200, seed: 1, level: 0.95, threshold: 0.5, regularisation: 0.01 } as const;

/** The settings of a rank, as JSON fields or query parameters (same names). */
export const rankSettingFields = {
  format: Type.Optional(
    StringEnum(['arena', 'pairs', 'ratings'], { description: 'Log format; detected from the columns when left out.' }),
  ),
  criterion: Type.Optional(
    NameField('Rank on this criterion only (von Neumann winner of it); default: the only criterion.'),
  ),
  target: Type.Optional(
    Type.Union(
      [Type.String({ maxLength: 10_000, description: 'NAME=THRESHOLD,... as on the command line.' }), Target],
      {
        description: "Several criteria: the Blackwell winner's target; default threshold 0.5 on every criterion.",
      },
    ),
  ),
  norm: Type.Optional(Norm),
  bootstrap: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 10_000,
      description: `Bootstrap rounds for the intervals and the winner's support frequencies; default ${rankDefaults.rounds}.`,
    }),
  ),
  seed: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 4294967295,
      description: `Seed of the bootstrap; default ${rankDefaults.seed}.`,
    }),
  ),
  level: Type.Optional(Level(`Level of the rating intervals; default ${rankDefaults.level}.`)),
  bothBad: Type.Optional(
    StringEnum(['tie', 'skip'], {
      description: 'arena: "tie (bothbad)" outcomes count as ties (default) or are skipped.',
    }),
  ),
  timeLimitMs: Type.Optional(
    Type.Integer({
      minimum: 1,
      description: 'Time limit of the whole rank (bootstraps stop at it, status time_limit).',
    }),
  ),
};

/** The settings alone (query parameters of `POST /v1/rank`). */
export const RankSettings = Type.Object(rankSettingFields, { additionalProperties: false });

/** The JSON body of `POST /v1/rank` with battle rows: `{ format, rows, ...settings }`. */
export const RankRowsRequest = Type.Object(
  {
    rows: Type.Array(Type.Object({}, { additionalProperties: true }), {
      minItems: 1,
      description: 'Battle rows as objects, for example { model_a, model_b, winner }.',
    }),
    ...rankSettingFields,
  },
  { additionalProperties: false },
);

/** The JSON body of `POST /v1/rank` in the comparisons form: `{ items?, comparisons, ...settings }`. */
export const RankComparisonsRequest = Type.Object(
  {
    items: Type.Optional(Type.Array(NameField('An item.'), { minItems: 1 })),
    comparisons: Comparisons,
    ...rankSettingFields,
  },
  { additionalProperties: false },
);

/** The JSON body of `POST /v1/rank`: battle rows with their format, or the comparisons form. */
export const RankRequest = Type.Union([RankRowsRequest, RankComparisonsRequest], {
  description: 'Battle rows ({ format, rows }) or the comparisons form, with the rank settings as fields.',
});

/** The settings as query parameters (text; numbers are read from it). */
export const RankQuery = Type.Object(
  Object.fromEntries(
    Object.entries(rankSettingFields).map(([name, field]) => {
      const schema = field as unknown as { enum?: string[]; description?: string; anyOf?: unknown };
      const described = {
        description: schema.description ?? (name === 'target' ? 'NAME=THRESHOLD,... (several criteria)' : undefined),
      };
      return [
        name,
        Type.Optional(
          schema.enum
            ? Type.Unsafe<string>({ type: 'string', enum: schema.enum, ...described })
            : Type.String(described),
        ),
      ];
    }),
  ),
  { additionalProperties: false },
);

/** One line of the leaderboard. */
export const LeaderboardEntry = Type.Object(
  {
    rank: Type.Integer({ minimum: 1, description: '1 is best; equal ratings share a rank (1, 2, 2, 4).' }),
    item: Type.String(),
    rating: Type.Number({
      description: 'Bradley-Terry rating on the Elo scale: 1000 + 400 s / ln 10, s the log-strength (mean 0).',
    }),
    interval: Type.Union([Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }), Type.Null()], {
      description:
        'Bootstrap percentile interval [lower, upper] of the rating, on the same Elo scale; null without bootstrap.',
    }),
    winRate: Type.Union([Type.Number(), Type.Null()], {
      description: '(wins + ties / 2) / games against every opponent; null without games.',
    }),
    games: Type.Number({ description: "Comparisons the item took part in (on the rating's criteria)." }),
    probability: Type.Number({ description: "Probability of the item in the winner's lottery." }),
    supportFrequency: Type.Union([Type.Number(), Type.Null()], {
      description:
        'Fraction of bootstrap rounds whose winner gives the item positive probability; null without bootstrap.',
    }),
  },
  { additionalProperties: false },
);

/** The rank document. */
export const RankResult = Type.Object(
  {
    id: Type.Optional(Type.Union([Type.String(), Type.Number(), Type.Null()])),
    kind: Type.Literal('rank'),
    status: SolveStatus,
    items: Type.Array(Type.String(), { description: 'Items in order of first appearance in the log.' }),
    leaderboard: Type.Array(LeaderboardEntry, { description: 'Best rating first.' }),
    winner: Result,
    warnings: Type.Array(Type.String()),
    criteria: Type.Optional(
      Type.Array(Type.String(), { description: 'The criteria of the log ("preference" for rows without one).' }),
    ),
    criterion: Type.Optional(
      Type.Union([Type.String(), Type.Null()], {
        description: 'The criterion the ratings are of; null when pooled over several criteria.',
      }),
    ),
    bootstrap: Type.Optional(
      Type.Object(
        { rounds: Type.Integer(), completed: Type.Integer(), seed: Type.Integer(), level: Type.Number() },
        {
          additionalProperties: false,
          description:
            'The bootstrap behind the intervals and support frequencies (completed < rounds: stopped by the time limit).',
        },
      ),
    ),
    rows: Type.Optional(
      Type.Object(
        { format: Type.String(), accepted: Type.Integer(), skipped: Type.Integer(), rejected: Type.Integer() },
        {
          additionalProperties: false,
          description: 'How the log was read: rows used, skipped on purpose and rejected (listed in warnings).',
        },
      ),
    ),
    winRates: Type.Optional(
      Type.Array(Type.Array(Type.Union([Type.Number(), Type.Null()])), {
        description:
          "winRates[i][j]: (wins + ties / 2) / comparisons of items[i] against items[j] on the rating's criteria; null when never compared.",
      }),
    ),
    diagnostics: Type.Optional(Type.Object({ elapsedMs: Type.Number() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

/** The type of the {@link RankSettings} schema: such a document as plain data. */
export type RankSettingsDocument = Static<typeof RankSettings>;
/** The type of the {@link RankRequest} schema: such a document as plain data. */
export type RankRequestDocument = Static<typeof RankRequest>;
/** The type of the {@link RankRowsRequest} schema: such a document as plain data. */
export type RankRowsRequestDocument = Static<typeof RankRowsRequest>;
/** The type of the {@link RankComparisonsRequest} schema: such a document as plain data. */
export type RankComparisonsRequestDocument = Static<typeof RankComparisonsRequest>;
/** The type of the {@link LeaderboardEntry} schema: such a document as plain data. */
export type LeaderboardEntryDocument = Static<typeof LeaderboardEntry>;
/** The type of the {@link RankResult} schema: such a document as plain data. */
export type RankResultDocument = Static<typeof RankResult>;
