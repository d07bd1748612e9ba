import { backendNamed } from '../lp/backends.js';
import type { LpBackend } from '../lp/model.js';
import { tolerances } from '../numeric/tolerances.js';
import type { OptionsDocument } from '../schema/problem.js';
import { createContext, type SolveContext } from '../games/context.js';
import type { Limits } from '../limits.js';

/** The time limit when a problem gives none. */
export const defaultTimeLimitMs = 10_000;

/** Options with their defaults filled in. */
export interface ResolvedOptions {
  tolerance: number;
  timeLimitMs: number;
  backend: LpBackend;
}

/**
 * Fills in the defaults of a problem's `options`: tolerance 1e-9 (or the given default, 1e-7
 * for l2), time limit 10 s capped by the configured maximum, backend HiGHS. Adds a warning to
 * `warnings` when the time limit was cut.
 *
 * @example
 * ```ts
 * resolveOptions(undefined, tolerances.gap, defaultLimits, []).timeLimitMs // 10000
 * ```
 */
export function resolveOptions(options: OptionsDocument | undefined, defaultTolerance: number, limits: Limits, warnings: string[]): ResolvedOptions {
  const requested = options?.timeLimitMs ?? defaultTimeLimitMs;
  const timeLimitMs = Math.min(requested, limits.maxTimeLimitMs);
  if (timeLimitMs < requested) warnings.push(`options.timeLimitMs was lowered from ${requested} to the server's maximum ${timeLimitMs}`);
  return { tolerance: options?.tolerance ?? defaultTolerance, timeLimitMs, backend: backendNamed(options?.backend) };
}

/**
 * A solve context from a problem's options.
 *
 * @example
 * ```ts
 * const context = contextFor(problem.options, tolerances.gap, defaultLimits)
 * ```
 */
export function contextFor(options: OptionsDocument | undefined, limits: Limits, defaultTolerance: number = tolerances.gap): SolveContext {
  const warnings: string[] = [];
  const resolved = resolveOptions(options, defaultTolerance, limits, warnings);
  const context = createContext(resolved.backend, resolved.timeLimitMs, resolved.tolerance);
  context.warnings.push(...warnings);
  return context;
}
