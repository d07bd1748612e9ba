/** The part of an RFC 9457 problem document the page shows. */
export interface ServiceProblem {
  status: number;
  code: string;
  detail: string;
  /** JSON pointer of the bad field ("" for the whole request). */
  pointer: string;
  /** Line of a battle log that was rejected, when the service names one. */
  line?: number;
}

/** A request the service (or the network) refused, with the service's explanation. */
export class ServiceError extends Error {
  constructor(readonly problem: ServiceProblem) {
    super(problem.detail);
  }
}

function lineOf(body: Record<string, unknown>): number | undefined {
  for (const key of ['line', 'lineNumber']) if (typeof body[key] === 'number') return body[key];
  const match = typeof body.detail === 'string' ? /\bline (\d+)/i.exec(body.detail) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * POSTs a body to a route of the service this page came from and returns the parsed JSON
 * answer; throws a {@link ServiceError} with the problem document on a 4xx/5xx answer, and with
 * code `NETWORK` when the service cannot be reached.
 *
 * @example
 * ```ts
 * const result = await post('/v1/blackwell', JSON.stringify(problem))
 * ```
 */
export async function post(path: string, body: string, contentType = 'application/json'): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': contentType, accept: 'application/json' },
      body,
    });
  } catch (error) {
    throw new ServiceError({
      status: 0,
      code: 'NETWORK',
      detail: `could not reach the service (${(error as Error).message})`,
      pointer: '',
    });
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (response.ok && parsed !== undefined) return parsed;
  const problem = (parsed ?? {}) as Record<string, unknown>;
  throw new ServiceError({
    status: response.status,
    code: typeof problem.code === 'string' ? problem.code : `HTTP_${response.status}`,
    detail: typeof problem.detail === 'string' ? problem.detail : text.slice(0, 300) || response.statusText,
    pointer: typeof problem.pointer === 'string' ? problem.pointer : '',
    line: lineOf(problem),
  });
}
