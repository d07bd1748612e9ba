/** The request the page last made: route, body and its media type. */
export interface SentRequest {
  route: string;
  contentType: string;
  /** File name the body is saved under by "Download problem". */
  fileName: string;
}

/**
 * The shell commands that make the same request as the page: `curl` against this service and
 * the `prefgame` command line on the downloaded file.
 *
 * @example
 * ```ts
 * shellCommands({ route: '/v1/blackwell', contentType: 'application/json', fileName: 'problem.json' }, 'http://127.0.0.1:8080')
 * ```
 */
export function shellCommands(request: SentRequest, origin: string): string {
  const curl = `curl -sS -X POST '${origin}${request.route}' \\\n  -H 'content-type: ${request.contentType}' --data-binary @${request.fileName}`;
  let cli = `prefgame solve ${request.fileName}`;
  if (request.route.startsWith('/v1/rank')) {
    const query = new URLSearchParams(request.route.split('?')[1] ?? '');
    const options = [...query].map(
      ([name, value]) => `--${name} ${/^[\w.,=:-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`}`,
    );
    cli = ['prefgame rank', request.fileName, ...options, '--json'].join(' ');
  }
  return `# the service\n${curl}\n\n# the command line (after npm ci, from the project: npx prefgame ...)\n${cli}`;
}
