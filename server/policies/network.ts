import type { User } from '../db/index.js';
import type { Actor } from '../services/actor.js';
import { isAdmin } from './user.js';

/** The network (groups, station people, who may reach the station) is the admin's to shape (F6). */
export const canManageNetwork = (actor: Actor): boolean => isAdmin(actor);

/** A group is visible to admins and to its members. */
export function canSeeGroup(actor: Actor, memberIds: readonly string[]): boolean {
  return isAdmin(actor) || (actor.kind === 'user' && memberIds.includes(actor.user.id));
}

/** Whether a user is a relative with an account (not a station person). */
export const isRelative = (user: Pick<User, 'role'>): boolean => user.role !== 'station';
