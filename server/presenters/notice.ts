import { t, type Language } from '../i18n/index.js';
import type { NoticeForViewer } from '../services/notices.js';
import { systemNoticeKeys } from '../services/notices.js';

/** A notice in the message center, in the reader's language. */
export interface NoticeJson {
  id: string;
  kind: 'admin' | 'system';
  groupId: string | null;
  author: { id: string; name: string } | null;
  title: string;
  body: string;
  read: boolean;
  createdAt: string;
}

/** Presents a notice; system notices are rendered from the catalogue in the reader's language. */
export function presentNotice(item: NoticeForViewer, language: Language, authors: Map<string, string>): NoticeJson {
  const { notice } = item;
  const system = systemNoticeKeys(notice);
  return {
    id: notice.id,
    kind: notice.kind,
    groupId: notice.groupId,
    author: notice.authorId ? { id: notice.authorId, name: authors.get(notice.authorId) ?? '' } : null,
    title: system ? t(language, system.title, system.params) : notice.title,
    body: system ? t(language, system.body, system.params) : notice.body,
    read: item.read,
    createdAt: notice.createdAt.toISOString(),
  };
}
