import { PrefgameError } from '../errors.js';
import { maximumOf } from '../numeric/extremes.js';
import { tolerances } from '../numeric/tolerances.js';
import { stronglyConnected } from './connectivity.js';
import type { PairwiseWins } from './pairwise-wins.js';

/** A Bradley-Terry fit: log-strengths with mean 0. */
export interface BradleyTerryFit {
  /** `s_i`: `P(i beats j) = 1 / (1 + exp(s_j - s_i))`; mean 0. */
  scores: Float64Array;
  iterations: number;
  converged: boolean;
}

/** Most Newton iterations; each one is a conjugate-gradient solve over the pairs. */
const maxNewtonIterations = 100;

/** `log(1 + exp(x))` without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function logistic(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** The negative log-likelihood (without the penalty, which is shift-invariant-free). O(pairs). */
function negativeLogLikelihood(wins: PairwiseWins, scores: Float64Array): number {
  let total = 0;
  for (let e = 0; e < wins.first.length; e++) {
    const margin = scores[wins.first[e]] - scores[wins.second[e]];
    total += wins.firstWins[e] * softplus(-margin) + wins.secondWins[e] * softplus(margin);
  }
  return total;
}

/** `(lambda / 2) |s|^2`. O(n). */
function penalty(scores: Float64Array, regularisation: number): number {
  let sum = 0;
  for (const score of scores) sum += score * score;
  return (regularisation / 2) * sum;
}

function subtractMean(vector: Float64Array): void {
  let mean = 0;
  for (const value of vector) mean += value;
  mean /= vector.length;
  for (let i = 0; i < vector.length; i++) vector[i] -= mean;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/**
 * Solves `(L + lambda I) x = rhs` on the zero-mean subspace, where L is the graph Laplacian with
 * edge weights `curvature[e]`, by conjugate gradients with the Jacobi preconditioner (projected
 * onto the subspace, where L + lambda I is positive definite for connected data or lambda > 0).
 */
function newtonStep(
  wins: PairwiseWins,
  curvature: Float64Array,
  regularisation: number,
  rhs: Float64Array,
): Float64Array {
  const n = wins.items;
  const diagonal = new Float64Array(n).fill(regularisation);
  for (let e = 0; e < curvature.length; e++) {
    diagonal[wins.first[e]] += curvature[e];
    diagonal[wins.second[e]] += curvature[e];
  }
  const multiply = (vector: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) out[i] = regularisation * vector[i];
    for (let e = 0; e < curvature.length; e++) {
      const a = wins.first[e];
      const b = wins.second[e];
      const flow = curvature[e] * (vector[a] - vector[b]);
      out[a] += flow;
      out[b] -= flow;
    }
  };
  const precondition = (vector: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) out[i] = diagonal[i] > 0 ? vector[i] / diagonal[i] : vector[i];
    subtractMean(out);
  };
  const solution = new Float64Array(n);
  const residual = Float64Array.from(rhs);
  subtractMean(residual);
  const preconditioned = new Float64Array(n);
  precondition(residual, preconditioned);
  const direction = Float64Array.from(preconditioned);
  const product = new Float64Array(n);
  let rho = dot(residual, preconditioned);
  const stop = tolerances.conjugateGradient * Math.sqrt(dot(residual, residual));
  for (let iteration = 0; iteration < 2 * n + 10 && Math.sqrt(dot(residual, residual)) > stop; iteration++) {
    multiply(direction, product);
    const curvatureAlong = dot(direction, product);
    if (!(curvatureAlong > 0)) break;
    const step = rho / curvatureAlong;
    for (let i = 0; i < n; i++) {
      solution[i] += step * direction[i];
      residual[i] -= step * product[i];
    }
    precondition(residual, preconditioned);
    const next = dot(residual, preconditioned);
    const ratio = next / rho;
    rho = next;
    for (let i = 0; i < n; i++) direction[i] = preconditioned[i] + ratio * direction[i];
  }
  return solution;
}

/**
 * The Bradley-Terry maximum-likelihood strengths of pairwise outcomes, with an L2 penalty:
 * minimises `-sum_pairs [w_ij log sigma(s_i - s_j) + w_ji log sigma(s_j - s_i)] + (lambda / 2) |s|^2`
 * (`sigma` the logistic function; a tie counts half a win for each side). The objective is convex;
 * with `lambda > 0` it is strictly convex and its minimiser exists and has mean 0 for any data,
 * disconnected or separated (the regularisation of a Gaussian prior with variance 1/lambda). With
 * `lambda = 0` the maximum exists exactly when the comparisons are strongly connected
 * (otherwise `PREF_ERR_NOT_CONNECTED`), and is made unique by mean 0. Newton's method with a
 * backtracking line search; each step solves the Laplacian system by preconditioned conjugate
 * gradients, O(pairs) per product. Stops when the largest gradient entry is below
 * `gradientTolerance` (default {@link tolerances.bradleyTerryGradient}) times the most
 * comparisons of an item (at least 1). `start` warm-starts from given scores.
 *
 * @example
 * ```ts
 * const scores = fitBradleyTerry(winsFromCells(cells, 0), 0.01).scores // log-strengths, mean 0
 * assert.ok(Math.abs(scores.reduce((sum, score) => sum + score, 0)) < 1e-9)
 * ```
 */
export function fitBradleyTerry(
  wins: PairwiseWins,
  regularisation: number,
  start?: Float64Array,
  gradientTolerance: number = tolerances.bradleyTerryGradient,
): BradleyTerryFit {
  const n = wins.items;
  if (regularisation === 0 && !stronglyConnected(wins)) {
    throw new PrefgameError(
      'PREF_ERR_NOT_CONNECTED',
      'rankings.regularisation is 0 but some items never win (or never lose) against the rest, directly or through others: the Bradley-Terry likelihood has no maximum. Use a positive regularisation (default 0.01)',
      '/rankings/regularisation',
    );
  }
  const scores = start ? Float64Array.from(start) : new Float64Array(n);
  subtractMean(scores);
  const perItem = new Float64Array(n);
  for (let e = 0; e < wins.first.length; e++) {
    const total = wins.firstWins[e] + wins.secondWins[e];
    perItem[wins.first[e]] += total;
    perItem[wins.second[e]] += total;
  }
  const tolerance = gradientTolerance * Math.max(1, maximumOf(perItem));
  const gradient = new Float64Array(n);
  const curvature = new Float64Array(wins.first.length);
  const trial = new Float64Array(n);
  // The likelihood is shift-invariant, so it is unchanged when a step's mean is removed.
  let likelihood = negativeLogLikelihood(wins, scores);
  for (let iteration = 0; iteration < maxNewtonIterations; iteration++) {
    for (let i = 0; i < n; i++) gradient[i] = regularisation * scores[i];
    for (let e = 0; e < wins.first.length; e++) {
      const total = wins.firstWins[e] + wins.secondWins[e];
      const probability = logistic(scores[wins.first[e]] - scores[wins.second[e]]);
      const excess = total * probability - wins.firstWins[e];
      gradient[wins.first[e]] += excess;
      gradient[wins.second[e]] -= excess;
      curvature[e] = total * probability * (1 - probability);
    }
    let largest = 0;
    for (const value of gradient) largest = Math.max(largest, Math.abs(value));
    if (largest <= tolerance) return { scores, iterations: iteration, converged: true };
    const step = newtonStep(
      wins,
      curvature,
      regularisation,
      gradient.map((value) => -value),
    );
    const slope = dot(gradient, step);
    const current = likelihood + penalty(scores, regularisation);
    let size = 1;
    let accepted = false;
    for (let halving = 0; halving < 60 && slope < 0; halving++) {
      for (let i = 0; i < n; i++) trial[i] = scores[i] + size * step[i];
      const trialLikelihood = negativeLogLikelihood(wins, trial);
      if (trialLikelihood + penalty(trial, regularisation) <= current + 1e-4 * size * slope) {
        likelihood = trialLikelihood;
        accepted = true;
        break;
      }
      size /= 2;
    }
    if (!accepted) return { scores, iterations: iteration + 1, converged: false };
    scores.set(trial);
    subtractMean(scores);
  }
  return { scores, iterations: maxNewtonIterations, converged: false };
}

/**
 * A Bradley-Terry log-strength on the Elo scale of Chatbot Arena: `1000 + 400 s / ln 10`, so a
 * difference of 400 points is odds of 10 to 1. O(1).
 *
 * @example
 * ```ts
 * eloRating(Math.log(10)) // 1400
 * ```
 */
export function eloRating(score: number): number {
  return 1000 + (400 * score) / Math.LN10;
}
