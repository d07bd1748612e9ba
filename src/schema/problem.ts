import { Type, type Static } from '@sinclair/typebox';
import { Name, NameField, StringEnum } from './primitives.js';
import { Comparisons, EstimationSettings } from './comparisons.js';
import { RankingsRequest } from './rankings.js';

/**
 * The problem document (docs/design.md section 4.1), as JSON Schema (draft 2020-12) built with
 * TypeBox. The committed files in `schemas/` are generated from these objects
 * (`npm run schemas`) and a test fails when they drift apart.
 */

/** A map from criterion names to numbers, such as `{ "safety": 0.6, "comfort": 0.4 }`. */
export const NumberByName = Type.Record(Type.String(), Type.Number());

/** A row-major matrix of probabilities: `P[i][j]` is the probability that item i is preferred to item j. */
export const PreferenceMatrix = Type.Array(Type.Array(Type.Number({ minimum: 0, maximum: 1 }), { minItems: 1 }), {
  minItems: 1,
  description:
    'Row-major matrix: entry [i][j] is the probability that item i is preferred to item j. P[i][j] + P[j][i] = 1 and P[i][i] = 1/2.',
});

/** One criterion: a name and its preference matrix. */
export const Criterion = Type.Object({ name: Name, preferences: PreferenceMatrix }, { additionalProperties: false });

/** Solver options shared by every kind. Unknown options are errors. */
export const Options = Type.Object(
  {
    tolerance: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: 0.1,
        description: 'Largest certificate gap reported as optimal. Default 1e-9 (1e-7 for the l2 norm).',
      }),
    ),
    timeLimitMs: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 3_600_000,
        description:
          'Wall-clock budget; when it runs out the best lottery found is returned with status time_limit. Default 10000.',
      }),
    ),
    backend: Type.Optional(
      StringEnum(['highs', 'javascript-lp-solver'], {
        description: 'LP engine. Default highs; javascript-lp-solver is for small problems only.',
      }),
    ),
    method: Type.Optional(
      StringEnum(['auto', 'full-lp', 'column-generation'], {
        description:
          'auto (default): column generation, falling back to the full LP when it stops paying; full-lp: one LP over every item; column-generation: restricted games over growing item sets to the end.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** A target set part: `w . z >= offset`. */
export const Halfspace = Type.Object({ weights: NumberByName, offset: Type.Number() }, { additionalProperties: false });

/** The Blackwell target set: every part is intersected with the others and with the unit cube. */
export const Target = Type.Object(
  {
    thresholds: Type.Optional(
      Type.Record(Type.String(), Type.Number(), { description: 'z_c >= t_c for each named criterion c.' }),
    ),
    halfspaces: Type.Optional(Type.Array(Halfspace, { description: 'w . z >= offset, weights by criterion name.' })),
    constraints: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), {
        description:
          'Linear constraints over criterion names, e.g. "0.6*safety + 0.4*comfort >= 0.5". Operators >=, <=, ==.',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** The norm that measures the distance to the target. */
export const Norm = StringEnum(['linf', 'l1', 'l2'], {
  description: 'Distance to the target: linf (default), l1 or l2.',
});

/** Fields of every kind. */
export const common = {
  id: Type.Optional(
    Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Null()], { description: 'Echoed in the result.' }),
  ),
  items: Type.Optional(
    Type.Array(Name, {
      minItems: 1,
      description:
        'Item names, unique; default "0".."n-1", or with comparisons the items in order of first appearance.',
    }),
  ),
  options: Type.Optional(Options),
};

/**
 * The fields through which preferences come as raw comparisons instead of matrices: `comparisons`
 * (exactly one of it and the matrix form), `estimation` (only with comparisons) and `rankings`.
 */
const fromComparisons = {
  comparisons: Type.Optional(Comparisons),
  estimation: Type.Optional(EstimationSettings),
  rankings: Type.Optional(RankingsRequest),
};

/** Exactly one preference form: the matrix field `matrixField`, or `comparisons`. */
function oneForm(matrixField: string, extra: Record<string, string[]> = {}) {
  return {
    additionalProperties: false,
    oneOf: [{ required: [matrixField] }, { required: ['comparisons'] }],
    dependentRequired: { estimation: ['comparisons'], ...extra },
  };
}

/** `kind: "von-neumann"`: the von Neumann winner of one preference matrix. */
export const VonNeumannProblem = Type.Object(
  {
    kind: Type.Literal('von-neumann'),
    ...common,
    preferences: Type.Optional(PreferenceMatrix),
    ...fromComparisons,
    criterion: Type.Optional(
      NameField('With comparisons on several criteria: the one whose von Neumann winner is wanted.'),
    ),
  },
  oneForm('preferences', { criterion: ['comparisons'] }),
);

const CriteriaList = Type.Array(Criterion, { minItems: 1 });

/** `kind: "linear"`: the von Neumann winner of the weighted sum of the criteria's matrices. */
export const LinearProblem = Type.Object(
  {
    kind: Type.Literal('linear'),
    ...common,
    criteria: Type.Optional(CriteriaList),
    ...fromComparisons,
    weights: Type.Optional(
      Type.Record(Type.String(), Type.Number(), {
        description: 'Non-negative weight per criterion name, normalised to sum 1. Default: equal weights.',
      }),
    ),
  },
  oneForm('criteria'),
);

/** `kind: "blackwell"`: the lottery whose worst-case payoff vector is closest to the target set. */
export const BlackwellProblem = Type.Object(
  {
    kind: Type.Literal('blackwell'),
    ...common,
    criteria: Type.Optional(CriteriaList),
    ...fromComparisons,
    target: Target,
    norm: Type.Optional(Norm),
  },
  oneForm('criteria'),
);

/** `kind: "matrix-game"`: a rectangular zero-sum game; the row player maximises. */
export const MatrixGameProblem = Type.Object(
  {
    kind: Type.Literal('matrix-game'),
    ...common,
    columns: Type.Optional(Type.Array(Name, { minItems: 1, description: "Names of the column player's strategies." })),
    payoff: Type.Array(Type.Array(Type.Number(), { minItems: 1 }), {
      minItems: 1,
      description: 'm x n payoffs to the row player.',
    }),
  },
  { additionalProperties: false },
);

/** The type of the {@link VonNeumannProblem} schema: such a document as plain data. */
export type VonNeumannDocument = Static<typeof VonNeumannProblem>;
/** The type of the {@link LinearProblem} schema: such a document as plain data. */
export type LinearDocument = Static<typeof LinearProblem>;
/** The type of the {@link BlackwellProblem} schema: such a document as plain data. */
export type BlackwellDocument = Static<typeof BlackwellProblem>;
/** The type of the {@link MatrixGameProblem} schema: such a document as plain data. */
export type MatrixGameDocument = Static<typeof MatrixGameProblem>;
/** The type of the {@link Target} schema: such a document as plain data. */
export type TargetDocument = Static<typeof Target>;
/** The type of the {@link Options} schema: such a document as plain data. */
export type OptionsDocument = Static<typeof Options>;
/** The type of the {@link Criterion} schema: such a document as plain data. */
export type CriterionDocument = Static<typeof Criterion>;

/** A `von-neumann` problem document (the type of the {@link VonNeumannProblem} schema). */
export type VonNeumannProblem = VonNeumannDocument;
/** A `linear` problem document (the type of the {@link LinearProblem} schema). */
export type LinearProblem = LinearDocument;
/** A `blackwell` problem document (the type of the {@link BlackwellProblem} schema). */
export type BlackwellProblem = BlackwellDocument;
/** A `matrix-game` problem document (the type of the {@link MatrixGameProblem} schema). */
export type MatrixGameProblem = MatrixGameDocument;
/** A target set: half-spaces and/or per-criterion thresholds (the type of the {@link Target} schema). */
export type Target = TargetDocument;
/** One criterion's preference matrix (the type of the {@link Criterion} schema). */
export type Criterion = CriterionDocument;
/** A problem's solver options (the type of the {@link Options} schema). */
export type Options = OptionsDocument;
