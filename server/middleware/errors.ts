import { BaseError as SequelizeError, UniqueConstraintError, ValidationError as SequelizeValidationError } from 'sequelize';
import { ZodError } from 'zod';
import { AppError } from '../errors.js';
import { languageFromHeader, t, type MessageKey } from '../i18n/index.js';
import type { AppContext, AppMiddleware, Next } from './types.js';

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);
}

/**
 * Turns a ZodError into invalid_input with "<field>: <problem>" messages. `input` is what was
 * validated, so a missing field reads "is required" rather than a type complaint.
 */
export function fromZodError(error: ZodError, prefix: string[] = [], input?: unknown): AppError {
  const issues = error.issues.map((issue) => {
    const field = [...prefix, ...issue.path.map(String)].join('.') || 'body';
    if (issue.code === 'unrecognized_keys') {
      const names = issue.keys.map((k) => [...prefix, ...issue.path.map(String), k].join('.'));
      return { field: names[0] ?? field, problem: 'is not a known field', code: 'unknown_field' };
    }
    if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) return { field, problem: 'is required', code: 'required' };
    // A stable code and the limit let the web app say the problem in the person's language.
    const limit = 'minimum' in issue ? { minimum: Number(issue.minimum) } : 'maximum' in issue ? { maximum: Number(issue.maximum) } : {};
    return { field, problem: issue.message, code: issue.code, ...limit };
  });
  const first = issues[0] ?? { field: 'body', problem: 'is not valid' };
  return new AppError(400, 'invalid_input', `${first.field}: ${first.problem}`, { details: { issues } });
}

/** Converts anything thrown into an AppError, by type (never by matching message text). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return fromZodError(error);
  if (error instanceof UniqueConstraintError) {
    return new AppError(409, 'conflict', 'That clashes with something that already exists.', { cause: error });
  }
  if (error instanceof SequelizeValidationError) {
    return new AppError(400, 'invalid_input', `${error.errors[0]?.path ?? 'body'}: is not valid`, { cause: error });
  }
  if (error instanceof SequelizeError) return new AppError(500, 'internal', 'Database error.', { cause: error, report: true });
  const status = (error as { status?: number; expose?: boolean }).status;
  if (typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: boolean }).expose) {
    return new AppError(status, status === 404 ? 'not_found' : 'invalid_input', (error as Error).message, { cause: error });
  }
  return new AppError(500, 'internal', 'Internal error.', { cause: error, report: true });
}

/**
 * The one place HTTP errors become responses: `{ error: { code, message, hint?, details? } }`
 * in the person's language. Clients see the message of 4xx errors only; 5xx are logged with
 * the request id and answered with a generic sentence.
 */
export function errorHandler(): AppMiddleware {
  return async function errorHandlerMiddleware(ctx: AppContext, next: Next) {
    try {
      await next();
    } catch (thrown) {
      const error = toAppError(thrown);
      const language = ctx.state.language ?? languageFromHeader(ctx.get('accept-language') || undefined, ctx.services.config.family.language);
      if (error.report) ctx.services.logger.error({ err: thrown, requestId: ctx.state.requestId }, 'request failed');
      // A fault of prifora gets a generic sentence; a 5xx that is the person's situation
      // (storage full, 507) is explained like any 4xx.
      const message =
        error.report
          ? t(language, 'error.internal')
          : error.code === 'invalid_input'
            ? error.message
            : t(language, `error.${error.code}` as MessageKey, error.params);
      ctx.status = error.status;
      for (const [name, value] of Object.entries(error.headers)) ctx.set(name, value);
      ctx.body = {
        error: {
          code: error.code,
          message,
          ...(!error.report && error.hint ? { hint: error.hint } : {}),
          ...(!error.report && error.details !== undefined ? { details: error.details } : {}),
        },
      };
    }
  };
}
