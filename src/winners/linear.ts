import { PrefgameError } from '../errors.js';
import { Field } from '../schema/field.js';
import { readPreferenceTensor, type PreferenceReading } from '../criteria/read-criteria.js';
import { rankingsExtra } from '../baselines/rankings.js';
import { criterionIndex } from '../preferences/names.js';
import type { Matrix } from '../numeric/matrix.js';
import { compensatedSum } from '../numeric/sum.js';
import type { LinearDocument } from '../schema/problem.js';
import type { ResultDocument } from '../schema/result.js';
import { solveSymmetricGame } from '../games/symmetric-game.js';
import type { Limits } from '../limits.js';
import { contextFor } from './options.js';
import { guarantees } from './payoff-vectors.js';
import { byName, finishResult } from './result.js';

/**
 * The normalised weights of a linear aggregation: every name must be a criterion, every weight
 * finite and non-negative, and not all zero; criteria without a weight get 0 (with a warning);
 * no `weights` at all means equal weights.
 *
 * @example
 * ```ts
 * normaliseWeights({ speed: 3, safety: 1 }, ['speed', 'safety'], []) // Float64Array [0.75, 0.25]
 * ```
 */
export function normaliseWeights(
  weights: Record<string, number> | undefined,
  criteria: readonly string[],
  warnings: string[],
): Float64Array {
  const k = criteria.length;
  if (weights === undefined) return new Float64Array(k).fill(1 / k);
  const field = new Field(['weights']);
  const entries = Object.entries(weights);
  if (entries.length === 0)
    throw new PrefgameError(
      'PREF_ERR_EMPTY_WEIGHTS',
      'weights is empty: give a weight per criterion, or leave weights out for equal weights',
      field.pointer,
    );
  const result = new Float64Array(k);
  for (const [name, weight] of entries) {
    const index = criterionIndex(criteria, name, field.at(name));
    if (!Number.isFinite(weight))
      throw new PrefgameError(
        'PREF_ERR_NON_FINITE',
        `weights.${name} is ${weight}, not a finite number`,
        field.at(name).pointer,
      );
    if (weight < 0)
      throw new PrefgameError(
        'PREF_ERR_NEGATIVE_WEIGHT',
        `weights.${name} is ${weight}; weights must be non-negative`,
        field.at(name).pointer,
      );
    result[index] = weight;
  }
  const total = compensatedSum(result);
  if (!(total > 0))
    throw new PrefgameError(
      'PREF_ERR_ZERO_WEIGHTS',
      'every entry of weights is zero; at least one criterion needs a positive weight',
      field.pointer,
    );
  const missing = criteria.filter((name) => !Object.prototype.hasOwnProperty.call(weights, name));
  if (missing.length > 0) warnings.push(`no weight for ${missing.map((name) => `"${name}"`).join(', ')}: weight 0`);
  return result.map((weight) => weight / total);
}

/**
 * The weighted preference matrix `sum_c w_c P_c`, which is complementary when every `P_c` is.
 * O(k n^2).
 *
 * @example
 * ```ts
 * weightedMatrix([speed, safety], Float64Array.of(0.5, 0.5)).data[1] // (0.7 + 0.6) / 2 = 0.65
 * ```
 */
export function weightedMatrix(matrices: readonly Matrix[], weights: ArrayLike<number>): Matrix {
  const { rows, columns } = matrices[0];
  const data = new Float64Array(rows * columns);
  matrices.forEach((matrix, c) => {
    const weight = weights[c];
    if (weight === 0) return;
    for (let index = 0; index < data.length; index++) data[index] += weight * matrix.data[index];
  });
  return { rows, columns, data };
}

/**
 * Reads and checks the content of a `linear` document: its criteria (matrices or comparisons, whose
 * estimation warnings join `warnings`) and normalised weights.
 *
 * @example
 * ```ts
 * readLinear({ kind: 'linear', criteria, weights: { speed: 3, safety: 1 } }, []).weights // [0.75, 0.25]
 * ```
 */
export function readLinear(
  document: LinearDocument,
  warnings: string[],
): PreferenceReading & { weights: Float64Array } {
  const reading = readPreferenceTensor(document);
  warnings.push(...reading.warnings);
  return { ...reading, weights: normaliseWeights(document.weights, reading.tensor.criteria, warnings) };
}

/**
 * Solves a validated `linear` problem: the von Neumann winner of `sum_c w_c P_c` with normalised
 * weights (the baseline the Blackwell winner generalises; it equals the Blackwell winner of the
 * halfspace `w . z >= 1/2`). Reports the per-criterion guarantees, so users see what the
 * weighted sum gives up on each criterion. Preferences may come as matrices or as comparisons.
 *
 * @example
 * ```ts
 * solveLinear({ kind: 'linear', criteria, weights: { speed: 1, safety: 1 } }, defaultLimits).guarantees // { speed: 0.4, safety: 0.5 }
 * ```
 */
export function solveLinear(document: LinearDocument, limits: Limits): ResultDocument {
  const started = performance.now();
  const context = contextFor(document.options, limits);
  const { tensor, weights, counts } = readLinear(document, context.warnings);
  const weighted = weightedMatrix(tensor.matrices, weights);
  const game = solveSymmetricGame(weighted, context);
  return finishResult({
    id: document.id,
    kind: 'linear',
    items: tensor.items,
    distribution: game.distribution,
    value: game.lowerBound,
    lowerBound: game.lowerBound,
    upperBound: game.upperBound,
    lpStatus: game.lpStatus,
    method: game.method,
    rounds: game.rounds,
    context,
    started,
    extra: {
      unique: game.unique,
      guarantees: byName(tensor.criteria, guarantees(tensor.matrices, game.distribution)),
      weights: byName(tensor.criteria, weights),
      ...rankingsExtra(document.rankings, { ...tensor, counts }, { weighted, context }),
    },
  });
}
