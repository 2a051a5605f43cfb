import { Op } from 'sequelize';
import { Call, CallParticipant, Group, GroupMember, User, type Transaction } from '../db/index.js';
import type { CallEngine, CallKind, ParticipantState } from '../db/models/Call.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../errors.js';
import { presentCall, type CallJson, type LoadedCall } from '../presenters/call.js';
import { actorId, type Actor } from './actor.js';
import { assertMayCallStation, callNotAllowed, callOptionsFor, stationMayCall, type CallOptions } from './callPermissions.js';
import { endReasonOf, isFinalCallState, nextCallState, type CallAction } from './callState.js';
import type { ServiceContext } from './context.js';
import { recordEvent } from './events.js';

/** Who a call goes to: one person, a whole group, or (from a station) every available relative. */
export type CallTarget = { userId: string } | { groupId: string } | { family: true };

/** The engine calls use on this instance: the family's Jitsi when configured, else the built-in one. */
export function engineOf(ctx: ServiceContext): CallEngine {
  return ctx.config.jitsi.domain ? 'jitsi' : 'builtin';
}

/** Presents a call the way every event and answer carries it. */
export function callJson(ctx: ServiceContext, loaded: LoadedCall): CallJson {
  return presentCall(loaded, ctx.config.calls.ringSeconds * 1000);
}

/** Reads a call with its participants, their people and its group. */
export async function loadCall(callId: string, transaction?: Transaction): Promise<LoadedCall | null> {
  const call = await Call.findByPk(callId, { transaction });
  if (!call) return null;
  const participants = await CallParticipant.findAll({ where: { callId }, transaction });
  const ids = new Set<string>(participants.map((p) => p.userId));
  if (call.callerId) ids.add(call.callerId);
  if (call.answeredById) ids.add(call.answeredById);
  const [users, group] = await Promise.all([
    User.findAll({ where: { id: [...ids] }, transaction }),
    call.groupId ? Group.findByPk(call.groupId, { transaction }) : null,
  ]);
  return { call, participants, people: new Map(users.map((u) => [u.id, u])), group };
}

function personOf(actor: Actor): User {
  if (actor.kind !== 'user') throw forbidden('Only a person or a Home Station makes calls.');
  return actor.user;
}

/** The call and the actor's place in it; 404 for someone who is not in it, as for one that does not exist. */
async function loadOwnCall(actor: Actor, callId: string, transaction: Transaction): Promise<{ loaded: LoadedCall; mine: CallParticipant }> {
  const me = actorId(actor);
  const loaded = await loadCall(callId, transaction);
  const mine = loaded?.participants.find((p) => p.userId === me);
  if (!loaded || !mine) throw notFound('Call');
  return { loaded, mine };
}

/** Everyone in a call, caller included: who hears of every change. */
const everyone = (loaded: LoadedCall) => loaded.participants.map((p) => p.userId);

async function announce(ctx: ServiceContext, transaction: Transaction, type: string, loaded: LoadedCall, users: string[], actor: string | null, extra: Record<string, unknown> = {}): Promise<void> {
  if (users.length === 0) return;
  await recordEvent(ctx, transaction, { type, actorId: actor, audience: { users: [...new Set(users)] }, payload: { call: callJson(ctx, loaded), ...extra } });
}

async function setState(participant: CallParticipant, state: ParticipantState, now: Date, transaction: Transaction): Promise<void> {
  const changes: Partial<Pick<CallParticipant, 'state' | 'joinedAt' | 'leftAt'>> = { state };
  if (state === 'joined') changes.joinedAt = participant.joinedAt ?? now;
  if (state === 'left') changes.leftAt = now;
  await participant.update(changes, { transaction, hooks: false });
}

/**
 * Ends a call with an action the state machine allows from its state: whoever is still in it has
 * left, whoever still rings has missed it, and everyone hears call.ended.
 */
async function finish(ctx: ServiceContext, transaction: Transaction, loaded: LoadedCall, action: CallAction, actor: string | null, now: Date): Promise<void> {
  const state = nextCallState(loaded.call.state, action);
  if (!state) return;
  for (const participant of loaded.participants) {
    if (participant.state === 'joined') await setState(participant, 'left', now, transaction);
    else if (participant.state === 'ringing') await setState(participant, 'missed', now, transaction);
  }
  await loaded.call.update({ state, endReason: endReasonOf(action), endedAt: now }, { transaction, hooks: false });
  await announce(ctx, transaction, 'call.ended', loaded, everyone(loaded), actor);
}

/** The people a station rings when its person taps "ring the family": every relative who may call it and is online now. */
async function availableRelatives(ctx: ServiceContext, station: User): Promise<User[]> {
  const relatives = await User.findAll({ where: { role: { [Op.ne]: 'station' } } });
  const online = relatives.filter((relative) => ctx.calls.online(relative.id));
  const allowed = await Promise.all(online.map((relative) => stationMayCall(ctx, { station, callee: relative })));
  return online.filter((_, index) => allowed[index]);
}

interface Plan {
  kind: CallKind;
  callees: User[];
  group: Group | null;
}

/** Works out who a call rings, checking every rule on the way (who may call whom, when, and how). */
async function planCall(ctx: ServiceContext, me: User, target: CallTarget, lookIn: boolean, now: Date): Promise<Plan> {
  if (lookIn && !('userId' in target)) throw invalidField('lookIn', 'is only for calling one station person');
  if ('family' in target) {
    if (me.role !== 'station') throw forbidden('Only a Home Station rings the whole family.');
    const callees = await availableRelatives(ctx, me);
    if (callees.length === 0) throw new AppError(409, 'nobody_available', 'Nobody in the family is online right now.');
    return { kind: 'family', callees, group: null };
  }
  if ('groupId' in target) {
    const group = await Group.findByPk(target.groupId);
    const members = group ? (await GroupMember.findAll({ where: { groupId: group.id }, attributes: ['userId'] })).map((m) => m.userId) : [];
    if (!group || !members.includes(me.id)) throw notFound('Group');
    if (engineOf(ctx) !== 'jitsi') throw new AppError(409, 'needs_jitsi', 'Group calls need the family’s own Jitsi server.');
    const others = await User.findAll({ where: { id: members.filter((id) => id !== me.id) } });
    // Station people of the group ring only where their rules allow it now; the others are left out.
    const allowed = await Promise.all(
      others.map(async (other) => {
        if (other.role !== 'station') return me.role !== 'station' || (await stationMayCall(ctx, { station: me, callee: other }));
        if (me.role === 'station') return false;
        return assertMayCallStation(ctx, { station: other, caller: me, lookIn: false, now }).then(
          () => true,
          (refused: unknown) => {
            if (refused instanceof AppError && refused.status === 403) return false;
            throw refused;
          },
        );
      }),
    );
    const callees = others.filter((_, index) => allowed[index]);
    if (callees.length === 0) throw new AppError(409, 'nobody_available', 'Nobody in this group can be called now.');
    return { kind: 'group', callees, group };
  }
  const callee = await User.findByPk(target.userId);
  if (!callee) throw notFound('Person');
  if (callee.id === me.id) throw invalidField('userId', 'is yourself');
  if (lookIn && callee.role !== 'station') throw invalidField('lookIn', 'is only for calling a station person');
  if (me.role === 'station') {
    if (callee.role === 'station' || !(await stationMayCall(ctx, { station: me, callee }))) throw callNotAllowed(callee.firstName);
  } else if (callee.role === 'station') {
    await assertMayCallStation(ctx, { station: callee, caller: me, lookIn, now });
  }
  return { kind: 'direct', callees: [callee], group: null };
}

/**
 * Starts a call: checks who may be rung now, stores the call with a room on the engine in use,
 * and rings. Every device of the people called (a station person's screens included) and the
 * caller's own receive call.ringing. A look-in is a call the station answers on its own after a
 * countdown, allowed only where the admin allowed it for this relative at this time.
 */
export async function startCall(ctx: ServiceContext, input: { actor: Actor; target: CallTarget; lookIn?: boolean; now?: Date }): Promise<CallJson> {
  const me = personOf(input.actor);
  const now = input.now ?? new Date();
  const lookIn = input.lookIn ?? false;
  ctx.limiter.hit([['callStartAccount', me.id]]);
  const plan = await planCall(ctx, me, input.target, lookIn, now);
  const engine = engineOf(ctx);
  const room = ctx.callBridge.newRoomName();
  return ctx.db.write(async (transaction) => {
    const call = await Call.create(
      { kind: plan.kind, callerId: me.id, groupId: plan.group?.id ?? null, engine, room, state: 'ringing', lookIn, autoAnswered: false, answeredById: null, endReason: null, answeredAt: null, endedAt: null, createdAt: now },
      { transaction, hooks: false, validate: false },
    );
    const participants = await CallParticipant.bulkCreate(
      [
        { callId: call.id, userId: me.id, role: 'caller' as const, state: 'joined' as const, callCreatedAt: call.createdAt, joinedAt: now, leftAt: null },
        ...plan.callees.map((callee) => ({ callId: call.id, userId: callee.id, role: 'callee' as const, state: 'ringing' as const, callCreatedAt: call.createdAt, joinedAt: null, leftAt: null })),
      ],
      { transaction, hooks: false, validate: false },
    );
    const loaded: LoadedCall = { call, participants, people: new Map([me, ...plan.callees].map((u) => [u.id, u])), group: plan.group };
    await announce(ctx, transaction, 'call.ringing', loaded, everyone(loaded), me.id);
    return callJson(ctx, loaded);
  });
}

/**
 * Answers a call. The first callee to answer a ringing call makes it active; when the whole
 * family was rung, the others hear call.answeredElsewhere with who answered. In a group call the
 * others may still join while it is active. `auto`: a station answering a look-in after its
 * countdown (logged for the admin and the station).
 */
export async function answerCall(ctx: ServiceContext, input: { actor: Actor; callId: string; auto?: boolean; now?: Date }): Promise<CallJson> {
  const me = personOf(input.actor);
  const now = input.now ?? new Date();
  return ctx.db.write(async (transaction) => {
    const { loaded, mine } = await loadOwnCall(input.actor, input.callId, transaction);
    const { call } = loaded;
    if (isFinalCallState(call.state)) throw callOver();
    if (mine.role === 'caller') throw conflict('You cannot answer your own call.');
    if (mine.state === 'joined') return callJson(ctx, loaded);
    if (mine.state === 'answeredElsewhere') throw callTaken(loaded);
    const rejoining = mine.state === 'left' && call.kind === 'group';
    if (mine.state !== 'ringing' && !rejoining) throw callOver();
    if (input.auto && !(call.lookIn && me.role === 'station')) throw invalidField('auto', 'is only for a station answering a look-in');

    if (call.state === 'active') {
      if (call.kind !== 'group') throw callTaken(loaded);
      await setState(mine, 'joined', now, transaction);
      await announce(ctx, transaction, 'call.updated', loaded, everyone(loaded), me.id);
      return callJson(ctx, loaded);
    }

    const state = nextCallState(call.state, 'answer');
    if (!state) throw callOver();
    await setState(mine, 'joined', now, transaction);
    await call.update({ state, answeredAt: now, answeredById: me.id, autoAnswered: input.auto === true }, { transaction, hooks: false });
    const elsewhere = call.kind === 'family' ? loaded.participants.filter((p) => p.state === 'ringing') : [];
    for (const other of elsewhere) await setState(other, 'answeredElsewhere', now, transaction);
    const told = call.kind === 'group' ? everyone(loaded) : loaded.participants.filter((p) => p.state === 'joined').map((p) => p.userId);
    await announce(ctx, transaction, 'call.answered', loaded, told, me.id);
    await announce(ctx, transaction, 'call.answeredElsewhere', loaded, elsewhere.map((p) => p.userId), me.id);
    if (call.autoAnswered) {
      await recordEvent(ctx, transaction, {
        type: 'call.lookedIn',
        actorId: me.id,
        audience: { admins: true, users: [me.id] },
        payload: { callId: call.id, stationUserId: me.id, userId: call.callerId, at: now.toISOString() },
      });
    }
    return callJson(ctx, loaded);
  });
}

/**
 * "Not now": a callee declines. A call that rang only them (or everyone it rang declined) ends
 * as declined; otherwise the caller sees who declined and the others keep ringing.
 */
export async function declineCall(ctx: ServiceContext, input: { actor: Actor; callId: string; now?: Date }): Promise<CallJson> {
  const now = input.now ?? new Date();
  return ctx.db.write(async (transaction) => {
    const { loaded, mine } = await loadOwnCall(input.actor, input.callId, transaction);
    await decline(ctx, transaction, loaded, mine, now);
    return callJson(ctx, loaded);
  });
}

async function decline(ctx: ServiceContext, transaction: Transaction, loaded: LoadedCall, mine: CallParticipant, now: Date): Promise<void> {
  if (isFinalCallState(loaded.call.state) || mine.state === 'declined') return;
  if (mine.role === 'caller' || mine.state !== 'ringing') throw conflict('Only a call that is ringing for you can be declined.');
  await setState(mine, 'declined', now, transaction);
  const stillHopeful = loaded.participants.some((p) => p.role === 'callee' && (p.state === 'ringing' || p.state === 'joined'));
  if (loaded.call.state === 'ringing' && !stillHopeful) await finish(ctx, transaction, loaded, 'declineAll', mine.userId, now);
  else await announce(ctx, transaction, 'call.updated', loaded, everyone(loaded), mine.userId);
}

/**
 * Hangs up: a caller before anyone answered cancels (a missed call for the people called); a
 * callee whose phone still rings declines; in an active call the person leaves, and the call
 * ends once fewer than two people are left in it. `failed`: the call could not be set up or
 * broke down on this side, which ends it as failed. Hanging up an ended call changes nothing.
 */
export async function hangUpCall(ctx: ServiceContext, input: { actor: Actor; callId: string; failed?: boolean; now?: Date }): Promise<CallJson> {
  const now = input.now ?? new Date();
  return ctx.db.write(async (transaction) => {
    const { loaded, mine } = await loadOwnCall(input.actor, input.callId, transaction);
    const { call } = loaded;
    if (isFinalCallState(call.state)) return callJson(ctx, loaded);
    if (input.failed) {
      await finish(ctx, transaction, loaded, 'fail', mine.userId, now);
    } else if (mine.role === 'callee' && mine.state === 'ringing') {
      await decline(ctx, transaction, loaded, mine, now);
    } else if (call.state === 'ringing' && mine.role === 'caller') {
      await finish(ctx, transaction, loaded, 'cancel', mine.userId, now);
    } else if (mine.state === 'joined') {
      await leave(ctx, transaction, loaded, [mine], 'hangup', mine.userId, now);
    }
    return callJson(ctx, loaded);
  });
}

/** People leave an active call; with fewer than two left in it, it ends with `action`. */
async function leave(ctx: ServiceContext, transaction: Transaction, loaded: LoadedCall, leaving: CallParticipant[], action: 'hangup' | 'lose', actor: string | null, now: Date): Promise<void> {
  for (const participant of leaving) await setState(participant, 'left', now, transaction);
  // Someone alone in a call is not in a call: it ends, and whoever still rings has missed it.
  if (loaded.participants.filter((p) => p.state === 'joined').length >= 2) {
    await announce(ctx, transaction, 'call.updated', loaded, everyone(loaded), actor);
    return;
  }
  await finish(ctx, transaction, loaded, action, actor, now);
}

/**
 * The ringing time is over (the runtime's timer): a call nobody answered is missed; in an active
 * group call, whoever still rings has missed it.
 */
export async function ringTimedOut(ctx: ServiceContext, callId: string, now = new Date()): Promise<void> {
  await ctx.db.write(async (transaction) => {
    const loaded = await loadCall(callId, transaction);
    if (!loaded || isFinalCallState(loaded.call.state)) return;
    if (loaded.call.state === 'ringing') {
      await finish(ctx, transaction, loaded, 'timeout', null, now);
      return;
    }
    const ringing = loaded.participants.filter((p) => p.state === 'ringing');
    if (ringing.length === 0) return;
    for (const participant of ringing) await setState(participant, 'missed', now, transaction);
    await announce(ctx, transaction, 'call.updated', loaded, everyone(loaded), null);
  });
}

/**
 * People in a call stopped reporting (the runtime's silence check): they have left. A caller
 * gone while it rings makes it a missed call; an active call with fewer than two left ends.
 */
export async function dropParticipants(ctx: ServiceContext, callId: string, userIds: string[], now = new Date()): Promise<void> {
  await ctx.db.write(async (transaction) => {
    const loaded = await loadCall(callId, transaction);
    if (!loaded || isFinalCallState(loaded.call.state)) return;
    const gone = loaded.participants.filter((p) => userIds.includes(p.userId) && p.state === 'joined');
    if (gone.length === 0) return;
    if (loaded.call.state === 'ringing') {
      if (gone.some((p) => p.role === 'caller')) await finish(ctx, transaction, loaded, 'lose', null, now);
      return;
    }
    await leave(ctx, transaction, loaded, gone, 'lose', null, now);
  });
}

function callOver(): AppError {
  return new AppError(409, 'call_over', 'This call has already ended.');
}

function callTaken(loaded: LoadedCall): AppError {
  const name = loaded.call.answeredById ? (loaded.people.get(loaded.call.answeredById)?.firstName ?? '') : '';
  return new AppError(409, 'call_taken', `${name} already answered this call.`, { params: { name } });
}

/** Whether the actor may call one person now, and look in on them (a station person). */
export async function callOptions(ctx: ServiceContext, input: { actor: Actor; userId: string; now?: Date }): Promise<CallOptions> {
  const me = personOf(input.actor);
  const callee = await User.findByPk(input.userId);
  if (!callee) throw notFound('Person');
  return callOptionsFor(ctx, { me, callee, now: input.now ?? new Date() });
}
