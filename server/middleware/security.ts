import type { AppContext, AppMiddleware, Next } from './types.js';

/**
 * A strict Content-Security-Policy: only prifora's own origin, no inline scripts. The Jitsi
 * domain is added for frames and scripts when one is configured.
 */
export function contentSecurityPolicy(jitsiDomain: string | null): string {
  const jitsi = jitsiDomain ? ` https://${jitsiDomain}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${jitsi}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src 'self'${jitsi}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Security headers on every response. */
export function securityHeaders(options: { jitsiDomain: string | null; https: boolean }): AppMiddleware {
  const csp = contentSecurityPolicy(options.jitsiDomain);
  return async function securityHeadersMiddleware(ctx: AppContext, next: Next) {
    ctx.set('Content-Security-Policy', csp);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.set('Permissions-Policy', 'camera=(self), microphone=(self), geolocation=()');
    if (options.https) ctx.set('Strict-Transport-Security', 'max-age=31536000');
    await next();
  };
}
