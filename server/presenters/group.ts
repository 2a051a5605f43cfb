import { isAdmin } from '../policies/user.js';
import type { Actor } from '../services/actor.js';
import type { GroupWithMembers } from '../services/network.js';

/** A group with its members, as its members and the admins see it. */
export interface GroupJson {
  id: string;
  name: string;
  memberIds: string[];
  conversationId: string;
  abilities: { manage: boolean };
}

/** Presents a group for a viewer. */
export function presentGroup(group: GroupWithMembers, viewer: Actor): GroupJson {
  return {
    id: group.group.id,
    name: group.group.name,
    memberIds: group.memberIds,
    conversationId: group.conversationId,
    abilities: { manage: isAdmin(viewer) },
  };
}
