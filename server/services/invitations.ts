import { Op, UniqueConstraintError } from 'sequelize';
import { Invitation, User, type Transaction } from '../db/index.js';
import type { Role } from '../db/models/User.js';
import { AppError, conflict, fieldConflict, notFound } from '../errors.js';
import type { Language } from '../i18n/index.js';
import { linkLifetimes } from '../limits.js';
import { authorize, canInvite } from '../policies/user.js';
import { createSession, hashPassword, type ClientInfo, type NewSession } from './accounts.js';
import { actorId, type Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import { recordEvent } from './events.js';
import { appLink } from './links.js';
import { queueMail } from './mail.js';
import { grantDefaultStationAccess } from './network.js';
import { hashToken, newToken } from './tokens.js';

/** The state of an invitation as people see it. */
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/** What a person fills in to accept: the required profile fields and how they sign in. */
export interface AcceptInput {
  token: string;
  username: string;
  firstName: string;
  lastName: string;
  mobile: string;
  /** Set for a password account; absent means the person signs in with emailed links. */
  password?: string;
  language?: Language;
  /** Only for the set-up link, which carries no address. */
  email?: string;
  client: ClientInfo;
}

/** The status of an invitation at this moment. */
export function invitationStatus(invitation: Invitation, now = Date.now()): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (invitation.expiresAt.getTime() < now) return 'expired';
  return 'pending';
}

/**
 * Invites someone by email (admins only). A pending invitation to the same address is replaced,
 * so the newest link is the one that works. Queues the invitation mail.
 */
export async function inviteMember(
  ctx: ServiceContext,
  input: { actor: Actor; email: string; role: Role; language?: Language },
): Promise<{ invitation: Invitation; link: string }> {
  authorize(canInvite(input.actor), 'Only an admin can invite people to the family.');
  return ctx.db.write(async (transaction) => {
    if (await User.findOne({ where: { email: input.email }, transaction })) {
      throw conflict('Someone with this email address is already in the family.', 'already_member');
    }
    await Invitation.update(
      { revokedAt: new Date() },
      { where: { email: input.email, kind: 'invitation', acceptedAt: null, revokedAt: null }, transaction },
    );
    const language = input.language ?? ctx.config.family.language;
    const { token, hash } = newToken();
    const invitation = await Invitation.create(
      {
        kind: 'invitation',
        email: input.email,
        role: input.role,
        language,
        tokenHash: hash,
        invitedById: actorId(input.actor),
        acceptedUserId: null,
        expiresAt: new Date(Date.now() + linkLifetimes.invitation),
        acceptedAt: null,
        revokedAt: null,
      },
      { transaction },
    );
    const link = appLink(ctx, 'invite', token);
    const inviter = input.actor.kind === 'user' ? input.actor.user.firstName : null;
    await queueMail(ctx, transaction, { to: input.email, language, template: 'invitation', params: { inviter, link } });
    await recordEvent(ctx, transaction, {
      type: 'invitation.created',
      actorId: actorId(input.actor),
      audience: { admins: true },
      payload: { invitationId: invitation.id, role: input.role },
    });
    return { invitation, link };
  });
}

/** Invitations for admins to see: pending first, then the rest, newest first. */
export async function listInvitations(ctx: ServiceContext, input: { actor: Actor }): Promise<Invitation[]> {
  void ctx;
  authorize(canInvite(input.actor), 'Only an admin can see invitations.');
  return Invitation.findAll({ where: { kind: 'invitation' }, order: [['createdAt', 'DESC']], limit: 500 });
}

/** Withdraws a pending invitation; its link then says it was withdrawn. */
export async function revokeInvitation(ctx: ServiceContext, input: { actor: Actor; invitationId: string }): Promise<Invitation> {
  authorize(canInvite(input.actor), 'Only an admin can withdraw invitations.');
  return ctx.db.write(async (transaction) => {
    const invitation = await Invitation.findOne({ where: { id: input.invitationId, kind: 'invitation' }, transaction });
    if (!invitation) throw notFound('Invitation');
    if (invitationStatus(invitation) !== 'pending') {
      throw conflict('Only a pending invitation can be withdrawn.');
    }
    await invitation.update({ revokedAt: new Date() }, { transaction });
    await recordEvent(ctx, transaction, {
      type: 'invitation.revoked',
      actorId: actorId(input.actor),
      audience: { admins: true },
      payload: { invitationId: invitation.id },
    });
    return invitation;
  });
}

/**
 * Makes a fresh one-time set-up link for the first admin (24 hours). Earlier unused set-up
 * links stop working, so only the newest printed link counts.
 */
export async function createSetupLink(ctx: ServiceContext): Promise<{ link: string; expiresAt: Date }> {
  return ctx.db.write(async (transaction) => {
    if ((await User.count({ where: { role: 'admin' }, transaction })) > 0) {
      throw new AppError(409, 'admin_exists', 'This family already has an admin.', {
        hint: 'Sign in as that admin, or use "prifora user invite --admin" to add another.',
      });
    }
    await Invitation.update(
      { revokedAt: new Date() },
      { where: { kind: 'setup', acceptedAt: null, revokedAt: null }, transaction },
    );
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + linkLifetimes.setup);
    await Invitation.create(
      {
        kind: 'setup',
        email: null,
        role: 'admin',
        language: ctx.config.family.language,
        tokenHash: hash,
        invitedById: null,
        acceptedUserId: null,
        expiresAt,
        acceptedAt: null,
        revokedAt: null,
      },
      { transaction },
    );
    return { link: appLink(ctx, 'setup', token), expiresAt };
  });
}

function linkError(status: InvitationStatus, inviter: string | null): AppError {
  // The inviter's name lets the page say whom to ask ("Ask Pieter for a new invitation").
  const details = { inviter };
  switch (status) {
    case 'accepted':
      return new AppError(410, 'link_used', 'This invitation has already been used.', { hint: 'Sign in, or ask the family admin for a new invitation.', details });
    case 'revoked':
      return new AppError(410, 'link_revoked', 'This invitation was withdrawn.', { hint: 'Ask the family admin for a new invitation.', details });
    default:
      return new AppError(410, 'link_expired', 'This invitation has expired.', { hint: 'Ask the family admin for a new invitation.', details });
  }
}

async function findUsable(token: string, transaction?: Transaction): Promise<Invitation> {
  const invitation = await Invitation.findOne({ where: { tokenHash: hashToken(token) }, transaction });
  if (!invitation) {
    throw new AppError(404, 'link_invalid', 'This invitation link is not valid.', { hint: 'Check that the whole link was copied, or ask for a new one.' });
  }
  const status = invitationStatus(invitation);
  if (status !== 'pending') {
    const inviter = invitation.invitedById ? await User.findByPk(invitation.invitedById, { attributes: ['firstName'], transaction }) : null;
    throw linkError(status, inviter?.firstName ?? null);
  }
  return invitation;
}

/** What the invitation page shows before the person fills in their profile. */
export async function inspectInvitation(
  ctx: ServiceContext,
  input: { token: string; client: ClientInfo },
): Promise<{ invitation: Invitation; inviter: string | null }> {
  ctx.limiter.hit([['acceptAddress', input.client.address]]);
  const invitation = await findUsable(input.token);
  const inviter = invitation.invitedById ? await User.findByPk(invitation.invitedById) : null;
  return { invitation, inviter: inviter?.firstName ?? null };
}

/**
 * Accepts an invitation or the set-up link: creates the account with the required profile
 * fields, uses up the link, and signs the new member in. Rate limited per address and per link.
 */
export async function acceptInvitation(ctx: ServiceContext, input: AcceptInput): Promise<NewSession> {
  ctx.limiter.hit([
    ['acceptAddress', input.client.address],
    ['acceptLink', hashToken(input.token)],
  ]);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await ctx.db.write(async (transaction) => {
      const invitation = await findUsable(input.token, transaction);
      if (invitation.kind === 'setup' && (await User.count({ where: { role: 'admin' }, transaction })) > 0) {
        throw new AppError(409, 'admin_exists', 'This family already has an admin.', { hint: 'Sign in instead.' });
      }
      const email = invitation.email ?? input.email;
      if (!email) throw new AppError(400, 'invalid_input', 'email: is required', { details: { issues: [{ field: 'email', problem: 'is required' }] } });
      const clash = await User.findOne({ where: { [Op.or]: [{ email }, { username: input.username }] }, transaction });
      if (clash) {
        throw clash.email === email ? fieldConflict('email', 'is already in the family', 'already_member') : fieldConflict('username', 'is already taken');
      }
      const user = await User.create(
        {
          role: invitation.role,
          username: input.username,
          firstName: input.firstName,
          lastName: input.lastName,
          email,
          mobile: input.mobile,
          language: input.language ?? invitation.language,
          passwordHash,
          signInMethod: passwordHash ? 'password' : 'magic',
        },
        { transaction },
      );
      await invitation.update({ acceptedAt: new Date(), acceptedUserId: user.id }, { transaction });
      await grantDefaultStationAccess(ctx, transaction, user);
      await recordEvent(ctx, transaction, {
        type: 'member.joined',
        actorId: user.id,
        audience: { all: true },
        payload: { userId: user.id, invitationId: invitation.id, role: user.role },
      });
      if (!passwordHash) {
        await queueMail(ctx, transaction, {
          to: user.email,
          language: user.language ?? ctx.config.family.language,
          template: 'welcome',
          params: { name: user.firstName, link: appLink(ctx, '') },
        });
      }
      return createSession(ctx, transaction, user, input.client, 'invitation');
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw conflict('Someone with this email address or username is already in the family.');
    throw error;
  }
}
