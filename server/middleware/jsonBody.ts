import { AppError } from '../errors.js';
import type { AppContext, AppMiddleware, Next } from './types.js';

const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function tooLarge(limit: number): AppError {
  return new AppError(413, 'body_too_large', `The request body is larger than ${Math.round(limit / 1024)} KiB.`);
}

/**
 * Reads a JSON body into ctx.state.body, streaming with a byte limit so an oversized body is
 * refused (413) before it is held in memory. Other content types are 415, bad JSON is 400.
 */
export function jsonBody(limit: number): AppMiddleware {
  return async function jsonBodyMiddleware(ctx: AppContext, next: Next) {
    ctx.state.body = {};
    // Uploads stream through their own route (routes/upload.ts), never into memory here.
    if (!bodyMethods.has(ctx.method) || !ctx.path.startsWith('/api/') || ctx.is('multipart/form-data')) return next();
    const declared = Number(ctx.get('content-length') || '0');
    if (declared > limit) throw tooLarge(limit);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) {
        ctx.req.destroy();
        throw tooLarge(limit);
      }
      chunks.push(chunk);
    }
    if (size === 0) return next();
    if (!ctx.is('application/json')) {
      throw new AppError(415, 'unsupported_media_type', 'Send the request body as application/json.');
    }
    try {
      ctx.state.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw new AppError(400, 'malformed_json', 'The request body is not valid JSON.');
    }
    return next();
  };
}
