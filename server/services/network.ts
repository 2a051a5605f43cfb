import { Op } from 'sequelize';
import { Conversation, Group, GroupMember, Message, Participant, StationContact, StationProfile, User, type Transaction } from '../db/index.js';
import type { ContactWindow } from '../db/models/StationContact.js';
import { AppError, conflict, fieldConflict, notFound } from '../errors.js';
import type { Language } from '../i18n/index.js';
import { canManageNetwork, canSeeGroup } from '../policies/network.js';
import { authorize } from '../policies/user.js';
import { actorId, type Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import { recordEvent } from './events.js';

/** Profile fields a person may correct themself (F9). */
export interface ProfileChanges {
  username?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  mobile?: string;
  language?: Language;
}

/** The extra fields of a station person. */
export interface StationFields {
  birthDate?: string | null;
  otherDate?: string | null;
  otherDateLabel?: string | null;
  address?: string | null;
  notes?: string | null;
}

/** A group with its member ids. */
export interface GroupWithMembers {
  group: Group;
  memberIds: string[];
  conversationId: string;
}

async function assertUnique(changes: { username?: string; email?: string }, exceptId: string | null, transaction: Transaction): Promise<void> {
  const or = [
    ...(changes.username ? [{ username: changes.username }] : []),
    ...(changes.email ? [{ email: changes.email }] : []),
  ];
  if (or.length === 0) return;
  const clash = await User.findOne({ where: { [Op.or]: or, ...(exceptId ? { id: { [Op.ne]: exceptId } } : {}) }, transaction });
  if (!clash) return;
  throw clash.email === changes.email ? fieldConflict('email', 'is already used by someone in the family') : fieldConflict('username', 'is already taken');
}

/** A person reads and corrects their own profile (F9). */
export async function updateOwnProfile(ctx: ServiceContext, input: { actor: Actor; changes: ProfileChanges }): Promise<User> {
  if (input.actor.kind !== 'user') throw notFound('Person');
  const userId = input.actor.user.id;
  return ctx.db.write(async (transaction) => {
    const user = await User.findByPk(userId, { transaction, rejectOnEmpty: true });
    await assertUnique(input.changes, user.id, transaction);
    await user.update(input.changes, { transaction });
    await recordEvent(ctx, transaction, {
      type: 'network.changed',
      actorId: user.id,
      audience: { all: true },
      payload: { what: 'person', userId: user.id },
    });
    return user;
  });
}

/** Gives a relative the configured default access to every station person, and vice versa. */
export async function grantDefaultStationAccess(ctx: ServiceContext, transaction: Transaction, user: User): Promise<void> {
  const defaults = { mayMessage: ctx.config.network.defaultMayMessage, mayCall: ctx.config.network.defaultMayCall };
  const others = await User.findAll({
    where: user.role === 'station' ? { role: { [Op.ne]: 'station' } } : { role: 'station' },
    attributes: ['id'],
    transaction,
  });
  const rows = others.map((other) =>
    user.role === 'station' ? { stationUserId: user.id, userId: other.id, ...defaults } : { stationUserId: other.id, userId: user.id, ...defaults },
  );
  if (rows.length) await StationContact.bulkCreate(rows, { transaction, ignoreDuplicates: true });
}

/** Adds a station person: the grandparent a Home Station belongs to (admins). */
export async function createStationPerson(
  ctx: ServiceContext,
  input: { actor: Actor; profile: { username: string; firstName: string; lastName: string; email: string; mobile: string; language?: Language } & StationFields },
): Promise<{ user: User; profile: StationProfile }> {
  authorize(canManageNetwork(input.actor), 'Only an admin can add a station person.');
  const { birthDate, otherDate, otherDateLabel, address, notes, ...person } = input.profile;
  return ctx.db.write(async (transaction) => {
    await assertUnique(person, null, transaction);
    const user = await User.create(
      { ...person, language: person.language ?? null, role: 'station', passwordHash: null, signInMethod: 'none' },
      { transaction },
    );
    const profile = await StationProfile.create(
      { userId: user.id, birthDate: birthDate ?? null, otherDate: otherDate ?? null, otherDateLabel: otherDateLabel ?? null, address: address ?? null, notes: notes ?? null },
      { transaction },
    );
    await grantDefaultStationAccess(ctx, transaction, user);
    await recordEvent(ctx, transaction, {
      type: 'network.changed',
      actorId: actorId(input.actor),
      audience: { all: true },
      payload: { what: 'stationPerson', userId: user.id },
    });
    return { user, profile };
  });
}

/** Corrects a station person's record (admins). */
export async function updateStationPerson(
  ctx: ServiceContext,
  input: { actor: Actor; userId: string; changes: ProfileChanges & StationFields },
): Promise<{ user: User; profile: StationProfile }> {
  authorize(canManageNetwork(input.actor), 'Only an admin can change a station person.');
  const { birthDate, otherDate, otherDateLabel, address, notes, ...person } = input.changes;
  return ctx.db.write(async (transaction) => {
    const user = await User.findOne({ where: { id: input.userId, role: 'station' }, transaction });
    if (!user) throw notFound('Station person');
    await assertUnique(person, user.id, transaction);
    await user.update(person, { transaction });
    const [profile] = await StationProfile.findOrCreate({ where: { userId: user.id }, transaction });
    const extra = Object.fromEntries(Object.entries({ birthDate, otherDate, otherDateLabel, address, notes }).filter(([, v]) => v !== undefined));
    await profile.update(extra, { transaction });
    await recordEvent(ctx, transaction, {
      type: 'network.changed',
      actorId: actorId(input.actor),
      audience: { all: true },
      payload: { what: 'stationPerson', userId: user.id },
    });
    return { user, profile };
  });
}

/** Every station person with their record. */
export async function listStationPeople(): Promise<Array<{ user: User; profile: StationProfile | null }>> {
  const users = await User.findAll({ where: { role: 'station' }, order: [['firstName', 'ASC']] });
  const profiles = await StationProfile.findAll({ where: { userId: users.map((u) => u.id) } });
  return users.map((user) => ({ user, profile: profiles.find((p) => p.userId === user.id) ?? null }));
}

/** Who may message and call one station person (admins). */
export async function listStationContacts(ctx: ServiceContext, input: { actor: Actor; stationUserId: string }): Promise<StationContact[]> {
  void ctx;
  authorize(canManageNetwork(input.actor), 'Only an admin can see who may reach the station.');
  if (!(await User.findOne({ where: { id: input.stationUserId, role: 'station' } }))) throw notFound('Station person');
  return StationContact.findAll({ where: { stationUserId: input.stationUserId } });
}

/** What an admin may change of one relative's access to one station person; absent fields stay. */
export interface StationContactChanges {
  mayMessage?: boolean;
  mayCall?: boolean;
  mayLookIn?: boolean;
  callHours?: ContactWindow[] | null;
  lookInHours?: ContactWindow[] | null;
  callAtNight?: boolean;
  lookInAtNight?: boolean;
}

/**
 * Sets whether one relative may message, call and look in on one station person, and when
 * (admins). Times are in the family's time zone.
 */
export async function setStationContact(
  ctx: ServiceContext,
  input: { actor: Actor; stationUserId: string; userId: string } & StationContactChanges,
): Promise<StationContact> {
  authorize(canManageNetwork(input.actor), 'Only an admin can decide who may reach the station.');
  return ctx.db.write(async (transaction) => {
    const station = await User.findOne({ where: { id: input.stationUserId, role: 'station' }, transaction });
    const relative = await User.findOne({ where: { id: input.userId, role: { [Op.ne]: 'station' } }, transaction });
    if (!station || !relative) throw notFound('Person');
    const defaults = { mayMessage: ctx.config.network.defaultMayMessage, mayCall: ctx.config.network.defaultMayCall };
    const [contact] = await StationContact.findOrCreate({ where: { stationUserId: station.id, userId: relative.id }, defaults: { stationUserId: station.id, userId: relative.id, ...defaults }, transaction });
    const { mayMessage, mayCall, mayLookIn, callHours, lookInHours, callAtNight, lookInAtNight } = input;
    const changes = Object.fromEntries(Object.entries({ mayMessage, mayCall, mayLookIn, callHours, lookInHours, callAtNight, lookInAtNight }).filter(([, v]) => v !== undefined));
    await contact.update(changes, { transaction });
    await recordEvent(ctx, transaction, {
      type: 'network.changed',
      actorId: actorId(input.actor),
      audience: { admins: true, users: [station.id, relative.id] },
      payload: { what: 'stationContact', stationUserId: station.id, userId: relative.id, mayMessage: contact.mayMessage, mayCall: contact.mayCall, mayLookIn: contact.mayLookIn },
    });
    return contact;
  });
}

/** Whether a relative may message a station person (no row: the config default). */
export async function mayReachStation(ctx: ServiceContext, userId: string, stationUserId: string, what: 'message' | 'call', transaction?: Transaction): Promise<boolean> {
  const contact = await StationContact.findOne({ where: { stationUserId, userId }, transaction });
  if (!contact) return what === 'message' ? ctx.config.network.defaultMayMessage : ctx.config.network.defaultMayCall;
  return what === 'message' ? contact.mayMessage : contact.mayCall;
}

async function groupWithMembers(group: Group, transaction?: Transaction): Promise<GroupWithMembers> {
  const [members, conversation] = await Promise.all([
    GroupMember.findAll({ where: { groupId: group.id }, attributes: ['userId'], transaction }),
    Conversation.findOne({ where: { groupId: group.id }, attributes: ['id'], transaction }),
  ]);
  return { group, memberIds: members.map((m) => m.userId), conversationId: conversation?.id ?? '' };
}

async function assertPeopleExist(userIds: readonly string[], transaction: Transaction): Promise<void> {
  const found = await User.count({ where: { id: [...new Set(userIds)] }, transaction });
  if (found !== new Set(userIds).size) throw new AppError(400, 'invalid_input', 'memberIds: names someone who is not in the family', { details: { issues: [{ field: 'memberIds', problem: 'names someone who is not in the family' }] } });
}

async function syncMembers(group: Group, userIds: readonly string[], transaction: Transaction): Promise<{ before: string[]; after: string[] }> {
  const before = (await GroupMember.findAll({ where: { groupId: group.id }, transaction })).map((m) => m.userId);
  const after = [...new Set(userIds)];
  const removed = before.filter((id) => !after.includes(id));
  const added = after.filter((id) => !before.includes(id));
  const conversation = await Conversation.findOne({ where: { groupId: group.id }, transaction, rejectOnEmpty: true });
  if (removed.length) {
    await GroupMember.destroy({ where: { groupId: group.id, userId: removed }, transaction });
    await Participant.destroy({ where: { conversationId: conversation.id, userId: removed }, transaction });
  }
  if (added.length) {
    await GroupMember.bulkCreate(added.map((userId) => ({ groupId: group.id, userId })), { transaction });
    // New members start with the history read: they get no pile of unread messages.
    const latest = (await Message.max<number | null, Message>('seq', { where: { conversationId: conversation.id }, transaction })) ?? 0;
    await Participant.bulkCreate(added.map((userId) => ({ conversationId: conversation.id, userId, lastReadSeq: latest })), { transaction });
  }
  return { before, after };
}

/** Creates a group with its conversation and members (admins). */
export async function createGroup(ctx: ServiceContext, input: { actor: Actor; name: string; memberIds: string[] }): Promise<GroupWithMembers> {
  authorize(canManageNetwork(input.actor), 'Only an admin can create groups.');
  return ctx.db.write(async (transaction) => {
    if (await Group.findOne({ where: { name: input.name }, transaction })) throw conflict('name: a group with this name already exists');
    await assertPeopleExist(input.memberIds, transaction);
    const group = await Group.create({ name: input.name }, { transaction });
    await Conversation.create({ kind: 'group', groupId: group.id, directKey: null, lastMessageAt: null }, { transaction });
    const { after } = await syncMembers(group, input.memberIds, transaction);
    await recordEvent(ctx, transaction, {
      type: 'network.changed',
      actorId: actorId(input.actor),
      audience: { admins: true, users: after },
      payload: { what: 'group', groupId: group.id },
    });
    return groupWithMembers(group, transaction);
  });
}

async function findGroup(groupId: string, transaction?: Transaction): Promise<Group> {
  const group = await Group.findByPk(groupId, { transaction });
  if (!group) throw notFound('Group');
  return group;
}

/** Renames a group (admins). */
export async function renameGroup(ctx: ServiceContext, input: { actor: Actor; groupId: string; name: string }): Promise<GroupWithMembers> {
  authorize(canManageNetwork(input.actor), 'Only an admin can rename groups.');
  return ctx.db.write(async (transaction) => {
    const group = await findGroup(input.groupId, transaction);
    if (await Group.findOne({ where: { name: input.name, id: { [Op.ne]: group.id } }, transaction })) throw conflict('name: a group with this name already exists');
    await group.update({ name: input.name }, { transaction });
    const result = await groupWithMembers(group, transaction);
    await recordEvent(ctx, transaction, {
      type: 'network.changed',
      actorId: actorId(input.actor),
      audience: { admins: true, users: result.memberIds },
      payload: { what: 'group', groupId: group.id },
    });
    return result;
  });
}

/** Deletes a group and its conversation (admins). */
export async function deleteGroup(ctx: ServiceContext, input: { actor: Actor; groupId: string }): Promise<void> {
  authorize(canManageNetwork(input.actor), 'Only an admin can delete groups.');
  await ctx.db.write(async (transaction) => {
    const group = await findGroup(input.groupId, transaction);
    const { memberIds } = await groupWithMembers(group, transaction);
    await Conversation.destroy({ where: { groupId: group.id }, transaction });
    await group.destroy({ transaction });
    await recordEvent(ctx, transaction, {
      type: 'network.changed',
      actorId: actorId(input.actor),
      audience: { admins: true, users: memberIds },
      payload: { what: 'groupDeleted', groupId: group.id },
    });
  });
}

/** Sets the members of a group; its conversation follows (admins). */
export async function setGroupMembers(ctx: ServiceContext, input: { actor: Actor; groupId: string; memberIds: string[] }): Promise<GroupWithMembers> {
  authorize(canManageNetwork(input.actor), 'Only an admin can change who is in a group.');
  return ctx.db.write(async (transaction) => {
    const group = await findGroup(input.groupId, transaction);
    await assertPeopleExist(input.memberIds, transaction);
    const { before, after } = await syncMembers(group, input.memberIds, transaction);
    await recordEvent(ctx, transaction, {
      type: 'network.changed',
      actorId: actorId(input.actor),
      audience: { admins: true, users: [...new Set([...before, ...after])] },
      payload: { what: 'group', groupId: group.id },
    });
    return groupWithMembers(group, transaction);
  });
}

/** The groups an actor may see: all of them for admins, their own for members. */
export async function listGroups(ctx: ServiceContext, input: { actor: Actor }): Promise<GroupWithMembers[]> {
  void ctx;
  const groups = await Group.findAll({ order: [['name', 'ASC']] });
  const all = await Promise.all(groups.map((group) => groupWithMembers(group)));
  return all.filter((g) => canSeeGroup(input.actor, g.memberIds));
}

/** One group, or 404 for someone who may not see it. */
export async function getGroup(ctx: ServiceContext, input: { actor: Actor; groupId: string }): Promise<GroupWithMembers> {
  void ctx;
  const result = await groupWithMembers(await findGroup(input.groupId));
  if (!canSeeGroup(input.actor, result.memberIds)) throw notFound('Group');
  return result;
}

/** Finds a group by id or name (the CLI accepts either). */
export async function findGroupByReference(reference: string): Promise<Group> {
  const group = await Group.findOne({ where: { [Op.or]: [{ name: reference }, ...(/^[0-9a-f-]{36}$/i.test(reference) ? [{ id: reference }] : [])] } });
  if (!group) throw notFound('Group');
  return group;
}
