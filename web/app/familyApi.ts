/**
 * The web app's calls for the Family, My Account, Message Center and Help screens. Each is one
 * endpoint of server/routes; errors arrive as ApiError (web/common/api.ts).
 */
import { request } from '../common/api.js';
import type { Language, UserJson } from '../common/types.js';

/** Someone in the family as GET /api/v1/users lists them (station people have role `station`). */
export type PersonJson = Omit<UserJson, 'role'> & { role: 'admin' | 'member' | 'station' };

/** An invitation as admins see it (server/presenters/invitation.ts). */
export interface InvitationJson {
  id: string;
  email: string | null;
  role: 'admin' | 'member';
  language: Language;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  createdAt: string;
  expiresAt: string;
}

/** Whether one relative may message and call a station person. */
export interface StationContactJson {
  stationUserId: string;
  userId: string;
  mayMessage: boolean;
  mayCall: boolean;
}

/** A notice in the message center (server/presenters/notice.ts). */
export interface NoticeJson {
  id: string;
  kind: 'admin' | 'system';
  groupId: string | null;
  author: { id: string; name: string } | null;
  title: string;
  body: string;
  read: boolean;
  createdAt: string;
}

/** A help request (server/presenters/support.ts). */
export interface SupportRequestJson {
  id: string;
  askerId: string;
  subject: string;
  body: string;
  status: string;
  createdAt: string;
  closedAt: string | null;
  replies?: Array<{ id: string; authorId: string | null; body: string; createdAt: string }>;
  abilities: { reply: boolean; close: boolean };
}

const enc = encodeURIComponent;

export async function listPeople(): Promise<PersonJson[]> {
  return (await request<{ users: PersonJson[] }>('/api/v1/users')).users;
}

export async function listStationPeople(): Promise<PersonJson[]> {
  return (await request<{ stationPeople: PersonJson[] }>('/api/v1/station-people')).stationPeople;
}

export async function listInvitations(): Promise<InvitationJson[]> {
  return (await request<{ invitations: InvitationJson[] }>('/api/v1/invitations')).invitations;
}

export async function createInvitation(email: string): Promise<InvitationJson> {
  return (await request<{ invitation: InvitationJson }>('/api/v1/invitations', { body: { email } })).invitation;
}

export async function revokeInvitation(id: string): Promise<void> {
  await request(`/api/v1/invitations/${enc(id)}`, { method: 'DELETE' });
}

export async function listStationContacts(stationId: string): Promise<StationContactJson[]> {
  return (await request<{ contacts: StationContactJson[] }>(`/api/v1/station-people/${enc(stationId)}/contacts`)).contacts;
}

export async function setStationContact(stationId: string, userId: string, changes: { mayMessage?: boolean; mayCall?: boolean }): Promise<StationContactJson> {
  return (await request<{ contact: StationContactJson }>(`/api/v1/station-people/${enc(stationId)}/contacts/${enc(userId)}`, { method: 'PUT', body: changes })).contact;
}

/** The profile fields a person may correct themself. */
export interface ProfileChanges {
  username?: string;
  firstName?: string;
  lastName?: string;
  mobile?: string;
  email?: string;
  language?: Language;
}

export async function updateMe(changes: ProfileChanges): Promise<UserJson> {
  return (await request<{ user: UserJson }>('/api/v1/me', { method: 'PATCH', body: changes })).user;
}

export async function listNotices(): Promise<{ notices: NoticeJson[]; unread: number }> {
  return request<{ notices: NoticeJson[]; unread: number }>('/api/v1/notices');
}

export async function markNoticeRead(id: string): Promise<void> {
  await request(`/api/v1/notices/${enc(id)}/read`, { method: 'POST' });
}

export async function postNotice(input: { title: string; body: string }): Promise<NoticeJson> {
  return (await request<{ notice: NoticeJson }>('/api/v1/notices', { body: input })).notice;
}

export async function listHelpRequests(): Promise<SupportRequestJson[]> {
  return (await request<{ requests: SupportRequestJson[] }>('/api/v1/support')).requests;
}

export async function getHelpRequest(id: string): Promise<SupportRequestJson> {
  return (await request<{ request: SupportRequestJson }>(`/api/v1/support/${enc(id)}`)).request;
}

export async function askForHelp(input: { subject: string; body: string }): Promise<SupportRequestJson> {
  return (await request<{ request: SupportRequestJson }>('/api/v1/support', { body: input })).request;
}

export async function replyToHelpRequest(id: string, body: string): Promise<SupportRequestJson> {
  return (await request<{ request: SupportRequestJson }>(`/api/v1/support/${enc(id)}/replies`, { body: { body } })).request;
}

export async function closeHelpRequest(id: string): Promise<SupportRequestJson> {
  return (await request<{ request: SupportRequestJson }>(`/api/v1/support/${enc(id)}/close`, { method: 'POST' })).request;
}
