import type { Message } from '../db/index.js';
import type { Actor } from '../services/actor.js';
import { isAdmin } from './user.js';

/**
 * Only participants see a conversation and its messages; for anyone else it does not exist
 * (404, the same as a conversation that was never there). Admins are not exempt: chats are private.
 */
export function canSeeConversation(actor: Actor, participantIds: readonly string[]): boolean {
  return actor.kind === 'user' && participantIds.includes(actor.user.id);
}

/** Participants write in the conversations they see. */
export const canPost = canSeeConversation;

/** Only the author edits a message, and never a deleted one. */
export function canEditMessage(actor: Actor, message: Pick<Message, 'authorId' | 'deletedAt'>): boolean {
  return actor.kind === 'user' && message.authorId === actor.user.id && !message.deletedAt;
}

/** The author or an admin deletes a message. */
export function canDeleteMessage(actor: Actor, message: Pick<Message, 'authorId' | 'deletedAt'>): boolean {
  return !message.deletedAt && (isAdmin(actor) || (actor.kind === 'user' && message.authorId === actor.user.id));
}
