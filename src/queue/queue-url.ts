import { PrefgameError } from '../errors.js';

/**
 * Checks a queue URL (`redis://[USER:PASSWORD@]HOST:PORT[/DB]` or `rediss://` for TLS) and
 * returns it with a form safe to print (password masked).
 *
 * @example
 * ```ts
 * assert.equal(readQueueUrl('redis://:secret@10.0.0.5:6379/2').display, 'redis://:***@10.0.0.5:6379/2')
 * assert.throws(() => readQueueUrl('http://x'), { code: 'PREF_ERR_INVALID_OPTION' })
 * ```
 */
export function readQueueUrl(text: string): { url: string; display: string } {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new PrefgameError(
      'PREF_ERR_INVALID_OPTION',
      `the queue URL "${text}" is not a URL; expected redis://HOST:PORT[/DB]`,
      '',
    );
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new PrefgameError(
      'PREF_ERR_INVALID_OPTION',
      `the queue URL must start with redis:// or rediss://, got "${parsed.protocol}//"`,
      '',
    );
  }
  if (!parsed.hostname) throw new PrefgameError('PREF_ERR_INVALID_OPTION', `the queue URL "${text}" names no host`, '');
  const database = parsed.pathname.replace(/^\//, '');
  if (database !== '' && !/^\d+$/.test(database)) {
    throw new PrefgameError('PREF_ERR_INVALID_OPTION', `the queue URL's database "${database}" is not a number`, '');
  }
  const shown = new URL(parsed.href);
  if (shown.password) shown.password = '***';
  return { url: parsed.href, display: shown.href };
}
