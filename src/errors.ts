/**
 * The one registry of error codes. Every error that prefgame reports (library, CLI, batch
 * lines and, through `api/`, HTTP problem documents) carries one of these stable codes, a
 * message that names the bad field, and the JSON pointer of that field.
 *
 * Codes are part of the public contract: never rename one, only add.
 */

/** What each code means, and the HTTP status it maps to. */
export const errorRegistry = {
  PREF_ERR_INVALID_JSON: { status: 400, title: 'The input is not valid JSON' },
  PREF_ERR_SCHEMA: { status: 400, title: 'The document does not match the schema' },
  PREF_ERR_MISSING_FIELD: { status: 400, title: 'A required field is missing' },
  PREF_ERR_UNKNOWN_FIELD: { status: 400, title: 'The document has a field the schema does not know' },
  PREF_ERR_UNKNOWN_KIND: { status: 400, title: 'Unknown problem kind' },
  PREF_ERR_UNKNOWN_NORM: { status: 400, title: 'Unknown norm' },
  PREF_ERR_UNKNOWN_OPTION: { status: 400, title: 'Unknown option' },
  PREF_ERR_INVALID_OPTION: { status: 400, title: 'An option has an invalid value' },
  PREF_ERR_NOT_SQUARE: { status: 422, title: 'A preference matrix is not square' },
  PREF_ERR_RAGGED_ROWS: { status: 422, title: 'Matrix rows have different lengths' },
  PREF_ERR_EMPTY_MATRIX: { status: 422, title: 'A matrix has no rows or no columns' },
  PREF_ERR_NON_FINITE: { status: 422, title: 'A number is not finite (NaN, infinite, or it overflows once used)' },
  PREF_ERR_OUT_OF_RANGE: { status: 422, title: 'A probability is outside [0, 1]' },
  PREF_ERR_NOT_COMPLEMENTARY: { status: 422, title: 'P[i][j] + P[j][i] is not 1' },
  PREF_ERR_BAD_DIAGONAL: { status: 422, title: 'A diagonal entry is not 1/2' },
  PREF_ERR_DUPLICATE_ITEM: { status: 422, title: 'Two items have the same name' },
  PREF_ERR_UNKNOWN_ITEM: { status: 422, title: 'Unknown item name' },
  PREF_ERR_DUPLICATE_CRITERION: { status: 422, title: 'Two criteria have the same name' },
  PREF_ERR_UNKNOWN_CRITERION: { status: 422, title: 'Unknown criterion name' },
  PREF_ERR_SIZE_MISMATCH: { status: 422, title: 'Sizes do not match' },
  PREF_ERR_EMPTY_WEIGHTS: { status: 422, title: 'No weights were given' },
  PREF_ERR_NEGATIVE_WEIGHT: { status: 422, title: 'A weight is negative' },
  PREF_ERR_ZERO_WEIGHTS: { status: 422, title: 'All weights are zero' },
  PREF_ERR_CONSTRAINT_SYNTAX: { status: 422, title: 'A constraint string cannot be parsed' },
  PREF_ERR_CONSTRAINT_NONLINEAR: { status: 422, title: 'A constraint is not linear' },
  PREF_ERR_EMPTY_TARGET: { status: 422, title: 'The target set is empty' },
  PREF_ERR_TOO_LARGE: { status: 422, title: 'The problem exceeds a configured limit' },
  PREF_ERR_BACKEND_LIMIT: { status: 422, title: 'The chosen LP backend cannot take a problem this large' },
  // Reserved: every kind of the contract is available, so nothing throws this code today; it stays
  // registered because it is part of the published contract (a future kind may be announced first).
  PREF_ERR_UNSUPPORTED_KIND: { status: 422, title: 'This problem kind is not available yet' },
  PREF_ERR_SELF_COMPARISON: { status: 422, title: 'A comparison compares an item with itself' },
  PREF_ERR_MISSING_PAIR: { status: 422, title: 'A pair of items was never compared (strict estimation)' },
  PREF_ERR_NOT_CONNECTED: {
    status: 422,
    title: 'The comparisons do not connect every item (unregularised Bradley-Terry has no maximum)',
  },
  PREF_ERR_EMPTY_IMPORT: { status: 422, title: 'An imported comparison log has no usable row' },
  PREF_ERR_NO_CONDORCET_WINNER: { status: 422, title: 'There is no Condorcet winner' },
  PREF_ERR_BAD_COMPRESSION: { status: 400, title: 'A gzip input does not decompress' },
  PREF_ERR_BODY_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  PREF_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  PREF_ERR_FORBIDDEN_KEY: { status: 400, title: 'The document uses a forbidden key (__proto__ or constructor)' },
  PREF_ERR_NOT_FOUND: { status: 404, title: 'No such route' },
  PREF_ERR_METHOD_NOT_ALLOWED: { status: 405, title: 'The route does not take this method' },
  PREF_ERR_OVERLOADED: { status: 503, title: 'Every worker is busy and the queue is full' },
  PREF_ERR_WORKER_TIMEOUT: { status: 503, title: 'The solve overran its deadline and its worker was replaced' },
  PREF_ERR_DEADLINE_EXPIRED: { status: 503, title: 'The time limit ran out while the request waited for a worker' },
  PREF_ERR_SHUTTING_DOWN: { status: 503, title: 'The service is shutting down' },
  PREF_ERR_IO: { status: 500, title: 'Reading the input or writing the output failed' },
  PREF_ERR_WORKER_FAILED: { status: 500, title: 'The worker solving the problem failed' },
  PREF_ERR_INTERNAL: { status: 500, title: 'Internal error' },
  PREF_ERR_JOBS_DISABLED: {
    status: 404,
    title: 'Asynchronous jobs are not enabled on this service (start it with PREFGAME_QUEUE_URL)',
  },
  PREF_ERR_JOB_NOT_FOUND: { status: 404, title: 'No such job: unknown, cancelled and removed, or its results expired' },
  PREF_ERR_JOB_INCOMPLETE: {
    status: 409,
    title: 'The submission of this job stopped before all of its lines were queued',
  },
  PREF_ERR_QUEUE_UNAVAILABLE: { status: 503, title: 'The job queue (Redis) cannot be reached' },
} as const satisfies Record<string, { status: number; title: string }>;

/** A stable error code string, such as `PREF_ERR_NOT_COMPLEMENTARY`. */
export type ErrorCode = keyof typeof errorRegistry;

/** The plain-data form of an error, as it appears in batch lines and error results. */
export interface ErrorDetail {
  code: ErrorCode;
  message: string;
  /** JSON pointer (RFC 6901) of the offending field in the problem document; `''` is the whole document. */
  pointer: string;
}

/**
 * The error every prefgame function throws for bad input.
 *
 * @example
 * ```ts
 * try {
 *   solve({ kind: 'von-neumann', preferences: [[0.5, 0.7], [0.6, 0.5]] })
 * } catch (error) {
 *   if (error instanceof PrefgameError) console.log(error.code, error.pointer) // PREF_ERR_NOT_COMPLEMENTARY /preferences/0/1
 * }
 * ```
 */
export class PrefgameError extends Error {
  readonly code: ErrorCode;
  readonly pointer: string;

  constructor(code: ErrorCode, message: string, pointer = '') {
    super(capText(message));
    this.name = 'PrefgameError';
    this.code = code;
    this.pointer = capText(pointer);
  }

  /** The HTTP status this error maps to (400 for schema problems, 422 for invalid content). */
  get status(): number {
    return errorRegistry[this.code].status;
  }

  /** Plain data for batch lines and problem documents. */
  toDetail(): ErrorDetail {
    return { code: this.code, message: this.message, pointer: this.pointer };
  }
}

/**
 * Converts anything thrown into an {@link ErrorDetail}: prefgame errors keep their code,
 * anything else becomes `PREF_ERR_INTERNAL` (without a stack trace).
 *
 * @example
 * ```ts
 * toErrorDetail(new Error('boom')) // { code: 'PREF_ERR_INTERNAL', message: 'boom', pointer: '' }
 * ```
 */
export function toErrorDetail(error: unknown): ErrorDetail {
  if (error instanceof PrefgameError) return error.toDetail();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'PREF_ERR_INTERNAL', message: capText(`internal error: ${message}`), pointer: '' };
}

/**
 * Builds a JSON pointer from path segments, escaping `~` and `/` as RFC 6901 requires.
 *
 * @example
 * ```ts
 * pointer('criteria', 0, 'preferences', 1, 2) // '/criteria/0/preferences/1/2'
 * ```
 */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Longest message, pointer or echoed `id` an error answer carries (in UTF-16 units). */
export const echoLimit = 1024;

/**
 * Cuts a text that may quote the input (a 10 MB key name, a 30 MB `id`) to at most
 * {@link echoLimit} characters, ending the cut with an ellipsis and the original length, so that
 * an error answer never grows with the input. Cutting twice changes nothing.
 *
 * @example
 * ```ts
 * capText('x'.repeat(5000)).length // 1024, ending with "... (5000 characters)"
 * ```
 */
export function capText(text: string): string {
  if (text.length <= echoLimit) return text;
  const note = `... (${text.length} characters)`;
  return text.slice(0, echoLimit - note.length) + note;
}
