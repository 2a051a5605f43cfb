import { Op, QueryTypes } from 'sequelize';
import { Call, CallMarker, CallParticipant, Group, User } from '../db/index.js';
import { notFound } from '../errors.js';
import { t, type Language } from '../i18n/index.js';
import { limits } from '../limits.js';
import { callCursorOf, type CallHistoryJson, type CallJson, type LoadedCall } from '../presenters/call.js';
import { isAdmin } from '../policies/user.js';
import { actorId, type Actor } from './actor.js';
import { callJson, loadCall } from './calls.js';
import type { ServiceContext } from './context.js';
import { recordEvent } from './events.js';
import { relativeDay } from './playback.js';

/** Which calls a history page holds: all of them, the missed ones, or those ringing or active now. */
export type HistoryFilter = 'all' | 'missed' | 'live';

/** One page of someone's calls, newest first. */
export interface CallHistoryPage {
  calls: CallHistoryJson[];
  /** Pass as `before` for the page after this one; null at the end. */
  nextBefore: string | null;
  /** Missed calls after the missed-calls-seen marker. */
  missedUnseen: number;
}

/** The history query (exported for checking its plan in tests): one walk over (userId, callCreatedAt, callId). */
export function historyQuery(withCursor: boolean, filter: HistoryFilter): string {
  const state = filter === 'missed' ? `AND p.state = 'missed'` : filter === 'live' ? `AND p.state IN ('ringing', 'joined')` : '';
  return `
  SELECT p.callId AS id, p.callCreatedAt AS createdAt, p.state AS state, p.role AS role
    FROM call_participants p
   WHERE p.userId = :me ${state}
     AND ${withCursor ? '(p.callCreatedAt, p.callId) < (:beforeAt, :beforeId)' : '1'}
   ORDER BY p.callCreatedAt DESC, p.callId DESC
   LIMIT :limit`;
}

async function missedSeenAt(userId: string): Promise<Date> {
  return (await CallMarker.findByPk(userId))?.missedSeenAt ?? new Date(0);
}

/** How many calls someone missed since they last looked. */
export async function countMissedUnseen(userId: string): Promise<number> {
  return CallParticipant.count({ where: { userId, state: 'missed', callCreatedAt: { [Op.gt]: await missedSeenAt(userId) } } });
}

/** Reads several calls at once with their people and groups. */
async function loadCalls(ids: string[]): Promise<Map<string, LoadedCall>> {
  if (ids.length === 0) return new Map();
  const [calls, participants] = await Promise.all([Call.findAll({ where: { id: ids } }), CallParticipant.findAll({ where: { callId: ids } })]);
  const peopleIds = new Set<string>(participants.map((p) => p.userId));
  for (const call of calls) for (const id of [call.callerId, call.answeredById]) if (id) peopleIds.add(id);
  const groupIds = [...new Set(calls.map((c) => c.groupId).filter((id): id is string => id !== null))];
  const [people, groups] = await Promise.all([User.findAll({ where: { id: [...peopleIds] } }), groupIds.length ? Group.findAll({ where: { id: groupIds } }) : []]);
  const byId = new Map(people.map((u) => [u.id, u]));
  return new Map(
    calls.map((call) => [
      call.id,
      { call, participants: participants.filter((p) => p.callId === call.id), people: byId, group: groups.find((g) => g.id === call.groupId) ?? null },
    ]),
  );
}

/**
 * Someone's calls, newest first, a page at a time: for a relative their own, for a station its
 * person's. Each says whether it was incoming or outgoing and whether it is a missed call not
 * seen yet. "Call back" is a new call to the other side (POST /api/v1/calls).
 */
export async function listCalls(ctx: ServiceContext, input: { actor: Actor; before?: { createdAt: string; id: string }; limit?: number; filter?: HistoryFilter }): Promise<CallHistoryPage> {
  const me = actorId(input.actor);
  if (!me) return { calls: [], nextBefore: null, missedUnseen: 0 };
  const limit = Math.min(input.limit ?? limits.pageSize, limits.pageSizeMax);
  const rows = await ctx.db.sequelize.query<{ id: string; createdAt: string; state: string; role: string }>(historyQuery(input.before !== undefined, input.filter ?? 'all'), {
    replacements: { me, beforeAt: input.before?.createdAt ?? '', beforeId: input.before?.id ?? '', limit: limit + 1 },
    type: QueryTypes.SELECT,
  });
  const page = rows.slice(0, limit);
  const [loaded, seenAt, missedUnseen] = await Promise.all([loadCalls(page.map((r) => r.id)), missedSeenAt(me), countMissedUnseen(me)]);
  const calls = page.flatMap((row): CallHistoryJson[] => {
    const found = loaded.get(row.id);
    const mine = found?.participants.find((p) => p.userId === me);
    if (!found || !mine) return [];
    const missed = mine.state === 'missed';
    return [
      {
        call: callJson(ctx, found),
        direction: mine.role === 'caller' ? 'outgoing' : 'incoming',
        myState: mine.state,
        missed,
        unseen: missed && found.call.createdAt.getTime() > seenAt.getTime(),
        cursor: callCursorOf({ createdAt: row.createdAt, id: row.id }),
      },
    ];
  });
  const last = rows.length > limit ? page.at(-1) : undefined;
  return { calls, nextBefore: last ? callCursorOf({ createdAt: last.createdAt, id: last.id }) : null, missedUnseen };
}

/** One call of the actor's; 404 for a call they are not in, as for one that does not exist. */
export async function getCall(ctx: ServiceContext, input: { actor: Actor; callId: string }): Promise<CallJson> {
  const loaded = await loadCall(input.callId);
  if (!loaded || !loaded.participants.some((p) => p.userId === actorId(input.actor))) throw notFound('Call');
  return callJson(ctx, loaded);
}

/** The missed calls so far have been seen (the station's tile goes, the app's badge clears). */
export async function markMissedSeen(ctx: ServiceContext, input: { actor: Actor; now?: Date }): Promise<void> {
  const me = actorId(input.actor);
  if (!me) return;
  const now = input.now ?? new Date();
  await ctx.db.write(async (transaction) => {
    await CallMarker.upsert({ userId: me, missedSeenAt: now }, { transaction });
    // Every open app and screen of the person drops the missed-call badge at once.
    await recordEvent(ctx, transaction, { type: 'call.missedSeen', actorId: me, audience: { users: [me] }, payload: { userId: me, at: now.toISOString() } });
  });
}

/** One auto-answered call in the look-in log. */
export interface LookInEntry {
  callId: string;
  /** Null once the station person has left the family. */
  stationUserId: string | null;
  /** Who looked in; null once they left the family. */
  userId: string | null;
  name: string;
  startedAt: string;
  endedAt: string | null;
  /** Whole minutes, rounded up; null while it goes on. */
  minutes: number | null;
  /** "Anna looked in, 10 minutes, Tuesday 14:02", in the reader's language and the family's time zone. */
  text: string;
}

function durationText(language: Language, ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  if (ms < 60_000) return t(language, 'call.duration.underMinute');
  return minutes === 1 ? t(language, 'call.duration.minute') : t(language, 'call.duration.minutes', { count: minutes });
}

/** When a look-in started, as people say it: "Tuesday 14:02", "today 09:15". */
function whenText(language: Language, at: Date, now: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${relativeDay(language, at, now, timeZone)} ${time}`;
}

/**
 * The log of look-ins (calls a station answered on its own), newest first: admins see every
 * station's, a station its own, and a relative the look-ins they made. Each line is written in
 * the reader's language.
 */
export async function lookInLog(ctx: ServiceContext, input: { actor: Actor; language: Language; stationUserId?: string; limit?: number; now?: Date }): Promise<LookInEntry[]> {
  const me = actorId(input.actor);
  if (!me) return [];
  const now = input.now ?? new Date();
  const where = isAdmin(input.actor)
    ? input.stationUserId
      ? { answeredById: input.stationUserId }
      : {}
    : input.actor.kind === 'user' && input.actor.user.role === 'station'
      ? { answeredById: me }
      : { callerId: me };
  const calls = await Call.findAll({ where: { autoAnswered: true, ...where }, order: [['createdAt', 'DESC']], limit: Math.min(input.limit ?? limits.pageSize, limits.pageSizeMax) });
  const peopleIds = [...new Set(calls.map((c) => c.callerId).filter((id): id is string => id !== null))];
  const people = new Map((await User.findAll({ where: { id: peopleIds }, attributes: ['id', 'firstName'] })).map((u) => [u.id, u.firstName]));
  const timeZone = ctx.config.family.timeZone;
  return calls.map((call) => {
    const name = (call.callerId && people.get(call.callerId)) || t(input.language, 'call.someone');
    const startedAt = call.answeredAt ?? call.createdAt;
    const when = whenText(input.language, startedAt, now, timeZone);
    const ended = call.endedAt;
    return {
      callId: call.id,
      stationUserId: call.answeredById,
      userId: call.callerId,
      name,
      startedAt: startedAt.toISOString(),
      endedAt: ended ? ended.toISOString() : null,
      minutes: ended ? Math.ceil((ended.getTime() - startedAt.getTime()) / 60_000) : null,
      text: ended
        ? t(input.language, 'call.lookIn.log', { name, duration: durationText(input.language, ended.getTime() - startedAt.getTime()), when })
        : t(input.language, 'call.lookIn.ongoing', { name, when }),
    };
  });
}
