import crypto from 'node:crypto';
import type { AppContext, AppMiddleware, Next } from './types.js';

/** Gives each request an id (echoed as X-Request-Id) and logs one line when it ends. */
export function requestLog(): AppMiddleware {
  return async function requestLogMiddleware(ctx: AppContext, next: Next) {
    const started = performance.now();
    const incoming = ctx.get('x-request-id');
    ctx.state.requestId = /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    ctx.set('X-Request-Id', ctx.state.requestId);
    try {
      await next();
    } finally {
      if (ctx.path !== '/healthz') {
        ctx.services.logger.info(
          {
            requestId: ctx.state.requestId,
            method: ctx.method,
            path: ctx.path,
            status: ctx.status,
            ms: Math.round(performance.now() - started),
          },
          'request',
        );
      }
    }
  };
}
