// The example data set of the README's walkthrough, made with prefgame's seeded generators
// (running it again gives the same files). Six assistants judged pairwise on helpfulness,
// harmlessness and concision by simulated raters: Bradley-Terry strengths per criterion (chosen
// to conflict, as real ones do) with noise on each pair, 10% ties, 3,000 judgements of random
// pairs. Two malformed rows are put in on purpose, so that the walkthrough shows how bad rows are
// reported. Also the two problem documents the walkthrough solves (blackwell.json, linear.json).
//
//   npx tsx examples/assistants/generate.ts      (test/examples.test.ts checks the files are current)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { arenaRows, preferencesFromStrengths, ratingRows, sampleJudgements } from '../../src/generate/index.js';
import { importRatings, problemFromImport } from '../../src/estimation/index.js';

const assistants = ['atlas', 'bolt', 'cedar', 'delta', 'ember', 'fjord'];
/** Log-strengths per criterion: atlas is the most helpful but verbose, cedar the most careful, ember helpful but reckless. */
const strengths = {
  helpfulness: [1.0, 0.2, -0.3, 0.4, 0.8, -0.8],
  harmlessness: [-0.4, 0.1, 1.0, 0.4, -0.9, 0.5],
  concision: [-0.6, 0.9, 0.2, 0.0, 0.5, -0.4],
};

/**
 * The files of the example, by name: ratings.csv, battles.jsonl, truth.json, blackwell.json,
 * linear.json.
 *
 * @example
 * ```ts
 * exampleFiles()['ratings.csv'].split('\n')[0] // 'item_a,item_b,helpfulness,harmlessness,concision'
 * ```
 */
export function exampleFiles(): Record<string, string> {
  const truth = Object.fromEntries(
    Object.entries(strengths).map(([criterion, values], c) => [
      criterion,
      preferencesFromStrengths(values, { noise: 0.25, seed: 40 + c }),
    ]),
  );
  const judgements = sampleJudgements(truth, assistants, { seed: 2026, judgements: 3000, tieRate: 0.1 });
  const ratings = ratingRows(judgements);
  const malformed = [
    { item_a: 'atlas', item_b: 'atlas', helpfulness: 'a', harmlessness: 'b', concision: 'a' },
    { item_a: 'bolt', item_b: 'cedar', helpfulness: 'a', harmlessness: 'maybe', concision: 'b' },
  ];
  const columns = ['item_a', 'item_b', 'helpfulness', 'harmlessness', 'concision'];
  const rows = [
    ...ratings.slice(0, 1200),
    malformed[0],
    ...ratings.slice(1200, 2400),
    malformed[1],
    ...ratings.slice(2400),
  ];
  const csv = stringify(rows, { header: true, columns });
  // What `prefgame estimate ratings.csv --format ratings` writes, plus the questions asked of it.
  const imported = problemFromImport(importRatings(csv));
  const target = { thresholds: { helpfulness: 0.5, harmlessness: 0.5, concision: 0.5 } };
  const blackwell = {
    ...imported,
    id: 'assistants',
    winner: 'blackwell',
    target,
    bootstrap: { rounds: 200, seed: 7 },
    plan: { epsilon: 0.1 },
    rankings: { rounds: 200 },
  };
  const linear = { kind: 'linear', id: 'assistants-linear', items: imported.items, comparisons: imported.comparisons };
  const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
  return {
    'ratings.csv': csv,
    'battles.jsonl':
      arenaRows(judgements, 'helpfulness')
        .map((row) => JSON.stringify(row))
        .join('\n') + '\n',
    'truth.json': json({
      items: assistants,
      strengths,
      criteria: Object.entries(truth).map(([name, preferences]) => ({ name, preferences })),
    }),
    'blackwell.json': json(blackwell),
    'linear.json': json(linear),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, content] of Object.entries(exampleFiles())) {
    writeFileSync(new URL(name, import.meta.url), content);
    console.log(`examples/assistants/${name}`);
  }
}
