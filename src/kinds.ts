import type { Limits } from './limits.js';
import { kindSchemas, type ProblemKind, type ProblemOf, type ResultOf } from './schema/kinds.js';
import { readEstimate, solveEstimate } from './estimation/estimate.js';
import { readBlackwell, solveBlackwell } from './winners/blackwell.js';
import { readLinear, solveLinear } from './winners/linear.js';
import { readMatrixGame, solveMatrixGameProblem } from './winners/matrix-game.js';
import { readVonNeumann, solveVonNeumann } from './winners/von-neumann.js';
import { readPareto, solvePareto } from './tradeoffs/pareto.js';
import { readCompare, solveCompare } from './compare/compare.js';
import { readApproachability, solveApproachability } from './approachability/approachability.js';

/**
 * What prefgame does with one problem kind: a content check (every rule the solver enforces,
 * without solving) and the solver. Its schemas live in `src/schema/kinds.ts`; adding a kind means
 * one entry there and one here.
 */
export interface KindDefinition<K extends ProblemKind> {
  check(document: ProblemOf<K>, limits: Limits): void;
  solve(document: ProblemOf<K>, limits: Limits): ResultOf<K>;
}

/**
 * The solver of every available kind, in the contract's spelling (docs/design.md section 4.1).
 *
 * @example
 * ```ts
 * const result = kindRegistry['von-neumann'].solve({ kind: 'von-neumann', preferences: speedRows }, defaultLimits)
 * assert.equal(result.status, 'optimal')
 * ```
 */
export const kindRegistry: { readonly [K in ProblemKind]: KindDefinition<K> & (typeof kindSchemas)[K] } = {
  'von-neumann': {
    ...kindSchemas['von-neumann'],
    check: (document) => void readVonNeumann(document),
    solve: solveVonNeumann,
  },
  linear: { ...kindSchemas.linear, check: (document) => void readLinear(document, []), solve: solveLinear },
  blackwell: { ...kindSchemas.blackwell, check: (document) => void readBlackwell(document), solve: solveBlackwell },
  'matrix-game': {
    ...kindSchemas['matrix-game'],
    check: (document) => void readMatrixGame(document),
    solve: solveMatrixGameProblem,
  },
  estimate: { ...kindSchemas.estimate, check: (document) => void readEstimate(document), solve: solveEstimate },
  pareto: { ...kindSchemas.pareto, check: (document) => void readPareto(document), solve: solvePareto },
  compare: { ...kindSchemas.compare, check: (document) => void readCompare(document), solve: solveCompare },
  approachability: {
    ...kindSchemas.approachability,
    check: (document) => void readApproachability(document),
    solve: solveApproachability,
  },
};
