import type { ComparisonDocument } from '../schema/comparisons.js';
import type { ImportedComparisons } from './comparison-log.js';
import { importArena, type ArenaImportOptions } from './import-arena.js';
import { importPairs } from './import-pairs.js';
import { importRatings, type RatingsImportOptions } from './import-ratings.js';

/** The comparison log formats `prefgame estimate --format` reads. */
export const logFormats = ['arena', 'pairs', 'ratings'] as const;
/** One of {@link logFormats}. */
export type LogFormat = (typeof logFormats)[number];

/** Options of every importer (each uses its own). */
export type ImportOptions = ArenaImportOptions & RatingsImportOptions;

/**
 * Imports a comparison log in one of the {@link logFormats}: `arena` ({@link importArena}),
 * `pairs` ({@link importPairs}) or `ratings` ({@link importRatings}), CSV or JSONL.
 *
 * @example
 * ```ts
 * const text = 'model_a,model_b,winner\nx,y,model_a\nx,y,tie (bothbad)\nx,,model_b\n'
 * const imported = importComparisons(text, 'arena', { bothBad: 'skip' })
 * assert.equal(imported.accepted, 1) // the both-bad tie is skipped
 * assert.deepEqual(imported.rejected.map((row) => row.line), [4]) // no model_b
 * ```
 */
export function importComparisons(text: string, format: LogFormat, options: ImportOptions = {}): ImportedComparisons {
  if (format === 'arena') return importArena(text, options);
  if (format === 'pairs') return importPairs(text, options);
  return importRatings(text, options);
}

/** A problem document built from an import. */
export interface ImportedProblem {
  kind: 'estimate' | 'von-neumann' | 'linear';
  items: string[];
  comparisons: ComparisonDocument[];
}

/**
 * The problem document of an imported log: `kind` (default `estimate`), the items in order of
 * first appearance and the aggregated comparisons. Ready for `prefgame solve` (add `winner`,
 * `bootstrap`, `rankings`... as wanted).
 *
 * @example
 * ```ts
 * const problem = problemFromImport(importArena(arenaLog))
 * assert.equal(problem.kind, 'estimate')
 * assert.deepEqual(problem.items, ['b', 'a', 'c']) // in order of first appearance: b won the first battle
 * ```
 */
export function problemFromImport(
  imported: ImportedComparisons,
  kind: ImportedProblem['kind'] = 'estimate',
): ImportedProblem {
  return { kind, items: imported.items, comparisons: imported.comparisons };
}
