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

/**
 * Who may use the camera and microphone: prifora's own pages, and the family's Jitsi in its
 * iframe (an allowlist of self alone would keep them from Jitsi even where the iframe asks).
 */
export function permissionsPolicy(jitsiDomain: string | null): string {
  const jitsi = jitsiDomain ? ` "https://${jitsiDomain}"` : '';
  return `camera=(self${jitsi}), microphone=(self${jitsi}), geolocation=()`;
}

/** Security headers on every response. */
export function securityHeaders(options: { jitsiDomain: string | null; https: boolean }): AppMiddleware {
  const csp = contentSecurityPolicy(options.jitsiDomain);
  const permissions = permissionsPolicy(options.jitsiDomain);
  return async function securityHeadersMiddleware(ctx: AppContext, next: Next) {
    ctx.set('Content-Security-Policy', csp);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.set('Permissions-Policy', permissions);
    if (options.https) ctx.set('Strict-Transport-Security', 'max-age=31536000');
    await next();
  };
}
