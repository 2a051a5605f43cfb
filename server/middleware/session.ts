import { isLanguage, languageFromHeader } from '../i18n/index.js';
import { resolveSession } from '../services/accounts.js';
import { resolveStation } from '../services/stations.js';
import { clearStationCookie, stationCookie } from './stationCookie.js';
import type { AppContext, AppMiddleware, Next } from './types.js';

/** The name of the session cookie. */
export const sessionCookie = 'prifora_session';

/**
 * Loads the signed-in person from the session cookie into ctx.state.actor and picks the
 * language of the response: theirs, else the browser's, else the family's. Without a session, a
 * paired screen's cookie makes the screen the actor (as its station person); a browser signed in
 * as a person is that person even where a screen was once paired.
 */
export function loadSession(): AppMiddleware {
  return async function loadSessionMiddleware(ctx: AppContext, next: Next) {
    ctx.state.actor = null;
    ctx.state.sessionId = null;
    const token = ctx.cookies.get(sessionCookie);
    const fallback = ctx.services.config.family.language;
    if (token && token.length <= 200) {
      const found = await resolveSession(ctx.services, token);
      if (found) {
        ctx.state.actor = { kind: 'user', user: found.user, sessionId: found.session.id };
        ctx.state.sessionId = found.session.id;
      } else {
        ctx.cookies.set(sessionCookie, null);
      }
    }
    const credential = ctx.state.actor ? undefined : ctx.cookies.get(stationCookie);
    if (credential && credential.length <= 200) {
      const found = await resolveStation(ctx.services, credential);
      if (found) ctx.state.actor = { kind: 'user', user: found.user, station: { id: found.station.id, name: found.station.name } };
      else clearStationCookie(ctx);
    }
    const own = ctx.state.actor?.kind === 'user' ? ctx.state.actor.user.language : null;
    ctx.state.language = isLanguage(own) ? own : languageFromHeader(ctx.get('accept-language') || undefined, fallback);
    return next();
  };
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure when the request came over TLS. */
export function setSessionCookie(ctx: AppContext, token: string, maxAgeMs: number): void {
  ctx.cookies.set(sessionCookie, token, { httpOnly: true, sameSite: 'lax', secure: ctx.secure, maxAge: maxAgeMs, overwrite: true });
}

/** Clears the session cookie. */
export function clearSessionCookie(ctx: AppContext): void {
  ctx.cookies.set(sessionCookie, null, { httpOnly: true, sameSite: 'lax', secure: ctx.secure, overwrite: true });
}
