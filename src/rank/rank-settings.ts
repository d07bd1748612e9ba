import type { ValidateFunction } from 'ajv';
import { PrefgameError } from '../errors.js';
import { ajv } from '../schema/ajv.js';
import { RankSettings, type RankSettingsDocument } from '../schema/rank.js';
import { explainSchemaErrors } from '../schema/validate.js';

/** The media types `POST /v1/rank` reads. */
export const rankMediaTypes = ['text/csv', 'application/x-ndjson', 'application/json'] as const;
/** One of {@link rankMediaTypes}. */
export type RankMediaType = (typeof rankMediaTypes)[number];

const compiled = new Map<object, ValidateFunction>();

/**
 * Checks a value against one of the rank schemas (compiled on first use, then kept) and returns
 * it typed, or throws the registry's error naming the first bad field (`prefix` starts the
 * message). O(size of the value).
 *
 * @example
 * ```ts
 * assert.throws(() => checkRankDocument(RankSettings, { bootstrap: 'many' }, 'query'), {
 *   code: 'PREF_ERR_SCHEMA',
 *   pointer: '/bootstrap',
 * })
 * ```
 */
export function checkRankDocument<T>(schema: object, value: unknown, prefix = ''): T {
  // Compiled on first use (only the HTTP service reads rank requests), then kept.
  const validate = compiled.get(schema) ?? ajv.compile(schema);
  compiled.set(schema, validate);
  if (!validate(value)) {
    const detail = explainSchemaErrors(validate.errors ?? []);
    throw new PrefgameError(detail.code, prefix ? `${prefix}: ${detail.message}` : detail.message, detail.pointer);
  }
  return value as T;
}

const numericSettings = new Set(['bootstrap', 'seed', 'level', 'timeLimitMs']);

/**
 * The rank settings of query parameters: numbers read from their text, then checked against
 * the settings schema (`PREF_ERR_SCHEMA` naming the parameter). O(parameters).
 *
 * @example
 * ```ts
 * settingsFromQuery({ bootstrap: '50', target: 'safety=0.6' }) // { bootstrap: 50, target: 'safety=0.6' }
 * ```
 */
export function settingsFromQuery(query: Record<string, unknown>): RankSettingsDocument {
  const settings = Object.fromEntries(
    Object.entries(query).map(([name, value]) => [
      name,
      numericSettings.has(name) && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
        ? Number(value)
        : value,
    ]),
  );
  return checkRankDocument<RankSettingsDocument>(RankSettings, settings, 'query');
}
