/**
 * The web app's calls about the family, accounts and sessions. Each is one endpoint of
 * server/routes; errors arrive as ApiError (web/common/api.ts).
 */
import { request } from '../common/api.js';
import type { FamilyJson, InvitationPreviewJson, Language, SessionJson, UserJson } from '../common/types.js';

/** The family's name and language (public). */
export async function getFamily(): Promise<FamilyJson> {
  return (await request<{ family: FamilyJson }>('/api/v1/family')).family;
}

/** The signed-in person, or null when nobody is signed in in this browser. */
export async function getMe(): Promise<UserJson | null> {
  return (await request<{ user: UserJson | null }>('/api/v1/session')).user;
}

/** Signs in with email and password; the server sets the session cookie. */
export async function signIn(input: { email: string; password: string }): Promise<UserJson> {
  return (await request<{ user: UserJson }>('/api/v1/auth/signin', { body: input })).user;
}

/** Asks for a sign-in link by email. The answer is the same whether or not the address is known. */
export async function requestMagicLink(input: { email: string }): Promise<void> {
  await request('/api/v1/auth/magic-link', { body: input });
}

/** Signs in with the token of an emailed sign-in link. */
export async function consumeMagicLink(token: string): Promise<UserJson> {
  return (await request<{ user: UserJson }>('/api/v1/auth/magic-link/consume', { body: { token } })).user;
}

/** Signs this browser out. */
export async function signOut(): Promise<void> {
  await request('/api/v1/auth/signout', { method: 'POST' });
}

/** What an invitation or set-up link is for. @throws ApiError link_used, link_revoked, link_expired, link_invalid. */
export async function inspectInvitation(token: string): Promise<InvitationPreviewJson> {
  return (await request<{ invitation: InvitationPreviewJson }>('/api/v1/invitations/inspect', { body: { token } })).invitation;
}

/** The profile a person fills in to accept an invitation (email only for the set-up link). */
export interface AcceptInvitationInput {
  token: string;
  username: string;
  firstName: string;
  lastName: string;
  mobile: string;
  email?: string;
  /** Absent: the person signs in with emailed links. */
  password?: string;
  language: Language;
}

/** Accepts an invitation or the set-up link; the new member is signed in. */
export async function acceptInvitation(input: AcceptInvitationInput): Promise<UserJson> {
  return (await request<{ user: UserJson }>('/api/v1/invitations/accept', { body: input })).user;
}

/** The browsers and devices the person is signed in on. */
export async function listSessions(): Promise<SessionJson[]> {
  return (await request<{ sessions: SessionJson[] }>('/api/v1/sessions')).sessions;
}

/** Signs one of the person's devices out. */
export async function revokeSession(id: string): Promise<void> {
  await request(`/api/v1/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Sets the person's profile photo to an uploaded photo, or removes it with null. */
export async function setProfilePhoto(mediaId: string | null): Promise<UserJson> {
  return (await request<{ user: UserJson }>('/api/v1/me/photo', { method: 'PUT', body: { mediaId } })).user;
}

/**
 * Changes the password (or chooses a first one); every other session of the person is signed out.
 * @returns the person and how many other devices were signed out
 * @throws ApiError wrong_password, invalid_input (currentPassword, newPassword), rate_limited
 */
export async function changePassword(input: { currentPassword?: string; newPassword: string }): Promise<{ user: UserJson; signedOut: number }> {
  return request<{ user: UserJson; signedOut: number }>('/api/v1/me/password', { method: 'PUT', body: input });
}
