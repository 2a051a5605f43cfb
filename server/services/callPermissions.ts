import { StationContact, type Transaction, type User } from '../db/index.js';
import { AppError } from '../errors.js';
import { callRefusal, isNight, type CallRules } from './callHours.js';
import type { ServiceContext } from './context.js';
import { settingsOf } from './stationSettings.js';

/** The call rules between a station person and a relative; without a row, the config's defaults. */
export async function callRulesOf(ctx: ServiceContext, stationUserId: string, userId: string, transaction?: Transaction): Promise<CallRules> {
  const contact = await StationContact.findOne({ where: { stationUserId, userId }, transaction });
  if (!contact) {
    return { mayCall: ctx.config.network.defaultMayCall, mayLookIn: false, callHours: null, lookInHours: null, callAtNight: false, lookInAtNight: false };
  }
  return {
    mayCall: contact.mayCall,
    mayLookIn: contact.mayLookIn,
    callHours: contact.callHours ?? null,
    lookInHours: contact.lookInHours ?? null,
    callAtNight: contact.callAtNight,
    lookInAtNight: contact.lookInAtNight,
  };
}

/** Whether a station person's screen is in night mode now, by the settings an admin gave it. */
export async function stationNightNow(ctx: ServiceContext, station: Pick<User, 'id' | 'language'>, now: Date): Promise<boolean> {
  const { nightMode } = await settingsOf(ctx, station);
  return isNight(nightMode, now, ctx.config.family.timeZone);
}

function refusalError(refusal: 'notAllowed' | 'notNow' | 'lookInNotAllowed', name: string): AppError {
  switch (refusal) {
    case 'notAllowed':
      return new AppError(403, 'call_not_allowed', `You cannot call ${name} from your account.`, { params: { name } });
    case 'notNow':
      return new AppError(403, 'call_not_now', `${name} does not take calls at this time.`, { params: { name } });
    case 'lookInNotAllowed':
      return new AppError(403, 'look_in_not_allowed', `You cannot look in on ${name} now.`, { params: { name } });
  }
}

/**
 * Checks that a relative may call a station person now, or look in: the admin's rules for that
 * contact, the time windows in the family's time zone, and the screen's night mode. Throws a
 * 403 that says which, in the caller's words.
 */
export async function assertMayCallStation(ctx: ServiceContext, input: { station: User; caller: User; lookIn: boolean; now: Date }): Promise<void> {
  const rules = await callRulesOf(ctx, input.station.id, input.caller.id);
  // Night mode only matters when a rule depends on it.
  const night = rules.mayCall && (!rules.callAtNight || (input.lookIn && !rules.lookInAtNight)) ? await stationNightNow(ctx, input.station, input.now) : false;
  const refusal = callRefusal(rules, { lookIn: input.lookIn, now: input.now, timeZone: ctx.config.family.timeZone, night });
  if (refusal) throw refusalError(refusal, input.station.firstName);
}

/** Whether a station may ring a relative: the relative is one of its contacts who may call it. */
export async function stationMayCall(ctx: ServiceContext, input: { station: User; callee: User }): Promise<boolean> {
  return (await callRulesOf(ctx, input.station.id, input.callee.id)).mayCall;
}

/** Throws call_not_allowed naming the person. */
export function callNotAllowed(name: string): AppError {
  return refusalError('notAllowed', name);
}

/** Whether the actor may call someone now, and look in on them: what a call button shows. */
export interface CallOptions {
  userId: string;
  call: boolean;
  lookIn: boolean;
  /** Why calling is not possible now, when it is not: not allowed at all, or not at this time. */
  refusal: 'notAllowed' | 'notNow' | null;
  /** The person (or their station's screen) has the app open now. */
  online: boolean;
}

/** What the actor may do to reach someone by call now, by the same rules that starting a call checks. */
export async function callOptionsFor(ctx: ServiceContext, input: { me: User; callee: User; now: Date }): Promise<CallOptions> {
  const { me, callee } = input;
  const base = { userId: callee.id, online: ctx.calls.online(callee.id) };
  if (me.id === callee.id) return { ...base, call: false, lookIn: false, refusal: 'notAllowed' };
  if (me.role === 'station') {
    const allowed = callee.role !== 'station' && (await stationMayCall(ctx, { station: me, callee }));
    return { ...base, call: allowed, lookIn: false, refusal: allowed ? null : 'notAllowed' };
  }
  if (callee.role !== 'station') return { ...base, call: true, lookIn: false, refusal: null };
  const rules = await callRulesOf(ctx, callee.id, me.id);
  const night = rules.mayCall ? await stationNightNow(ctx, callee, input.now) : false;
  const check = (lookIn: boolean) => callRefusal(rules, { lookIn, now: input.now, timeZone: ctx.config.family.timeZone, night });
  const refusal = check(false);
  return { ...base, call: refusal === null, lookIn: refusal === null && check(true) === null, refusal: refusal === 'lookInNotAllowed' ? null : refusal };
}
