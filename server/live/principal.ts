import type { IncomingMessage } from 'node:http';
import type { Role } from '../db/models/User.js';
import { sessionCookie } from '../middleware/session.js';
import { stationCookie } from '../middleware/stationCookie.js';
import { resolveSession } from '../services/accounts.js';
import type { ServiceContext } from '../services/context.js';
import { resolveStation } from '../services/stations.js';

/**
 * Who is on the other end of a socket. The hub keeps a snapshot of the person (id and role, so
 * a role change can update it without a query). A paired Home Station is its station person to
 * everyone else (presence, what events it sees) and is cut off on its own (revoked by stationId).
 */
export type LivePrincipal =
  | { kind: 'user'; user: { id: string; role: Role }; sessionId: string }
  | { kind: 'station'; user: { id: string; role: Role }; stationId: string };

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
 * Authenticates an upgrade request the way the API authenticates a request: a live session, else
 * a paired screen's credential. Returns null when neither resolves.
 */
export async function resolvePrincipal(services: ServiceContext, request: IncomingMessage): Promise<LivePrincipal | null> {
  const token = cookieValue(request.headers.cookie, sessionCookie);
  if (token && token.length <= 200) {
    const found = await resolveSession(services, token);
    if (found) return { kind: 'user', user: { id: found.user.id, role: found.user.role }, sessionId: found.session.id };
  }
  const credential = cookieValue(request.headers.cookie, stationCookie);
  if (credential && credential.length <= 200) {
    const found = await resolveStation(services, credential);
    if (found) return { kind: 'station', user: { id: found.user.id, role: found.user.role }, stationId: found.station.id };
  }
  return null;
}
