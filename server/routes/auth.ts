import { z } from 'zod';
import { linkLifetimes } from '../limits.js';
import { clearSessionCookie, setSessionCookie } from '../middleware/session.js';
import type { AppContext } from '../middleware/types.js';
import { presentUser } from '../presenters/user.js';
import { requestMagicLink, revokeSession, signInWithMagicLink, signInWithPassword, type ClientInfo, type NewSession } from '../services/accounts.js';
import { emailField, tokenField } from '../schemas.js';
import { route } from './define.js';

/** Where a request came from, for rate limits and the session list. */
export function clientInfo(ctx: AppContext): ClientInfo {
  return { address: ctx.ip || 'unknown', userAgent: ctx.get('user-agent') || null };
}

/** Sets the cookie of a new session and presents its person. */
export function signedIn(ctx: AppContext, result: NewSession) {
  setSessionCookie(ctx, result.token, linkLifetimes.session);
  return { user: presentUser(result.user, { kind: 'user', user: result.user }) };
}

export const authRoutes = [
  route({
    method: 'post',
    path: '/api/v1/auth/signin',
    summary: 'Sign in with email and password',
    access: 'public',
    body: z.strictObject({ email: emailField, password: z.string({ message: 'must be text' }).min(1, 'is required').max(200) }),
    handle: async (ctx, { body }) => signedIn(ctx, await signInWithPassword(ctx.services, { ...body, client: clientInfo(ctx) })),
  }),
  route({
    method: 'post',
    path: '/api/v1/auth/magic-link',
    summary: 'Email a single-use sign-in link (same answer whether or not the address is known)',
    access: 'public',
    status: 202,
    body: z.strictObject({ email: emailField }),
    handle: async (ctx, { body }) => {
      await requestMagicLink(ctx.services, { email: body.email, client: clientInfo(ctx) });
      return { sent: true };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/auth/magic-link/consume',
    summary: 'Sign in with the token of an emailed link',
    access: 'public',
    body: z.strictObject({ token: tokenField }),
    handle: async (ctx, { body }) => signedIn(ctx, await signInWithMagicLink(ctx.services, { token: body.token, client: clientInfo(ctx) })),
  }),
  route({
    method: 'post',
    path: '/api/v1/auth/signout',
    summary: 'Sign out of this browser',
    access: 'user',
    handle: async (ctx, { actor }) => {
      if (ctx.state.sessionId) await revokeSession(ctx.services, { actor, sessionId: ctx.state.sessionId });
      clearSessionCookie(ctx);
      return undefined;
    },
  }),
];
