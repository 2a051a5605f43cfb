import type { Message } from '../db/index.js';
import { canDeleteMessage, canEditMessage } from '../policies/conversation.js';
import type { Actor } from '../services/actor.js';
import type { StoredMedia } from '../services/media.js';
import { presentMedia, type MediaJson } from './media.js';

/** A message as clients see it. Deleted messages keep their place with no text. */
export interface MessageJson {
  id: string;
  conversationId: string;
  authorId: string | null;
  body: string;
  replyTo: { id: string; authorId: string | null; excerpt: string } | null;
  /** Photos and videos shown in the message, in order (none once it is deleted). */
  attachments: MediaJson[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  /** A cursor: pass as `before` to read what came earlier. */
  cursor: string;
}

/** Encodes a message's seq as an opaque cursor. */
export function cursorOf(seq: number): string {
  return Buffer.from(`m${seq}`).toString('base64url');
}

/** Decodes a cursor; undefined when it is not one of ours. */
export function seqOfCursor(cursor: string): number | undefined {
  const text = Buffer.from(cursor, 'base64url').toString();
  return /^m\d{1,15}$/.test(text) ? Number(text.slice(1)) : undefined;
}

/** Presents a message the same way for every viewer (it also goes into live events). */
export function presentMessage(message: Message, replyTo: Message | null | undefined, attachments: readonly StoredMedia[] = []): MessageJson {
  return {
    id: message.id,
    conversationId: message.conversationId,
    authorId: message.authorId,
    body: message.deletedAt ? '' : message.body,
    replyTo: replyTo
      ? { id: replyTo.id, authorId: replyTo.authorId, excerpt: replyTo.deletedAt ? '' : replyTo.body.slice(0, 140) }
      : null,
    attachments: message.deletedAt ? [] : attachments.map(presentMedia),
    createdAt: message.createdAt.toISOString(),
    editedAt: message.editedAt?.toISOString() ?? null,
    deletedAt: message.deletedAt?.toISOString() ?? null,
    cursor: cursorOf(message.seq),
  };
}

/** What the viewer may do with a message, for the web app to show only those actions. */
export function messageAbilities(message: Message, viewer: Actor): { edit: boolean; delete: boolean } {
  return { edit: canEditMessage(viewer, message), delete: canDeleteMessage(viewer, message) };
}
