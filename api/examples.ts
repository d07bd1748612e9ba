import type { ProblemKind, ProblemOf } from '../src/schema/kinds.js';

// One small, valid problem document per kind: the OpenAPI document shows them as each route's
// example (what Swagger UI's "Try it out" pre-fills), and a test sends every one and expects 200.

const items = ['cautious', 'balanced', 'sporty'];
const criteria = [
  {
    name: 'safety',
    preferences: [
      [0.5, 0.7, 0.9],
      [0.3, 0.5, 0.7],
      [0.1, 0.3, 0.5],
    ],
  },
  {
    name: 'comfort',
    preferences: [
      [0.5, 0.4, 0.3],
      [0.6, 0.5, 0.6],
      [0.7, 0.4, 0.5],
    ],
  },
];
const target = { thresholds: { safety: 0.45, comfort: 0.45 } };

/** The example document of each kind (with its `kind`; the kind routes show it without). */
export const problemExamples: { readonly [K in ProblemKind]: ProblemOf<K> } = {
  'von-neumann': {
    kind: 'von-neumann',
    items: ['rock', 'paper', 'scissors'],
    preferences: [
      [0.5, 0, 1],
      [1, 0.5, 0],
      [0, 1, 0.5],
    ],
  },
  linear: { kind: 'linear', items, criteria, weights: { safety: 2, comfort: 1 } },
  blackwell: { kind: 'blackwell', items, criteria, target },
  'matrix-game': {
    kind: 'matrix-game',
    items: ['heads', 'tails'],
    columns: ['heads', 'tails'],
    payoff: [
      [1, -1],
      [-1, 1],
    ],
  },
  estimate: {
    kind: 'estimate',
    comparisons: [
      { winner: 'gpt', loser: 'claude', count: 12 },
      { winner: 'claude', loser: 'gpt', count: 15 },
      { winner: 'claude', loser: 'llama', count: 20 },
      { winner: 'llama', loser: 'claude', count: 6 },
      { winner: 'gpt', loser: 'llama', count: 18 },
      { winner: 'llama', loser: 'gpt', count: 7 },
    ],
    winner: 'von-neumann',
  },
  pareto: { kind: 'pareto', items, criteria, target },
  compare: { kind: 'compare', items, criteria, targets: [{ name: 'safe-and-comfortable', target }] },
  approachability: { kind: 'approachability', items, criteria, target },
};

/** A batch of two lines (NDJSON): what `POST /v1/batch` shows as its example. */
export const batchExample = [
  JSON.stringify({ id: 'rps', ...problemExamples['von-neumann'] }),
  JSON.stringify({ id: 'drive', ...problemExamples.blackwell }),
].join('\n');
