import { Op, QueryTypes } from 'sequelize';
import { Conversation, Message, MessageAttachment, Participant, User } from '../db/index.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { limits } from '../limits.js';
import { canDeleteMessage, canEditMessage } from '../policies/conversation.js';
import { presentMessage } from '../presenters/message.js';
import { actorId, type Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import { conversationAudience, loadConversation, type LoadedConversation } from './conversations.js';
import { recordEvent } from './events.js';
import { attachmentsOf, canSeeMedia, type StoredMedia } from './media.js';
import { mayReachStation } from './network.js';

/** A page of messages, newest first, and the cursor of the page before it. */
export interface MessagePage {
  messages: Message[];
  /** Replied-to messages of this page, by seq. */
  replies: Map<number, Message>;
  /** Photos and videos of this page's messages, by seq. */
  attachments: Map<number, StoredMedia[]>;
  nextBefore: number | null;
}

/** Loads the replied-to messages of a list, by seq. */
export async function repliesOf(messages: readonly Message[]): Promise<Map<number, Message>> {
  const seqs = [...new Set(messages.map((m) => m.replyToSeq).filter((seq): seq is number => seq !== null))];
  if (seqs.length === 0) return new Map();
  return new Map((await Message.findAll({ where: { seq: seqs } })).map((m) => [m.seq, m]));
}

async function assertMayPost(ctx: ServiceContext, actor: Actor, loaded: LoadedConversation): Promise<void> {
  if (loaded.conversation.kind !== 'direct' || actor.kind !== 'user' || actor.user.role === 'station') return;
  const otherId = loaded.participantIds.find((id) => id !== actor.user.id);
  const other = otherId ? await User.findByPk(otherId, { attributes: ['id', 'role', 'firstName'] }) : null;
  if (other?.role === 'station' && !(await mayReachStation(ctx, actor.user.id, other.id, 'message'))) {
    throw forbidden(`An admin has not allowed you to send messages to ${other.firstName}.`);
  }
}

/** Sends a text message (optionally a reply) to a conversation the actor is in. */
export async function sendMessage(
  ctx: ServiceContext,
  input: { actor: Actor; conversationId: string; body: string; replyToId?: string; attachmentIds?: string[] },
): Promise<{ message: Message; replyTo: Message | null; attachments: StoredMedia[] }> {
  const me = actorId(input.actor) as string;
  const loaded = await loadConversation(input.actor, input.conversationId, undefined, ctx);
  await assertMayPost(ctx, input.actor, loaded);
  return ctx.db.write(async (transaction) => {
    let replyTo: Message | null = null;
    if (input.replyToId) {
      replyTo = await Message.findOne({ where: { id: input.replyToId, conversationId: input.conversationId }, transaction });
      if (!replyTo) throw new AppError(400, 'invalid_input', 'replyTo: is not a message of this conversation', { details: { issues: [{ field: 'replyTo', problem: 'is not a message of this conversation' }] } });
    }
    // The route validated the text; skipping Sequelize's own validation and hooks keeps the hot path short.
    const message = await Message.create(
      { conversationId: input.conversationId, authorId: me, body: input.body, replyToSeq: replyTo?.seq ?? null, editedAt: null, deletedAt: null },
      { transaction, validate: false, hooks: false },
    );
    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    for (const mediaId of attachmentIds) {
      // Only what the sender may see can be shown to others: their own uploads, or media they were shown.
      if (!(await canSeeMedia(input.actor, mediaId, transaction))) {
        throw new AppError(400, 'invalid_input', 'attachments: names a photo or video that is not yours to share', { details: { issues: [{ field: 'attachments', problem: 'names a photo or video that is not yours to share', code: 'not_found' }] } });
      }
    }
    let attachments: StoredMedia[] = [];
    if (attachmentIds.length) {
      await MessageAttachment.bulkCreate(attachmentIds.map((mediaId, position) => ({ messageSeq: message.seq, mediaId, position })), { transaction });
      attachments = (await attachmentsOf([message.seq], transaction)).get(message.seq) ?? [];
    }
    await Conversation.update({ lastMessageAt: message.createdAt }, { where: { id: input.conversationId }, transaction, hooks: false });
    // Writing a message means having read everything before it.
    await Participant.update({ lastReadSeq: message.seq }, { where: { conversationId: input.conversationId, userId: me }, transaction, hooks: false });
    await recordEvent(ctx, transaction, {
      type: 'message.created',
      actorId: me,
      audience: conversationAudience(loaded),
      payload: { conversationId: input.conversationId, message: presentMessage(message, replyTo, attachments) },
    });
    return { message, replyTo, attachments };
  });
}

async function loadMessage(actor: Actor, messageId: string): Promise<{ message: Message; loaded: LoadedConversation }> {
  const message = await Message.findOne({ where: { id: messageId } });
  if (!message) throw notFound('Message');
  try {
    return { message, loaded: await loadConversation(actor, message.conversationId) };
  } catch {
    // Someone else's message is reported exactly like a missing one.
    throw notFound('Message');
  }
}

/** The author changes the text of their message; it is marked edited. */
export async function editMessage(
  ctx: ServiceContext,
  input: { actor: Actor; messageId: string; body: string },
): Promise<{ message: Message; replyTo: Message | null; attachments: StoredMedia[] }> {
  const { message, loaded } = await loadMessage(input.actor, input.messageId);
  if (!canEditMessage(input.actor, message)) throw forbidden('Only the author can change a message.');
  return ctx.db.write(async (transaction) => {
    await message.update({ body: input.body, editedAt: new Date() }, { transaction });
    const replyTo = (await repliesOf([message])).get(message.replyToSeq ?? -1) ?? null;
    const attachments = (await attachmentsOf([message.seq], transaction)).get(message.seq) ?? [];
    await recordEvent(ctx, transaction, {
      type: 'message.edited',
      actorId: actorId(input.actor),
      audience: conversationAudience(loaded),
      payload: { conversationId: message.conversationId, message: presentMessage(message, replyTo, attachments) },
    });
    return { message, replyTo, attachments };
  });
}

/** The author or an admin deletes a message; a tombstone keeps its place in the history. */
export async function deleteMessage(ctx: ServiceContext, input: { actor: Actor; messageId: string }): Promise<Message> {
  const { message, loaded } = await loadMessage(input.actor, input.messageId);
  if (!canDeleteMessage(input.actor, message)) {
    throw message.deletedAt ? notFound('Message') : forbidden('Only the author or an admin can delete a message.');
  }
  return ctx.db.write(async (transaction) => {
    await message.update({ body: '', deletedAt: new Date() }, { transaction });
    await recordEvent(ctx, transaction, {
      type: 'message.deleted',
      actorId: actorId(input.actor),
      audience: conversationAudience(loaded),
      payload: { conversationId: message.conversationId, messageId: message.id },
    });
    return message;
  });
}

/** A page of a conversation's history, newest first, before a cursor. */
export async function listMessages(ctx: ServiceContext, input: { actor: Actor; conversationId: string; before?: number; limit?: number }): Promise<MessagePage> {
  void ctx;
  await loadConversation(input.actor, input.conversationId);
  const limit = Math.min(input.limit ?? limits.pageSize, limits.pageSizeMax);
  const messages = await Message.findAll({
    where: { conversationId: input.conversationId, ...(input.before ? { seq: { [Op.lt]: input.before } } : {}) },
    order: [['seq', 'DESC']],
    limit: limit + 1,
  });
  const more = messages.length > limit;
  const page = messages.slice(0, limit);
  return { messages: page, replies: await repliesOf(page), attachments: await attachmentsOf(page.map((m) => m.seq)), nextBefore: more ? (page.at(-1)?.seq ?? null) : null };
}

/**
 * Turns what a person typed into an FTS5 query: every word must appear, as a prefix, so
 * "opa verj" finds "Opa is jarig, verjaardag". FTS syntax characters never reach the engine.
 */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.slice(0, 10).map((word) => `"${word}"*`).join(' ');
}

/** Searches the messages of the conversations the actor is in, newest first. */
export async function searchMessages(ctx: ServiceContext, input: { actor: Actor; query: string; before?: number; limit?: number }): Promise<MessagePage> {
  const me = actorId(input.actor);
  const match = ftsQuery(input.query);
  if (!match) throw new AppError(400, 'invalid_input', 'q: must contain a word to search for', { details: { issues: [{ field: 'q', problem: 'must contain a word to search for' }] } });
  if (!me) return { messages: [], replies: new Map(), attachments: new Map(), nextBefore: null };
  const limit = Math.min(input.limit ?? limits.pageSize, limits.pageSizeMax);
  const seqs = await ctx.db.sequelize.query<{ seq: number }>(
    `SELECT m.seq AS seq
       FROM messages_fts
       JOIN messages m ON m.seq = messages_fts.rowid
       JOIN conversation_participants p ON p.conversationId = m.conversationId AND p.userId = :me
      WHERE messages_fts MATCH :match AND m.deletedAt IS NULL ${input.before ? 'AND m.seq < :before' : ''}
      ORDER BY m.seq DESC
      LIMIT :limit`,
    { replacements: { me, match, before: input.before ?? 0, limit: limit + 1 }, type: QueryTypes.SELECT },
  );
  const more = seqs.length > limit;
  const wanted = seqs.slice(0, limit).map((row) => row.seq);
  const messages = (await Message.findAll({ where: { seq: wanted } })).sort((a, b) => b.seq - a.seq);
  return { messages, replies: await repliesOf(messages), attachments: await attachmentsOf(wanted), nextBefore: more ? (wanted.at(-1) ?? null) : null };
}
