/** The chat calls of the web app (server/routes/conversations.ts). */
import { request } from '../common/api.js';
import type { MediaJson } from '../common/types.js';

/** How far one participant has read: the newest message they have seen (null: none yet). */
export interface ReadMarkerJson {
  userId: string;
  messageId: string | null;
}

/** A message (server/presenters/message.ts). */
export interface MessageJson {
  id: string;
  conversationId: string;
  authorId: string | null;
  body: string;
  replyTo: { id: string; authorId: string | null; excerpt: string } | null;
  attachments: MediaJson[];
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

/** One conversation, with how far each participant has read. */
export async function getConversation(id: string): Promise<{ conversation: ConversationJson; readMarkers: ReadMarkerJson[] }> {
  return request(`/api/v1/conversations/${enc(id)}`);
}

/** The direct conversation with one person, made on first use. */
export async function openDirectConversation(userId: string): Promise<ConversationJson> {
  return (await request<{ conversation: ConversationJson }>('/api/v1/conversations/direct', { body: { userId } })).conversation;
}

/** One page of history, newest first; `nextBefore` reads the page before it. */
export async function listMessages(id: string, before?: string): Promise<{ messages: MessageJson[]; nextBefore: string | null }> {
  const query = before ? `?before=${enc(before)}` : '';
  return request(`/api/v1/conversations/${enc(id)}/messages${query}`);
}

/** What a new message holds: text, photos and videos (media ids), or both; maybe a reply. */
export interface NewMessage {
  body?: string;
  replyTo?: string;
  attachments?: string[];
}

export async function sendMessage(id: string, message: NewMessage): Promise<MessageJson> {
  return (await request<{ message: MessageJson }>(`/api/v1/conversations/${enc(id)}/messages`, { body: message })).message;
}

/** Changes the text of one's own message. */
export async function editMessage(id: string, body: string): Promise<MessageJson> {
  return (await request<{ message: MessageJson }>(`/api/v1/messages/${enc(id)}`, { method: 'PATCH', body: { body } })).message;
}

/** Deletes a message; a tombstone keeps its place. */
export async function deleteMessage(id: string): Promise<void> {
  await request(`/api/v1/messages/${enc(id)}`, { method: 'DELETE' });
}

/** Messages of one's conversations that hold every word of `query`, newest first. */
export async function searchMessages(query: string, signal?: AbortSignal): Promise<MessageJson[]> {
  return (await request<{ messages: MessageJson[] }>(`/api/v1/search?q=${enc(query)}`, { signal })).messages;
}

export async function markRead(id: string, messageId: string): Promise<void> {
  await request(`/api/v1/conversations/${enc(id)}/read`, { body: { messageId } });
}
