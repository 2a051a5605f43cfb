import type { User } from '../db/index.js';

/**
 * Who is acting: a signed-in person, or prifora itself (the CLI on the host, start-up tasks).
 * A paired Home Station becomes a third kind with the station issue.
 */
export type Actor = { kind: 'user'; user: User; sessionId?: string } | { kind: 'system' };

/** The acting system: the CLI on the host and prifora's own background work. */
export const systemActor: Actor = { kind: 'system' };

/** The user id of an actor, or null for the system. */
export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.user.id : null;
}
