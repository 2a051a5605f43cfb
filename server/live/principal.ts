import type { IncomingMessage } from 'node:http';
import type { Role } from '../db/models/User.js';
import { sessionCookie } from '../middleware/session.js';
import { resolveSession } from '../services/accounts.js';
import type { ServiceContext } from '../services/context.js';

/**
 * Who is on the other end of a socket. The hub keeps a snapshot of the person (id and role, so
 * a role change can update it without a query); a paired Home Station's device token becomes a
 * second kind with the station issue.
 */
export type LivePrincipal = { kind: 'user'; user: { id: string; role: Role }; sessionId: string };

/** The id a principal is online under in presence. */
export function principalId(principal: LivePrincipal): string {
  return principal.user.id;
}

/** The value of one cookie in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

/**
 * Authenticates an upgrade request the way the API authenticates a request: the session cookie
 * must resolve to a live session. Returns null when it does not.
 */
export async function resolvePrincipal(services: ServiceContext, request: IncomingMessage): Promise<LivePrincipal | null> {
  const token = cookieValue(request.headers.cookie, sessionCookie);
  if (token && token.length <= 200) {
    const found = await resolveSession(services, token);
    if (found) return { kind: 'user', user: { id: found.user.id, role: found.user.role }, sessionId: found.session.id };
  }
  // A station's bearer token (Authorization header) is checked here with the station issue.
  return null;
}
