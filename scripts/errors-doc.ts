// Writes docs/errors.md from the error registry (src/errors.ts): `npm run docs:errors`.
// test/docs.test.ts fails when the committed page differs from what this renders.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { errorRegistry } from '../src/errors.js';

const statusNames: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The Markdown of docs/errors.md for a registry of codes (in registry order within each status). */
export function renderErrorsPage(registry: Readonly<Record<string, { status: number; title: string }>>): string {
  const byStatus = new Map<number, string[]>();
  for (const [code, entry] of Object.entries(registry))
    byStatus.set(entry.status, [...(byStatus.get(entry.status) ?? []), code]);
  const lines = [
    '# Error codes',
    '',
    '<!-- Generated from src/errors.ts by `npm run docs:errors`; do not edit by hand. -->',
    '',
    'Every error prefgame reports carries a stable `code` from one registry (`src/errors.ts`), a',
    '`message` that names the field at fault and the reason, and the JSON `pointer` (RFC 6901) of',
    'that field (`""` is the whole document). Codes are never renamed or reused; new ones may be added.',
    '',
    '- **Library**: a `PrefgameError` with `code`, `message` and `pointer`; `errorRegistry` maps each',
    '  code to its HTTP status and title.',
    '- **Batches and the CLI**: an error line',
    '  `{ "id", "status": "error", "line", "error": { "code", "message", "pointer" } }` in place of',
    '  the result (`id` is null when the line is not JSON).',
    '- **HTTP**: an RFC 9457 `application/problem+json` body with `type` (`urn:prefgame:error:CODE`),',
    '  `title`, `status`, `detail` (the message), `code`, `pointer`, `instance` and `requestId`, and the',
    '  HTTP status below.',
    '',
  ];
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    lines.push(`## ${status} ${statusNames[status] ?? ''}`.trimEnd(), '', '| code | meaning |', '| --- | --- |');
    for (const code of byStatus.get(status)!)
      lines.push(`| \`${code}\` | ${registry[code].title.replace(/[\\_*|]/g, '\\$&')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Where the page lives. */
export const errorsPage = new URL('../docs/errors.md', import.meta.url);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(errorsPage, renderErrorsPage(errorRegistry));
  process.stdout.write(`wrote ${fileURLToPath(errorsPage)}\n`);
}
