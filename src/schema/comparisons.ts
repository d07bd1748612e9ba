import { Type, type Static } from '@sinclair/typebox';
import { Name, NameField, StringEnum } from './primitives.js';

/**
 * The `comparisons` form of the preferences (docs/design.md section 4.1): raw outcomes of pairwise
 * comparisons, which every solver kind accepts instead of probability matrices.
 */

/** The criterion of comparisons that name none. */
export const defaultCriterionName = 'preference';

/** The largest `count` of one comparison row (so that every sum of counts is an exact integer). */
export const maxComparisonCount = 1e12;

/**
 * One row of a comparison log: `winner` beat `loser`, or the two items of `tie` tied, `count`
 * times (default 1), on `criterion` (default "preference").
 */
export const Comparison = Type.Object(
  {
    criterion: Type.Optional(NameField(`Criterion of the comparison; default "${defaultCriterionName}".`)),
    winner: Type.Optional(NameField('The item that was preferred (with loser).')),
    loser: Type.Optional(NameField('The item it was preferred to (with winner).')),
    tie: Type.Optional(
      Type.Array(Name, {
        minItems: 2,
        maxItems: 2,
        description: 'Two items judged equal (instead of winner and loser).',
      }),
    ),
    count: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: maxComparisonCount,
        description: 'How many times this outcome was observed; default 1.',
      }),
    ),
  },
  {
    additionalProperties: false,
    oneOf: [{ required: ['winner', 'loser'] }, { required: ['tie'] }],
    description: 'Either winner and loser, or tie.',
  },
);

/** A comparison log: at least one row. */
export const Comparisons = Type.Array(Comparison, {
  minItems: 1,
  description:
    'Raw comparisons (wins, losses and ties per pair and criterion, with counts): estimated into preference matrices by the documented rules.',
});

/** How comparisons become probabilities: the prior, and what to do with pairs never compared. */
export const EstimationSettings = Type.Object(
  {
    prior: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 1e6,
        description:
          'Symmetric Beta(prior, prior) prior: P_hat[i][j] = (wins + ties/2 + prior) / (comparisons + 2 prior). Default 0.5 (Jeffreys); 0 is the raw frequency.',
      }),
    ),
    missingPairs: Type.Optional(
      StringEnum(['prior', 'error'], {
        description:
          'Pairs never compared on a criterion: "prior" (default) sets them to 1/2 with a warning; "error" refuses with PREF_ERR_MISSING_PAIR.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The type of the {@link Comparison} schema: such a document as plain data. */
export type ComparisonDocument = Static<typeof Comparison>;
/** The type of the {@link EstimationSettings} schema: such a document as plain data. */
export type EstimationSettingsDocument = Static<typeof EstimationSettings>;

/** One comparison row: winner, loser, optional tie, count and criterion (the type of the {@link Comparison} schema). */
export type Comparison = ComparisonDocument;
