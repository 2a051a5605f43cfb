import type { I18n, MessageKey } from '../../common/i18n.js';

const week = 7 * 24 * 60 * 60 * 1000;

/** "3 minutes ago" within a week, else "25 November 2026": a date reads better than "40 days ago". */
export function whenText(i18n: I18n, iso: string, now = new Date()): string {
  const date = new Date(iso);
  return now.getTime() - date.getTime() < week ? i18n.formatRelative(date, now) : i18n.formatDate(date);
}

/** "Shared by Anna, 3 minutes ago" / "Shared by you, yesterday". */
export function sharedText(i18n: I18n, item: { sharedBy: { id: string; name: string } | null; sharedAt: string }, meId: string | undefined): string {
  const when = whenText(i18n, item.sharedAt);
  if (!item.sharedBy) return i18n.t('photos.sharedAt', { when });
  if (item.sharedBy.id === meId) return i18n.t('photos.sharedByYou', { when });
  return i18n.t('photos.sharedBy', { name: item.sharedBy.name, when });
}

/** The word for a photo or a video. */
export function kindWord(i18n: I18n, kind: 'photo' | 'video'): string {
  const key: MessageKey = kind === 'video' ? 'photos.video' : 'photos.photo';
  return i18n.t(key);
}
