/**
 * The one way the web app and the station UI talk to the prifora API: JSON over fetch, with the
 * session cookie, and every failure turned into an ApiError with a stable code.
 */

/** One field the server (or the form) found wrong: `{ field: 'username', problem: 'is required' }`. */
export interface FieldIssue {
  field: string;
  problem: string;
}

/**
 * Codes the server sends (server/errors.ts), plus two of the client's own: `network` when the
 * server could not be reached and `bad_response` when it answered something that is not prifora.
 */
export type ApiErrorCode =
  | 'invalid_input'
  | 'malformed_json'
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'unprocessable_media'
  | 'unsupported_file'
  | 'storage_full'
  | 'range_not_satisfiable'
  | 'unauthenticated'
  | 'forbidden'
  | 'bad_origin'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'invalid_credentials'
  | 'wrong_password'
  | 'link_invalid'
  | 'link_used'
  | 'link_expired'
  | 'link_revoked'
  | 'already_member'
  | 'admin_exists'
  | 'last_admin'
  | 'pairing_unknown'
  | 'pairing_expired'
  | 'pairing_used'
  | 'mail_failed'
  | 'internal'
  | 'network'
  | 'bad_response';

/** A failed API call: the HTTP status (0 without an answer), the code and the server's sentence. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly hint: string | undefined;
  /** The failing fields of an invalid_input answer; empty otherwise. */
  readonly issues: FieldIssue[];
  /** For rate_limited: how long to wait, from the body or the Retry-After header. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: { status: number; code: ApiErrorCode; message: string; hint?: string; issues?: FieldIssue[]; retryAfterSeconds?: number }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.hint = init.hint;
    this.issues = init.issues ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** Whether something thrown is an ApiError with one of the given codes (any code without). */
export function isApiError(error: unknown, ...codes: ApiErrorCode[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

let acceptLanguage: string | undefined;

/** The language the API is asked to answer in, if one is set. */
export function apiLanguage(): string | undefined {
  return acceptLanguage;
}

/**
 * Asks the server to answer in this language (its fallback sentences, mail it sends). Set by the
 * i18n provider whenever the page's language changes.
 */
export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

/** Options of one call. A body is sent as JSON. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function readIssues(details: Record<string, unknown> | undefined): FieldIssue[] {
  const issues = Array.isArray(details?.issues) ? details.issues : [];
  return issues.flatMap((issue: unknown) => {
    const entry = asObject(issue);
    return typeof entry?.field === 'string' && typeof entry.problem === 'string' ? [{ field: entry.field, problem: entry.problem }] : [];
  });
}

/** What errorFrom needs of an answer, from fetch and XMLHttpRequest alike. */
export interface AnswerHead {
  status: number;
  statusText: string;
  retryAfter: string | null;
}

/** Turns a non-2xx answer into an ApiError, whatever its body looks like. */
export function errorFrom(response: AnswerHead, body: unknown): ApiError {
  const error = asObject(asObject(body)?.error);
  const details = asObject(error?.details);
  const header = Number(response.retryAfter);
  const retryAfter = typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : Number.isFinite(header) && header > 0 ? header : undefined;
  if (!error || typeof error.code !== 'string') {
    return new ApiError({
      status: response.status,
      code: response.status === 429 ? 'rate_limited' : 'bad_response',
      message: response.statusText || `HTTP ${response.status}`,
      retryAfterSeconds: retryAfter,
    });
  }
  return new ApiError({
    status: response.status,
    code: error.code as ApiErrorCode,
    message: typeof error.message === 'string' ? error.message : '',
    hint: typeof error.hint === 'string' ? error.hint : undefined,
    issues: readIssues(details),
    retryAfterSeconds: retryAfter,
  });
}

/**
 * Calls the API and returns its JSON (undefined for 204).
 * @param path - below the origin, e.g. `/api/v1/me`
 * @throws ApiError for every answer outside 2xx, for no answer at all (code `network`) and for
 *   an answer that is not JSON (code `bad_response`). An aborted call rethrows the AbortError.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (acceptLanguage) headers['accept-language'] = acceptLanguage;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network', message: (error as Error).message });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    if (response.ok) throw new ApiError({ status: response.status, code: 'bad_response', message: 'The answer was not JSON.' });
  }
  if (!response.ok) throw errorFrom({ status: response.status, statusText: response.statusText, retryAfter: response.headers.get('retry-after') }, body);
  return body as T;
}
