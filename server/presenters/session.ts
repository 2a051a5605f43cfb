import type { Session } from '../db/index.js';

/** A session in the person's own list of signed-in devices. */
export interface SessionJson {
  id: string;
  current: boolean;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
}

/** Presents a session; `currentId` marks the one making the request. */
export function presentSession(session: Session, currentId: string | null): SessionJson {
  return {
    id: session.id,
    current: session.id === currentId,
    userAgent: session.userAgent,
    ip: session.ip,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
  };
}
