import { rankingsExtra } from '../baselines/rankings.js';
import { PrefgameError } from '../errors.js';
import { Field } from '../schema/field.js';
import { readCriteria } from '../criteria/read-criteria.js';
import { readPreferenceMatrix } from '../preferences/matrix.js';
import { columnPayoffs, type Matrix } from '../numeric/matrix.js';
import { compensatedDot } from '../numeric/sum.js';
import { minimumOf } from '../numeric/extremes.js';
import { supportOf } from '../numeric/lottery.js';
import type { Limits } from '../limits.js';
import type {
  CompareDocument,
  CompareResultDocument,
  ComparedLotteryDocument,
  LotteryEntryDocument,
} from '../schema/compare.js';
import type { SolveStatusValue } from '../schema/result.js';
import { buildTargetSet, type TargetSet } from '../targets/target-set.js';
import type { NormName } from '../targets/distance.js';
import { contextFor } from '../winners/options.js';
import { blackwellObjective, guarantees } from '../winners/payoff-vectors.js';
import { byName } from '../winners/result.js';
import { checkEntry, type CompareSetting } from './sources.js';

/**
 * `P(a, b) = sum_ij a_i P[i][j] b_j`: the probability that a draw from lottery a is preferred to
 * a draw from lottery b (so `P(a, b) + P(b, a) = 1` for a complementary P). O(n |support(a)|).
 *
 * @example
 * ```ts
 * const rps = matrixFromRows([[0.5, 0, 1], [1, 0.5, 0], [0, 1, 0.5]])
 * assert.equal(headToHead(rps, [1, 0, 0], [0, 1, 0]), 0) // rock always loses to paper
 * ```
 */
export function headToHead(matrix: Matrix, a: ArrayLike<number>, b: ArrayLike<number>): number {
  return compensatedDot(columnPayoffs(matrix, a), b);
}

/** The entries compared when a document gives none: each criterion's and overall's von Neumann winner, equal weights, each target's Blackwell winner. */
function defaultEntries(document: CompareDocument, criteria: readonly string[]): LotteryEntryDocument[] {
  return [
    ...criteria.map((criterion) => ({ name: `von-neumann:${criterion}`, source: 'von-neumann', criterion })),
    ...(document.overall ? [{ name: 'von-neumann:overall', source: 'von-neumann' }] : []),
    ...(criteria.length > 1 ? [{ name: 'linear:equal-weights', source: 'linear' }] : []),
    ...(document.targets ?? []).map((named) => ({
      name: `blackwell:${named.name}`,
      source: 'blackwell',
      target: named.name,
    })),
  ];
}

function withField<T>(field: Field, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PrefgameError && !error.pointer.startsWith(field.pointer)) {
      throw new PrefgameError(error.code, `${field}: ${error.message}`, field.pointer + error.pointer);
    }
    throw error;
  }
}

/**
 * Reads and checks the content of a `compare` document: criteria, the overall matrix (same
 * size), named targets (unique names) and every lottery entry against its source.
 *
 * @example
 * ```ts
 * readCompare({ kind: 'compare', criteria, lotteries: [{ name: 'a', source: 'lottery', distribution: [1, 0, 0] }] }).checked.length // 1
 * ```
 */
export function readCompare(document: CompareDocument, warnings: string[] = []) {
  const tensor = readCriteria(document.criteria, document.items);
  const n = tensor.items.length;
  let overall: Matrix | null = null;
  if (document.overall) {
    overall = readPreferenceMatrix(document.overall, new Field(['overall']));
    if (overall.rows !== n)
      throw new PrefgameError(
        'PREF_ERR_SIZE_MISMATCH',
        `overall is ${overall.rows} x ${overall.rows} but the criteria are ${n} x ${n}`,
        '/overall',
      );
  }
  const targets = new Map<string, { target: TargetSet; norm: NormName }>();
  (document.targets ?? []).forEach((named, index) => {
    const field = new Field(['targets', index]);
    if (targets.has(named.name))
      throw new PrefgameError('PREF_ERR_SCHEMA', `${field}.name repeats "${named.name}"`, field.at('name').pointer);
    targets.set(named.name, {
      target: withField(field, () => buildTargetSet(named.target, tensor.criteria)),
      norm: named.norm ?? 'linf',
    });
  });
  const setting: CompareSetting = { tensor, overall, targets, warnings };
  const entries = document.lotteries ?? defaultEntries(document, tensor.criteria);
  const names = new Set<string>();
  const checked = entries.map((entry, index) => {
    const field = new Field(document.lotteries ? ['lotteries', index] : []);
    if (names.has(entry.name))
      throw new PrefgameError(
        'PREF_ERR_SCHEMA',
        `${field}.name repeats "${entry.name}": lottery names must be unique`,
        field.at('name').pointer,
      );
    names.add(entry.name);
    return { entry, ...checkEntry(entry, setting, field) };
  });
  return { tensor, overall, targets, setting, checked };
}

/**
 * Solves a validated `compare` problem: every named lottery (given, or computed by its source)
 * with its guarantee per criterion (`min_j z_j(pi)_c`), its guarantee on the overall matrix, its
 * Blackwell objective against each named target (`max_j dist(z_j(pi), S)`, exact), and the
 * head-to-head tables `P_c(pi_a, pi_b)` on every criterion and on the overall matrix. This is the
 * experiment of Bhatia et al. (NeurIPS 2020): does the Blackwell winner computed from the
 * per-criterion preferences beat the von Neumann winner of the overall preferences? (On the
 * overall matrix itself it cannot: a von Neumann winner is preferred to every lottery at least
 * half of the time; the table shows by how much, and what each gives up per criterion.)
 * O(solves + L^2 k n^2) for L lotteries.
 *
 * @example
 * ```ts
 * const result = solveCompare(
 *   {
 *     kind: 'compare',
 *     criteria,
 *     overall: speedRows,
 *     targets: [{ name: 'safe', target: { thresholds: { safety: 0.55 } } }],
 *     lotteries: [
 *       { name: 'fast', source: 'von-neumann', criterion: 'speed' },
 *       { name: 'safe', source: 'blackwell', target: 'safe' },
 *     ],
 *   },
 *   defaultLimits,
 * )
 * assert.equal(result.headToHead.overall!.length, 2) // a 2 x 2 table: row lottery against column lottery
 * ```
 */
export function solveCompare(document: CompareDocument, limits: Limits): CompareResultDocument {
  const started = performance.now();
  const context = contextFor(document.options, limits);
  const { tensor, overall, targets, setting, checked } = readCompare(document, context.warnings);
  const lotteries: ComparedLotteryDocument[] = checked.map(({ entry, source, checked: input }) => {
    const outcome = source.resolve(input, setting, context);
    const distances: Record<string, number> = {};
    for (const [name, { target, norm }] of targets) {
      Object.defineProperty(distances, name, {
        value: blackwellObjective(tensor.matrices, target, norm, outcome.distribution).value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return {
      name: entry.name,
      source: entry.source,
      status: outcome.status,
      distribution: Array.from(outcome.distribution),
      support: supportOf(outcome.distribution, tensor.items),
      guarantees: byName(tensor.criteria, guarantees(tensor.matrices, outcome.distribution)),
      ...(overall ? { overallGuarantee: minimumOf(columnPayoffs(overall, outcome.distribution)) } : {}),
      distances,
      ...(outcome.value !== undefined ? { value: outcome.value } : {}),
      ...(outcome.certificate ? { certificate: outcome.certificate } : {}),
    };
  });
  const table = (matrix: Matrix) =>
    lotteries.map((a) => lotteries.map((b) => headToHead(matrix, a.distribution, b.distribution)));
  const criteriaTables: Record<string, number[][]> = {};
  tensor.criteria.forEach((name, c) =>
    Object.defineProperty(criteriaTables, name, {
      value: table(tensor.matrices[c]),
      enumerable: true,
      writable: true,
      configurable: true,
    }),
  );
  const status: SolveStatusValue = lotteries.find((lottery) => lottery.status !== 'optimal')?.status ?? 'optimal';
  return {
    ...(document.id !== undefined ? { id: document.id } : {}),
    kind: 'compare',
    status,
    items: tensor.items,
    criteria: tensor.criteria,
    lotteries,
    headToHead: { criteria: criteriaTables, ...(overall ? { overall: table(overall) } : {}) },
    // Baselines beside the lotteries: every criterion, and the overall matrix as a last entry.
    ...rankingsExtra(
      document.rankings,
      {
        items: tensor.items,
        criteria: [...tensor.criteria, ...(overall ? ['overall'] : [])],
        matrices: [...tensor.matrices, ...(overall ? [overall] : [])],
      },
      { context },
    ),
    diagnostics: {
      backend: context.backend.name,
      method: 'compare',
      iterations: context.iterations,
      lpSolves: context.lpSolves,
      elapsedMs: Math.round((performance.now() - started) * 1000) / 1000,
    },
    warnings: context.warnings,
  };
}
