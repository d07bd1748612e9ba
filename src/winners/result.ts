import type { LpStatus } from '../lp/model.js';
import { supportOf } from '../numeric/lottery.js';
import type { ResultDocument, SolveStatusValue } from '../schema/result.js';
import type { SolveContext } from '../games/context.js';

/** Everything a winner's result is assembled from. */
export interface ResultParts {
  id?: string | number | null;
  kind: string;
  items: string[];
  distribution: ArrayLike<number>;
  value: number;
  lowerBound: number;
  upperBound: number;
  lpStatus: LpStatus;
  method: string;
  context: SolveContext;
  started: number;
  rounds?: number;
  /** The tolerance is relative to this (1 for probabilities). */
  scale?: number;
  /** The gap up to which the result is `optimal`, when the solver judges it (instead of the scaled tolerance). */
  gapTolerance?: number;
  extra?: Partial<ResultDocument>;
}

/**
 * The status a result earns: `optimal` only when the certificate's gap is within the tolerance;
 * otherwise the reason the solve stopped short.
 *
 * @example
 * ```ts
 * statusFor(1e-12, 1e-9, 'optimal', false) // 'optimal'
 * statusFor(0.01, 1e-9, 'time_limit', true) // 'time_limit'
 * ```
 */
export function statusFor(gap: number, tolerance: number, lpStatus: LpStatus, timedOut: boolean): SolveStatusValue {
  if (gap <= tolerance) return 'optimal';
  if (timedOut || lpStatus === 'time_limit') return 'time_limit';
  if (lpStatus === 'iteration_limit') return 'iteration_limit';
  return 'numerical_error';
}

/** A certificate (`lowerBound <= optimum <= upperBound`, with its gap) and the status it earns. */
export interface Certified {
  status: SolveStatusValue;
  certificate: { lowerBound: number; upperBound: number; gap: number };
}

/**
 * Certifies bounds: the gap `upperBound - lowerBound` (never negative) and the status it earns
 * against the tolerance (see {@link statusFor}). Every result and every marked winner is
 * certified this way.
 *
 * @example
 * ```ts
 * certify(0.5, 0.5, 1e-9, 'optimal', false) // { status: 'optimal', certificate: { lowerBound: 0.5, upperBound: 0.5, gap: 0 } }
 * ```
 */
export function certify(
  lowerBound: number,
  upperBound: number,
  tolerance: number,
  lpStatus: LpStatus,
  timedOut: boolean,
): Certified {
  const gap = Math.max(0, upperBound - lowerBound);
  return { status: statusFor(gap, tolerance, lpStatus, timedOut), certificate: { lowerBound, upperBound, gap } };
}

/**
 * Assembles the result document (docs/design.md section 4.2) from a solver's parts: support list,
 * certificate with its gap, status, diagnostics and warnings.
 *
 * @example
 * ```ts
 * const result = finishResult({
 *   kind: 'von-neumann', items: ['a', 'b'], distribution: [1, 0], value: 0.5, lowerBound: 0.5, upperBound: 0.5,
 *   lpStatus: 'optimal', method: 'full-lp', context, started: performance.now(),
 * })
 * assert.equal(result.status, 'optimal')
 * assert.deepEqual(result.support, [{ item: 'a', probability: 1 }])
 * ```
 */
export function finishResult(parts: ResultParts): ResultDocument {
  const ordered = orderedBounds(parts.value, parts.lowerBound, parts.upperBound);
  const tolerance = parts.gapTolerance ?? parts.context.tolerance * Math.max(1, parts.scale ?? 1);
  const { status, certificate } = certify(
    ordered.lowerBound,
    ordered.upperBound,
    tolerance,
    parts.lpStatus,
    parts.context.timedOut,
  );
  if (status !== 'optimal') {
    parts.context.warnings.push(
      `the certificate gap ${certificate.gap.toExponential(3)} is above the tolerance ${tolerance}: the lottery is the best found, within the bounds given`,
    );
  }
  const result: ResultDocument = {
    ...(parts.id !== undefined ? { id: parts.id } : {}),
    kind: parts.kind,
    status,
    items: parts.items,
    distribution: Array.from(parts.distribution),
    support: supportOf(parts.distribution, parts.items),
    value: parts.value,
    certificate,
    ...parts.extra,
    diagnostics: {
      backend: parts.context.backend.name,
      method: parts.method,
      iterations: parts.context.iterations,
      ...(parts.rounds !== undefined ? { rounds: parts.rounds } : {}),
      elapsedMs: Math.round((performance.now() - parts.started) * 1000) / 1000,
    },
    warnings: parts.context.warnings,
  };
  return result;
}

/**
 * Bounds in order. Bounds computed apart (a guaranteed and a conceded payoff, a primal value and
 * a safe dual bound) can cross by rounding when the optimum is attained exactly; the exact
 * quantities are then within rounding of each other. The bound that is the recomputed `value`
 * stays; the other one moves to it (so the certificate only gets weaker, never wrong).
 *
 * @example
 * ```ts
 * orderedBounds(86.66666666666667, 86.66666666666667, 86.66666666666666)
 * // { lowerBound: 86.66666666666667, upperBound: 86.66666666666667 }
 * ```
 */
export function orderedBounds(
  value: number,
  lowerBound: number,
  upperBound: number,
): { lowerBound: number; upperBound: number } {
  if (lowerBound <= upperBound) return { lowerBound, upperBound };
  return value === upperBound ? { lowerBound: upperBound, upperBound } : { lowerBound, upperBound: lowerBound };
}

/**
 * Criterion-keyed object from parallel arrays of names and numbers.
 *
 * @example
 * ```ts
 * byName(['safety', 'comfort'], [0.6, 0.4]) // { safety: 0.6, comfort: 0.4 }
 * ```
 */
export function byName(names: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const result: Record<string, number> = {};
  names.forEach((name, index) => {
    // defineProperty, not assignment: a criterion may be called "__proto__".
    Object.defineProperty(result, name, { value: values[index], enumerable: true, writable: true, configurable: true });
  });
  return result;
}
