import { Op } from 'sequelize';
import { Group, GroupMember, Notice, NoticeRead, User, type Transaction } from '../db/index.js';
import { notFound } from '../errors.js';
import type { MessageKey } from '../i18n/index.js';
import { canManageNetwork } from '../policies/network.js';
import { authorize, isAdmin } from '../policies/user.js';
import { actorId, type Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import { recordEvent, type Audience } from './events.js';

/** A notice with whether the viewer has read it. */
export interface NoticeForViewer {
  notice: Notice;
  read: boolean;
}

async function audienceOf(groupId: string | null, transaction?: Transaction): Promise<Audience> {
  if (!groupId) return { all: true };
  const members = await GroupMember.findAll({ where: { groupId }, attributes: ['userId'], transaction });
  return { admins: true, users: members.map((m) => m.userId) };
}

/** Posts a notice to the whole family or one group (admins). */
export async function postNotice(ctx: ServiceContext, input: { actor: Actor; title: string; body: string; groupId?: string }): Promise<Notice> {
  authorize(canManageNetwork(input.actor), 'Only an admin can post notices.');
  return ctx.db.write(async (transaction) => {
    if (input.groupId && !(await Group.findByPk(input.groupId, { transaction }))) throw notFound('Group');
    const notice = await Notice.create(
      { kind: 'admin', groupId: input.groupId ?? null, authorId: actorId(input.actor), title: input.title, body: input.body, messageKey: null },
      { transaction },
    );
    await recordEvent(ctx, transaction, {
      type: 'notice.created',
      actorId: actorId(input.actor),
      audience: await audienceOf(notice.groupId, transaction),
      payload: { noticeId: notice.id, groupId: notice.groupId },
    });
    return notice;
  });
}

/**
 * Posts prifora's own notice to the whole family (an update, changed privacy terms). The text
 * comes from the catalogue, so every reader sees it in their language.
 */
export async function postSystemNotice(ctx: ServiceContext, input: { key: 'privacyChanged' | 'updated'; params?: Record<string, string> }): Promise<Notice> {
  return ctx.db.write(async (transaction) => {
    const notice = await Notice.create(
      { kind: 'system', groupId: null, authorId: null, title: `notice.${input.key}.title`, body: JSON.stringify(input.params ?? {}), messageKey: `notice.${input.key}` },
      { transaction },
    );
    await recordEvent(ctx, transaction, { type: 'notice.created', actorId: null, audience: { all: true }, payload: { noticeId: notice.id, groupId: null } });
    return notice;
  });
}

/** The catalogue keys of a system notice's title and body. */
export function systemNoticeKeys(notice: Notice): { title: MessageKey; body: MessageKey; params: Record<string, string> } | null {
  if (!notice.messageKey) return null;
  return { title: `${notice.messageKey}.title` as MessageKey, body: `${notice.messageKey}.body` as MessageKey, params: JSON.parse(notice.body) as Record<string, string> };
}

async function visibleWhere(actor: Actor) {
  if (isAdmin(actor)) return {};
  const me = actorId(actor);
  const groups = (await GroupMember.findAll({ where: { userId: me ?? '' }, attributes: ['groupId'] })).map((m) => m.groupId);
  return { [Op.or]: [{ groupId: null }, { groupId: groups }] };
}

/** The notices the actor may see, newest first, with read state and the unread count. */
export async function listNotices(ctx: ServiceContext, input: { actor: Actor; limit?: number }): Promise<{ notices: NoticeForViewer[]; unread: number }> {
  void ctx;
  const me = actorId(input.actor);
  const where = await visibleWhere(input.actor);
  const notices = await Notice.findAll({ where, order: [['createdAt', 'DESC']], limit: input.limit ?? 100 });
  const all = await Notice.findAll({ where, attributes: ['id'] });
  const reads = new Set((await NoticeRead.findAll({ where: { userId: me ?? '' }, attributes: ['noticeId'] })).map((r) => r.noticeId));
  return {
    notices: notices.map((notice) => ({ notice, read: reads.has(notice.id) })),
    unread: all.filter((n) => !reads.has(n.id)).length,
  };
}

/** Marks one notice read for the actor. */
export async function markNoticeRead(ctx: ServiceContext, input: { actor: Actor; noticeId: string }): Promise<void> {
  const me = actorId(input.actor);
  const notice = await Notice.findOne({ where: { id: input.noticeId, ...(await visibleWhere(input.actor)) } });
  if (!notice || !me) throw notFound('Notice');
  await ctx.db.write(async (transaction) => {
    await NoticeRead.findOrCreate({ where: { noticeId: notice.id, userId: me }, transaction });
  });
}

/** Names of notice authors, by id, for presenting. */
export async function authorNames(notices: readonly Notice[]): Promise<Map<string, string>> {
  const ids = [...new Set(notices.map((n) => n.authorId).filter((id): id is string => !!id))];
  const users = ids.length ? await User.findAll({ where: { id: ids }, attributes: ['id', 'firstName'] }) : [];
  return new Map(users.map((u) => [u.id, u.firstName]));
}
