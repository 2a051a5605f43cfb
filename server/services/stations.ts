import crypto from 'node:crypto';
import { Op } from 'sequelize';
import { Participant, Station, StationPairing, User, type Transaction } from '../db/index.js';
import { AppError, conflict, notFound } from '../errors.js';
import { canManageNetwork } from '../policies/network.js';
import { authorize } from '../policies/user.js';
import type { ClientInfo } from './accounts.js';
import { actorId, type Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import { recordEvent } from './events.js';
import { hashToken, newToken } from './tokens.js';

/** How long a pairing code shows on a screen before it asks for a new one. */
export const pairingLifetimeMs = 10 * 60 * 1000;

/**
 * The letters and digits of a pairing code: none that is easily taken for another when read off a
 * screen across a room (0/O/D/Q, 1/I/L/7, 2/Z, 5/S, 8/B, 6/G, U/V).
 */
export const codeAlphabet = 'ACEFHJKMNPRTWXY3479';
export const codeLength = 6;

/** Screens waiting for an admin at once, over all addresses: bounds what a flood of requests can store. */
const maxWaitingPairings = 100;

/** How long an approved screen's unused pairing stays to collect its credential. */
const collectWindowMs = 10 * 60 * 1000;

/** A screen's code and the secret it keeps to ask after it. Only their hashes are stored. */
export interface NewPairing {
  code: string;
  secret: string;
  expiresAt: Date;
  /** The web app page where an admin approves this code (for the QR code on the screen). */
  approvalUrl: string;
}

/** Where a waiting screen stands: still waiting, or paired with the credential for its cookie. */
export type PairingState =
  | { status: 'waiting'; expiresAt: Date }
  | { status: 'paired'; station: Station; user: User; credential: string };

/** A paired screen, its station person, and whether it is connected now. */
export interface StationSummary {
  station: Station;
  user: User;
  /** Connected to the live hub of this process; null when this process cannot know (the CLI). */
  online: boolean | null;
}

/** A code as people type it: upper case, without the spaces and dashes it is shown with. */
export function normalizeCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]+/g, '');
}

/** Whether a normalized code could be one of ours. */
export function isCodeShaped(code: string): boolean {
  return code.length === codeLength && [...code].every((char) => codeAlphabet.includes(char));
}

function randomCode(): string {
  return Array.from({ length: codeLength }, () => codeAlphabet[crypto.randomInt(codeAlphabet.length)]).join('');
}

function codeHash(code: string): string {
  return hashToken(`pairing-code:${code}`);
}

function approvalUrl(ctx: ServiceContext, code: string): string {
  return `${ctx.config.server.publicUrl}/family/stations/add?code=${code}`;
}

function pairingUnknown(): AppError {
  return new AppError(404, 'pairing_unknown', 'This pairing code is not known. Check the code on the screen.');
}

function pairingExpired(): AppError {
  return new AppError(410, 'pairing_expired', 'This pairing code has expired. The screen shows a new one.');
}

/**
 * Forgets pairings past their time, and screens an admin approved that never came to collect
 * their credential (switched off right after the approval, say).
 */
async function sweepPairings(transaction: Transaction, now: Date): Promise<void> {
  const expired = await StationPairing.findAll({ where: { expiresAt: { [Op.lt]: now } }, attributes: ['id', 'stationId'], transaction });
  if (expired.length === 0) return;
  const stationIds = expired.map((p) => p.stationId).filter((id): id is string => id !== null);
  if (stationIds.length) await Station.destroy({ where: { id: stationIds, credentialHash: null }, transaction });
  await StationPairing.destroy({ where: { id: expired.map((p) => p.id) }, transaction });
}

/**
 * A new screen asks to be paired: it gets a short code to show (with a link for a QR code) and a
 * secret to ask after it with. Rate limited per address.
 */
export async function createPairing(ctx: ServiceContext, input: { client: ClientInfo; now?: Date }): Promise<NewPairing> {
  ctx.limiter.hit([['pairingCodeAddress', input.client.address]]);
  const now = input.now ?? new Date();
  return ctx.db.write(async (transaction) => {
    await sweepPairings(transaction, now);
    if ((await StationPairing.count({ where: { stationId: null }, transaction })) >= maxWaitingPairings) {
      throw new AppError(429, 'rate_limited', 'Too many screens are waiting to be paired. Try again in 10 minutes.', {
        params: { minutes: 10 },
        details: { retryAfterSeconds: 600 },
        headers: { 'Retry-After': '600' },
      });
    }
    let code = randomCode();
    // Codes are short; a clash with a waiting one just draws again.
    while (await StationPairing.findOne({ where: { codeHash: codeHash(code) }, attributes: ['id'], transaction })) code = randomCode();
    const { token: secret, hash: secretHash } = newToken();
    const expiresAt = new Date(now.getTime() + pairingLifetimeMs);
    await StationPairing.create({ codeHash: codeHash(code), secretHash, stationId: null, expiresAt }, { transaction });
    return { code, secret, expiresAt, approvalUrl: approvalUrl(ctx, code) };
  });
}

/**
 * A waiting screen asks whether an admin approved its code. Once approved, the first ask hands
 * out the screen's credential (its cookie) and ends the pairing, so the credential is given once
 * and never stored in the clear.
 */
export async function checkPairing(ctx: ServiceContext, input: { secret: string; client: ClientInfo; now?: Date }): Promise<PairingState> {
  ctx.limiter.hit([['pairingCheckAddress', input.client.address]]);
  const now = input.now ?? new Date();
  return ctx.db.write(async (transaction) => {
    const pairing = await StationPairing.findOne({ where: { secretHash: hashToken(input.secret) }, transaction });
    if (!pairing) throw pairingUnknown();
    // Expired rows stay until the next code request sweeps them: a refusal writes nothing.
    if (pairing.expiresAt.getTime() < now.getTime()) throw pairingExpired();
    if (!pairing.stationId) return { status: 'waiting', expiresAt: pairing.expiresAt };
    const station = await Station.findByPk(pairing.stationId, { transaction });
    const user = station ? await User.findByPk(station.stationUserId, { transaction }) : null;
    if (!station || !user) {
      await pairing.destroy({ transaction });
      throw pairingUnknown();
    }
    const { token: credential, hash } = newToken();
    await station.update({ credentialHash: hash, lastSeenAt: now }, { transaction });
    await pairing.destroy({ transaction });
    await recordEvent(ctx, transaction, {
      type: 'station.changed',
      actorId: null,
      audience: { admins: true },
      payload: { stationId: station.id, stationUserId: station.stationUserId, what: 'connected' },
    });
    return { status: 'paired', station, user, credential };
  });
}

/**
 * An admin approves the code a screen shows and says whose screen it is: the screen then acts as
 * that station person. Attempts are rate limited per admin (and per address over HTTP).
 */
export async function approvePairing(
  ctx: ServiceContext,
  input: { actor: Actor; code: string; name: string; stationUserId: string; client?: ClientInfo; now?: Date },
): Promise<{ station: Station; user: User }> {
  authorize(canManageNetwork(input.actor), 'Only an admin can add a screen.');
  const who = actorId(input.actor) ?? 'system';
  ctx.limiter.hit([['pairingApproveAccount', who], ...(input.client ? [['pairingApproveAddress', input.client.address] as ['pairingApproveAddress', string]] : [])]);
  const now = input.now ?? new Date();
  const code = normalizeCode(input.code);
  const result = await ctx.db.write(async (transaction) => {
    const pairing = isCodeShaped(code) ? await StationPairing.findOne({ where: { codeHash: codeHash(code) }, transaction }) : null;
    if (!pairing) throw pairingUnknown();
    if (pairing.expiresAt.getTime() < now.getTime()) throw pairingExpired();
    if (pairing.stationId) throw conflict('This screen has already been added.', 'pairing_used');
    const user = await User.findOne({ where: { id: input.stationUserId, role: 'station' }, transaction });
    if (!user) throw notFound('Station person');
    const station = await Station.create(
      { name: input.name, stationUserId: user.id, credentialHash: null, pairedById: actorId(input.actor), pairedAt: now, lastSeenAt: null },
      { transaction },
    );
    await pairing.update({ stationId: station.id, expiresAt: new Date(now.getTime() + collectWindowMs) }, { transaction });
    await recordEvent(ctx, transaction, {
      type: 'station.paired',
      actorId: actorId(input.actor),
      audience: { admins: true },
      payload: { stationId: station.id, stationUserId: user.id, name: station.name },
    });
    return { station, user };
  });
  ctx.limiter.reset('pairingApproveAccount', who);
  return result;
}

/**
 * The paired screen behind a credential, with its station person, or null when it is unknown or
 * revoked. Notes the screen's last contact at most once a minute, to keep reads cheap.
 */
export async function resolveStation(ctx: ServiceContext, credential: string, now = Date.now()): Promise<{ station: Station; user: User } | null> {
  const credentialHash = hashToken(credential);
  let found = ctx.caches.stations.get(credentialHash, now);
  if (!found) {
    const station = await Station.findOne({ where: { credentialHash } });
    const user = station ? await User.findByPk(station.stationUserId) : null;
    if (!station || !user) return null;
    found = { station, user };
    ctx.caches.stations.set(credentialHash, found, now);
  }
  await touchStation(ctx, found.station, now);
  return found;
}

async function touchStation(ctx: ServiceContext, station: Station, now: number): Promise<void> {
  if (station.lastSeenAt && now - station.lastSeenAt.getTime() < 60_000) return;
  station.lastSeenAt = new Date(now);
  await ctx.db.write((transaction) => Station.update({ lastSeenAt: new Date(now) }, { where: { id: station.id }, transaction, hooks: false }));
}

/**
 * Of the given screens, those still paired. The live hub asks this every few seconds about its
 * connected screens, so one revoked from another process (the CLI) is cut off within seconds;
 * it also notes their last contact.
 */
export async function stillPaired(ctx: ServiceContext, stationIds: readonly string[], now = Date.now()): Promise<Set<string>> {
  if (stationIds.length === 0) return new Set();
  const stations = await Station.findAll({ where: { id: [...new Set(stationIds)], credentialHash: { [Op.ne]: null } } });
  const stale = stations.filter((s) => !s.lastSeenAt || now - s.lastSeenAt.getTime() >= 60_000).map((s) => s.id);
  if (stale.length) await ctx.db.write((transaction) => Station.update({ lastSeenAt: new Date(now) }, { where: { id: stale }, transaction, hooks: false }));
  return new Set(stations.map((s) => s.id));
}

/** Every paired screen of the family (admins), by name. */
export async function listStations(ctx: ServiceContext, input: { actor: Actor }): Promise<StationSummary[]> {
  authorize(canManageNetwork(input.actor), 'Only an admin can see the screens.');
  const stations = await Station.findAll({ order: [['name', 'ASC'], ['pairedAt', 'ASC']] });
  const users = await User.findAll({ where: { id: [...new Set(stations.map((s) => s.stationUserId))] } });
  const presence = ctx.stationPresence;
  return stations.flatMap((station) => {
    const user = users.find((u) => u.id === station.stationUserId);
    if (!user) return [];
    return [{ station, user, online: presence.tracking ? presence.isConnected(station.id) : null }];
  });
}

async function findStation(stationId: string, transaction?: Transaction): Promise<Station> {
  const station = await Station.findByPk(stationId, { transaction });
  if (!station) throw notFound('Screen');
  return station;
}

/** Renames a screen (admins): "Living room". */
export async function renameStation(ctx: ServiceContext, input: { actor: Actor; stationId: string; name: string }): Promise<StationSummary> {
  authorize(canManageNetwork(input.actor), 'Only an admin can rename a screen.');
  const station = await ctx.db.write(async (transaction) => {
    const found = await findStation(input.stationId, transaction);
    await found.update({ name: input.name }, { transaction });
    await recordEvent(ctx, transaction, {
      type: 'station.changed',
      actorId: actorId(input.actor),
      audience: { admins: true },
      payload: { stationId: found.id, stationUserId: found.stationUserId, what: 'renamed', name: found.name },
    });
    return found;
  });
  const user = await User.findByPk(station.stationUserId, { rejectOnEmpty: true });
  const presence = ctx.stationPresence;
  return { station, user, online: presence.tracking ? presence.isConnected(station.id) : null };
}

/**
 * Revokes a screen (admins): its credential stops working at once and its live connections are
 * closed (the hub follows station.revoked), so it shows the pairing screen again.
 */
export async function revokeStation(ctx: ServiceContext, input: { actor: Actor; stationId: string }): Promise<Station> {
  authorize(canManageNetwork(input.actor), 'Only an admin can remove a screen.');
  return ctx.db.write(async (transaction) => {
    const station = await findStation(input.stationId, transaction);
    await station.destroy({ transaction });
    await recordEvent(ctx, transaction, {
      type: 'station.revoked',
      actorId: actorId(input.actor),
      audience: { admins: true },
      payload: { stationId: station.id, stationUserId: station.stationUserId },
    });
    return station;
  });
}

/** Finds a screen by id or by name (the CLI accepts either); two screens of one name need the id. */
export async function findStationByReference(reference: string): Promise<Station> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference) ? await Station.findByPk(reference) : null;
  if (byId) return byId;
  const named = (await Station.findAll()).filter((s) => s.name.toLowerCase() === reference.trim().toLowerCase());
  if (named.length > 1) throw conflict(`Several screens are called ${reference}: name one by its id (see "prifora station list").`);
  if (!named[0]) throw notFound('Screen');
  return named[0];
}

/** The people a station person shares a conversation with: whose names and photos the screen shows. */
export async function peopleOfStation(stationUserId: string): Promise<User[]> {
  const mine = await Participant.findAll({ where: { userId: stationUserId }, attributes: ['conversationId'] });
  const others = await Participant.findAll({
    where: { conversationId: mine.map((p) => p.conversationId), userId: { [Op.ne]: stationUserId } },
    attributes: ['userId'],
  });
  if (others.length === 0) return [];
  return User.findAll({ where: { id: [...new Set(others.map((p) => p.userId))] }, order: [['firstName', 'ASC']] });
}
