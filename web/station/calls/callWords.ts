/** Who a call on the station is with, and why it ended, in the station's words. */
import type { CallEnd } from '../../common/calls/controller.js';
import type { CallJson, CallPersonJson } from '../../common/calls/types.js';
import type { I18n } from '../../common/i18n.js';

/**
 * The person the station person talks with: whoever answered the station's call (the first of
 * the family, when it rang everyone), else the caller, else the one it rings.
 */
export function otherOf(call: CallJson | null, me: string): CallPersonJson | null {
  if (!call) return null;
  if (call.answeredBy && call.answeredBy.id !== me) return call.answeredBy;
  if (call.caller && call.caller.id !== me) return call.caller;
  return call.participants.find((p) => p.user.id !== me)?.user ?? null;
}

/**
 * Why a call the station took part in ended, as one calm sentence; null where nothing needs
 * saying (it was taken on another screen, or the person said Not now themselves).
 */
export function endSentence(end: CallEnd | null, call: CallJson | null, me: string, i18n: I18n): string | null {
  const name = otherOf(call, me)?.displayName ?? i18n.t('station.call.someone');
  const family = call?.kind === 'family' && !call.answeredBy;
  switch (end) {
    case 'hungUp':
      // Stopping a call nobody answered yet needs no words: home is the answer.
      return call?.answeredAt ? i18n.t('station.call.ended', { name }) : null;
    case 'theyHungUp':
      return i18n.t('station.call.theyHungUp', { name });
    case 'noAnswer':
      return family ? i18n.t('station.call.noAnswerFamily') : i18n.t('station.call.noAnswer', { name });
    case 'declined':
      return family ? i18n.t('station.call.noAnswerFamily') : i18n.t('station.call.declined', { name });
    case 'lost':
      return i18n.t('station.call.lost', { name });
    case 'failed':
      return i18n.t('station.call.failed');
    default:
      return null;
  }
}
