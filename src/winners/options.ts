import { backendNamed } from '../lp/backends.js';
import { PrefgameError } from '../errors.js';
import type { LpBackend } from '../lp/model.js';
import { tolerances } from '../numeric/tolerances.js';
import type { OptionsDocument } from '../schema/problem.js';
import { createContext, type SolveContext, type SolveMethod } from '../games/context.js';
import type { Limits } from '../limits.js';

/** Options with their defaults filled in. */
export interface ResolvedOptions {
  tolerance: number;
  timeLimitMs: number;
  backend: LpBackend;
  method: SolveMethod;
}

/**
 * Fills in the defaults of a problem's `options`: tolerance 1e-9 (or the given default, 1e-7
 * for l2), time limit from the limits (10 s by default) capped by their maximum, backend HiGHS. Adds a warning to
 * `warnings` when the time limit was cut.
 *
 * @example
 * ```ts
 * resolveOptions(undefined, tolerances.gap, defaultLimits, []).timeLimitMs // 10000
 * ```
 */
export function resolveOptions(
  options: OptionsDocument | undefined,
  defaultTolerance: number,
  limits: Limits,
  warnings: string[],
): ResolvedOptions {
  const requested = options?.timeLimitMs ?? limits.defaultTimeLimitMs;
  let timeLimitMs = Math.min(requested, limits.maxTimeLimitMs);
  if (options?.timeLimitMs !== undefined && timeLimitMs < requested)
    warnings.push(`options.timeLimitMs was lowered from ${requested} to the server's maximum ${timeLimitMs}`);
  const now = (limits.clock ?? Date.now)();
  // Time counts from arrival (queue wait included) and stops at the caller's deadline.
  if (limits.arrivedAt !== undefined) timeLimitMs = Math.min(timeLimitMs, limits.arrivedAt + requested - now);
  if (limits.deadline !== undefined) timeLimitMs = Math.min(timeLimitMs, limits.deadline - now);
  if (!(timeLimitMs > 0)) {
    throw new PrefgameError(
      'PREF_ERR_DEADLINE_EXPIRED',
      `the time limit of ${Math.min(requested, limits.maxTimeLimitMs)} ms ran out before solving started (it counts from arrival); the problem was not solved`,
      options?.timeLimitMs !== undefined ? '/options/timeLimitMs' : '',
    );
  }
  return {
    tolerance: options?.tolerance ?? defaultTolerance,
    timeLimitMs,
    backend: backendNamed(options?.backend),
    method: options?.method ?? 'auto',
  };
}

/**
 * A solve context from a problem's options.
 *
 * @example
 * ```ts
 * const context = contextFor({ timeLimitMs: 1000 }, defaultLimits, tolerances.gap)
 * assert.equal(context.backend.name, 'highs')
 * ```
 */
export function contextFor(
  options: OptionsDocument | undefined,
  limits: Limits,
  defaultTolerance: number = tolerances.gap,
): SolveContext {
  const warnings: string[] = [];
  const resolved = resolveOptions(options, defaultTolerance, limits, warnings);
  const context = createContext(
    resolved.backend,
    resolved.timeLimitMs,
    resolved.tolerance,
    resolved.method,
    limits.clock,
  );
  context.warnings.push(...warnings);
  return context;
}
