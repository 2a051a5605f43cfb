import type { User } from '../db/index.js';

/**
 * Who is acting: a signed-in person, or prifora itself (the CLI on the host, start-up tasks).
 *
 * A paired Home Station acts as its station person, so it is a `user` actor whose `station` names
 * the screen: every policy that holds for the person holds for the screen (it sees the person's
 * conversations, notices and playlist, and nothing that person could not see). What a screen may
 * not do although its person might is refused per route (define.ts: only routes marked `station`
 * take a screen at all).
 */
export type Actor = { kind: 'user'; user: User; sessionId?: string; station?: { id: string; name: string } } | { kind: 'system' };

/** The acting system: the CLI on the host and prifora's own background work. */
export const systemActor: Actor = { kind: 'system' };

/** The user id of an actor, or null for the system. */
export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.user.id : null;
}

/** Whether the actor is a paired Home Station rather than a person at a browser. */
export function isStationDevice(actor: Actor | null): boolean {
  return actor?.kind === 'user' && actor.station !== undefined;
}
