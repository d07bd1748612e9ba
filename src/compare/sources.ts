import { PrefgameError } from '../errors.js';
import { Field } from '../schema/field.js';
import { criterionIndex } from '../preferences/names.js';
import type { PreferenceTensor } from '../criteria/read-criteria.js';
import type { Matrix } from '../numeric/matrix.js';
import { compensatedSum } from '../numeric/sum.js';
import { tolerances } from '../numeric/tolerances.js';
import type { LotteryEntryDocument } from '../schema/compare.js';
import type { CertificateDocument, SolveStatusValue } from '../schema/result.js';
import { solveSymmetricGame } from '../games/symmetric-game.js';
import { withTolerance, type SolveContext } from '../games/context.js';
import { buildTargetSet, type TargetSet } from '../targets/target-set.js';
import type { NormName } from '../targets/distance.js';
import { blackwellSolution } from '../winners/blackwell.js';
import { normaliseWeights, weightedMatrix } from '../winners/linear.js';
import { certify } from '../winners/result.js';
import { bordaScores } from '../baselines/borda.js';
import { copelandScores } from '../baselines/copeland.js';
import { condorcetWinner } from '../baselines/condorcet.js';
import { fitBradleyTerry } from '../baselines/bradley-terry.js';
import { winsFromMatrix } from '../baselines/pairwise-wins.js';
import { defaultRegularisation, rankingMethods, type RankingMethod } from '../schema/rankings.js';

/** What every source can read: the criteria, the overall matrix, the named targets. */
export interface CompareSetting {
  readonly tensor: PreferenceTensor;
  readonly overall: Matrix | null;
  readonly targets: ReadonlyMap<string, { target: TargetSet; norm: NormName }>;
  readonly warnings: string[];
}

/** A lottery a source produced, with the status and certificate of its solve (none for given lotteries). */
export interface SourceOutcome {
  distribution: Float64Array;
  status: SolveStatusValue;
  value?: number;
  certificate?: CertificateDocument;
}

/**
 * One way to obtain a lottery for a comparison. `fields` are the entry fields it reads (besides
 * `name` and `source`; any other is an error), `check` validates an entry without solving and
 * returns what `resolve` needs, `resolve` produces the lottery.
 */
export interface LotterySource<Checked = unknown> {
  readonly fields: readonly string[];
  readonly description: string;
  check(entry: LotteryEntryDocument, setting: CompareSetting, field: Field): Checked;
  resolve(checked: Checked, setting: CompareSetting, context: SolveContext): SourceOutcome;
}

function defineSource<Checked>(source: LotterySource<Checked>): LotterySource<Checked> {
  return source;
}

function gameOutcome(matrix: Matrix, context: SolveContext): SourceOutcome {
  const game = withTolerance(context, tolerances.gap, (inner) => solveSymmetricGame(matrix, inner));
  const { status, certificate } = certify(
    game.lowerBound,
    game.upperBound,
    tolerances.gap,
    game.lpStatus,
    context.timedOut,
  );
  return { distribution: game.distribution, status, value: game.lowerBound, certificate };
}

const explicitLottery = defineSource({
  fields: ['distribution', 'probabilities'],
  description: 'a given lottery: distribution (per item) or probabilities (by item name)',
  check(entry, setting, field) {
    const n = setting.tensor.items.length;
    if ((entry.distribution === undefined) === (entry.probabilities === undefined)) {
      throw new PrefgameError(
        'PREF_ERR_SCHEMA',
        `${field} needs exactly one of distribution and probabilities`,
        field.pointer,
      );
    }
    let weights: Float64Array;
    if (entry.distribution) {
      if (entry.distribution.length !== n)
        throw new PrefgameError(
          'PREF_ERR_SIZE_MISMATCH',
          `${field}.distribution has ${entry.distribution.length} entries but there are ${n} items`,
          field.at('distribution').pointer,
        );
      weights = Float64Array.from(entry.distribution);
      weights.forEach((value, index) => checkProbability(value, field.at('distribution', index)));
    } else {
      weights = new Float64Array(n);
      for (const [item, value] of Object.entries(entry.probabilities!)) {
        const index = setting.tensor.items.indexOf(item);
        if (index < 0)
          throw new PrefgameError(
            'PREF_ERR_UNKNOWN_ITEM',
            `${field}.probabilities names "${item}", which is not an item`,
            field.at('probabilities', item).pointer,
          );
        checkProbability(value, field.at('probabilities', item));
        weights[index] = value;
      }
    }
    const total = compensatedSum(weights);
    const place = field.at(entry.distribution ? 'distribution' : 'probabilities');
    if (Math.abs(total - 1) > 1e-9)
      throw new PrefgameError(
        'PREF_ERR_OUT_OF_RANGE',
        `${place} sums to ${total}; a lottery's probabilities sum to 1`,
        place.pointer,
      );
    return weights.map((value) => value / total);
  },
  resolve: (distribution) => ({ distribution, status: 'optimal' }),
});

function checkProbability(value: number, field: Field): void {
  if (!Number.isFinite(value))
    throw new PrefgameError('PREF_ERR_NON_FINITE', `${field} is ${value}, not a finite number`, field.pointer);
  if (value < 0 || value > 1)
    throw new PrefgameError(
      'PREF_ERR_OUT_OF_RANGE',
      `${field} is ${value}; probabilities must lie in [0, 1]`,
      field.pointer,
    );
}

const vonNeumannSource = defineSource({
  fields: ['criterion'],
  description: 'the von Neumann winner of criterion (or of overall when criterion is left out)',
  check(entry, setting, field): Matrix {
    if (entry.criterion === undefined) {
      if (!setting.overall)
        throw new PrefgameError(
          'PREF_ERR_MISSING_FIELD',
          `${field} asks for the von Neumann winner of overall, but the document has no overall matrix (or name a criterion)`,
          field.at('criterion').pointer,
        );
      return setting.overall;
    }
    return setting.tensor.matrices[criterionIndex(setting.tensor.criteria, entry.criterion, field.at('criterion'))];
  },
  resolve: (matrix, _setting, context) => gameOutcome(matrix, context),
});

const linearSource = defineSource({
  fields: ['weights'],
  description: 'the linear-aggregation winner with weights (default equal)',
  check(entry, setting, field) {
    try {
      return normaliseWeights(entry.weights, setting.tensor.criteria, setting.warnings);
    } catch (error) {
      // The weights live under this entry, not at the document's top level.
      if (error instanceof PrefgameError)
        throw new PrefgameError(
          error.code,
          error.message.replace(/^weights/, `${field}.weights`),
          field.pointer + error.pointer,
        );
      throw error;
    }
  },
  resolve: (weights, setting, context) => gameOutcome(weightedMatrix(setting.tensor.matrices, weights), context),
});

const blackwellSource = defineSource({
  fields: ['target', 'norm'],
  description: 'the Blackwell winner of target (a target or the name of an entry of targets) under norm',
  check(entry, setting, field): { target: TargetSet; norm: NormName } {
    if (entry.target === undefined)
      throw new PrefgameError(
        'PREF_ERR_MISSING_FIELD',
        `${field} is missing the target of its Blackwell winner`,
        field.at('target').pointer,
      );
    if (typeof entry.target === 'string') {
      const named = setting.targets.get(entry.target);
      if (!named)
        throw new PrefgameError(
          'PREF_ERR_SCHEMA',
          `${field}.target names "${entry.target}", which is not the name of an entry of targets`,
          field.at('target').pointer,
        );
      return { target: named.target, norm: entry.norm ?? named.norm };
    }
    try {
      return { target: buildTargetSet(entry.target, setting.tensor.criteria), norm: entry.norm ?? 'linf' };
    } catch (error) {
      if (error instanceof PrefgameError)
        throw new PrefgameError(
          error.code,
          error.message.replaceAll('target', `${field}.target`),
          field.pointer + error.pointer,
        );
      throw error;
    }
  },
  resolve({ target, norm }, setting, context) {
    const tolerance = norm === 'l2' ? tolerances.gapL2 : tolerances.gap;
    const solution = withTolerance(context, tolerance, (inner) =>
      blackwellSolution(setting.tensor.matrices, target, norm, inner),
    );
    const { status, certificate } = certify(
      solution.lowerBound,
      solution.value,
      tolerance,
      solution.lpStatus,
      context.timedOut,
    );
    return { distribution: solution.distribution, status, value: solution.value, certificate };
  },
});

/** The items a baseline puts first: all items that share the top score (ties kept, order-free). */
function topItems(scores: ArrayLike<number>): Float64Array {
  let best = -Infinity;
  for (let i = 0; i < scores.length; i++) best = Math.max(best, scores[i]);
  const top = Float64Array.from({ length: scores.length }, (_, i) => (scores[i] >= best - tolerances.tight ? 1 : 0));
  const count = compensatedSum(top);
  return top.map((value) => value / count);
}

const baselineSource = defineSource({
  fields: ['method', 'criterion'],
  description:
    'the item a classic baseline ranks first, as a lottery (ties at the top share it equally): method condorcet (the Condorcet winner; an error when there is none), copeland, borda or bradley-terry, on criterion (or overall)',
  check(entry, setting, field): { matrix: Matrix; method: RankingMethod } {
    const method = entry.method;
    if (method === undefined)
      throw new PrefgameError(
        'PREF_ERR_MISSING_FIELD',
        `${field} is missing the method of its baseline (${rankingMethods.join(', ')})`,
        field.at('method').pointer,
      );
    const matrix = vonNeumannSource.check(entry, setting, field);
    if (method === 'condorcet' && condorcetWinner(matrix) === null) {
      const where = entry.criterion === undefined ? 'the overall matrix' : `criterion "${entry.criterion}"`;
      throw new PrefgameError(
        'PREF_ERR_NO_CONDORCET_WINNER',
        `${field} asks for the Condorcet winner of ${where}, which has none (no item beats every other with probability above 1/2)`,
        field.at('method').pointer,
      );
    }
    return { matrix, method };
  },
  resolve({ matrix, method }) {
    let distribution: Float64Array;
    if (method === 'condorcet') {
      distribution = new Float64Array(matrix.rows);
      distribution[condorcetWinner(matrix)!] = 1;
    } else if (method === 'bradley-terry') {
      distribution = topItems(fitBradleyTerry(winsFromMatrix(matrix), defaultRegularisation).scores);
    } else {
      distribution = topItems(method === 'borda' ? bordaScores(matrix) : copelandScores(matrix));
    }
    return { distribution, status: 'optimal' };
  },
});

/**
 * The table of lottery sources of `compare`, by the name an entry's `source` uses. A new way to
 * obtain a lottery (a baseline ranking, say) is one more entry here: its fields, a check and a
 * resolver.
 *
 * @example
 * ```ts
 * const setting = { tensor, overall: null, targets: new Map(), warnings: [] }
 * const source = lotterySources['von-neumann']
 * const field = new Field(['lotteries', 0])
 * const outcome = source.resolve(source.check({ name: 'vnw', source: 'von-neumann', criterion: 'safety' }, setting, field), setting, context)
 * assert.deepEqual(Array.from(outcome.distribution), [1, 0, 0]) // a beats both others on safety
 * ```
 */
export const lotterySources: Readonly<Record<string, LotterySource<never>>> = {
  lottery: explicitLottery as LotterySource<never>,
  'von-neumann': vonNeumannSource as LotterySource<never>,
  linear: linearSource as LotterySource<never>,
  blackwell: blackwellSource as LotterySource<never>,
  baseline: baselineSource as LotterySource<never>,
};

/**
 * Checks one entry of `lotteries` against its source: a known source, only the fields that
 * source reads, and the source's own checks. Returns the source and what it needs to resolve.
 *
 * @example
 * ```ts
 * const setting = { tensor, overall: null, targets: new Map(), warnings: [] }
 * checkEntry({ name: 'vnw', source: 'von-neumann', criterion: 'safety' }, setting, new Field(['lotteries', 0]))
 * assert.throws(() => checkEntry({ name: 'x', source: 'nash' }, setting, new Field(['lotteries', 0])), { code: 'PREF_ERR_SCHEMA' })
 * ```
 */
export function checkEntry(
  entry: LotteryEntryDocument,
  setting: CompareSetting,
  field: Field,
): { source: LotterySource<never>; checked: never } {
  const source = Object.prototype.hasOwnProperty.call(lotterySources, entry.source)
    ? lotterySources[entry.source]
    : undefined;
  if (!source) {
    throw new PrefgameError(
      'PREF_ERR_SCHEMA',
      `${field}.source is "${entry.source}"; it must be one of ${Object.keys(lotterySources)
        .map((name) => `"${name}"`)
        .join(', ')}`,
      field.at('source').pointer,
    );
  }
  for (const name of Object.keys(entry)) {
    if (name === 'name' || name === 'source' || source.fields.includes(name)) continue;
    throw new PrefgameError(
      'PREF_ERR_UNKNOWN_FIELD',
      `${field} has the field "${name}", which source "${entry.source}" does not read (it reads ${source.fields.join(', ') || 'nothing else'})`,
      field.at(name).pointer,
    );
  }
  return { source, checked: source.check(entry, setting, field) };
}
