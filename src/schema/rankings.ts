import { Type, type Static } from '@sinclair/typebox';
import { Level, StringEnum } from './primitives.js';

/**
 * The classic rankings (Condorcet, Copeland, Borda, Bradley-Terry) that a request can ask for
 * beside its game-theoretic winner (`rankings` field), and their shape in results.
 */

/** The baseline methods, in the order results list them. */
export const rankingMethods = ['condorcet', 'copeland', 'borda', 'bradley-terry'] as const;
/** One of {@link rankingMethods}. */
export type RankingMethod = (typeof rankingMethods)[number];

/** Default L2 penalty on Bradley-Terry log-strengths (a Gaussian prior with standard deviation 10). */
export const defaultRegularisation = 0.01;

/** `rankings`: `true` for every method with the defaults, or the methods and settings. */
export const RankingsRequest = Type.Union(
  [
    Type.Boolean(),
    Type.Object(
      {
        methods: Type.Optional(
          Type.Array(StringEnum(rankingMethods), {
            minItems: 1,
            uniqueItems: true,
            description: 'Which baselines; default all four.',
          }),
        ),
        regularisation: Type.Optional(
          Type.Number({
            minimum: 0,
            maximum: 1e6,
            description: `Bradley-Terry: L2 penalty (lambda/2) * sum s_i^2 on the log-strengths; default ${defaultRegularisation}. 0 needs strongly connected comparisons.`,
          }),
        ),
        rounds: Type.Optional(
          Type.Integer({
            minimum: 0,
            maximum: 10_000,
            description:
              'Bradley-Terry: bootstrap rounds for score intervals (comparisons only); default 200, 0 for none.',
          }),
        ),
        seed: Type.Optional(
          Type.Integer({ minimum: 0, maximum: 4294967295, description: 'Seed of the bootstrap; default 1.' }),
        ),
        level: Type.Optional(Level('Level of the bootstrap intervals; default 0.95.')),
      },
      { additionalProperties: false },
    ),
  ],
  {
    description:
      'Add classic rankings (Condorcet, Copeland, Borda, Bradley-Terry) to the result: true for all, or { methods, regularisation, rounds, seed, level }.',
  },
);

/** One item in a ranking: best first; `rank` 1 is best and equal scores share a rank (1, 2, 2, 4). */
export const RankedItem = Type.Object(
  {
    item: Type.String(),
    rank: Type.Integer({ minimum: 1 }),
    score: Type.Number(),
    rating: Type.Optional(Type.Number({ description: 'Bradley-Terry on the Elo scale: 1000 + 400 * score / ln(10).' })),
    lower: Type.Optional(
      Type.Number({
        description:
          'Bradley-Terry with comparisons: lower end of the bootstrap percentile interval of score, on the log-strength scale of score (the same number as logStrengthInterval[0]; ratingInterval is the interval on the Elo scale of rating).',
      }),
    ),
    upper: Type.Optional(
      Type.Number({
        description: 'Upper end of the interval of score, on the log-strength scale (logStrengthInterval[1]).',
      }),
    ),
    ratingInterval: Type.Optional(
      Type.Array(Type.Number(), {
        minItems: 2,
        maxItems: 2,
        description:
          'Bradley-Terry with comparisons: bootstrap percentile interval [lower, upper] of rating, on the Elo scale of rating.',
      }),
    ),
    logStrengthInterval: Type.Optional(
      Type.Array(Type.Number(), {
        minItems: 2,
        maxItems: 2,
        description:
          'Bradley-Terry with comparisons: the same interval on the log-strength scale of score ([lower, upper]).',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The Bradley-Terry fit of one criterion. */
export const BradleyTerryRanking = Type.Object(
  {
    scores: Type.Array(RankedItem, {
      description: 'score = log-strength s_i (mean 0): P(i beats j) = 1 / (1 + exp(s_j - s_i)).',
    }),
    regularisation: Type.Number(),
    iterations: Type.Integer(),
    converged: Type.Boolean(),
    intervals: Type.Optional(
      Type.Object(
        { level: Type.Number(), rounds: Type.Integer(), completed: Type.Integer(), seed: Type.Integer() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** The baselines of one criterion (or of the weighted sum, for `linear`). */
export const BaselineRanking = Type.Object(
  {
    criterion: Type.Optional(
      Type.String({ description: 'The criterion; absent for a single unnamed matrix and for the weighted sum.' }),
    ),
    condorcetWinner: Type.Optional(
      Type.Union([Type.String(), Type.Null()], {
        description: 'The item with P[i][j] > 1/2 against every other item, or null.',
      }),
    ),
    condorcetLoser: Type.Optional(
      Type.Union([Type.String(), Type.Null()], {
        description: 'The item with P[i][j] < 1/2 against every other item, or null.',
      }),
    ),
    copeland: Type.Optional(
      Type.Array(RankedItem, { description: 'score = #{j : P[i][j] > 1/2} + #{j : P[i][j] = 1/2} / 2.' }),
    ),
    borda: Type.Optional(
      Type.Array(RankedItem, { description: 'score = mean over j != i of P[i][j] (Borda on probabilities).' }),
    ),
    bradleyTerry: Type.Optional(BradleyTerryRanking),
  },
  { additionalProperties: false },
);

/** `rankings` in a result. */
export const Rankings = Type.Object(
  {
    methods: Type.Array(StringEnum(rankingMethods)),
    criteria: Type.Array(BaselineRanking),
    weighted: Type.Optional(BaselineRanking),
  },
  {
    additionalProperties: false,
    description: 'Classic rankings per criterion (and of the weighted matrix for linear), beside the winner.',
  },
);

/** The type of the {@link RankingsRequest} schema: such a document as plain data. */
export type RankingsRequestDocument = Static<typeof RankingsRequest>;
/** The type of the {@link RankedItem} schema: such a document as plain data. */
export type RankedItemDocument = Static<typeof RankedItem>;
/** The type of the {@link BaselineRanking} schema: such a document as plain data. */
export type BaselineRankingDocument = Static<typeof BaselineRanking>;
/** The type of the {@link Rankings} schema: such a document as plain data. */
export type RankingsDocument = Static<typeof Rankings>;
