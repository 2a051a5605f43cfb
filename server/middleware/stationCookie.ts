import type { AppContext } from './types.js';

/** The name of a paired screen's cookie. */
export const stationCookie = 'prifora_station';

/**
 * How long the browser keeps the cookie: the most browsers allow (400 days). The screen renews it
 * every time it starts (GET /api/v1/station/me), so a screen in use never loses it; the server
 * side lasts until an admin revokes the screen.
 */
export const stationCookieMaxAgeMs = 400 * 24 * 60 * 60 * 1000;

/**
 * Sets a screen's cookie: httpOnly (no script reads it), SameSite=Strict (no other site's page
 * can make the screen act), Secure when the request came over TLS.
 */
export function setStationCookie(ctx: AppContext, credential: string): void {
  ctx.cookies.set(stationCookie, credential, { httpOnly: true, sameSite: 'strict', secure: ctx.secure, maxAge: stationCookieMaxAgeMs, overwrite: true });
}

/** Clears a screen's cookie (a revoked or unknown credential). */
export function clearStationCookie(ctx: AppContext): void {
  ctx.cookies.set(stationCookie, null, { httpOnly: true, sameSite: 'strict', secure: ctx.secure, overwrite: true });
}
