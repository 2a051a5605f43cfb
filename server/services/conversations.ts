import { Op, QueryTypes } from 'sequelize';
import { Conversation, Group, Message, Participant, User, type Transaction } from '../db/index.js';
import { forbidden, notFound } from '../errors.js';
import { canSeeConversation } from '../policies/conversation.js';
import { actorId, type Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import { recordEvent } from './events.js';
import { mayReachStation } from './network.js';

/** A conversation with who is in it, as the services hand it around. */
export interface LoadedConversation {
  conversation: Conversation;
  participantIds: string[];
}

/** A conversation in someone's list: with its title parts, last message and unread count. */
export interface ConversationSummary extends LoadedConversation {
  group: Group | null;
  lastMessage: Message | null;
  unread: number;
  lastReadSeq: number;
}

/** The participant ids of a conversation, from the cache when fresh. */
async function participantIdsOf(ctx: ServiceContext | null, conversationId: string, transaction?: Transaction): Promise<string[]> {
  // Inside a transaction read the table: the transaction may have just changed it.
  const cached = transaction ? undefined : ctx?.caches.participants.get(conversationId);
  if (cached) return cached;
  const ids = (await Participant.findAll({ where: { conversationId }, attributes: ['userId'], transaction })).map((p) => p.userId);
  if (!transaction) ctx?.caches.participants.set(conversationId, ids);
  return ids;
}

/** Loads a conversation the actor may see; otherwise 404, as if it did not exist. */
export async function loadConversation(
  actor: Actor,
  conversationId: string,
  transaction?: Transaction,
  ctx: ServiceContext | null = null,
): Promise<LoadedConversation> {
  const cached = transaction ? undefined : ctx?.caches.conversations.get(conversationId);
  const conversation = cached ?? (await Conversation.findByPk(conversationId, { transaction }));
  if (conversation && !cached && !transaction) ctx?.caches.conversations.set(conversationId, conversation);
  const participantIds = conversation ? await participantIdsOf(ctx, conversationId, transaction) : [];
  if (!conversation || !canSeeConversation(actor, participantIds)) throw notFound('Conversation');
  return { conversation, participantIds };
}

/** The audience of a conversation's events: its participants. */
export function conversationAudience(loaded: LoadedConversation): { users: string[] } {
  return { users: loaded.participantIds };
}

/**
 * The direct conversation between the actor and one other person, made on first use. A relative
 * reaches a station person only when an admin allows it (F6).
 */
export async function openDirectConversation(ctx: ServiceContext, input: { actor: Actor; userId: string }): Promise<LoadedConversation> {
  const me = actorId(input.actor);
  if (!me || me === input.userId) throw notFound('Person');
  const other = await User.findByPk(input.userId);
  if (!other) throw notFound('Person');
  const self = (input.actor as Extract<Actor, { kind: 'user' }>).user;
  if (other.role === 'station' && self.role !== 'station' && !(await mayReachStation(ctx, me, other.id, 'message'))) {
    throw forbidden(`An admin has not allowed you to send messages to ${other.firstName}.`);
  }
  const directKey = [me, other.id].sort().join(':');
  const existing = await Conversation.findOne({ where: { directKey } });
  if (existing) return { conversation: existing, participantIds: [me, other.id] };
  return ctx.db.write(async (transaction) => {
    const again = await Conversation.findOne({ where: { directKey }, transaction });
    if (again) return { conversation: again, participantIds: [me, other.id] };
    const conversation = await Conversation.create({ kind: 'direct', groupId: null, directKey, lastMessageAt: null }, { transaction });
    await Participant.bulkCreate([{ conversationId: conversation.id, userId: me }, { conversationId: conversation.id, userId: other.id }], { transaction });
    const loaded = { conversation, participantIds: [me, other.id] };
    await recordEvent(ctx, transaction, {
      type: 'conversation.created',
      actorId: me,
      audience: conversationAudience(loaded),
      payload: { conversationId: conversation.id },
    });
    return loaded;
  });
}

interface UnreadRow {
  conversationId: string;
  unread: number;
}

/** Unread messages per conversation for one person: not theirs, not deleted, after their read marker. */
async function unreadCounts(ctx: ServiceContext, userId: string): Promise<Map<string, number>> {
  const rows = await ctx.db.sequelize.query<UnreadRow>(
    `SELECT m.conversationId AS conversationId, COUNT(*) AS unread
       FROM conversation_participants p
       JOIN messages m ON m.conversationId = p.conversationId AND m.seq > p.lastReadSeq
      WHERE p.userId = :userId AND m.deletedAt IS NULL AND (m.authorId IS NULL OR m.authorId <> :userId)
      GROUP BY m.conversationId`,
    { replacements: { userId }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((row) => [row.conversationId, Number(row.unread)]));
}

/** The conversations of the actor, most recent first, with unread counts. */
export async function listConversations(ctx: ServiceContext, input: { actor: Actor }): Promise<ConversationSummary[]> {
  const me = actorId(input.actor);
  if (!me) return [];
  const mine = await Participant.findAll({ where: { userId: me } });
  const ids = mine.map((p) => p.conversationId);
  const [conversations, participants, unread] = await Promise.all([
    Conversation.findAll({ where: { id: ids } }),
    Participant.findAll({ where: { conversationId: ids }, attributes: ['conversationId', 'userId'] }),
    unreadCounts(ctx, me),
  ]);
  const groups = await Group.findAll({ where: { id: conversations.map((c) => c.groupId).filter((id): id is string => !!id) } });
  const lastSeqs = await Message.findAll({
    attributes: ['conversationId', [ctx.db.sequelize.fn('MAX', ctx.db.sequelize.col('seq')), 'seq']],
    where: { conversationId: ids },
    group: ['conversationId'],
    raw: true,
  });
  const lastMessages = await Message.findAll({ where: { seq: lastSeqs.map((row) => row.seq) } });
  return conversations
    .map((conversation) => ({
      conversation,
      participantIds: participants.filter((p) => p.conversationId === conversation.id).map((p) => p.userId),
      group: groups.find((g) => g.id === conversation.groupId) ?? null,
      lastMessage: lastMessages.find((m) => m.conversationId === conversation.id) ?? null,
      unread: unread.get(conversation.id) ?? 0,
      lastReadSeq: mine.find((p) => p.conversationId === conversation.id)?.lastReadSeq ?? 0,
    }))
    .sort((a, b) => (b.conversation.lastMessageAt?.getTime() ?? b.conversation.createdAt.getTime()) - (a.conversation.lastMessageAt?.getTime() ?? a.conversation.createdAt.getTime()));
}

/** One conversation of the actor, as in their list. */
export async function getConversation(ctx: ServiceContext, input: { actor: Actor; conversationId: string }): Promise<ConversationSummary> {
  await loadConversation(input.actor, input.conversationId);
  const all = await listConversations(ctx, input);
  const found = all.find((c) => c.conversation.id === input.conversationId);
  if (!found) throw notFound('Conversation');
  return found;
}

/** Marks a conversation read up to a message (never backwards), and tells the other participants. */
export async function markRead(ctx: ServiceContext, input: { actor: Actor; conversationId: string; messageId: string }): Promise<number> {
  const me = actorId(input.actor) as string;
  return ctx.db.write(async (transaction) => {
    const loaded = await loadConversation(input.actor, input.conversationId, transaction);
    const message = await Message.findOne({ where: { id: input.messageId, conversationId: input.conversationId }, transaction });
    if (!message) throw notFound('Message');
    const participant = await Participant.findOne({ where: { conversationId: input.conversationId, userId: me }, transaction, rejectOnEmpty: true });
    if (message.seq <= participant.lastReadSeq) return participant.lastReadSeq;
    await participant.update({ lastReadSeq: message.seq }, { transaction });
    await recordEvent(ctx, transaction, {
      type: 'conversation.read',
      actorId: me,
      audience: conversationAudience(loaded),
      payload: { conversationId: input.conversationId, userId: me, messageId: message.id },
    });
    return message.seq;
  });
}

/** How far each participant has read, as message ids (for read markers). */
export async function readMarkers(conversationId: string): Promise<Array<{ userId: string; messageId: string | null }>> {
  const participants = await Participant.findAll({ where: { conversationId } });
  const seqs = participants.map((p) => p.lastReadSeq).filter((seq) => seq > 0);
  const messages = seqs.length ? await Message.findAll({ where: { seq: { [Op.in]: seqs } }, attributes: ['seq', 'id'] }) : [];
  return participants.map((p) => ({ userId: p.userId, messageId: messages.find((m) => m.seq === p.lastReadSeq)?.id ?? null }));
}

/**
 * Who sees that someone types in a conversation: the other participants, or null when the
 * typist is not in it (the hub then drops the signal).
 */
export async function typingAudience(ctx: ServiceContext, userId: string, conversationId: string): Promise<string[] | null> {
  const ids = await participantIdsOf(ctx, conversationId);
  return ids.includes(userId) ? ids.filter((id) => id !== userId) : null;
}
