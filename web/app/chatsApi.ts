/** The chat calls of the web app (server/routes/conversations.ts). */
import { request } from '../common/api.js';

/** A photo or video in a message (server/presenters/media.ts), as far as the chat shows it. */
export interface AttachmentJson {
  id: string;
  kind: string;
  urls: Record<string, string>;
}

/** A message (server/presenters/message.ts). */
export interface MessageJson {
  id: string;
  conversationId: string;
  authorId: string | null;
  body: string;
  replyTo: { id: string; authorId: string | null; excerpt: string } | null;
  attachments: AttachmentJson[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  cursor: string;
  abilities?: { edit: boolean; delete: boolean };
}

/** A conversation in the list (server/presenters/conversation.ts). */
export interface ConversationJson {
  id: string;
  kind: 'direct' | 'group';
  groupId: string | null;
  title: string | null;
  participantIds: string[];
  lastMessage: MessageJson | null;
  lastMessageAt: string | null;
  unread: number;
}

const enc = encodeURIComponent;

export async function listConversations(): Promise<ConversationJson[]> {
  return (await request<{ conversations: ConversationJson[] }>('/api/v1/conversations')).conversations;
}

export async function getConversation(id: string): Promise<ConversationJson> {
  return (await request<{ conversation: ConversationJson }>(`/api/v1/conversations/${enc(id)}`)).conversation;
}

/** One page of history, newest first; `nextBefore` reads the page before it. */
export async function listMessages(id: string, before?: string): Promise<{ messages: MessageJson[]; nextBefore: string | null }> {
  const query = before ? `?before=${enc(before)}` : '';
  return request(`/api/v1/conversations/${enc(id)}/messages${query}`);
}

export async function sendMessage(id: string, body: string): Promise<MessageJson> {
  return (await request<{ message: MessageJson }>(`/api/v1/conversations/${enc(id)}/messages`, { body: { body } })).message;
}

export async function markRead(id: string, messageId: string): Promise<void> {
  await request(`/api/v1/conversations/${enc(id)}/read`, { body: { messageId } });
}
