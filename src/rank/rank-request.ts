import { gunzipSync } from 'node:zlib';
import { PrefgameError } from '../errors.js';
import { defaultLimits, type Limits } from '../limits.js';
import { parseDocument } from '../parse-document.js';
import {
  RankComparisonsRequest,
  RankRowsRequest,
  type RankResultDocument,
  type RankSettingsDocument,
} from '../schema/rank.js';
import { checkRankDocument as check, type RankMediaType } from './rank-settings.js';
import { BattleReader, type ReadBattles } from './battle-reader.js';
import { rankComparisons } from './rank.js';

/** The body, gunzipped when it starts with the gzip magic bytes (at most `limit` bytes out). */
function inflate(body: Uint8Array, limit: number): Uint8Array {
  if (body.length < 2 || body[0] !== 0x1f || body[1] !== 0x8b) return body;
  try {
    return gunzipSync(body, { maxOutputLength: limit });
  } catch (error) {
    if (error instanceof RangeError)
      throw new PrefgameError('PREF_ERR_BODY_TOO_LARGE', `the gzip body inflates to more than ${limit} bytes`, '');
    throw new PrefgameError(
      'PREF_ERR_BAD_COMPRESSION',
      `the body starts like gzip but does not decompress: ${error instanceof Error ? error.message : String(error)}`,
      '',
    );
  }
}

/**
 * Ranks the body of a `POST /v1/rank` request (run in a worker thread): `text/csv` and
 * `application/x-ndjson` bodies are battle logs read as `prefgame rank` reads files (format
 * detected or given); an `application/json` body is `{ format?, rows: [...] }` (battle rows as
 * objects, row i is line i + 1) or the comparisons form `{ items?, comparisons }`, with any
 * setting as a field (fields override query parameters). Bodies that start with the gzip magic
 * bytes are decompressed first (at most `maxInflatedBytes`). Errors: the registry's codes
 * (`PREF_ERR_EMPTY_IMPORT` naming the bad lines when no row is usable). O(body + rank).
 *
 * @example
 * ```ts
 * rankRequest(new TextEncoder().encode('model_a,model_b,winner\nx,y,model_a\n'), 'text/csv', {}, defaultLimits).leaderboard
 * ```
 */
export function rankRequest(
  compressed: Uint8Array,
  mediaType: RankMediaType,
  query: RankSettingsDocument,
  limits: Limits = defaultLimits,
  maxInflatedBytes = 256 * 1024 * 1024,
): RankResultDocument {
  const body = inflate(compressed, maxInflatedBytes);
  const readOptions = (settings: RankSettingsDocument) => ({
    format: settings.format,
    bothBad: settings.bothBad,
    maxItems: limits.maxItems,
    maxCriteria: limits.maxCriteria,
  });
  if (mediaType !== 'application/json') {
    const reader = new BattleReader({ ...readOptions(query), table: mediaType === 'text/csv' ? 'csv' : 'jsonl' });
    reader.push(body);
    const read = reader.finish();
    return rankComparisons({ items: read.items, comparisons: read.comparisons, rows: read }, query, limits);
  }
  const document = parseDocument(body);
  if (document === null || typeof document !== 'object' || Array.isArray(document))
    throw new PrefgameError(
      'PREF_ERR_SCHEMA',
      'the body must be a JSON object: { format, rows } or { comparisons }',
      '',
    );
  if ('rows' in document) {
    const request = check<{ rows: unknown[] } & RankSettingsDocument>(RankRowsRequest, document);
    const { rows, ...fields } = request;
    const settings = { ...query, ...fields };
    const reader = new BattleReader(readOptions(settings));
    reader.pushRows(rows);
    const read: ReadBattles = reader.finish();
    return rankComparisons({ items: read.items, comparisons: read.comparisons, rows: read }, settings, limits);
  }
  const request = check<{ items?: string[]; comparisons: never[] } & RankSettingsDocument>(
    RankComparisonsRequest,
    document,
  );
  const { items, comparisons, format: _format, bothBad: _bothBad, ...fields } = request;
  return rankComparisons({ items, comparisons }, { ...query, ...fields }, limits);
}
