import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ajv } from '../src/schema/ajv.js';
import {
  bootstrapBradleyTerry,
  bordaScores,
  condorcetLoser,
  condorcetWinner,
  copelandScores,
  eloRating,
  fitBradleyTerry,
  rankOrder,
  winsFromCells,
  winsFromMatrix,
  type PairwiseWins,
} from '../src/baselines/index.js';
import { comparisonsFromJudgements, preferencesFromStrengths, sampleJudgements } from '../src/generate/index.js';
import { observedCells, readComparisons } from '../src/estimation/index.js';
import { schemaDocuments, solve } from '../src/index.js';
import { matrixFromRows } from '../src/numeric/matrix.js';

const names = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

/** Hunter's (2004) MM algorithm for unregularised Bradley-Terry: an independent reference. */
function minorizationMaximization(wins: PairwiseWins, iterations = 20_000): number[] {
  const n = wins.items;
  let strength = new Array<number>(n).fill(1);
  const total = new Array<number>(n).fill(0);
  for (let e = 0; e < wins.first.length; e++) {
    total[wins.first[e]] += wins.firstWins[e];
    total[wins.second[e]] += wins.secondWins[e];
  }
  for (let iteration = 0; iteration < iterations; iteration++) {
    const denominator = new Array<number>(n).fill(0);
    for (let e = 0; e < wins.first.length; e++) {
      const share = (wins.firstWins[e] + wins.secondWins[e]) / (strength[wins.first[e]] + strength[wins.second[e]]);
      denominator[wins.first[e]] += share;
      denominator[wins.second[e]] += share;
    }
    strength = strength.map((_, i) => total[i] / denominator[i]);
    const scale = Math.exp(strength.reduce((sum, value) => sum + Math.log(value), 0) / n);
    strength = strength.map((value) => value / scale);
  }
  return strength.map(Math.log);
}

const centred = (values: ArrayLike<number>) => {
  const list = Array.from(values);
  const mean = list.reduce((a, b) => a + b, 0) / list.length;
  return list.map((value) => value - mean);
};

describe('Condorcet, Copeland and Borda', () => {
  const ordered = matrixFromRows([
    [0.5, 0.6, 0.7],
    [0.4, 0.5, 0.9],
    [0.3, 0.1, 0.5],
  ]);
  const cycle = matrixFromRows([
    [0.5, 0, 1],
    [1, 0.5, 0],
    [0, 1, 0.5],
  ]);
  const tied = matrixFromRows([
    [0.5, 0.6, 0.5],
    [0.4, 0.5, 0.9],
    [0.5, 0.1, 0.5],
  ]);

  test('Condorcet winner and loser, or none in a cycle or a tie', () => {
    assert.equal(condorcetWinner(ordered), 0);
    assert.equal(condorcetLoser(ordered), 2);
    assert.equal(condorcetWinner(cycle), null);
    assert.equal(condorcetLoser(cycle), null);
    assert.equal(condorcetWinner(tied), null, 'a tie against item 2 is not a win');
  });

  test('Copeland counts wins and half ties; Borda averages probabilities', () => {
    assert.deepEqual(Array.from(copelandScores(tied)), [1.5, 1, 0.5]);
    assert.deepEqual(Array.from(copelandScores(cycle)), [1, 1, 1]);
    assert.deepEqual(
      Array.from(bordaScores(ordered)).map((value) => Math.round(value * 1e12) / 1e12),
      [0.65, 0.65, 0.2],
    );
  });

  test('ranks: best first, equal scores share the smaller rank', () => {
    assert.deepEqual(
      rankOrder(['a', 'b', 'c', 'd'], [1, 2, 2, 0]).map((entry) => [entry.item, entry.rank]),
      [
        ['b', 1],
        ['c', 1],
        ['a', 3],
        ['d', 4],
      ],
    );
  });
});

describe('Bradley-Terry', () => {
  const strengths = [1.5, 1.0, 0.6, 0.2, 0, -0.1, -0.4, -0.8, -1.2, -1.5];
  const truth = centred(strengths);
  const comparisons = comparisonsFromJudgements(
    sampleJudgements({ quality: preferencesFromStrengths(strengths) }, names(10), {
      seed: 21,
      perPair: 300,
      tieRate: 0.05,
    }),
  );
  const cells = observedCells(readComparisons(comparisons, names(10)));
  const wins = winsFromCells(cells, 0);

  test('recovers known strengths from a seeded synthetic data set within 0.15 (about 4 standard errors)', () => {
    const fit = fitBradleyTerry(wins, 0);
    assert.ok(fit.converged);
    fit.scores.forEach((score, i) =>
      assert.ok(Math.abs(score - truth[i]) < 0.15, `item ${i}: ${score} vs ${truth[i]}`),
    );
    assert.ok(Math.abs(fit.scores.reduce((a, b) => a + b, 0)) < 1e-9, 'mean 0');
  });

  test('agrees with an independent MM fit to 1e-6 without regularisation', () => {
    const newton = fitBradleyTerry(wins, 0).scores;
    const reference = centred(minorizationMaximization(wins));
    newton.forEach((score, i) =>
      assert.ok(Math.abs(score - reference[i]) < 1e-6, `item ${i}: ${score} vs ${reference[i]}`),
    );
  });

  test('with regularisation the gradient of the penalised likelihood vanishes (KKT)', () => {
    const lambda = 5;
    const { scores } = fitBradleyTerry(wins, lambda);
    const gradient = Array.from(scores, (score) => lambda * score);
    for (let e = 0; e < wins.first.length; e++) {
      const total = wins.firstWins[e] + wins.secondWins[e];
      const p = 1 / (1 + Math.exp(scores[wins.second[e]] - scores[wins.first[e]]));
      gradient[wins.first[e]] += total * p - wins.firstWins[e];
      gradient[wins.second[e]] -= total * p - wins.firstWins[e];
    }
    for (const value of gradient) assert.ok(Math.abs(value) < 1e-6, `gradient ${value}`);
    assert.ok(Math.max(...scores) < Math.max(...truth), 'shrunk towards 0');
  });

  test('disconnected or separated data: an error without regularisation, finite scores with it', () => {
    const separated = winsFromCells(
      observedCells(
        readComparisons(
          [
            { winner: 'a', loser: 'b', count: 5 },
            { winner: 'b', loser: 'c', count: 2 },
            { winner: 'c', loser: 'b' },
          ],
          undefined,
        ),
      ),
      0,
    );
    assert.throws(() => fitBradleyTerry(separated, 0), {
      code: 'PREF_ERR_NOT_CONNECTED',
      pointer: '/rankings/regularisation',
    });
    const fit = fitBradleyTerry(separated, 0.01);
    assert.ok(fit.converged && fit.scores.every(Number.isFinite));
    assert.ok(fit.scores[0] > fit.scores[1] && fit.scores[1] > fit.scores[2]);
    const isolated = fitBradleyTerry(
      winsFromMatrix(
        matrixFromRows([
          [0.5, 1, 0.5],
          [0, 0.5, 0.5],
          [0.5, 0.5, 0.5],
        ]),
      ),
      0.01,
    );
    assert.ok(isolated.converged);
  });

  test('bootstrap intervals (seeded) contain the true strengths for most items', () => {
    const fit = fitBradleyTerry(wins, 0);
    const intervals = bootstrapBradleyTerry(cells, [0], [fit.scores], {
      rounds: 100,
      seed: 4,
      level: 0.95,
      regularisation: 0,
      deadline: Infinity,
    });
    assert.equal(intervals.completed, 100);
    let covered = 0;
    truth.forEach((value, i) => {
      assert.ok(intervals.lower[0][i] <= fit.scores[i] && fit.scores[i] <= intervals.upper[0][i]);
      if (intervals.lower[0][i] <= value && value <= intervals.upper[0][i]) covered++;
    });
    assert.ok(covered >= 8, `${covered} of 10 intervals cover the truth`);
  });

  test('the bootstrap stops at its deadline by the injected clock (one tick per round)', () => {
    const fit = fitBradleyTerry(wins, 0.01);
    let ticks = 0;
    const intervals = bootstrapBradleyTerry(cells, [0], [fit.scores], {
      rounds: 100,
      seed: 4,
      level: 0.95,
      regularisation: 0.01,
      deadline: 7,
      now: () => ticks++,
    });
    assert.equal(intervals.completed, 7, 'rounds start at ticks 0..6; tick 7 is the deadline');
  });

  test('Elo scale: 400 points is odds of 10 to 1', () => {
    assert.equal(eloRating(0), 1000);
    assert.ok(Math.abs(eloRating(Math.log(10)) - 1400) < 1e-9);
  });
});

describe('the rankings field', () => {
  const validResult = ajv.compile(schemaDocuments.result);

  test('on a matrix: every method, Bradley-Terry on the probabilities without intervals; the result matches its schema', () => {
    const result = solve({
      kind: 'von-neumann',
      items: ['a', 'b', 'c'],
      preferences: [
        [0.5, 0.6, 0.7],
        [0.4, 0.5, 0.9],
        [0.3, 0.1, 0.5],
      ],
      rankings: true,
    });
    assert.ok(validResult(result), JSON.stringify(validResult.errors));
    const ranking = result.rankings!.criteria[0];
    assert.equal(ranking.criterion, undefined);
    assert.equal(ranking.condorcetWinner, 'a');
    assert.deepEqual(
      ranking.copeland!.map((entry) => entry.item),
      ['a', 'b', 'c'],
    );
    assert.equal(ranking.bradleyTerry!.intervals, undefined);
    assert.equal(ranking.bradleyTerry!.scores[2].item, 'c');
  });

  test('with comparisons: per criterion with bootstrap intervals, the weighted matrix for linear, methods as asked', () => {
    const comparisons = comparisonsFromJudgements(
      sampleJudgements(
        { safety: preferencesFromStrengths([1, 0, -1]), speed: preferencesFromStrengths([-1, 0, 1]) },
        ['a', 'b', 'c'],
        { seed: 2, perPair: 30 },
      ),
    );
    const result = solve({
      kind: 'linear',
      comparisons,
      weights: { safety: 3, speed: 1 },
      rankings: { methods: ['bradley-terry', 'condorcet'], rounds: 30, seed: 9 },
    });
    assert.ok(validResult(result), JSON.stringify(validResult.errors));
    const rankings = result.rankings!;
    assert.deepEqual(rankings.methods, ['condorcet', 'bradley-terry']);
    assert.deepEqual(
      rankings.criteria.map((entry) => entry.criterion),
      ['safety', 'speed'],
    );
    assert.equal(rankings.criteria[0].copeland, undefined);
    assert.equal(rankings.criteria[0].bradleyTerry!.scores[0].item, 'a');
    assert.equal(rankings.criteria[1].bradleyTerry!.scores[0].item, 'c');
    assert.deepEqual(rankings.criteria[0].bradleyTerry!.intervals, { level: 0.95, rounds: 30, completed: 30, seed: 9 });
    for (const entry of rankings.criteria[0].bradleyTerry!.scores)
      assert.ok(entry.lower! <= entry.score && entry.score <= entry.upper!);
    assert.ok(rankings.weighted && rankings.weighted.condorcetWinner === 'a');
    assert.equal(solve({ kind: 'linear', comparisons, rankings: false }).rankings, undefined);
  });
});
