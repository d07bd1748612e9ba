import type { TSchema } from '@sinclair/typebox';
import { BlackwellProblem, LinearProblem, MatrixGameProblem, VonNeumannProblem } from './problem.js';
import { Problem } from './kinds.js';
import { ErrorLine, Result } from './result.js';
import { EstimateProblem, EstimateResult } from './estimate.js';
import { ParetoProblem, ParetoResult } from './pareto.js';
import { CompareProblem, CompareResult } from './compare.js';
import { ApproachabilityProblem, ApproachabilityResult } from './approachability.js';
import { RankRequest, RankResult } from './rank.js';

const draft = 'https://json-schema.org/draft/2020-12/schema';

function document(name: string, title: string, schema: TSchema): Record<string, unknown> {
  // JSON round trip: plain data, without TypeBox's symbol-keyed metadata.
  return {
    $schema: draft,
    $id: `urn:prefgame:schema:${name}`,
    title,
    ...(JSON.parse(JSON.stringify(schema)) as Record<string, unknown>),
  };
}

/**
 * Every public JSON Schema document by name: `problem` (any kind), one per problem kind,
 * `result` (the winners' results), `estimate-result` and `error-line`. The files in `schemas/` are these objects, written by
 * `npm run schemas`; `prefgame schema NAME` prints them.
 *
 * @example
 * ```ts
 * schemaDocuments['blackwell'].$id // 'urn:prefgame:schema:blackwell'
 * ```
 */
export const schemaDocuments: Readonly<Record<string, Record<string, unknown>>> = {
  problem: document('problem', 'prefgame problem document', Problem),
  'von-neumann': document('von-neumann', 'von Neumann winner problem', VonNeumannProblem),
  linear: document('linear', 'linear aggregation problem', LinearProblem),
  blackwell: document('blackwell', 'Blackwell winner problem', BlackwellProblem),
  'matrix-game': document('matrix-game', 'zero-sum matrix game problem', MatrixGameProblem),
  estimate: document('estimate', 'estimation from comparisons problem', EstimateProblem),
  result: document('result', 'prefgame result document', Result),
  'estimate-result': document('estimate-result', 'prefgame estimate result document', EstimateResult),
  pareto: document('pareto', 'Pareto frontier problem', ParetoProblem),
  compare: document('compare', 'winner comparison problem', CompareProblem),
  approachability: document('approachability', 'Blackwell approachability problem', ApproachabilityProblem),
  'pareto-result': document('pareto-result', 'Pareto frontier result', ParetoResult),
  'compare-result': document('compare-result', 'winner comparison result', CompareResult),
  'approachability-result': document(
    'approachability-result',
    'Blackwell approachability result',
    ApproachabilityResult,
  ),
  'error-line': document('error-line', 'prefgame batch error line', ErrorLine),
  'rank-request': document('rank-request', 'POST /v1/rank JSON body', RankRequest),
  'rank-result': document('rank-result', 'prefgame rank document (prefgame rank --json, POST /v1/rank)', RankResult),
};
