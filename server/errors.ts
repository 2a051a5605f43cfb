/**
 * The one error type of prifora. Services throw it; the HTTP error middleware and the CLI runner
 * are the only places that turn it into output.
 */
export type ErrorCode =
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
  | 'config_invalid'
  | 'config_exists'
  | 'config_missing'
  | 'mail_failed'
  | 'call_not_allowed'
  | 'call_not_now'
  | 'look_in_not_allowed'
  | 'call_over'
  | 'call_taken'
  | 'nobody_available'
  | 'needs_jitsi'
  | 'jitsi_unavailable'
  | 'internal';

export interface AppErrorOptions {
  /** What the person can do about it. */
  hint?: string;
  /** Structured detail for clients, e.g. the failing fields. */
  details?: unknown;
  /** Values the translated message needs ({minutes} in rate_limited, say). */
  params?: Record<string, string | number>;
  cause?: unknown;
  /** Whether an operator should see this in the logs as a fault of prifora. */
  report?: boolean;
  /** Extra response headers, such as Retry-After. */
  headers?: Record<string, string>;
}

/** An error with an HTTP status, a stable code, a message for people and a hint. */
export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: unknown;
  readonly params: Record<string, string | number>;
  readonly report: boolean;
  readonly headers: Record<string, string>;

  constructor(status: number, code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
    this.params = options.params ?? {};
    this.report = options.report ?? status >= 500;
    this.headers = options.headers ?? {};
  }
}

/** 404 for a thing that does not exist or that the actor may not know exists. */
export function notFound(what = 'That'): AppError {
  return new AppError(404, 'not_found', `${what} was not found.`, { params: { what } });
}

/** 403 for an action the actor may not take on a thing they may see. */
export function forbidden(message = 'You may not do that.'): AppError {
  return new AppError(403, 'forbidden', message);
}

/** 401 when nobody is signed in. */
export function unauthenticated(): AppError {
  return new AppError(401, 'unauthenticated', 'Please sign in first.');
}

/** 409 for a change that clashes with what exists. */
export function conflict(message: string, code: ErrorCode = 'conflict'): AppError {
  return new AppError(409, code, message);
}

/** 400 for input that names a field; the message reads "<field>: <problem>". */
export function invalidField(field: string, problem: string): AppError {
  return new AppError(400, 'invalid_input', `${field}: ${problem}`, {
    details: { issues: [{ field, problem }] },
  });
}

/** 409 for a value of one field that clashes with what exists (a taken username, say). */
export function fieldConflict(field: string, problem: string, code: ErrorCode = 'conflict'): AppError {
  return new AppError(409, code, `${field}: ${problem}`, { details: { issues: [{ field, problem, code: 'taken' }] } });
}
