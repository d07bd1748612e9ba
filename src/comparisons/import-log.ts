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
 * importComparisons(text, 'arena', { bothBad: 'skip' }).rejected // [{ line: 17, reason: '...' }]
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
 * problemFromImport(importArena(text)) // { kind: 'estimate', items: [...], comparisons: [...] }
 * ```
 */
export function problemFromImport(imported: ImportedComparisons, kind: ImportedProblem['kind'] = 'estimate'): ImportedProblem {
  return { kind, items: imported.items, comparisons: imported.comparisons };
}
