import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { BlackwellProblem, LinearProblem, MatrixGameProblem, VonNeumannProblem } from './problem.js';
import { Result } from './result.js';
import { EstimateProblem, EstimateResult } from './estimate.js';
import { ParetoProblem, ParetoResult } from './pareto.js';
import { CompareProblem, CompareResult } from './compare.js';
import { ApproachabilityProblem, ApproachabilityResult } from './approachability.js';

/**
 * The schemas of every available kind: its problem document and its result document. Schema
 * work (validation, `prefgame schema`, OpenAPI) reads this table and never loads a solver (or
 * HiGHS); `src/kinds.ts` adds the solvers.
 *
 * @example
 * ```ts
 * kindSchemas.blackwell.problem // the JSON Schema of a blackwell document
 * ```
 */
export const kindSchemas = {
  'von-neumann': { problem: VonNeumannProblem, result: Result },
  linear: { problem: LinearProblem, result: Result },
  blackwell: { problem: BlackwellProblem, result: Result },
  'matrix-game': { problem: MatrixGameProblem, result: Result },
  estimate: { problem: EstimateProblem, result: EstimateResult },
  pareto: { problem: ParetoProblem, result: ParetoResult },
  compare: { problem: CompareProblem, result: CompareResult },
  approachability: { problem: ApproachabilityProblem, result: ApproachabilityResult },
} as const satisfies Record<string, { problem: TSchema; result: TSchema }>;

/** An available kind, in the contract's spelling. */
export type ProblemKind = keyof typeof kindSchemas;

/** The kinds the solver knows. */
export const problemKinds = Object.keys(kindSchemas) as ProblemKind[];

/** The problem document of one kind. */
export type ProblemOf<K extends ProblemKind> = Static<(typeof kindSchemas)[K]['problem']>;
/** The problem document of any kind (same as {@link Problem} without a kind). */
export type ProblemDocument = { [K in ProblemKind]: ProblemOf<K> }[ProblemKind];

/**
 * The problem document `solve` takes: of any kind, or with a kind, that kind's document (so
 * `Problem<'blackwell'>` is a blackwell document). The type of the {@link Problem} schema.
 */
export type Problem<K extends ProblemKind = ProblemKind> = { [P in K]: ProblemOf<P> }[K];

/** The result document of one kind. */
export type ResultOf<K extends ProblemKind> = Static<(typeof kindSchemas)[K]['result']>;
/** The result document of any kind (same as `Result` without a kind). */
export type AnyResultDocument = ResultOf<ProblemKind>;

/** The result document of any kind (the type of the {@link AnyResult} schema). */
export type AnyResult = AnyResultDocument;

/**
 * Every available kind's document, selected by its `kind` field (JSON Schema `oneOf` with a
 * discriminator): the contract's problem schema, for documentation. Validation uses each kind's
 * own schema (see `validateProblem`).
 *
 * @example
 * ```ts
 * schemaDocuments.problem // this schema, with $schema and $id
 * ```
 */
export const Problem = Type.Unsafe<ProblemDocument>({
  type: 'object',
  required: ['kind'],
  discriminator: { propertyName: 'kind' },
  oneOf: Object.values(kindSchemas).map((schemas) => schemas.problem),
});

/** The result schemas of the available kinds, without repeats (for responses of any kind). */
export const AnyResult = Type.Unsafe<AnyResultDocument>({
  anyOf: [...new Set(Object.values(kindSchemas).map((schemas) => schemas.result))],
});
