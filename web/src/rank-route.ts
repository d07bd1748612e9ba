import type { BattleLog } from './input.js';

/** The settings of a `POST /v1/rank` request the page makes. */
export interface RankSettings {
  /** Log format, or `auto` to let the service detect it from the columns. */
  format: string;
  /** Rank this criterion only (von Neumann winner of it). */
  criterion?: string;
  /** The Blackwell winner of these thresholds (several criteria), under `norm`. */
  thresholds?: Record<string, number>;
  norm?: string;
  /** Bootstrap rounds (0: none, for quick re-solves while the target moves). */
  bootstrap: number;
}

/**
 * The route of a rank request, settings as query parameters (seed fixed at 1, so that the
 * same request gives the same intervals).
 *
 * @example
 * ```ts
 * rankRoute({ format: 'auto', criterion: 'helpfulness', bootstrap: 100 })
 * // '/v1/rank?criterion=helpfulness&bootstrap=100&seed=1'
 * ```
 */
export function rankRoute(settings: RankSettings): string {
  const query = new URLSearchParams();
  if (settings.format !== 'auto') query.set('format', settings.format);
  if (settings.criterion !== undefined) query.set('criterion', settings.criterion);
  if (settings.thresholds) {
    query.set(
      'target',
      Object.entries(settings.thresholds)
        .map(([name, value]) => `${name}=${value}`)
        .join(','),
    );
    query.set('norm', settings.norm ?? 'linf');
  }
  query.set('bootstrap', String(settings.bootstrap));
  query.set('seed', '1');
  return `/v1/rank?${query.toString()}`;
}

/** File name of a log's download, by its media type. */
export function logFileName(log: BattleLog): string {
  return `log.${log.contentType === 'text/csv' ? 'csv' : log.contentType === 'application/json' ? 'json' : 'jsonl'}`;
}
