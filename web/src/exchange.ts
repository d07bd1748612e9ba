// The last request the page sent and its answer, shown under Keep and share and offered as downloads.
import { post } from './api.js';
import { shellCommands, type SentRequest } from './commands.js';
import { byId } from './dom.js';
import { download } from './download.js';

let last: { problem: string; result: unknown; request: SentRequest } | undefined;

/** Records the request and answer the page shows (result JSON, problem JSON, commands). */
export function showExchange(problem: string, result: unknown, request: SentRequest): void {
  last = { problem, result, request };
  byId('problem-json').textContent = problem;
  byId('result-json').textContent = JSON.stringify(result, null, 2);
  byId('commands').textContent = shellCommands(request, location.origin);
  // Rejected log rows and other warnings are shown under the input they came from.
  const warnings = ((result as { warnings?: unknown[] }).warnings ?? []).map((warning) =>
    typeof warning === 'string' ? warning : JSON.stringify(warning),
  );
  byId('input-note').textContent = warnings.length > 0 ? `Warnings: ${warnings.join('; ')}` : '';
  byId<HTMLButtonElement>('download-problem').disabled = false;
  byId('download-problem').textContent = request.route.startsWith('/v1/rank')
    ? 'Download the log sent'
    : 'Download problem JSON';
  byId<HTMLButtonElement>('download-result').disabled = false;
}

/** Posts a JSON document to `route`; returns the text sent and the answer. */
export async function send(
  route: string,
  document: Record<string, unknown>,
): Promise<{ body: string; result: unknown }> {
  const body = JSON.stringify(document, null, 2);
  return { body, result: await post(route, body) };
}

/** Downloads the problem (or log) of the last exchange, if any. */
export function downloadProblem(): void {
  if (last) download(last.request.fileName, last.problem, last.request.contentType);
}

/** Downloads the result of the last exchange as JSON, if any. */
export function downloadResult(): void {
  if (last) download('result.json', JSON.stringify(last.result, null, 2), 'application/json');
}
