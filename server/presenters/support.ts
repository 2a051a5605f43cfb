import type { SupportReply, SupportRequest } from '../db/index.js';
import type { SupportStatus } from '../db/models/SupportRequest.js';
import { isAdmin } from '../policies/user.js';
import type { Actor } from '../services/actor.js';

/** A help request as the asker and the admins see it. */
export interface SupportRequestJson {
  id: string;
  askerId: string;
  subject: string;
  body: string;
  status: SupportStatus;
  createdAt: string;
  closedAt: string | null;
  replies?: Array<{ id: string; authorId: string | null; body: string; createdAt: string }>;
  abilities: { reply: boolean; close: boolean };
}

/** Presents a help request, with its replies when given. */
export function presentSupportRequest(request: SupportRequest, viewer: Actor, replies?: SupportReply[]): SupportRequestJson {
  return {
    id: request.id,
    askerId: request.askerId,
    subject: request.subject,
    body: request.body,
    status: request.status,
    createdAt: request.createdAt.toISOString(),
    closedAt: request.closedAt?.toISOString() ?? null,
    ...(replies ? { replies: replies.map((r) => ({ id: r.id, authorId: r.authorId, body: r.body, createdAt: r.createdAt.toISOString() })) } : {}),
    abilities: { reply: request.status !== 'closed', close: isAdmin(viewer) && request.status !== 'closed' },
  };
}
