import type { I18n } from '../../common/i18n.js';
import { whenText } from '../photos/when.js';
import type { StationJson } from './api.js';

/** How a screen is doing, as a word for its dot and a sentence beside it. */
export interface ScreenStatus {
  kind: 'online' | 'waiting' | 'seen' | 'never';
  text: string;
}

/** "Connected now", "Last seen 5 minutes ago", "Waiting to connect: switch the screen on". */
export function screenStatus(station: Pick<StationJson, 'online' | 'waiting' | 'lastSeenAt'>, i18n: I18n, now = new Date()): ScreenStatus {
  if (station.waiting) return { kind: 'waiting', text: i18n.t('stations.waiting') };
  if (station.online) return { kind: 'online', text: i18n.t('stations.online') };
  if (station.lastSeenAt) return { kind: 'seen', text: i18n.t('stations.lastSeen', { when: whenText(i18n, station.lastSeenAt, now) }) };
  return { kind: 'never', text: i18n.t('stations.neverSeen') };
}

/** "Pieter" / "Pieter or Anna" / "Pieter, Anna or Bram", in the reader's language. */
export function namesOr(names: string[], i18n: Pick<I18n, 'language'>): string {
  return new Intl.ListFormat(i18n.language === 'nl' ? 'nl-NL' : 'en-GB', { type: 'disjunction' }).format(names);
}
