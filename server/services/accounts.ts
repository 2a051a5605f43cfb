import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { Op } from 'sequelize';
import { MagicLink, Session, User, type Transaction } from '../db/index.js';
import type { Role } from '../db/models/User.js';
import { AppError, conflict, invalidField, notFound } from '../errors.js';
import { linkLifetimes } from '../limits.js';
import { authorize, canManageMembers, isSelf } from '../policies/user.js';
import { actorId, type Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import { recordEvent } from './events.js';
import { appLink } from './links.js';
import { queueMail } from './mail.js';
import { hashToken, newToken } from './tokens.js';

/** Where a request came from, for rate limits and the session list. */
export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

/** A new session: the token goes into the cookie, never into the database. */
export interface NewSession {
  user: User;
  session: Session;
  token: string;
}

// Verifying against this hash when no account matches keeps the reply time the same, so
// timing does not tell whether an address belongs to the family.
const absentHash = argonHash('prifora-no-such-account');

/** Hashes a password with Argon2id. */
export function hashPassword(password: string): Promise<string> {
  return argonHash(password);
}

function invalidCredentials(): AppError {
  return new AppError(401, 'invalid_credentials', 'That email address and password do not match.');
}

/** Opens a session for a user in the caller's transaction and records the sign-in. */
export async function createSession(
  ctx: ServiceContext,
  transaction: Transaction,
  user: User,
  client: ClientInfo,
  method: 'password' | 'magicLink' | 'invitation',
): Promise<NewSession> {
  const { token, hash } = newToken();
  const now = new Date();
  const session = await Session.create(
    {
      tokenHash: hash,
      userId: user.id,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.address.slice(0, 64),
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + linkLifetimes.session),
    },
    { transaction },
  );
  await recordEvent(ctx, transaction, {
    type: 'session.created',
    actorId: user.id,
    audience: { users: [user.id] },
    payload: { sessionId: session.id, method },
  });
  return { user, session, token };
}

/** Signs in with email and password. Rate limited per account and per address. */
export async function signInWithPassword(
  ctx: ServiceContext,
  input: { email: string; password: string; client: ClientInfo },
): Promise<NewSession> {
  ctx.limiter.hit([
    ['signInAccount', input.email],
    ['signInAddress', input.client.address],
  ]);
  const user = await User.findOne({ where: { email: input.email } });
  const ok = user?.passwordHash
    ? await argonVerify(user.passwordHash, input.password)
    : (await argonVerify(await absentHash, input.password), false);
  if (!user || !ok) throw invalidCredentials();
  ctx.limiter.reset('signInAccount', input.email);
  return ctx.db.write((transaction) => createSession(ctx, transaction, user, input.client, 'password'));
}

/**
 * Emails a single-use sign-in link (15 minutes) when the address belongs to the family. The
 * answer is the same either way, so nobody can probe who is in the family.
 */
export async function requestMagicLink(ctx: ServiceContext, input: { email: string; client: ClientInfo }): Promise<void> {
  ctx.limiter.hit([
    ['magicLinkAccount', input.email],
    ['magicLinkAddress', input.client.address],
  ]);
  const user = await User.findOne({ where: { email: input.email } });
  // A station person never signs in; their screen holds its own credential.
  if (!user || user.role === 'station') return;
  await ctx.db.write(async (transaction) => {
    const { token, hash } = newToken();
    await MagicLink.create(
      { tokenHash: hash, userId: user.id, expiresAt: new Date(Date.now() + linkLifetimes.magicLink), usedAt: null },
      { transaction },
    );
    await queueMail(ctx, transaction, {
      to: user.email,
      language: user.language ?? ctx.config.family.language,
      template: 'magicLink',
      params: { name: user.firstName, link: appLink(ctx, 'signin/magic', token) },
    });
  });
}

/** Signs in with the token of an emailed link; each link works once, for 15 minutes. */
export async function signInWithMagicLink(ctx: ServiceContext, input: { token: string; client: ClientInfo }): Promise<NewSession> {
  ctx.limiter.hit([['signInAddress', input.client.address]]);
  return ctx.db.write(async (transaction) => {
    const link = await MagicLink.findOne({ where: { tokenHash: hashToken(input.token) }, transaction });
    if (!link) throw new AppError(400, 'link_invalid', 'This sign-in link is not valid.');
    if (link.usedAt) throw new AppError(410, 'link_used', 'This sign-in link has already been used.');
    if (link.expiresAt.getTime() < Date.now()) throw new AppError(410, 'link_expired', 'This sign-in link has expired.');
    await link.update({ usedAt: new Date() }, { transaction });
    const user = await User.findByPk(link.userId, { transaction, rejectOnEmpty: true });
    return createSession(ctx, transaction, user, input.client, 'magicLink');
  });
}

/**
 * The signed-in person behind a session cookie, or null when the token is unknown or expired.
 * Touches lastSeenAt at most once a minute, to keep reads cheap.
 */
export async function resolveSession(ctx: ServiceContext, token: string): Promise<{ user: User; session: Session } | null> {
  const tokenHash = hashToken(token);
  const cached = ctx.caches.sessions.get(tokenHash);
  const session = cached?.session ?? (await Session.findOne({ where: { tokenHash }, include: [User] }));
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() < now) {
    ctx.caches.sessions.delete(tokenHash);
    await ctx.db.write((transaction) => session.destroy({ transaction }));
    return null;
  }
  const user = cached?.user ?? (session as Session & { User: User }).User;
  if (!cached) ctx.caches.sessions.set(tokenHash, { session, user });
  if (now - session.lastSeenAt.getTime() > 60_000) {
    await ctx.db.write((transaction) =>
      session.update({ lastSeenAt: new Date(now), expiresAt: new Date(now + linkLifetimes.session) }, { transaction }),
    );
  }
  return { user, session };
}

/** The sessions of the acting person, newest first. */
export async function listSessions(ctx: ServiceContext, input: { actor: Actor }): Promise<Session[]> {
  const userId = actorId(input.actor);
  if (!userId) return [];
  return Session.findAll({ where: { userId, expiresAt: { [Op.gt]: new Date() } }, order: [['lastSeenAt', 'DESC']] });
}

/** Ends one session of the acting person (another device, or this one: sign-out). */
export async function revokeSession(ctx: ServiceContext, input: { actor: Actor; sessionId: string }): Promise<void> {
  await ctx.db.write(async (transaction) => {
    const session = await Session.findByPk(input.sessionId, { transaction });
    // Someone else's session is reported as absent, the same as one that does not exist.
    if (!session || !isSelf(input.actor, { id: session.userId })) throw notFound('Session');
    await session.destroy({ transaction });
    await recordEvent(ctx, transaction, {
      type: 'session.revoked',
      actorId: actorId(input.actor),
      audience: { users: [session.userId] },
      payload: { sessionId: session.id },
    });
  });
}

/**
 * Changes the acting person's password (or gives a person who signs in with emailed links a
 * first one) and signs out every other session of theirs: whoever else was signed in on the old
 * password is out. Rate limited with the sign-in limits, so the current-password check is no
 * second door for guessing.
 * @param input.currentPassword - required when the person has a password
 * @param input.keepSessionId - the session making the change, which stays signed in
 * @returns the person and how many other sessions were signed out
 * @throws AppError invalid_input when the current password is missing, wrong_password (403) when
 *   it does not match, rate_limited (429) after too many attempts
 */
export async function changePassword(
  ctx: ServiceContext,
  input: { actor: Actor; currentPassword?: string; newPassword: string; keepSessionId: string | null; client: ClientInfo },
): Promise<{ user: User; signedOut: number }> {
  if (input.actor.kind !== 'user') throw notFound('Person');
  // Read afresh: the session cache may hold the person as they were before an earlier change.
  const user = await User.findByPk(input.actor.user.id, { rejectOnEmpty: true });
  if (user.passwordHash) {
    if (!input.currentPassword) throw invalidField('currentPassword', 'is required');
    ctx.limiter.hit([
      ['signInAccount', user.email],
      ['signInAddress', input.client.address],
    ]);
    if (!(await argonVerify(user.passwordHash, input.currentPassword))) {
      throw new AppError(403, 'wrong_password', 'That is not your current password.');
    }
    ctx.limiter.reset('signInAccount', user.email);
  }
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.db.write(async (transaction) => {
    await user.update({ passwordHash, signInMethod: 'password' }, { transaction });
    const others = await Session.findAll({
      where: { userId: user.id, ...(input.keepSessionId ? { id: { [Op.ne]: input.keepSessionId } } : {}) },
      transaction,
    });
    await Session.destroy({ where: { id: others.map((s) => s.id) }, transaction });
    await recordEvent(ctx, transaction, {
      type: 'member.passwordChanged',
      actorId: user.id,
      audience: { users: [user.id] },
      payload: { userId: user.id, signedOut: others.length },
    });
    // One event per session, as for a sign-out from the device list: live sockets of those
    // sessions close and cached sessions are dropped.
    for (const session of others) {
      await recordEvent(ctx, transaction, {
        type: 'session.revoked',
        actorId: user.id,
        audience: { users: [user.id] },
        payload: { sessionId: session.id },
      });
    }
    return { user, signedOut: others.length };
  });
}

/** Every member of the family, by first name. */
export async function listUsers(ctx: ServiceContext, input: { actor: Actor }): Promise<User[]> {
  void ctx;
  void input;
  return User.findAll({ order: [['firstName', 'ASC'], ['lastName', 'ASC']] });
}

/** Finds a user by id, email or username (the CLI accepts any of the three). */
export async function findUser(reference: string): Promise<User> {
  const user = await User.findOne({
    where: { [Op.or]: [{ email: reference.toLowerCase() }, { username: reference }, ...(isUuid(reference) ? [{ id: reference }] : [])] },
  });
  if (!user) throw notFound('Person');
  return user;
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

async function assertNotLastAdmin(user: User, transaction: Transaction): Promise<void> {
  if (user.role !== 'admin') return;
  const admins = await User.count({ where: { role: 'admin' }, transaction });
  if (admins <= 1) {
    throw new AppError(409, 'last_admin', 'The family needs at least one admin.', {
      hint: 'Make someone else admin first.',
    });
  }
}

/** Makes a member an admin or an admin a member. The last admin stays admin. */
export async function setRole(ctx: ServiceContext, input: { actor: Actor; userId: string; role: Role }): Promise<User> {
  authorize(canManageMembers(input.actor), 'Only an admin can change roles.');
  return ctx.db.write(async (transaction) => {
    const user = await User.findByPk(input.userId, { transaction });
    if (!user) throw notFound('Person');
    if (user.role === 'station') throw conflict('A station person has no role to change.');
    if (user.role === input.role) return user;
    if (input.role === 'member') await assertNotLastAdmin(user, transaction);
    await user.update({ role: input.role }, { transaction });
    await recordEvent(ctx, transaction, {
      type: 'member.roleChanged',
      actorId: actorId(input.actor),
      audience: { all: true },
      payload: { userId: user.id, role: input.role },
    });
    return user;
  });
}

/**
 * Removes a person from the family: their account and sessions go; invitations they sent stay
 * (without the sender). The last admin cannot be removed.
 */
export async function removeUser(ctx: ServiceContext, input: { actor: Actor; userId: string }): Promise<void> {
  authorize(canManageMembers(input.actor), 'Only an admin can remove someone from the family.');
  await ctx.db.write(async (transaction) => {
    const user = await User.findByPk(input.userId, { transaction });
    if (!user) throw notFound('Person');
    await assertNotLastAdmin(user, transaction);
    await user.destroy({ transaction });
    await recordEvent(ctx, transaction, {
      type: 'member.removed',
      actorId: actorId(input.actor),
      audience: { all: true },
      payload: { userId: user.id },
    });
  });
}

/** Whether the family has an admin yet (if not, start prints the set-up link). */
export async function hasAdmin(): Promise<boolean> {
  return (await User.count({ where: { role: 'admin' } })) > 0;
}
