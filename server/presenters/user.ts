import type { User } from '../db/index.js';
import type { Role, SignInMethod } from '../db/models/User.js';
import type { Language } from '../i18n/index.js';
import { canSeePersonalFields, isAdmin, isSelf } from '../policies/user.js';
import type { Actor } from '../services/actor.js';

/** A person as the API shows them; personal fields only to themself and admins. */
export interface UserJson {
  id: string;
  role: Role;
  username: string;
  firstName: string;
  lastName: string;
  displayName: string;
  /** The profile photo's thumbnail, or null. */
  photoUrl: string | null;
  email?: string;
  mobile?: string;
  language?: Language | null;
  signInMethod?: SignInMethod;
  joinedAt: string;
  abilities: { changeRole: boolean; remove: boolean };
}

/** Presents a user for a viewer. */
export function presentUser(user: User, viewer: Actor): UserJson {
  const personal = canSeePersonalFields(viewer, user);
  return {
    id: user.id,
    role: user.role,
    username: user.username,
    firstName: user.firstName,
    lastName: user.lastName,
    displayName: user.firstName,
    photoUrl: user.photoMediaId ? `/api/v1/media/${user.photoMediaId}/thumb` : null,
    ...(personal ? { email: user.email, mobile: user.mobile, language: user.language, signInMethod: user.signInMethod } : {}),
    joinedAt: user.createdAt.toISOString(),
    abilities: { changeRole: isAdmin(viewer), remove: isAdmin(viewer) && !isSelf(viewer, user) },
  };
}
