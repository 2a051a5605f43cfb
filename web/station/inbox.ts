/**
 * What waits for the station person: conversations with unread messages and unread notices,
 * as the home screen's tiles and the overlays show them.
 */
import { fetchConversations, fetchLatestMessages, fetchNotices, type MessageJson, type NoticeJson } from './api.js';

/** The most messages of one conversation the overlay shows at once: more would need scrolling. */
export const maxMessagesShown = 3;

/** A conversation with unread messages, oldest of them first. */
export interface MessageItem {
  kind: 'message';
  key: string;
  conversationId: string;
  /** The group's name; null for a direct conversation. */
  title: string | null;
  unread: number;
  messages: MessageJson[];
}

/** An unread notice. */
export interface NoticeItem {
  kind: 'notice';
  key: string;
  notice: NoticeJson;
}

export type InboxItem = MessageItem | NoticeItem;

/** Everything unread, newest first. */
export interface Inbox {
  messages: MessageItem[];
  notices: NoticeItem[];
}

export const emptyInbox: Inbox = { messages: [], notices: [] };

export const messageKey = (conversationId: string) => `message:${conversationId}`;
export const noticeKey = (noticeId: string) => `notice:${noticeId}`;

/** Reads the unread messages (the newest few of each conversation) and the unread notices. */
export async function loadInbox(): Promise<Inbox> {
  const [conversations, notices] = await Promise.all([fetchConversations(), fetchNotices()]);
  const messages = await Promise.all(
    conversations
      .filter((c) => c.unread > 0)
      .map(async (c): Promise<MessageItem> => {
        const latest = await fetchLatestMessages(c.id, Math.min(c.unread, maxMessagesShown));
        return { kind: 'message', key: messageKey(c.id), conversationId: c.id, title: c.kind === 'group' ? c.title : null, unread: c.unread, messages: latest.filter((m) => !m.deletedAt).reverse() };
      }),
  );
  return {
    messages: messages.filter((item) => item.messages.length > 0),
    notices: notices.filter((n) => !n.read).map((notice) => ({ kind: 'notice', key: noticeKey(notice.id), notice })),
  };
}

/** An item of the inbox by its key, if it is still unread. */
export function findItem(inbox: Inbox, key: string): InboxItem | undefined {
  return inbox.messages.find((m) => m.key === key) ?? inbox.notices.find((n) => n.key === key);
}

/** The inbox without one item (read here, before the server's next answer says so). */
export function withoutItem(inbox: Inbox, key: string): Inbox {
  return { messages: inbox.messages.filter((m) => m.key !== key), notices: inbox.notices.filter((n) => n.key !== key) };
}
