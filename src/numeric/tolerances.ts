/**
 * Every numerical tolerance prefgame uses, in one place. Solver code compares floats only
 * through these constants (never with `===`).
 */
export const tolerances = {
  /** Largest accepted `|P[i][j] + P[j][i] - 1|` in an input matrix (docs/design.md section 4.1). */
  complementarity: 1e-9,
  /** Largest accepted `|P[i][i] - 1/2|`. */
  diagonal: 1e-9,
  /** Default certificate gap for LP-based results: `status` is `optimal` only when `gap <= tolerance`. */
  gap: 1e-9,
  /** Default certificate gap for the l2 Blackwell winner (cutting planes converge, they do not terminate). */
  gapL2: 1e-7,
  /** Probabilities below this are set to zero before a lottery is renormalised and evaluated. */
  support: 1e-12,
  /** A payoff within this of the game value counts as a best response (a tight constraint). */
  tight: 1e-9,
  /** Primal and dual feasibility tolerance handed to the LP engines. */
  lpFeasibility: 1e-10,
  /** Relative pivot threshold below which a matrix is treated as singular in rank computations. */
  rank: 1e-9,
  /** Slack allowed when checking that a point lies in a target set. */
  targetMembership: 1e-12,
  /** Baselines: `P[i][j]` within this of 1/2 is a tie (Condorcet, Copeland), and scores within it share a rank. */
  preferenceTie: 1e-12,
  /** Bradley-Terry: Newton stops when the largest gradient entry is below this times the comparisons per item (at least 1). */
  bradleyTerryGradient: 1e-10,
  /** The same for the refits of a bootstrap, whose scores vary by far more than this between rounds. */
  bradleyTerryBootstrapGradient: 1e-7,
  /** Relative residual at which the conjugate-gradient solve of a Newton step stops. */
  conjugateGradient: 1e-12,
} as const;

/**
 * True when `a` and `b` agree to within `absolute + relative * max(|a|, |b|)`.
 *
 * @example
 * ```ts
 * nearlyEqual(0.1 + 0.2, 0.3) // true
 * ```
 */
export function nearlyEqual(a: number, b: number, absolute = 1e-12, relative = 1e-12): boolean {
  return Math.abs(a - b) <= absolute + relative * Math.max(Math.abs(a), Math.abs(b));
}
