import { randomPreferences } from './generate/preference-matrices.js';

/**
 * Problems that a fresh process or worker solves before its first real one (`ready()`, the
 * pool's workers): small enough to take milliseconds, large enough to run the code that real
 * solves run (the simplex's usual paths in HiGHS, column generation, Blackwell cuts), so that V8
 * has compiled it by then. Seeded: the same problems every time. `vonNeumannItems` sizes the
 * uniformly random von Neumann problem (the service's warm-up requests use 100, which also runs
 * the double oracle's hand-over to the full LP).
 *
 * @example
 * ```ts
 * for (const problem of warmUpProblems()) solve(problem)
 * ```
 */
export function warmUpProblems(vonNeumannItems = 40): Array<Record<string, unknown>> {
  const criteria = [1, 2].map((seed) => ({ name: `c${seed}`, preferences: randomPreferences(16, seed) }));
  return [
    { kind: 'von-neumann', preferences: randomPreferences(vonNeumannItems, 1) },
    { kind: 'blackwell', criteria, target: { thresholds: { c1: 0.55, c2: 0.55 } }, norm: 'linf' },
  ];
}
