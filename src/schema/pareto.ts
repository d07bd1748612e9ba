import { Type, type Static } from '@sinclair/typebox';
import { common, Criterion, Norm, NumberByName, Target } from './problem.js';
import { Certificate, SolveStatus, SupportEntry } from './result.js';

/**
 * The `pareto` kind: the Pareto frontier of worst-case guarantees, winners marked on it, and
 * Blackwell winners along a line or grid of threshold targets (a "sweep").
 */

/** Blackwell winners for many threshold targets in one call: a line (`from`, `to`, `steps`) or a grid. */
export const Sweep = Type.Object(
  {
    from: Type.Optional(
      Type.Record(Type.String(), Type.Number(), {
        description:
          'Line sweep: thresholds at the first step, by criterion name (criteria left out have no threshold).',
      }),
    ),
    to: Type.Optional(
      Type.Record(Type.String(), Type.Number(), {
        description: 'Line sweep: thresholds at the last step; must name the same criteria as from.',
      }),
    ),
    steps: Type.Optional(
      Type.Integer({
        minimum: 2,
        maximum: 1000,
        description: 'Line sweep: number of evenly spaced targets from `from` to `to`, both included.',
      }),
    ),
    grid: Type.Optional(
      Type.Record(Type.String(), Type.Array(Type.Number(), { minItems: 1, maxItems: 1000 }), {
        description:
          'Grid sweep: the threshold values of each named criterion; every combination is solved (at most 1000 targets).',
      }),
    ),
    norm: Type.Optional(Norm),
  },
  {
    additionalProperties: false,
    description:
      'Either from + to + steps (a line) or grid. Each target is "z_c >= threshold_c" for the named criteria.',
  },
);

/** `kind: "pareto"`. */
export const ParetoProblem = Type.Object(
  {
    kind: Type.Literal('pareto'),
    ...common,
    criteria: Type.Array(Criterion, { minItems: 2, description: 'At least two criteria.' }),
    maxVertices: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        description:
          'Vertex budget: past it the frontier is returned as an inner and an outer approximation with the Hausdorff distance between them. Default 1000.',
      }),
    ),
    target: Type.Optional(Target),
    norm: Type.Optional(Norm),
    weights: Type.Optional(
      Type.Record(Type.String(), Type.Number(), {
        description: 'Also compute the linear-aggregation winner with these weights and mark it on the frontier.',
      }),
    ),
    sweep: Type.Optional(Sweep),
  },
  { additionalProperties: false },
);

/** A point of the frontier: the guarantees and a lottery that attains them. */
export const FrontierPoint = Type.Object(
  {
    guarantees: NumberByName,
    distribution: Type.Array(Type.Number()),
    support: Type.Array(SupportEntry),
  },
  { additionalProperties: false },
);

/** A winner marked on the frontier (Blackwell for `target`, linear for `weights`, or one step of a sweep). */
export const MarkedWinner = Type.Object(
  {
    status: SolveStatus,
    distribution: Type.Array(Type.Number()),
    support: Type.Array(SupportEntry),
    guarantees: NumberByName,
    value: Type.Number({
      description: 'Blackwell: max_j dist(z_j(pi), S); linear: min_j of the weighted win probability.',
    }),
    certificate: Certificate,
    norm: Type.Optional(Type.String()),
    target: Type.Optional(Target),
    weights: Type.Optional(NumberByName),
    thresholds: Type.Optional(
      Type.Record(Type.String(), Type.Number(), { description: 'Sweep steps: the threshold target of this step.' }),
    ),
  },
  { additionalProperties: false },
);

/** How the result was computed (shared by the kinds of this file and the others of the trade-offs issue). */
export const TradeoffDiagnostics = Type.Object(
  {
    backend: Type.String(),
    method: Type.String(),
    iterations: Type.Integer({ description: 'LP iterations over all solves.' }),
    lpSolves: Type.Integer({ description: 'Number of LP solves.' }),
    elapsedMs: Type.Number(),
  },
  { additionalProperties: false },
);

/** The result of a `pareto` problem. */
export const ParetoResult = Type.Object(
  {
    id: Type.Optional(Type.Union([Type.String(), Type.Number(), Type.Null()])),
    kind: Type.Literal('pareto'),
    status: SolveStatus,
    items: Type.Array(Type.String()),
    criteria: Type.Array(Type.String()),
    exact: Type.Boolean({
      description: 'True when frontier is the exact vertex set: every vertex found and hausdorffDistance <= tolerance.',
    }),
    frontier: Type.Array(FrontierPoint, {
      description:
        'Pareto-optimal guarantee vectors with lotteries that attain them: the vertices of the frontier (k = 2: ordered by the first criterion, increasing; k >= 3: lexicographically). When not exact, the inner approximation.',
    }),
    outer: Type.Array(NumberByName, {
      description: 'Vertices of the outer approximation: no lottery guarantees more than their upper envelope.',
    }),
    hausdorffDistance: Type.Number({
      description:
        'Upper bound on the l-infinity Hausdorff distance between the inner approximation (below the frontier points) and the outer one.',
    }),
    tolerance: Type.Number(),
    blackwell: Type.Optional(MarkedWinner),
    linear: Type.Optional(MarkedWinner),
    sweep: Type.Optional(Type.Array(MarkedWinner)),
    diagnostics: TradeoffDiagnostics,
    warnings: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

/** The type of the {@link ParetoProblem} schema: such a document as plain data. */
export type ParetoDocument = Static<typeof ParetoProblem>;
/** The type of the {@link Sweep} schema: such a document as plain data. */
export type SweepDocument = Static<typeof Sweep>;
/** The type of the {@link ParetoResult} schema: such a document as plain data. */
export type ParetoResultDocument = Static<typeof ParetoResult>;
/** The type of the {@link MarkedWinner} schema: such a document as plain data. */
export type MarkedWinnerDocument = Static<typeof MarkedWinner>;

/** A `pareto` problem document (the type of the {@link ParetoProblem} schema). */
export type ParetoProblem = ParetoDocument;
/** A `pareto` result document (the type of the {@link ParetoResult} schema). */
export type ParetoResult = ParetoResultDocument;
