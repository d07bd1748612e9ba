import { PrefgameError } from '../errors.js';
import type { Limits } from '../limits.js';
import { Field } from '../schema/field.js';
import { criterionIndex } from '../preferences/names.js';
import { matrixToRows } from '../numeric/matrix.js';
import { computeRankings } from '../baselines/rankings.js';
import { buildTargetSet } from '../targets/target-set.js';
import { estimateDefaults, type EstimateDocument, type EstimateResultDocument } from '../schema/estimate.js';
import type { ResultDocument } from '../schema/result.js';
import { contextFor } from '../winners/options.js';
import { tolerances } from '../numeric/tolerances.js';
import { normaliseWeights, solveLinear, weightedMatrix } from '../winners/linear.js';
import { solveVonNeumann } from '../winners/von-neumann.js';
import { solveBlackwell } from '../winners/blackwell.js';
import { pairTotals, readComparisons, type ComparisonCounts } from '../comparisons/comparison-counts.js';
import { entryIntervals } from './intervals.js';
import { plugInBound } from './plug-in-bound.js';
import { estimatePreferences, type PreferenceEstimate } from '../comparisons/point-estimate.js';
import { observedCells } from '../comparisons/resample.js';
import { samplePlanFor } from './sample-plan.js';
import { bootstrapWinner } from './winner-bootstrap.js';
import { winnerFunction, type WinnerRule } from './winner-function.js';

/** What an `estimate` document reads into. */
export interface EstimateReading {
  counts: ComparisonCounts;
  estimate: PreferenceEstimate;
  rule?: WinnerRule;
}

/**
 * The winner an `estimate` document computes: its `winner`; without one, the von Neumann winner
 * when the comparisons have one criterion (none with several, where the choice of rule is the
 * user's); `"none"` for no winner. O(1).
 *
 * @example
 * ```ts
 * effectiveWinner({ kind: 'estimate', comparisons }, 1) // 'von-neumann'
 * ```
 */
export function effectiveWinner(
  document: EstimateDocument,
  criteria: number,
): 'von-neumann' | 'linear' | 'blackwell' | undefined {
  if (document.winner === 'none') return undefined;
  return document.winner ?? (criteria === 1 ? 'von-neumann' : undefined);
}

/** Fields that apply to one winner kind only. */
const fieldsOfWinner: Record<string, string> = {
  criterion: 'von-neumann',
  weights: 'linear',
  target: 'blackwell',
  norm: 'blackwell',
};

/**
 * Reads and checks the content of an `estimate` document: the comparisons (as every kind reads
 * them), the estimate, and the winner rule with its fields (`criterion` for von-neumann, `weights`
 * for linear, `target` and `norm` for blackwell; a field of another winner kind is
 * `PREF_ERR_SCHEMA`). O(rows + k n^2).
 *
 * @example
 * ```ts
 * readEstimate({ kind: 'estimate', comparisons: [{ winner: 'a', loser: 'b' }] }).estimate.tensor.items // ['a', 'b']
 * ```
 */
export function readEstimate(document: EstimateDocument, warnings: string[] = []): EstimateReading {
  const counts = readComparisons(document.comparisons, document.items);
  const winnerKind = effectiveWinner(document, counts.criteria.length);
  const estimate = estimatePreferences(counts, document.estimation);
  for (const [name, kind] of Object.entries(fieldsOfWinner)) {
    if ((document as Record<string, unknown>)[name] !== undefined && winnerKind !== kind) {
      throw new PrefgameError(
        'PREF_ERR_SCHEMA',
        `${name} applies only to winner "${kind}", but winner is "${document.winner}"`,
        `/${name}`,
      );
    }
  }
  let rule: WinnerRule | undefined;
  if (winnerKind === 'von-neumann') {
    if (document.criterion === undefined && counts.criteria.length > 1) {
      throw new PrefgameError(
        'PREF_ERR_MISSING_FIELD',
        `the comparisons have ${counts.criteria.length} criteria: set criterion to the one whose von Neumann winner you want`,
        '/criterion',
      );
    }
    rule = {
      kind: 'von-neumann',
      criterion:
        document.criterion === undefined
          ? 0
          : criterionIndex(counts.criteria, document.criterion, new Field(['criterion'])),
    };
  } else if (winnerKind === 'linear') {
    rule = { kind: 'linear', weights: normaliseWeights(document.weights, counts.criteria, warnings) };
  } else if (winnerKind === 'blackwell' && document.target !== undefined) {
    rule = {
      kind: 'blackwell',
      target: buildTargetSet(document.target, counts.criteria),
      norm: document.norm ?? 'linf',
    };
  }
  return { counts, estimate, rule };
}

const toRows = (data: Float64Array, n: number) => matrixToRows({ rows: n, columns: n, data });

/** The winner's own result, from the solver of its kind on the same comparisons. */
function solveWinner(
  document: EstimateDocument,
  winner: 'von-neumann' | 'linear' | 'blackwell',
  items: string[],
  limits: Limits,
): ResultDocument {
  const shared = {
    items,
    comparisons: document.comparisons,
    estimation: document.estimation,
    options: document.options,
  };
  if (winner === 'von-neumann')
    return solveVonNeumann(
      {
        kind: 'von-neumann',
        ...shared,
        ...(document.criterion !== undefined ? { criterion: document.criterion } : {}),
      },
      limits,
    );
  if (winner === 'linear') return solveLinear({ kind: 'linear', ...shared, weights: document.weights }, limits);
  return solveBlackwell({ kind: 'blackwell', ...shared, target: document.target!, norm: document.norm }, limits);
}

/**
 * Solves an `estimate` problem (docs/guides/estimate.md): the estimated matrices
 * `P_hat` with per-entry intervals (Wilson or Beta posterior), counts, the pairs never compared;
 * with `winner`, that winner computed on the same comparisons by its own solver, its stratified
 * bootstrap confidence ({@link bootstrapWinner}) and the plug-in bound ({@link plugInBound});
 * with `plan`, the comparisons needed per pair for a given epsilon and delta; with `rankings`,
 * the classic baselines. Status: the winner's when it is not optimal, `time_limit` when the
 * bootstrap stopped early, else `optimal`. O(rows + k n^2) plus the solves.
 *
 * @example
 * ```ts
 * const result = solveEstimate({ kind: 'estimate', comparisons, winner: 'von-neumann', bootstrap: { rounds: 100, seed: 1 } }, defaultLimits)
 * assert.equal(result.status, 'optimal')
 * assert.deepEqual(result.bootstrap?.items.map((entry) => entry.item), ['a', 'b', 'c'])
 * ```
 */
export function solveEstimate(document: EstimateDocument, limits: Limits): EstimateResultDocument {
  const started = performance.now();
  const warnings: string[] = [];
  const { counts, estimate, rule } = readEstimate(document, warnings);
  // The tolerance of the winner's kind: the bootstrap's rounds are certified like the winner.
  const context = contextFor(
    document.options,
    limits,
    rule?.kind === 'blackwell' && rule.norm === 'l2' ? tolerances.gapL2 : tolerances.gap,
  );
  context.warnings.push(...estimate.warnings, ...warnings);
  const { items, criteria, matrices } = estimate.tensor;
  const n = items.length;
  const method = document.intervals?.method ?? estimateDefaults.interval;
  const level = document.intervals?.level ?? estimateDefaults.level;
  const intervals = entryIntervals(counts, method, level, estimate.prior);
  if (method === 'beta' && estimate.prior === 0)
    context.warnings.push(
      'beta intervals with prior 0 are a single point for pairs that one side always won: use a positive prior',
    );
  const result: EstimateResultDocument = {
    ...(document.id !== undefined ? { id: document.id } : {}),
    kind: 'estimate',
    status: 'optimal',
    items,
    criteria: criteria.map((name, c) => ({ name, preferences: matrixToRows(matrices[c]) })),
    prior: estimate.prior,
    intervals: {
      method,
      level,
      criteria: criteria.map((name, c) => ({
        name,
        lower: toRows(intervals.lower[c], n),
        upper: toRows(intervals.upper[c], n),
      })),
    },
    counts: criteria.map((name, c) => ({
      name,
      comparisons: toRows(pairTotals(counts, c), n),
      wins: toRows(counts.wins[c], n),
      ties: toRows(counts.ties[c], n),
    })),
    totalComparisons: counts.total,
    unobservedPairs: {
      count: estimate.unobserved.length,
      pairs: estimate.unobserved
        .slice(0, 100)
        .map((pair) => ({ criterion: criteria[pair.criterion], items: [items[pair.first], items[pair.second]] })),
    },
    diagnostics: { method: 'estimate', elapsedMs: 0 },
    warnings: context.warnings,
  };
  const cells = observedCells(counts);
  if (!rule && document.winner === undefined) {
    context.warnings.push(
      `no winner computed: the comparisons have ${criteria.length} criteria (${criteria.join(', ')}); set winner: "von-neumann" with criterion, "linear" with weights, or "blackwell" with target`,
    );
  }
  if (rule) {
    const winner = solveWinner(document, rule.kind, items, limits);
    result.winner = winner;
    if (winner.status !== 'optimal') result.status = winner.status;
    const solver = winnerFunction(rule);
    const gap = rule.kind === 'blackwell' ? winner.certificate.gap : Math.max(0, 0.5 - winner.value);
    const used = solver.criteria;
    result.bound = plugInBound(counts, estimate.prior, document.bound?.delta ?? estimateDefaults.delta, {
      kind: rule.kind,
      criteria: used,
      weights: rule.kind === 'linear' ? used.map((c) => rule.weights[c]) : undefined,
      norm: rule.kind === 'blackwell' ? rule.norm : undefined,
      distribution: winner.distribution,
      gap,
    });
    const unseen = estimate.unobserved.filter((pair) => used.includes(pair.criterion)).length;
    if (unseen > 0)
      context.warnings.push(
        `the plug-in bound counts the ${unseen} pairs never compared as |P_hat - P| <= 1/2, which makes epsilon large`,
      );
    // A winner computed by default is not bootstrapped (bootstrap needs an explicit winner).
    const rounds = document.winner === undefined ? 0 : (document.bootstrap?.rounds ?? estimateDefaults.rounds);
    if (rounds > 0) {
      const bootstrapStarted = performance.now();
      const settings = {
        rounds,
        seed: document.bootstrap?.seed ?? estimateDefaults.seed,
        level: document.bootstrap?.level ?? estimateDefaults.level,
        prior: estimate.prior,
      };
      const bootstrap = bootstrapWinner(cells, items, solver, winner.distribution, settings, context);
      result.diagnostics.bootstrapMs = Math.round((performance.now() - bootstrapStarted) * 1000) / 1000;
      if (bootstrap.completed > 0) result.bootstrap = bootstrap;
      if (bootstrap.completed < rounds) {
        context.warnings.push(`the time limit stopped the bootstrap after ${bootstrap.completed} of ${rounds} rounds`);
        if (result.status === 'optimal') result.status = 'time_limit';
      }
      if (bootstrap.inexact > 0)
        context.warnings.push(
          `${bootstrap.inexact} bootstrap rounds did not reach an optimal certificate (their lottery is still counted)`,
        );
    }
  }
  if (document.plan) result.plan = samplePlanFor(counts, rule, document.plan, estimate.prior);
  if (document.rankings !== undefined && document.rankings !== false) {
    const weighted = rule?.kind === 'linear' ? weightedMatrix(matrices, rule.weights) : undefined;
    result.rankings = computeRankings(
      document.rankings,
      { items, criteria, matrices, counts },
      { weighted, deadline: context.deadline, warnings: context.warnings },
    );
  }
  result.diagnostics.elapsedMs = Math.round((performance.now() - started) * 1000) / 1000;
  return result;
}
