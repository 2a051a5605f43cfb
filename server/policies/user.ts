import type { User } from '../db/index.js';
import { forbidden } from '../errors.js';
import type { Actor } from '../services/actor.js';

/** Admins run the family; the system (the CLI on the host) may do what an admin may. */
export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || actor.user.role === 'admin';
}

/** Whether the actor is the given user. */
export function isSelf(actor: Actor, user: Pick<User, 'id'>): boolean {
  return actor.kind === 'user' && actor.user.id === user.id;
}

/** Extending the network is the admin's decision (F6). */
export const canInvite = (actor: Actor): boolean => isAdmin(actor);
export const canManageMembers = (actor: Actor): boolean => isAdmin(actor);
/** Email, phone and other personal fields: the person themself and the admins. */
export const canSeePersonalFields = (actor: Actor, user: Pick<User, 'id'>): boolean => isAdmin(actor) || isSelf(actor, user);

/** Throws 403 forbidden unless allowed. */
export function authorize(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message);
}
