import type { Invitation } from '../db/index.js';
import type { Role } from '../db/models/User.js';
import type { Language } from '../i18n/index.js';
import { invitationStatus, type InvitationStatus } from '../services/invitations.js';

/** An invitation as admins see it. */
export interface InvitationJson {
  id: string;
  email: string | null;
  role: Role;
  language: Language;
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
}

/** Presents an invitation for the admins' list. */
export function presentInvitation(invitation: Invitation): InvitationJson {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    language: invitation.language,
    status: invitationStatus(invitation),
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/** What the invitation page may know before the person has an account. */
export interface InvitationPreviewJson {
  kind: 'invitation' | 'setup';
  email: string | null;
  family: string;
  inviter: string | null;
  language: Language;
  expiresAt: string;
}

/** Presents an invitation to the person holding its link. */
export function presentInvitationPreview(invitation: Invitation, family: string, inviter: string | null): InvitationPreviewJson {
  return {
    kind: invitation.kind,
    email: invitation.email,
    family,
    inviter,
    language: invitation.language,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
