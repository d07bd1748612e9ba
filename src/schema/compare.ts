import { Type, type Static } from '@sinclair/typebox';
import { common, Criterion, Norm, NumberByName, PreferenceMatrix, Target } from './problem.js';
import { Name, StringEnum } from './primitives.js';
import { Rankings, RankingsRequest, rankingMethods } from './rankings.js';
import { Certificate, SolveStatus, SupportEntry } from './result.js';
import { TradeoffDiagnostics } from './pareto.js';

/**
 * The `compare` kind: named lotteries (given, or computed by a solver) compared on every
 * criterion, on an overall preference matrix and against targets.
 */

/** A target to measure every lottery against: `max_j dist(z_j(pi), S)` in the norm. */
export const NamedTarget = Type.Object(
  { name: Name, target: Target, norm: Type.Optional(Norm) },
  { additionalProperties: false },
);

/**
 * One lottery to compare, by its `source` (the table of sources in `src/compare/sources.ts`):
 * - `lottery`: given explicitly, as `distribution` (one probability per item) or `probabilities` (by item name);
 * - `von-neumann`: the von Neumann winner of `criterion`, or of `overall` when no criterion is named;
 * - `linear`: the linear-aggregation winner with `weights` (default equal);
 * - `blackwell`: the Blackwell winner of `target` (a target document, or the name of an entry of `targets`) under `norm`;
 * - `baseline`: the item a classic `method` (condorcet, copeland, borda, bradley-terry) ranks first on `criterion` (or overall).
 */
export const LotteryEntry = Type.Object(
  {
    name: Name,
    source: Type.String({ description: 'lottery, von-neumann, linear, blackwell or baseline.' }),
    method: Type.Optional(
      StringEnum(rankingMethods, {
        description:
          'baseline: condorcet, copeland, borda or bradley-terry; the lottery is the item it ranks first (ties share).',
      }),
    ),
    distribution: Type.Optional(
      Type.Array(Type.Number(), { minItems: 1, description: 'lottery: one probability per item, summing to 1.' }),
    ),
    probabilities: Type.Optional(
      Type.Record(Type.String(), Type.Number(), {
        description: 'lottery: probability by item name (others 0), summing to 1.',
      }),
    ),
    criterion: Type.Optional(
      Type.String({ description: 'von-neumann, baseline: the criterion; leave out for the overall matrix.' }),
    ),
    weights: Type.Optional(
      Type.Record(Type.String(), Type.Number(), { description: 'linear: weight per criterion name.' }),
    ),
    target: Type.Optional(
      Type.Union([Target, Name], { description: 'blackwell: a target, or the name of an entry of targets.' }),
    ),
    norm: Type.Optional(Norm),
  },
  { additionalProperties: false },
);

/** `kind: "compare"`. */
export const CompareProblem = Type.Object(
  {
    kind: Type.Literal('compare'),
    ...common,
    criteria: Type.Array(Criterion, { minItems: 1 }),
    overall: Type.Optional(PreferenceMatrix),
    targets: Type.Optional(Type.Array(NamedTarget, { description: 'Targets to measure every lottery against.' })),
    lotteries: Type.Optional(
      Type.Array(LotteryEntry, {
        minItems: 1,
        maxItems: 100,
        description:
          'Default: the von Neumann winner of each criterion and of overall, the linear winner with equal weights and the Blackwell winner of each target.',
      }),
    ),
    rankings: Type.Optional(RankingsRequest),
  },
  { additionalProperties: false },
);

/** One compared lottery. */
export const ComparedLottery = Type.Object(
  {
    name: Type.String(),
    source: Type.String(),
    status: SolveStatus,
    distribution: Type.Array(Type.Number()),
    support: Type.Array(SupportEntry),
    guarantees: NumberByName,
    overallGuarantee: Type.Optional(
      Type.Number({
        description: 'min_j sum_i pi_i overall[i][j]: the win probability it secures on the overall preferences.',
      }),
    ),
    distances: NumberByName,
    value: Type.Optional(
      Type.Number({ description: 'The objective of the solver that produced it (recomputed), when one did.' }),
    ),
    certificate: Type.Optional(Certificate),
  },
  { additionalProperties: false },
);

/** The result of a `compare` problem. */
export const CompareResult = Type.Object(
  {
    id: Type.Optional(Type.Union([Type.String(), Type.Number(), Type.Null()])),
    kind: Type.Literal('compare'),
    status: SolveStatus,
    items: Type.Array(Type.String()),
    criteria: Type.Array(Type.String()),
    lotteries: Type.Array(ComparedLottery),
    headToHead: Type.Object(
      {
        criteria: Type.Record(Type.String(), Type.Array(Type.Array(Type.Number())), {
          description:
            'Per criterion c, [a][b] = P_c(pi_a, pi_b) = sum_ij pi_a[i] P_c[i][j] pi_b[j]: the probability that a draw from lottery a beats a draw from lottery b.',
        }),
        overall: Type.Optional(
          Type.Array(Type.Array(Type.Number()), { description: 'The same on the overall matrix.' }),
        ),
      },
      { additionalProperties: false },
    ),
    rankings: Type.Optional(Rankings),
    diagnostics: TradeoffDiagnostics,
    warnings: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

/** The type of the {@link CompareProblem} schema: such a document as plain data. */
export type CompareDocument = Static<typeof CompareProblem>;
/** The type of the {@link LotteryEntry} schema: such a document as plain data. */
export type LotteryEntryDocument = Static<typeof LotteryEntry>;
/** The type of the {@link CompareResult} schema: such a document as plain data. */
export type CompareResultDocument = Static<typeof CompareResult>;
/** The type of the {@link ComparedLottery} schema: such a document as plain data. */
export type ComparedLotteryDocument = Static<typeof ComparedLottery>;

/** A `compare` problem document (the type of the {@link CompareProblem} schema). */
export type CompareProblem = CompareDocument;
/** A `compare` result document (the type of the {@link CompareResult} schema). */
export type CompareResult = CompareResultDocument;
