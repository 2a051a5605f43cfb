import { z } from 'zod';
import { AppError } from '../errors.js';
import { limits } from '../limits.js';
import { presentConversation } from '../presenters/conversation.js';
import { cursorOf, messageAbilities, presentMessage, seqOfCursor } from '../presenters/message.js';
import { cursorField, messageBodyField, uuidField } from '../schemas.js';
import type { Actor } from '../services/actor.js';
import { getConversation, listConversations, markRead, openDirectConversation, readMarkers } from '../services/conversations.js';
import { deleteMessage, editMessage, listMessages, searchMessages, sendMessage, type MessagePage } from '../services/messages.js';
import { assertStationMaySend } from '../services/stationSettings.js';
import { route } from './define.js';

const id = z.strictObject({ id: uuidField });
const pageQuery = {
  before: cursorField.optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(limits.pageSizeMax, `must be at most ${limits.pageSizeMax}`).optional(),
};

function beforeSeq(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const seq = seqOfCursor(cursor);
  if (seq === undefined) throw new AppError(400, 'invalid_input', 'query.before: is not a valid cursor', { details: { issues: [{ field: 'query.before', problem: 'is not a valid cursor' }] } });
  return seq;
}

function presentPage(page: MessagePage, viewer: Actor) {
  return {
    messages: page.messages.map((m) => ({ ...presentMessage(m, page.replies.get(m.replyToSeq ?? -1), page.attachments.get(m.seq)), abilities: messageAbilities(m, viewer) })),
    nextBefore: page.nextBefore === null ? null : cursorOf(page.nextBefore),
  };
}

export const conversationRoutes = [
  route({
    method: 'get',
    path: '/api/v1/conversations',
    summary: 'The person’s conversations, most recent first, with unread counts',
    access: 'user',
    station: true,
    handle: async (ctx, { actor }) => ({ conversations: (await listConversations(ctx.services, { actor })).map(presentConversation) }),
  }),
  route({
    method: 'post',
    path: '/api/v1/conversations/direct',
    summary: 'The direct conversation with one person, made on first use',
    access: 'user',
    body: z.strictObject({ userId: uuidField }),
    handle: async (ctx, { actor, body }) => {
      const loaded = await openDirectConversation(ctx.services, { actor, userId: body.userId });
      return { conversation: presentConversation(await getConversation(ctx.services, { actor, conversationId: loaded.conversation.id })) };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/conversations/:id',
    summary: 'One conversation, with how far each participant has read',
    access: 'user',
    station: true,
    params: id,
    handle: async (ctx, { actor, params }) => ({
      conversation: presentConversation(await getConversation(ctx.services, { actor, conversationId: params.id })),
      readMarkers: await readMarkers(params.id),
    }),
  }),
  route({
    method: 'get',
    path: '/api/v1/conversations/:id/messages',
    summary: 'History, newest first; pass nextBefore as before for the page before',
    access: 'user',
    station: true,
    params: id,
    query: z.strictObject(pageQuery),
    handle: async (ctx, { actor, params, query }) =>
      presentPage(await listMessages(ctx.services, { actor, conversationId: params.id, before: beforeSeq(query.before), limit: query.limit }), actor),
  }),
  route({
    method: 'post',
    path: '/api/v1/conversations/:id/messages',
    summary: 'Send a message (text, photos and videos, or both), optionally as a reply',
    access: 'user',
    station: true,
    status: 201,
    params: id,
    body: z
      .strictObject({
        /** The text; may be left out when the message shows photos or videos. */
        body: messageBodyField.optional(),
        replyTo: uuidField.optional(),
        attachments: z.array(uuidField, { message: 'must be a list of media ids' }).max(10, 'must name at most 10 photos or videos').optional(),
      })
      // A photo needs no words with it, but a message needs one or the other.
      .refine((value) => value.body !== undefined || (value.attachments?.length ?? 0) > 0, { path: ['body'], message: 'is required' }),
    handle: async (ctx, { actor, params, body }) => {
      await assertStationMaySend(ctx.services, { actor, body: body.body ?? '', attachmentIds: body.attachments });
      const { message, replyTo, attachments } = await sendMessage(ctx.services, { actor, conversationId: params.id, body: body.body ?? '', replyToId: body.replyTo, attachmentIds: body.attachments });
      return { message: { ...presentMessage(message, replyTo, attachments), abilities: messageAbilities(message, actor) } };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/conversations/:id/read',
    summary: 'Mark the conversation read up to a message',
    access: 'user',
    station: true,
    params: id,
    body: z.strictObject({ messageId: uuidField }),
    handle: async (ctx, { actor, params, body }) => {
      await markRead(ctx.services, { actor, conversationId: params.id, messageId: body.messageId });
      return undefined;
    },
  }),
  route({
    method: 'patch',
    path: '/api/v1/messages/:id',
    summary: 'Change the text of one’s own message (marked edited)',
    access: 'user',
    params: id,
    body: z.strictObject({ body: messageBodyField }),
    handle: async (ctx, { actor, params, body }) => {
      const { message, replyTo, attachments } = await editMessage(ctx.services, { actor, messageId: params.id, body: body.body });
      return { message: { ...presentMessage(message, replyTo, attachments), abilities: messageAbilities(message, actor) } };
    },
  }),
  route({
    method: 'delete',
    path: '/api/v1/messages/:id',
    summary: 'Delete a message (author or admin); a tombstone stays in the history',
    access: 'user',
    params: id,
    handle: async (ctx, { actor, params }) => {
      await deleteMessage(ctx.services, { actor, messageId: params.id });
      return undefined;
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/search',
    summary: 'Search the messages of one’s conversations (accent- and case-insensitive)',
    access: 'user',
    query: z.strictObject({ q: z.string({ message: 'must be text' }).min(1, 'must not be empty').max(200, 'must be at most 200 characters'), ...pageQuery }),
    handle: async (ctx, { actor, query }) =>
      presentPage(await searchMessages(ctx.services, { actor, query: query.q, before: beforeSeq(query.before), limit: query.limit }), actor),
  }),
];
