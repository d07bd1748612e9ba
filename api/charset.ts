import type { FastifyRequest } from 'fastify';
import { PrefgameError } from '../src/index.js';

/**
 * Refuses a request body declared in a character set other than UTF-8 (`application/json;
 * charset=latin1`): problem documents are read as UTF-8 bytes, and decoding another encoding as
 * UTF-8 would change its strings silently. No charset, or `utf-8`/`utf8` in any case, is fine.
 *
 * @example
 * ```ts
 * import type { FastifyRequest } from 'fastify'
 * const withType = (type: string) => ({ headers: { 'content-type': type } }) as FastifyRequest
 * checkCharset(withType('application/json; charset=utf-8')) // accepted
 * assert.throws(() => checkCharset(withType('application/json; charset=latin1')), { code: 'PREF_ERR_UNSUPPORTED_MEDIA_TYPE' })
 * ```
 */
export function checkCharset(request: FastifyRequest): void {
  const header = request.headers['content-type'] ?? '';
  for (const parameter of header.split(';').slice(1)) {
    const [name, ...rest] = parameter.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    const charset = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') {
      throw new PrefgameError(
        'PREF_ERR_UNSUPPORTED_MEDIA_TYPE',
        `the body is declared as charset=${charset.slice(0, 40)}; send UTF-8 (charset=utf-8 or no charset)`,
        '',
      );
    }
  }
}
