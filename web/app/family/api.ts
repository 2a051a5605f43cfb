/**
 * The Family screen's calls for roles, removals, groups, station people and starting a chat.
 * Each is one endpoint of server/routes; errors arrive as ApiError (web/common/api.ts). The
 * listing calls and invitations live in ../familyApi.ts.
 */
import { request } from '../../common/api.js';
import type { Language } from '../../common/types.js';
import type { PersonJson } from '../familyApi.js';

/** A group with its members (server/presenters/group.ts). */
export interface GroupJson {
  id: string;
  name: string;
  memberIds: string[];
  conversationId: string;
  abilities: { manage: boolean };
}

const enc = encodeURIComponent;

/** Makes someone admin or member. @throws ApiError last_admin when the family would have none. */
export async function setRole(userId: string, role: 'admin' | 'member'): Promise<PersonJson> {
  return (await request<{ user: PersonJson }>(`/api/v1/users/${enc(userId)}/role`, { method: 'PATCH', body: { role } })).user;
}

/** Removes someone from the family (their account and sessions). @throws ApiError last_admin. */
export async function removePerson(userId: string): Promise<void> {
  await request(`/api/v1/users/${enc(userId)}`, { method: 'DELETE' });
}

/** The groups the person is in (admins: every group). */
export async function listGroups(): Promise<GroupJson[]> {
  return (await request<{ groups: GroupJson[] }>('/api/v1/groups')).groups;
}

/** Creates a group with its conversation. @throws ApiError conflict when the name is taken. */
export async function createGroup(input: { name: string; memberIds: string[] }): Promise<GroupJson> {
  return (await request<{ group: GroupJson }>('/api/v1/groups', { body: input })).group;
}

/** Renames a group. @throws ApiError conflict when the name is taken. */
export async function renameGroup(id: string, name: string): Promise<GroupJson> {
  return (await request<{ group: GroupJson }>(`/api/v1/groups/${enc(id)}`, { method: 'PATCH', body: { name } })).group;
}

/** Sets who is in a group; its conversation follows. */
export async function setGroupMembers(id: string, memberIds: string[]): Promise<GroupJson> {
  return (await request<{ group: GroupJson }>(`/api/v1/groups/${enc(id)}/members`, { method: 'PUT', body: { memberIds } })).group;
}

/** Deletes a group and its conversation. */
export async function deleteGroup(id: string): Promise<void> {
  await request(`/api/v1/groups/${enc(id)}`, { method: 'DELETE' });
}

/** What an admin fills in to add a station person. */
export interface NewStationPerson {
  firstName: string;
  lastName: string;
  username: string;
  email: string;
  mobile: string;
  language: Language;
}

/** Adds a station person (the grandparent a Home Station belongs to). */
export async function createStationPerson(input: NewStationPerson): Promise<PersonJson> {
  return (await request<{ stationPerson: PersonJson }>('/api/v1/station-people', { body: input })).stationPerson;
}

/** The direct conversation with someone, made on first use; returns its id. */
export async function openDirectConversation(userId: string): Promise<string> {
  return (await request<{ conversation: { id: string } }>('/api/v1/conversations/direct', { body: { userId } })).conversation.id;
}
