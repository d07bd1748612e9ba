// Estimation benchmark: (1) the time of estimation and bootstrap for 100 items with 50,000
// judgements on 3 criteria; (2) the coverage of the confidence statements in seeded simulations:
// entry intervals (Wilson, Beta), Bradley-Terry bootstrap intervals, winner bootstrap intervals,
// and the plug-in bound. One run, figures measured in it; writes bench/results/estimation.{json,md}.
// Run: npm run bench:estimation (about 2-4 minutes on 2 cores).
import { bootstrapBradleyTerry, fitBradleyTerry, winsFromCells } from '../src/baselines/index.js';
import {
  comparisonsFromJudgements,
  conflictingPreferences,
  preferencesFromStrengths,
  randomPreferences,
  sampleJudgements,
} from '../src/generate/index.js';
import { estimateFromComparisons, solve } from '../src/index.js';
import { observedCells, readComparisons } from '../src/estimation/index.js';
import { machine, markdownTable, saveResults } from './harness.js';

const names = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

function timed<T>(work: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = work();
  return { ms: performance.now() - started, result };
}

// ---- 1. Time: 100 items, 50,000 judgements, each on 3 criteria ----
const items = names(100);
const tensor = conflictingPreferences(100, 3, 11, { correlation: 0.5, spread: 1, noise: 0.3 });
const criteria = { helpfulness: tensor[0], safety: tensor[1], concision: tensor[2] };
const judgements = sampleJudgements(criteria, items, { seed: 5, judgements: 50_000, tieRate: 0.1 });
const comparisons = comparisonsFromJudgements(judgements);
const outcomes = comparisons.reduce((total, row) => total + (row.count ?? 1), 0);
solve({
  kind: 'von-neumann',
  preferences: [
    [0.5, 0.6],
    [0.4, 0.5],
  ],
}); // load HiGHS and warm up
const target = { thresholds: { helpfulness: 0.5, safety: 0.5, concision: 0.5 } };
const options = { timeLimitMs: 600_000 };
const rounds = 200;
const timing = [
  {
    what: 'estimate only (P_hat, Wilson intervals, counts)',
    run: () => estimateFromComparisons({ comparisons, items, options }),
  },
  {
    what: `von Neumann winner (helpfulness) + ${rounds}-round bootstrap`,
    run: () =>
      estimateFromComparisons({
        comparisons,
        items,
        winner: 'von-neumann',
        criterion: 'helpfulness',
        bootstrap: { rounds },
        options,
      }),
  },
  {
    what: `linear winner + ${rounds}-round bootstrap`,
    run: () => estimateFromComparisons({ comparisons, items, winner: 'linear', bootstrap: { rounds }, options }),
  },
  {
    what: `Blackwell winner (l-inf, thresholds 0.5) + ${rounds}-round bootstrap`,
    run: () =>
      estimateFromComparisons({ comparisons, items, winner: 'blackwell', target, bootstrap: { rounds }, options }),
  },
  {
    what: `Bradley-Terry rankings of 3 criteria + ${rounds}-round bootstrap`,
    run: () =>
      estimateFromComparisons({ comparisons, items, rankings: { methods: ['bradley-terry'], rounds }, options }),
  },
].map(({ what, run }) => {
  const { ms, result } = timed(run);
  return {
    what,
    ms,
    bootstrapMs: result.diagnostics.bootstrapMs ?? null,
    status: result.status,
    completed: result.bootstrap?.completed ?? null,
    epsilon: result.bound?.epsilon ?? null,
  };
});

// ---- 2. Coverage of the 95% entry intervals ----
function entryCoverage(perPair: number, replications: number) {
  const truth = preferencesFromStrengths([1.2, 0.8, 0.5, 0.1, 0, -0.3, -0.6, -1.2], { noise: 0.3, seed: 3 });
  const counts = { wilson: 0, beta: 0, total: 0 };
  for (let replication = 0; replication < replications; replication++) {
    const data = comparisonsFromJudgements(
      sampleJudgements({ c: truth }, names(8), { seed: 1000 + replication, perPair, tieRate: 0.1 }),
    );
    for (const method of ['wilson', 'beta'] as const) {
      const { lower, upper } = estimateFromComparisons({ comparisons: data, items: names(8), intervals: { method } })
        .intervals.criteria[0];
      for (let i = 0; i < 8; i++) {
        for (let j = i + 1; j < 8; j++) {
          if (lower[i][j] <= truth[i][j] && truth[i][j] <= upper[i][j]) counts[method]++;
          if (method === 'wilson') counts.total++;
        }
      }
    }
  }
  return {
    perPair,
    replications,
    entries: counts.total,
    wilson: counts.wilson / counts.total,
    beta: counts.beta / counts.total,
  };
}
const entries = [entryCoverage(5, 150), entryCoverage(20, 150), entryCoverage(100, 150)];

// ---- 3. Coverage of the Bradley-Terry bootstrap intervals (true strengths, centred) ----
function bradleyTerryCoverage(replications: number) {
  const strengths = [1.2, 0.8, 0.5, 0.1, 0, -0.3, -0.6, -1.2];
  const mean = strengths.reduce((a, b) => a + b, 0) / strengths.length;
  let covered = 0;
  let total = 0;
  for (let replication = 0; replication < replications; replication++) {
    const data = comparisonsFromJudgements(
      sampleJudgements({ c: preferencesFromStrengths(strengths) }, names(8), { seed: 2000 + replication, perPair: 40 }),
    );
    const cells = observedCells(readComparisons(data, names(8)));
    const fit = fitBradleyTerry(winsFromCells(cells, 0), 0);
    const intervals = bootstrapBradleyTerry(cells, [0], [fit.scores], {
      rounds: 200,
      seed: replication,
      level: 0.95,
      regularisation: 0,
      deadline: Infinity,
    });
    strengths.forEach((strength, i) => {
      total++;
      if (intervals.lower[0][i] <= strength - mean && strength - mean <= intervals.upper[0][i]) covered++;
    });
  }
  return { replications, items: total, coverage: covered / total };
}
const bradleyTerry = bradleyTerryCoverage(40);

// ---- 4. The plug-in bound and the bootstrap intervals of winners, against the truth ----
/** A seeded random 6-item matrix whose von Neumann winner mixes at least 3 items (the informative case). */
function mixedTruth(): number[][] {
  for (let seed = 1; ; seed++) {
    const candidate = randomPreferences(6, seed);
    if (solve({ kind: 'von-neumann', preferences: candidate }).support.length >= 3) return candidate;
  }
}

function winnerCoverage(replications: number) {
  let boundHolds = 0;
  let epsilonSum = 0;
  let suboptimalitySum = 0;
  let valueCovered = 0;
  let probabilityCovered = 0;
  let probabilityTotal = 0;
  const truth = conflictingPreferences(6, 2, 17, { correlation: 0.6 });
  const truthCriteria = [
    { name: 'help', preferences: truth[0] },
    { name: 'safety', preferences: truth[1] },
  ];
  const thresholds = { help: 0.55, safety: 0.55 };
  const optimum = solve({ kind: 'blackwell', items: names(6), criteria: truthCriteria, target: { thresholds } });
  const mixed = mixedTruth();
  const trueVonNeumann = solve({ kind: 'von-neumann', items: names(6), preferences: mixed }).distribution;
  for (let replication = 0; replication < replications; replication++) {
    const data = comparisonsFromJudgements(
      sampleJudgements({ help: truth[0], safety: truth[1] }, names(6), {
        seed: 3000 + replication,
        perPair: 80,
        tieRate: 0.1,
      }),
    );
    const estimate = estimateFromComparisons({
      comparisons: data,
      items: names(6),
      winner: 'blackwell',
      target: { thresholds },
      bootstrap: { rounds: 200, seed: replication },
    });
    // v(pi_hat; P) from the definition, for the threshold target in l-inf.
    const pi = estimate.winner!.distribution;
    let value = 0;
    for (let j = 0; j < 6; j++) {
      for (let c = 0; c < 2; c++) {
        let z = 0;
        for (let i = 0; i < 6; i++) z += pi[i] * truth[c][i][j];
        value = Math.max(value, 0.55 - z);
      }
    }
    const suboptimality = value - optimum.value;
    suboptimalitySum += suboptimality;
    epsilonSum += estimate.bound!.epsilon;
    if (suboptimality <= estimate.bound!.epsilon) boundHolds++;
    const interval = estimate.bootstrap!.value!;
    if (interval.lower <= optimum.value && optimum.value <= interval.upper) valueCovered++;
    const cyclic = comparisonsFromJudgements(
      sampleJudgements({ quality: mixed }, names(6), { seed: 4000 + replication, perPair: 80, tieRate: 0.1 }),
    );
    const vonNeumann = estimateFromComparisons({
      comparisons: cyclic,
      items: names(6),
      winner: 'von-neumann',
      bootstrap: { rounds: 200, seed: replication },
    });
    vonNeumann.bootstrap!.items.forEach((item, i) => {
      probabilityTotal++;
      if (item.lower - 1e-12 <= trueVonNeumann[i] && trueVonNeumann[i] <= item.upper + 1e-12) probabilityCovered++;
    });
  }
  return {
    replications,
    boundHolds: boundHolds / replications,
    meanEpsilon: epsilonSum / replications,
    meanSuboptimality: suboptimalitySum / replications,
    trueBlackwellValue: optimum.value,
    valueCoverage: valueCovered / replications,
    trueVonNeumann,
    winnerProbabilityCoverage: probabilityCovered / probabilityTotal,
  };
}
const winners = winnerCoverage(30);

const markdown = [
  `Machine: ${machine()}. One run of \`npm run bench:estimation\`.`,
  '',
  `**Time.** 100 items, 50,000 judgements of random pairs, each judged on 3 conflicting criteria (${outcomes.toLocaleString('en')} comparison outcomes, ${comparisons.length.toLocaleString('en')} aggregated rows, about ${Math.round(outcomes / (4950 * 3))} per pair and criterion, ties 10%):`,
  '',
  markdownTable(
    ['what', 'total (s)', 'of which bootstrap (s)', 'status'],
    timing.map((row) => [
      row.what,
      seconds(row.ms),
      row.bootstrapMs === null ? '—' : seconds(row.bootstrapMs),
      row.status,
    ]),
  ),
  '',
  '**Coverage of the 95% entry intervals** (8 Bradley-Terry items with noise, ties 10%, every pair x replication):',
  '',
  markdownTable(
    ['comparisons per pair', 'replications', 'entries', 'Wilson', 'Beta (Jeffreys)'],
    entries.map((row) => [row.perPair, row.replications, row.entries, row.wilson.toFixed(3), row.beta.toFixed(3)]),
  ),
  '',
  `**Coverage of the 95% Bradley-Terry bootstrap intervals** (8 items, 40 comparisons per pair, 200 rounds): ${bradleyTerry.coverage.toFixed(3)} of ${bradleyTerry.items} item x replication intervals contain the true centred strength.`,
  '',
  `**Plug-in bound** (6 items, 2 conflicting criteria, 80 comparisons per pair, Blackwell l-inf thresholds 0.55, delta 0.05, ${winners.replications} replications): the bound held in ${(winners.boundHolds * 100).toFixed(0)}% of them; mean epsilon ${winners.meanEpsilon.toFixed(3)} against a mean true suboptimality of ${winners.meanSuboptimality.toFixed(4)} (the bound is a worst case).`,
  '',
  `**Winner bootstrap** (200 rounds, 95% percentile intervals; a percentile bootstrap of an LP optimum has no coverage guarantee, these are the measured figures): on the Blackwell data above, the interval of the optimal value contained the true optimal value ${winners.trueBlackwellValue.toFixed(4)} in ${(winners.valueCoverage * 100).toFixed(0)}% of the replications; for the von Neumann winner of a random 6-item matrix whose winner mixes ${winners.trueVonNeumann.filter((p) => p > 0).length} items (80 comparisons per pair, ties 10%), the interval of an item's probability contained its true probability in ${(winners.winnerProbabilityCoverage * 100).toFixed(1)}% of ${winners.replications * 6} item x replication cases.`,
].join('\n');

saveResults(
  'estimation',
  { machine: machine(), outcomes, rows: comparisons.length, timing, entries, bradleyTerry, winners },
  markdown,
);
console.log(markdown);
