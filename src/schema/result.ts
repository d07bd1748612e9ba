import { Type, type Static } from '@sinclair/typebox';
import { errorRegistry } from '../errors.js';
import { Rankings } from './rankings.js';
import type { ProblemKind, ResultOf } from './kinds.js';

/**
 * The result document (docs/design.md section 4.2) and the error line of batches and the CLI
 * (section 4.3), as JSON Schema.
 */

const Identifier = Type.Union([Type.String(), Type.Number(), Type.Null()]);

/** One item of a lottery's support. */
export const SupportEntry = Type.Object(
  { item: Type.String(), probability: Type.Number() },
  { additionalProperties: false },
);

/** Bounds on the optimal value: the optimum lies in [lowerBound, upperBound] and gap = upperBound - lowerBound. */
export const Certificate = Type.Object(
  { lowerBound: Type.Number(), upperBound: Type.Number(), gap: Type.Number() },
  { additionalProperties: false },
);

/** How the result was computed. */
export const Diagnostics = Type.Object(
  {
    backend: Type.String({ description: 'LP engine: highs or javascript-lp-solver.' }),
    method: Type.String({ description: 'Algorithm: full-lp or cutting-planes.' }),
    iterations: Type.Integer({ description: 'LP iterations (simplex and interior point) over all solves.' }),
    rounds: Type.Optional(Type.Integer({ description: 'Cutting-plane rounds (l2 Blackwell).' })),
    elapsedMs: Type.Number(),
  },
  { additionalProperties: false },
);

/** Every status a solve can end in. */
export const SolveStatus = Type.Union([
  Type.Literal('optimal'),
  Type.Literal('time_limit'),
  Type.Literal('iteration_limit'),
  Type.Literal('numerical_error'),
]);

/** The result of a solve. */
export const Result = Type.Object(
  {
    id: Type.Optional(Identifier),
    kind: Type.String(),
    status: SolveStatus,
    items: Type.Array(Type.String()),
    distribution: Type.Array(Type.Number(), { description: 'The lottery over items: non-negative, sums to 1.' }),
    support: Type.Array(SupportEntry, { description: 'Items with positive probability, most probable first.' }),
    value: Type.Number({ description: 'Objective of the returned distribution, recomputed from the definition.' }),
    certificate: Certificate,
    unique: Type.Optional(
      Type.Union([Type.Boolean(), Type.Null()], {
        description:
          'von-neumann and linear: whether the winner is the only optimal lottery; null when not determined.',
      }),
    ),
    guarantees: Type.Optional(
      Type.Record(Type.String(), Type.Number(), {
        description: 'Per criterion: min over opponents j of the win probability against j.',
      }),
    ),
    weights: Type.Optional(
      Type.Record(Type.String(), Type.Number(), { description: 'linear: the normalised weights used.' }),
    ),
    norm: Type.Optional(Type.String({ description: 'blackwell: the norm used.' })),
    columns: Type.Optional(Type.Array(Type.String(), { description: 'matrix-game: the column strategies.' })),
    columnDistribution: Type.Optional(
      Type.Array(Type.Number(), { description: "matrix-game: the column player's minimax strategy." }),
    ),
    rankings: Type.Optional(Rankings),
    diagnostics: Diagnostics,
    warnings: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

/** An error in the plain-data form of batch lines. */
export const ErrorDetailSchema = Type.Object(
  {
    code: Type.Union(Object.keys(errorRegistry).map((code) => Type.Literal(code))),
    message: Type.String(),
    pointer: Type.String({ description: 'JSON pointer of the offending field ("" for the whole document).' }),
  },
  { additionalProperties: false },
);

/** A batch output line for an input line that failed. */
export const ErrorLine = Type.Object(
  {
    id: Identifier,
    status: Type.Literal('error'),
    line: Type.Optional(Type.Integer({ minimum: 1, description: 'Batch input line number (1-based).' })),
    error: ErrorDetailSchema,
  },
  { additionalProperties: false },
);

/**
 * A result document.
 *
 * @example
 * ```ts
 * const result: ResultDocument = solve({ kind: 'von-neumann', preferences: [[0.5, 0.7], [0.3, 0.5]] })
 * result.distribution // [1, 0]
 * ```
 */
export type ResultDocument = Static<typeof Result>;
/** The type of the {@link ErrorLine} schema: such a document as plain data. */
export type ErrorLineDocument = Static<typeof ErrorLine>;
/** The type of the {@link Certificate} schema: such a document as plain data. */
export type CertificateDocument = Static<typeof Certificate>;
/** The type of the {@link SolveStatus} schema: such a document as plain data. */
/** A result's `status`: `optimal`, or why the solve stopped short. */
export type SolveStatusValue = Static<typeof SolveStatus>;

/**
 * The result document `solve` returns: of any kind, or with a kind, that kind's result (so
 * `Result<'pareto'>` is a pareto result). The `Result` *schema* of the same name describes the
 * result of the four winner kinds (von-neumann, linear, blackwell, matrix-game), that is
 * `Result<'von-neumann'>`; the `AnyResult` schema describes any kind's result.
 */
export type Result<K extends ProblemKind = ProblemKind> = { [P in K]: ResultOf<P> }[K];
/** A batch line that failed (the type of the {@link ErrorLine} schema). */
export type ErrorLine = ErrorLineDocument;
