import { SupportReply, SupportRequest, User, type Transaction } from '../db/index.js';
import { conflict, notFound } from '../errors.js';
import { authorize, isAdmin, isSelf } from '../policies/user.js';
import { actorId, type Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import { recordEvent } from './events.js';
import { appLink } from './links.js';
import { queueMail } from './mail.js';

/** A support request with its replies, oldest first. */
export interface SupportThread {
  request: SupportRequest;
  replies: SupportReply[];
}

function audienceOf(request: SupportRequest) {
  return { admins: true as const, users: [request.askerId] };
}

async function loadVisible(actor: Actor, requestId: string, transaction?: Transaction): Promise<SupportRequest> {
  const request = await SupportRequest.findByPk(requestId, { transaction });
  if (!request || !(isAdmin(actor) || isSelf(actor, { id: request.askerId }))) throw notFound('Help request');
  return request;
}

/** Anyone asks the family admins for help (F12): stored, shown to admins, mailed to them. */
export async function askForHelp(ctx: ServiceContext, input: { actor: Actor; subject: string; body: string }): Promise<SupportRequest> {
  if (input.actor.kind !== 'user') throw notFound('Person');
  const asker = input.actor.user;
  return ctx.db.write(async (transaction) => {
    const request = await SupportRequest.create({ askerId: asker.id, subject: input.subject, body: input.body, status: 'open', closedAt: null }, { transaction });
    const admins = await User.findAll({ where: { role: 'admin' }, transaction });
    for (const admin of admins) {
      await queueMail(ctx, transaction, {
        to: admin.email,
        language: admin.language ?? ctx.config.family.language,
        template: 'supportRequest',
        params: { asker: `${asker.firstName} ${asker.lastName}`, topic: input.subject, question: input.body, link: appLink(ctx, '') },
      });
    }
    await recordEvent(ctx, transaction, { type: 'support.created', actorId: asker.id, audience: audienceOf(request), payload: { requestId: request.id } });
    return request;
  });
}

/** The asker or an admin replies; an admin's reply marks it answered and mails the asker. */
export async function replyToHelpRequest(ctx: ServiceContext, input: { actor: Actor; requestId: string; body: string }): Promise<SupportReply> {
  return ctx.db.write(async (transaction) => {
    const request = await loadVisible(input.actor, input.requestId, transaction);
    if (request.status === 'closed') throw conflict('This help request is closed; ask a new question instead.');
    const reply = await SupportReply.create({ requestId: request.id, authorId: actorId(input.actor), body: input.body }, { transaction });
    const byHelper = !isSelf(input.actor, { id: request.askerId });
    await request.update({ status: byHelper ? 'answered' : 'open' }, { transaction });
    if (byHelper) {
      const asker = await User.findByPk(request.askerId, { transaction, rejectOnEmpty: true });
      await queueMail(ctx, transaction, {
        to: asker.email,
        language: asker.language ?? ctx.config.family.language,
        template: 'supportAnswer',
        params: { name: asker.firstName, helper: helperName(ctx, input.actor), topic: request.subject, answer: input.body, link: appLink(ctx, '') },
      });
    }
    await recordEvent(ctx, transaction, {
      type: 'support.replied',
      actorId: actorId(input.actor),
      audience: audienceOf(request),
      payload: { requestId: request.id, replyId: reply.id, status: request.status },
    });
    return reply;
  });
}

function helperName(ctx: ServiceContext, actor: Actor): string {
  return actor.kind === 'user' ? actor.user.firstName : ctx.config.family.name;
}

/** An admin closes a request; the asker is told by mail and live. */
export async function closeHelpRequest(ctx: ServiceContext, input: { actor: Actor; requestId: string }): Promise<SupportRequest> {
  authorize(isAdmin(input.actor), 'Only an admin can close a help request.');
  return ctx.db.write(async (transaction) => {
    const request = await loadVisible(input.actor, input.requestId, transaction);
    if (request.status === 'closed') return request;
    await request.update({ status: 'closed', closedAt: new Date() }, { transaction });
    const asker = await User.findByPk(request.askerId, { transaction, rejectOnEmpty: true });
    await queueMail(ctx, transaction, {
      to: asker.email,
      language: asker.language ?? ctx.config.family.language,
      template: 'supportClosed',
      params: { name: asker.firstName, helper: helperName(ctx, input.actor), topic: request.subject, link: appLink(ctx, '') },
    });
    await recordEvent(ctx, transaction, { type: 'support.closed', actorId: actorId(input.actor), audience: audienceOf(request), payload: { requestId: request.id } });
    return request;
  });
}

/** Requests the actor may see: all for admins (open first), their own for others. */
export async function listHelpRequests(ctx: ServiceContext, input: { actor: Actor }): Promise<SupportRequest[]> {
  void ctx;
  const where = isAdmin(input.actor) ? {} : { askerId: actorId(input.actor) ?? '' };
  const requests = await SupportRequest.findAll({ where, order: [['createdAt', 'DESC']], limit: 200 });
  const rank = { open: 0, answered: 1, closed: 2 } as const;
  return requests.sort((a, b) => rank[a.status] - rank[b.status]);
}

/** One request with its replies. */
export async function getHelpRequest(ctx: ServiceContext, input: { actor: Actor; requestId: string }): Promise<SupportThread> {
  void ctx;
  const request = await loadVisible(input.actor, input.requestId);
  const replies = await SupportReply.findAll({ where: { requestId: request.id }, order: [['createdAt', 'ASC']] });
  return { request, replies };
}
