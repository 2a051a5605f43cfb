import type { User } from '../db/index.js';
import type { Audience } from '../services/events.js';

/**
 * Who looks at an event: a signed-in person (the live hub keeps a snapshot of their id and role),
 * a paired Home Station (which sees what its station person would), or prifora itself. An
 * `Actor` is one.
 */
export type EventViewer = { kind: 'user' | 'station'; user: Pick<User, 'id' | 'role'> } | { kind: 'system' };

/**
 * Whether a viewer may see an event with this audience: `{all}` is the whole family, `{admins}`
 * the admins plus any listed users, `{users}` only the listed users. The system sees everything.
 */
export function canSeeEvent(viewer: EventViewer, audience: Audience): boolean {
  if (viewer.kind === 'system') return true;
  if ('all' in audience && audience.all) return true;
  if ('admins' in audience && audience.admins && viewer.user.role === 'admin') return true;
  // Audiences are read back from JSON, so a malformed one sees nobody rather than throwing.
  return 'users' in audience && Array.isArray(audience.users) && audience.users.includes(viewer.user.id);
}
