import { Type, type Static } from '@sinclair/typebox';
import { common, Criterion, Norm, NumberByName, Target } from './problem.js';
import { Name, StringEnum } from './primitives.js';
import { Certificate, SolveStatus, SupportEntry } from './result.js';
import { TradeoffDiagnostics } from './pareto.js';

/**
 * The `approachability` kind: Blackwell approachability of a target set in repeated play, for
 * a symmetric preference game (`criteria`) or a rectangular vector-payoff game (`payoffs`), with
 * Blackwell's adaptive strategy and a simulator.
 */

/** One payoff matrix of a vector-payoff game: our items (rows) against the opponents (columns). */
export const PayoffCriterion = Type.Object(
  {
    name: Name,
    payoff: Type.Array(Type.Array(Type.Number({ minimum: 0, maximum: 1 }), { minItems: 1 }), {
      minItems: 1,
      description:
        'm x n: entry [i][j] is the payoff (a win probability, or any score in [0, 1]) of our item i against opponent j on this criterion.',
    }),
  },
  { additionalProperties: false },
);

/** The history a stateless strategy call needs. */
export const StrategyRequest = Type.Object(
  {
    average: Type.Record(Type.String(), Type.Number(), {
      description: 'The average payoff vector so far, by criterion name.',
    }),
    rounds: Type.Integer({ minimum: 0, description: 'Rounds played so far (0: no history; average is then ignored).' }),
    enlargement: Type.Optional(
      Type.Number({
        minimum: 0,
        description:
          'Approach the target enlarged by this much (l2). Default: the smallest approachable l2 enlargement (its certified upper bound).',
      }),
    ),
  },
  { additionalProperties: false },
);

/** Who the simulated opponent is. */
export const Opponent = Type.Object(
  {
    type: StringEnum(['fixed', 'random', 'sequence', 'best-response'], {
      description:
        'fixed: the same column lottery every round; random: a uniformly random column each round; sequence: the given columns in turn; best-response: each round the column that takes the average farthest from the target.',
    }),
    distribution: Type.Optional(
      Type.Array(Type.Number(), { minItems: 1, description: "fixed: a lottery over the opponent's columns." }),
    ),
    column: Type.Optional(Name),
    columns: Type.Optional(
      Type.Array(Name, {
        minItems: 1,
        maxItems: 100_000,
        description: 'sequence: column names, repeated when the rounds outnumber them.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** A seeded simulation of Blackwell's strategy. */
export const SimulationRequest = Type.Object(
  {
    rounds: Type.Integer({ minimum: 1, maximum: 100_000 }),
    opponent: Opponent,
    seed: Type.Optional(Type.Integer({ description: 'Seed of the random choices (default 1).' })),
    payoffs: Type.Optional(
      StringEnum(['expected', 'sampled'], {
        description:
          'expected: average the expected payoff vectors of the two lotteries; sampled (default): draw both actions each round.',
      }),
    ),
    enlargement: Type.Optional(Type.Number({ minimum: 0 })),
    checkpoints: Type.Optional(
      Type.Integer({
        minimum: 2,
        maximum: 1000,
        description: 'Trajectory points reported, spaced geometrically (default 40).',
      }),
    ),
  },
  { additionalProperties: false },
);

/** `kind: "approachability"`. */
export const ApproachabilityProblem = Type.Object(
  {
    kind: Type.Literal('approachability'),
    ...common,
    criteria: Type.Optional(
      Type.Array(Criterion, { minItems: 1, description: 'A symmetric preference game: items against items.' }),
    ),
    payoffs: Type.Optional(
      Type.Array(PayoffCriterion, {
        minItems: 1,
        description: 'A vector-payoff game: our items (rows) against opponents (columns), one matrix per criterion.',
      }),
    ),
    columns: Type.Optional(Type.Array(Name, { minItems: 1, description: 'Names of the opponents (payoffs only).' })),
    target: Target,
    norm: Type.Optional(Norm),
    maxCells: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1_000_000,
        description: 'Budget of the search over directions (vector-payoff games). Default 4000.',
      }),
    ),
    analyze: Type.Optional(
      Type.Boolean({
        description: 'Decide approachability (default true). false: only the strategy or the simulation.',
      }),
    ),
    strategy: Type.Optional(StrategyRequest),
    simulate: Type.Optional(SimulationRequest),
  },
  { additionalProperties: false },
);

const Lottery = {
  distribution: Type.Array(Type.Number()),
  support: Type.Array(SupportEntry),
};

/** A trajectory point of a simulation. */
export const TrajectoryPoint = Type.Object(
  {
    round: Type.Integer(),
    average: NumberByName,
    distance: Type.Number({
      description: "Distance of the average payoff vector to the target, in the problem's norm.",
    }),
    enlargedDistance: Type.Number({
      description: 'Euclidean distance to the enlarged target the strategy approaches.',
    }),
    bound: Type.Number({
      description:
        "Blackwell's bound R / sqrt(round) on enlargedDistance (for expected payoffs; sampled payoffs meet it in expectation).",
    }),
  },
  { additionalProperties: false },
);

/** The result of an `approachability` problem. */
export const ApproachabilityResult = Type.Object(
  {
    id: Type.Optional(Type.Union([Type.String(), Type.Number(), Type.Null()])),
    kind: Type.Literal('approachability'),
    status: SolveStatus,
    game: StringEnum(['symmetric', 'vector-payoff']),
    items: Type.Array(Type.String()),
    columns: Type.Array(Type.String()),
    criteria: Type.Array(Type.String()),
    norm: Type.String(),
    approachable: Type.Optional(
      Type.Union([Type.Boolean(), Type.Null()], {
        description:
          'true when the target is approachable (distance upper bound <= tolerance), false when it is not (lower bound > tolerance), null when the budget ran out first.',
      }),
    ),
    distance: Type.Optional(Certificate),
    method: Type.Optional(Type.String({ description: 'symmetric-closed-form, or direction-branch-and-bound.' })),
    cells: Type.Optional(Type.Integer({ description: 'Direction cells examined (vector-payoff games).' })),
    witness: Type.Optional(
      Type.Object(
        {
          direction: NumberByName,
          gap: Type.Number({
            description:
              'min_{s in S} direction . s - val(direction . A), over the dual norm of direction: a certified lower bound on the distance.',
          }),
          opponent: Type.Array(Type.Number(), {
            description:
              'A stationary opponent lottery over columns that keeps direction . average at most val(direction . A).',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    oneShot: Type.Optional(
      Type.Object(
        {
          ...Lottery,
          value: Type.Number({ description: 'The Blackwell value max_j dist(z_j(pi), S) of one-shot play.' }),
          certificate: Certificate,
          status: SolveStatus,
        },
        { additionalProperties: false },
      ),
    ),
    strategy: Type.Optional(
      Type.Object(
        {
          ...Lottery,
          enlargement: Type.Number(),
          direction: Type.Union([NumberByName, Type.Null()], {
            description:
              'The unit direction from the average to the enlarged target (null when the average is inside it).',
          }),
          projection: Type.Union([NumberByName, Type.Null()]),
          distance: Type.Number({ description: 'Euclidean distance of the average to the enlarged target.' }),
        },
        { additionalProperties: false },
      ),
    ),
    simulation: Type.Optional(
      Type.Object(
        {
          rounds: Type.Integer(),
          enlargement: Type.Number(),
          radius: Type.Number({ description: "R in Blackwell's bound R / sqrt(t)." }),
          trajectory: Type.Array(TrajectoryPoint),
        },
        { additionalProperties: false },
      ),
    ),
    diagnostics: TradeoffDiagnostics,
    warnings: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

/** The type of the {@link ApproachabilityProblem} schema: such a document as plain data. */
export type ApproachabilityDocument = Static<typeof ApproachabilityProblem>;
/** The type of the {@link ApproachabilityResult} schema: such a document as plain data. */
export type ApproachabilityResultDocument = Static<typeof ApproachabilityResult>;
/** The type of the {@link SimulationRequest} schema: such a document as plain data. */
export type SimulationRequestDocument = Static<typeof SimulationRequest>;
/** The type of the {@link Opponent} schema: such a document as plain data. */
export type OpponentDocument = Static<typeof Opponent>;

/** An `approachability` problem document (the type of the {@link ApproachabilityProblem} schema). */
export type ApproachabilityProblem = ApproachabilityDocument;
/** An `approachability` result document (the type of the {@link ApproachabilityResult} schema). */
export type ApproachabilityResult = ApproachabilityResultDocument;
