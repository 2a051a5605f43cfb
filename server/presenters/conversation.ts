import type { ConversationKind } from '../db/models/Conversation.js';
import type { ConversationSummary } from '../services/conversations.js';
import { presentMessage, type MessageJson } from './message.js';

/** A conversation in a person's list. The title is the group's name; direct ones name the other person client-side from participantIds. */
export interface ConversationJson {
  id: string;
  kind: ConversationKind;
  groupId: string | null;
  title: string | null;
  participantIds: string[];
  lastMessage: MessageJson | null;
  lastMessageAt: string | null;
  unread: number;
}

/** Presents a conversation summary. */
export function presentConversation(summary: ConversationSummary): ConversationJson {
  return {
    id: summary.conversation.id,
    kind: summary.conversation.kind,
    groupId: summary.conversation.groupId,
    title: summary.group?.name ?? null,
    participantIds: summary.participantIds,
    lastMessage: summary.lastMessage ? presentMessage(summary.lastMessage, null) : null,
    lastMessageAt: summary.conversation.lastMessageAt?.toISOString() ?? null,
    unread: summary.unread,
  };
}
