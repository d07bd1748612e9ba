import { Type, type TSchema } from '@sinclair/typebox';
import type { Limits } from './limits.js';
import { BlackwellProblem, LinearProblem, MatrixGameProblem, VonNeumannProblem } from './schema/problem.js';
import { Result } from './schema/result.js';
import { EstimateProblem, EstimateResult } from './schema/estimate.js';
import { readEstimate, solveEstimate } from './estimation/estimate.js';
import { readBlackwell, solveBlackwell } from './winners/blackwell.js';
import { readLinear, solveLinear } from './winners/linear.js';
import { readMatrixGame, solveMatrixGameProblem } from './winners/matrix-game.js';
import { readVonNeumann, solveVonNeumann } from './winners/von-neumann.js';
import { ParetoProblem, ParetoResult } from './schema/pareto.js';
import { readPareto, solvePareto } from './tradeoffs/pareto.js';
import { CompareProblem, CompareResult } from './schema/compare.js';
import { readCompare, solveCompare } from './compare/compare.js';
import { ApproachabilityProblem, ApproachabilityResult } from './schema/approachability.js';
import { readApproachability, solveApproachability } from './approachability/approachability.js';

/**
 * Everything prefgame knows about one problem kind: the schema of its document and of its
 * result, a content check (every rule the solver enforces, without solving) and the solver.
 * Adding a kind means writing these and one entry in {@link kindRegistry}.
 */
export interface KindDefinition<Document = never, Output = unknown> {
  readonly problem: TSchema;
  readonly result: TSchema;
  check(document: Document, limits: Limits): void;
  solve(document: Document, limits: Limits): Output;
}

function defineKind<Document, Output>(definition: KindDefinition<Document, Output>): KindDefinition<Document, Output> {
  return definition;
}

/**
 * The available kinds, in the contract's spelling (DESIGN.md section 3).
 *
 * @example
 * ```ts
 * kindRegistry['von-neumann'].solve(document, defaultLimits)
 * ```
 */
export const kindRegistry = {
  'von-neumann': defineKind({ problem: VonNeumannProblem, result: Result, check: (document) => void readVonNeumann(document), solve: solveVonNeumann }),
  linear: defineKind({ problem: LinearProblem, result: Result, check: (document) => void readLinear(document, []), solve: solveLinear }),
  blackwell: defineKind({ problem: BlackwellProblem, result: Result, check: (document) => void readBlackwell(document), solve: solveBlackwell }),
  'matrix-game': defineKind({ problem: MatrixGameProblem, result: Result, check: (document) => void readMatrixGame(document), solve: solveMatrixGameProblem }),
  estimate: defineKind({ problem: EstimateProblem, result: EstimateResult, check: (document) => void readEstimate(document), solve: solveEstimate }),
  pareto: defineKind({ problem: ParetoProblem, result: ParetoResult, check: (document) => void readPareto(document), solve: solvePareto }),
  compare: defineKind({ problem: CompareProblem, result: CompareResult, check: (document) => void readCompare(document), solve: solveCompare }),
  approachability: defineKind({ problem: ApproachabilityProblem, result: ApproachabilityResult, check: (document) => void readApproachability(document), solve: solveApproachability }),
} as const;

export type RegisteredKind = keyof typeof kindRegistry;

/** The kinds the solver knows, in the contract's spelling. */
export const problemKinds = Object.keys(kindRegistry) as RegisteredKind[];
export type ProblemKind = RegisteredKind;

/** The result document of each available kind. */
export type ResultOf<K extends RegisteredKind> = ReturnType<(typeof kindRegistry)[K]['solve']>;

/** A result document of any available kind. */
export type AnyResultDocument = ResultOf<RegisteredKind>;

/** A problem document of any available kind. */
export type ProblemDocument = { [K in RegisteredKind]: Parameters<(typeof kindRegistry)[K]['solve']>[0] }[RegisteredKind];

/**
 * Every available kind's document, selected by its `kind` field (JSON Schema `oneOf` with a
 * discriminator, so errors come from the right branch).
 *
 * @example
 * ```ts
 * ajv.compile(Problem)({ kind: 'von-neumann', preferences: [[0.5]] }) // true
 * ```
 */
export const Problem = Type.Unsafe<ProblemDocument>({
  type: 'object',
  required: ['kind'],
  discriminator: { propertyName: 'kind' },
  oneOf: Object.values(kindRegistry).map((definition) => definition.problem),
});

/** The result schemas of the available kinds, without repeats (for responses of any kind). */
export const AnyResult = Type.Unsafe<unknown>({ anyOf: [...new Set(Object.values(kindRegistry).map((definition) => definition.result))] });
