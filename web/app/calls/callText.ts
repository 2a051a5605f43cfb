/** The words for calls: who a call is with, why it ended, and a line for the history. */
import type { CallEnd } from '../../common/calls/controller.js';
import { participantOf, type CallHistoryJson, type CallJson, type CallPersonJson } from '../../common/calls/types.js';
import type { I18n } from '../../common/i18n.js';

/** The person a call is with, from this person's side: the caller, or the first other. */
export function otherPerson(call: CallJson, me: string): CallPersonJson | null {
  if (call.caller && call.caller.id !== me) return call.caller;
  if (call.answeredBy && call.answeredBy.id !== me) return call.answeredBy;
  return call.participants.find((p) => p.user.id !== me)?.user ?? null;
}

/** What a call is called on screen: the group's name, or the other person's. */
export function callName(call: CallJson, me: string, i18n: I18n): string {
  if (call.kind === 'group' && call.group) return call.group.name;
  return otherPerson(call, me)?.displayName ?? i18n.t('calls.someone');
}

/** "under a minute", "1 minute", "12 minutes". */
export function durationText(ms: number, i18n: I18n): string {
  if (ms < 60_000) return i18n.t('calls.duration.underMinute');
  const minutes = Math.round(ms / 60_000);
  return minutes === 1 ? i18n.t('calls.duration.minute') : i18n.t('calls.duration.minutes', { count: minutes });
}

/** How long an answered call lasted, or null. */
export function callLength(call: CallJson): number | null {
  if (!call.answeredAt || !call.endedAt) return null;
  return Date.parse(call.endedAt) - Date.parse(call.answeredAt);
}

/** "1:05", "12:40", "1:02:03": the running time of a call. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Why a call ended, as a sentence. */
export function endSentence(end: CallEnd, call: CallJson | null, me: string, i18n: I18n): string {
  const name = call ? callName(call, me, i18n) : i18n.t('calls.someone');
  switch (end) {
    case 'hungUp':
      return i18n.t('calls.end.hungUp');
    case 'theyHungUp':
      return i18n.t('calls.end.theyHungUp', { name });
    case 'noAnswer':
      return i18n.t('calls.end.noAnswer', { name });
    case 'declined':
      return i18n.t('calls.end.declined', { name });
    case 'cancelled':
      return i18n.t('calls.end.cancelled', { name });
    case 'missed':
      return i18n.t('calls.end.missed', { name });
    case 'declinedHere':
      return i18n.t('calls.end.declinedHere');
    case 'answeredElsewhere':
      return i18n.t('calls.end.answeredElsewhere', { name: call?.answeredBy?.displayName ?? i18n.t('calls.someone') });
    case 'answeredOnOtherDevice':
      return i18n.t('calls.end.answeredOnOtherDevice');
    case 'lost':
      return i18n.t('calls.end.lost', { name });
    case 'failed':
      return i18n.t('calls.end.failed');
  }
}

/** The line under a call in the history: missed, incoming for 5 minutes, not answered… */
export function historyLine(entry: CallHistoryJson, me: string, i18n: I18n): string {
  const { call } = entry;
  if (call.state === 'ringing' || call.state === 'active') return i18n.t('calls.history.live');
  if (entry.missed) return i18n.t('calls.history.missed');
  const length = callLength(call);
  if (entry.myState === 'answeredElsewhere') return i18n.t('calls.history.answeredElsewhere', { name: call.answeredBy?.displayName ?? i18n.t('calls.someone') });
  if (entry.myState === 'declined') return i18n.t('calls.history.declinedHere');
  if (call.state === 'failed') return i18n.t('calls.history.failed');
  if (length !== null && participantOf(call, me)?.joinedAt) {
    const duration = durationText(length, i18n);
    return i18n.t(entry.direction === 'incoming' ? 'calls.history.incoming' : 'calls.history.outgoing', { duration });
  }
  if (call.state === 'declined') return i18n.t('calls.history.declined');
  return i18n.t('calls.history.notAnswered');
}
