import { Type, type Static } from '@sinclair/typebox';
import { Comparisons, EstimationSettings } from './comparisons.js';
import { Level, NameField, StringEnum } from './primitives.js';
import { common, Criterion, Norm, Target } from './problem.js';
import { Rankings, RankingsRequest } from './rankings.js';
import { Result, SolveStatus } from './result.js';

/**
 * `kind: "estimate"`: preference matrices estimated from raw comparisons, with per-entry
 * confidence intervals, counts, and optionally a winner with its bootstrap confidence, the
 * plug-in bound (docs/design.md section 1.8) and a sample-size plan.
 */

/** The solver kinds whose winner an estimate can compute and bootstrap. */
export const estimateWinnerKinds = ['von-neumann', 'linear', 'blackwell'] as const;

/**
 * Defaults of the estimate kind, in one place (documented in docs/guides/estimate.md).
 *
 * @example
 * ```ts
 * const document: EstimateDocument = { kind: 'estimate', comparisons }
 * assert.equal(document.bootstrap?.rounds ?? estimateDefaults.rounds, 200)
 * ```
 */
export const estimateDefaults = {
  prior: 0.5,
  interval: 'wilson',
  level: 0.95,
  rounds: 200,
  seed: 1,
  delta: 0.05,
} as const;

/** `intervals`: how the entry intervals are computed. */
export const IntervalSettings = Type.Object(
  {
    method: Type.Optional(
      StringEnum(['wilson', 'beta'], {
        description:
          'wilson (default): Wilson score interval; beta: equal-tailed Beta(s + prior, n - s + prior) posterior interval.',
      }),
    ),
    level: Type.Optional(Level('Confidence level of every entry interval; default 0.95.')),
  },
  { additionalProperties: false },
);

/** `bootstrap`: the resampling of the comparisons for the winner's confidence. */
export const BootstrapSettings = Type.Object(
  {
    rounds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 10_000,
        description: 'Resamples of the comparisons; default 200, 0 for none.',
      }),
    ),
    seed: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 4294967295, description: 'Seed of the resampling; default 1.' }),
    ),
    level: Type.Optional(Level('Level of the percentile intervals; default 0.95.')),
  },
  { additionalProperties: false },
);

/** `kind: "estimate"`. */
export const EstimateProblem = Type.Object(
  {
    kind: Type.Literal('estimate'),
    ...common,
    comparisons: Comparisons,
    estimation: Type.Optional(EstimationSettings),
    intervals: Type.Optional(IntervalSettings),
    winner: Type.Optional(
      StringEnum([...estimateWinnerKinds, 'none'], {
        description:
          'Also compute this winner on the estimated preferences, with bootstrap confidence and the plug-in bound. Without winner: the von Neumann winner and its plug-in bound when the comparisons have one criterion (no bootstrap: set winner to have one), none with several (a warning says why); "none": no winner.',
      }),
    ),
    criterion: Type.Optional(NameField('winner von-neumann with several criteria: the criterion to use.')),
    weights: Type.Optional(
      Type.Record(Type.String(), Type.Number(), {
        description: 'winner linear: weights per criterion (as in kind linear).',
      }),
    ),
    target: Type.Optional(Target),
    norm: Type.Optional(Norm),
    bootstrap: Type.Optional(BootstrapSettings),
    bound: Type.Optional(
      Type.Object(
        { delta: Type.Optional(Level('1 - confidence of the plug-in bound; default 0.05.')) },
        { additionalProperties: false },
      ),
    ),
    plan: Type.Optional(
      Type.Object(
        {
          epsilon: Type.Number({
            exclusiveMinimum: 0,
            maximum: 1,
            description: 'Wanted suboptimality of the estimated winner on the true preferences.',
          }),
          delta: Type.Optional(Level('1 - confidence; default 0.05.')),
        },
        { additionalProperties: false },
      ),
    ),
    rankings: Type.Optional(RankingsRequest),
  },
  {
    additionalProperties: false,
    dependentRequired: {
      criterion: ['winner'],
      weights: ['winner'],
      target: ['winner'],
      norm: ['winner'],
      bootstrap: ['winner'],
      bound: ['winner'],
    },
    allOf: [
      { if: { properties: { winner: { const: 'blackwell' } }, required: ['winner'] }, then: { required: ['target'] } },
    ],
  },
);

const Rows = Type.Array(Type.Array(Type.Number()));
function Interval(description: string) {
  return Type.Object(
    { lower: Type.Number(), upper: Type.Number(), mean: Type.Number() },
    { additionalProperties: false, description },
  );
}

/** The bootstrap confidence of a winner. */
export const WinnerBootstrap = Type.Object(
  {
    rounds: Type.Integer(),
    completed: Type.Integer({ description: 'Rounds done (fewer than rounds when the time limit ran out).' }),
    inexact: Type.Integer({
      description: 'Rounds whose solve did not reach status optimal (their lottery is still counted).',
    }),
    seed: Type.Integer(),
    level: Type.Number(),
    items: Type.Array(
      Type.Object(
        {
          item: Type.String(),
          probability: Type.Number({ description: 'Probability in the winner of the estimated preferences.' }),
          lower: Type.Number(),
          upper: Type.Number(),
          mean: Type.Number(),
          supportFrequency: Type.Number({
            description: 'Fraction of rounds in which the item has positive probability in the resampled winner.',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    winnerValue: Interval(
      'Percentile interval and mean of the objective of the returned lottery evaluated on each resampled matrix (von-neumann, linear: the win probability it guarantees; blackwell: its distance to the target).',
    ),
    value: Type.Optional(Interval('blackwell: percentile interval and mean of the optimal value of each resample.')),
  },
  { additionalProperties: false },
);

/** The plug-in bound: the winner of `P_hat` is within `epsilon` of optimal on P with probability `1 - delta`. */
export const PlugInBound = Type.Object(
  {
    delta: Type.Number(),
    epsilon: Type.Number({
      description:
        'With probability at least 1 - delta, the winner is within epsilon of optimal on the true preferences.',
    }),
    gap: Type.Number({ description: 'The part of epsilon that is the certificate gap of the solve on the estimate.' }),
    deviations: Type.Array(
      Type.Object(
        {
          criterion: Type.String(),
          support: Type.Number({ description: "Bound on |P_hat - P| over the rows of the winner's support." }),
          all: Type.Number({ description: 'Bound on |P_hat - P| over every entry.' }),
        },
        { additionalProperties: false },
      ),
    ),
    observedCells: Type.Integer({
      description: 'Pairs x criteria with at least one comparison: the union bound is over these.',
    }),
  },
  { additionalProperties: false },
);

/** The sample-size plan. */
export const SamplePlan = Type.Object(
  {
    epsilon: Type.Number(),
    delta: Type.Number(),
    comparisonsPerPair: Type.Integer({ description: 'Comparisons needed per pair and criterion.' }),
    pairs: Type.Integer(),
    criteria: Type.Integer(),
    totalComparisons: Type.Integer(),
    deviation: Type.Number({ description: 'The entrywise deviation bound D that comparisonsPerPair achieves.' }),
    factor: Type.Number({
      description: 'epsilon = factor * D: 1 for von-neumann and linear, 2 * ||1_k|| for blackwell.',
    }),
    pairsShort: Type.Integer({ description: 'Pairs x criteria of this data with fewer comparisons than needed.' }),
    additionalComparisons: Type.Integer({
      description: 'Comparisons still to collect to reach the plan on every pair and criterion.',
    }),
  },
  { additionalProperties: false },
);

/** The result of `kind: "estimate"`. */
export const EstimateResult = Type.Object(
  {
    id: Type.Optional(Type.Union([Type.String(), Type.Number(), Type.Null()])),
    kind: Type.Literal('estimate'),
    status: SolveStatus,
    items: Type.Array(Type.String()),
    criteria: Type.Array(Criterion, {
      description: 'The estimated matrices P_hat, ready to use as the criteria of a problem document.',
    }),
    prior: Type.Number(),
    intervals: Type.Object(
      {
        method: Type.String(),
        level: Type.Number(),
        criteria: Type.Array(
          Type.Object({ name: Type.String(), lower: Rows, upper: Rows }, { additionalProperties: false }),
        ),
      },
      { additionalProperties: false },
    ),
    counts: Type.Array(
      Type.Object(
        { name: Type.String(), comparisons: Rows, wins: Rows, ties: Rows },
        {
          additionalProperties: false,
          description: 'comparisons[i][j]: comparisons of the pair; wins[i][j]: wins of i over j; ties[i][j]: ties.',
        },
      ),
    ),
    totalComparisons: Type.Integer(),
    unobservedPairs: Type.Object(
      {
        count: Type.Integer(),
        pairs: Type.Array(
          Type.Object({ criterion: Type.String(), items: Type.Array(Type.String()) }, { additionalProperties: false }),
          { description: 'The first 100.' },
        ),
      },
      { additionalProperties: false },
    ),
    winner: Type.Optional(Result),
    bootstrap: Type.Optional(WinnerBootstrap),
    bound: Type.Optional(PlugInBound),
    plan: Type.Optional(SamplePlan),
    rankings: Type.Optional(Rankings),
    diagnostics: Type.Object(
      { method: Type.String(), elapsedMs: Type.Number(), bootstrapMs: Type.Optional(Type.Number()) },
      { additionalProperties: false },
    ),
    warnings: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

/** The type of the {@link EstimateProblem} schema: such a document as plain data. */
export type EstimateDocument = Static<typeof EstimateProblem>;
/** The type of the {@link EstimateResult} schema: such a document as plain data. */
export type EstimateResultDocument = Static<typeof EstimateResult>;
/** The type of the {@link WinnerBootstrap} schema: such a document as plain data. */
export type WinnerBootstrapDocument = Static<typeof WinnerBootstrap>;
/** The type of the {@link PlugInBound} schema: such a document as plain data. */
export type PlugInBoundDocument = Static<typeof PlugInBound>;
/** The type of the {@link SamplePlan} schema: such a document as plain data. */
export type SamplePlanDocument = Static<typeof SamplePlan>;

/** An `estimate` problem document (the type of the {@link EstimateProblem} schema). */
export type EstimateProblem = EstimateDocument;
/** An `estimate` result document (the type of the {@link EstimateResult} schema). */
export type EstimateResult = EstimateResultDocument;
