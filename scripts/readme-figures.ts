// Regenerates the README's examples of the trade-off kinds: the problem documents and results in
// docs/examples/ and the SVG pictures in docs/ (run: npx tsx scripts/readme-figures.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { solve } from '../src/index.js';
import { plotResult } from '../src/plot/render.js';

const items = ['cautious', 'defensive', 'balanced', 'assertive', 'sporty'];
// Win probabilities of row over column, per criterion: safety falls and comfort rises from
// cautious to sporty, with a few upsets that make mixed lotteries worth it.
const safety = [
  [0.5, 0.6, 0.7, 0.8, 0.9],
  [0.4, 0.5, 0.65, 0.6, 0.85],
  [0.3, 0.35, 0.5, 0.55, 0.75],
  [0.2, 0.4, 0.45, 0.5, 0.6],
  [0.1, 0.15, 0.25, 0.4, 0.5],
];
const comfort = [
  [0.5, 0.45, 0.3, 0.25, 0.35],
  [0.55, 0.5, 0.4, 0.3, 0.2],
  [0.7, 0.6, 0.5, 0.45, 0.35],
  [0.75, 0.7, 0.55, 0.5, 0.6],
  [0.65, 0.8, 0.65, 0.4, 0.5],
];
const criteria = [
  { name: 'safety', preferences: safety },
  { name: 'comfort', preferences: comfort },
];

const examples: Record<string, Record<string, unknown>> = {
  pareto: {
    id: 'driving-frontier',
    kind: 'pareto',
    items,
    criteria,
    target: { thresholds: { safety: 0.45, comfort: 0.45 } },
    weights: { safety: 1, comfort: 1 },
    sweep: { from: { safety: 0.5, comfort: 0.3 }, to: { safety: 0.3, comfort: 0.5 }, steps: 5 },
  },
  compare: {
    id: 'driving-compare',
    kind: 'compare',
    items,
    criteria,
    overall: [
      [0.5, 0.55, 0.45, 0.5, 0.6],
      [0.45, 0.5, 0.5, 0.45, 0.55],
      [0.55, 0.5, 0.5, 0.4, 0.6],
      [0.5, 0.55, 0.6, 0.5, 0.45],
      [0.4, 0.45, 0.4, 0.55, 0.5],
    ],
    targets: [{ name: 'safe-and-comfortable', target: { thresholds: { safety: 0.45, comfort: 0.45 } } }],
  },
  approachability: {
    id: 'driving-repeated',
    kind: 'approachability',
    items: ['cautious', 'balanced', 'sporty'],
    columns: ['rain', 'rush-hour', 'highway', 'night'],
    payoffs: [
      {
        name: 'safety',
        payoff: [
          [0.9, 0.8, 0.7, 0.85],
          [0.6, 0.55, 0.6, 0.5],
          [0.3, 0.35, 0.5, 0.2],
        ],
      },
      {
        name: 'comfort',
        payoff: [
          [0.3, 0.2, 0.4, 0.35],
          [0.6, 0.5, 0.6, 0.55],
          [0.8, 0.6, 0.9, 0.7],
        ],
      },
    ],
    target: { thresholds: { safety: 0.6, comfort: 0.5 } },
    norm: 'l2',
    strategy: { average: { safety: 0.7, comfort: 0.35 }, rounds: 20 },
    simulate: { rounds: 3000, opponent: { type: 'best-response' }, payoffs: 'expected', seed: 1 },
  },
};

mkdirSync('docs/examples', { recursive: true });
for (const [name, problem] of Object.entries(examples)) {
  const result = solve(problem) as Record<string, unknown>;
  // diagnostics.elapsedMs changes from run to run: keep the committed files stable.
  (result.diagnostics as { elapsedMs: number }).elapsedMs = 0;
  writeFileSync(`docs/examples/${name}-problem.json`, JSON.stringify(problem, null, 2) + '\n');
  writeFileSync(`docs/examples/${name}-result.json`, JSON.stringify(result, null, 2) + '\n');
  for (const { name: picture, svg } of await plotResult(result)) {
    writeFileSync(`docs/${name}-${picture}.svg`, svg);
    console.log(`docs/${name}-${picture}.svg`);
  }
}
