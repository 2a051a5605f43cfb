import { AppError } from '../errors.js';
import type { AppContext, AppMiddleware, Next } from './types.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence: a state-changing request must come from prifora's own origin (the public URL,
 * or the address the browser used, such as the LAN address). A request with a session or screen
 * cookie and no Origin is refused too; one without either carries no ambient authority.
 */
export function checkOrigin(publicUrl: string, ...credentialCookies: string[]): AppMiddleware {
  const publicOrigin = new URL(publicUrl).origin;
  return async function checkOriginMiddleware(ctx: AppContext, next: Next) {
    if (safeMethods.has(ctx.method)) return next();
    const origin = ctx.get('origin');
    const ownOrigin = `${ctx.protocol}://${ctx.host}`;
    if (origin ? origin !== publicOrigin && origin !== ownOrigin : credentialCookies.some((name) => !!ctx.cookies.get(name))) {
      throw new AppError(403, 'bad_origin', 'This request did not come from the prifora app.', {
        hint: `Open prifora at ${publicOrigin}.`,
      });
    }
    return next();
  };
}
