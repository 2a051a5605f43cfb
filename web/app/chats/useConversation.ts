/**
 * One conversation's state: its history (oldest first), earlier pages, how far everyone has read,
 * and every change that arrives over the live connection (new, edited and deleted messages, read
 * markers). Marks the conversation read up to the newest message it shows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { getConversation, listMessages, markRead, type ConversationJson, type MessageJson } from '../chatsApi.js';
import { useLiveEvents } from '../../common/useLiveEvents.js';

/** Puts a message in its place, keeping what the viewer may do with it when the new copy lacks it. */
function upsert(list: MessageJson[], message: MessageJson): MessageJson[] {
  const index = list.findIndex((m) => m.id === message.id);
  if (index === -1) return [...list, message].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const copy = list.slice();
  copy[index] = { ...message, abilities: message.deletedAt ? { edit: false, delete: false } : (message.abilities ?? list[index]?.abilities) };
  return copy;
}

/** The tombstone of a message, and replies to it that now quote nothing. */
function tombstone(list: MessageJson[], id: string, at: string): MessageJson[] {
  return list.map((m) => {
    if (m.id === id) return { ...m, body: '', attachments: [], deletedAt: m.deletedAt ?? at, abilities: { edit: false, delete: false } };
    if (m.replyTo?.id === id) return { ...m, replyTo: { ...m.replyTo, excerpt: '' } };
    return m;
  });
}

export interface ConversationState {
  conversation: ConversationJson | null;
  messages: MessageJson[];
  /** The newest message each participant has read, by user id. */
  readUpTo: Map<string, string>;
  loaded: boolean;
  error: string | null;
  hasEarlier: boolean;
  loadingEarlier: boolean;
  loadEarlier(): Promise<void>;
  /** Shows a message this browser sent or changed, before its live event arrives. */
  put(message: MessageJson): void;
  /** Shows a message this browser deleted as a tombstone. */
  remove(id: string): void;
}

export function useConversation(id: string, onMessageFrom: (userId: string) => void): ConversationState {
  const i18n = useI18n();
  const [conversation, setConversation] = useState<ConversationJson | null>(null);
  const [messages, setMessages] = useState<MessageJson[]>([]);
  const [readUpTo, setReadUpTo] = useState(new Map<string, string>());
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const markedUpTo = useRef<string | null>(null);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const [found, page] = await Promise.all([getConversation(id), listMessages(id)]);
        if (cancelled) return;
        setConversation(found.conversation);
        setReadUpTo(new Map(found.readMarkers.flatMap((marker) => (marker.messageId ? [[marker.userId, marker.messageId] as const] : []))));
        setMessages(page.messages.slice().reverse());
        setNextBefore(page.nextBefore);
        setLoaded(true);
      } catch (thrown) {
        if (!cancelled) setError(errorSentence(thrown, i18n));
      }
    })();
    return () => {
      cancelled = true;
      clearTimeout(refreshTimer.current);
    };
  }, [id, i18n]);

  // Mark read up to the newest message.
  useEffect(() => {
    const newest = messages.at(-1);
    if (!newest || markedUpTo.current === newest.id) return;
    markedUpTo.current = newest.id;
    markRead(id, newest.id).catch(() => undefined);
  }, [messages, id]);

  /** Merges the newest page: what the live connection may have missed, and what each viewer may do. */
  const refreshNewest = useCallback(() => {
    listMessages(id).then(
      (page) => setMessages((list) => page.messages.reduce((merged, message) => upsert(merged, message), list)),
      () => undefined,
    );
  }, [id]);

  // Whenever the live connection (re)opens, the newest page is fetched too: nothing said between
  // loading the history and the connection catching up goes missing.
  useLiveEvents((event) => {
    if (event.payload.conversationId !== id) return;
    if (event.event === 'message.created' || event.event === 'message.edited') {
      const message = event.payload.message as MessageJson;
      setMessages((list) => upsert(list, message));
      if (event.event === 'message.created' && message.authorId) onMessageFrom(message.authorId);
      // Live events are the same for everyone, so they cannot say what this viewer may do with a
      // new message (an admin may delete it); the next page read does. One read for a burst.
      if (!message.abilities && !messages.some((m) => m.id === message.id && m.abilities)) {
        clearTimeout(refreshTimer.current);
        refreshTimer.current = setTimeout(refreshNewest, 300);
      }
    } else if (event.event === 'message.deleted') {
      setMessages((list) => tombstone(list, event.payload.messageId as string, event.at));
    } else if (event.event === 'conversation.read') {
      const { userId, messageId } = event.payload as { userId: string; messageId: string };
      setReadUpTo((markers) => new Map(markers).set(userId, messageId));
    }
  }, refreshNewest);

  const loadEarlier = async () => {
    if (!nextBefore) return;
    setLoadingEarlier(true);
    try {
      const page = await listMessages(id, nextBefore);
      setMessages((list) => [...page.messages.slice().reverse().filter((m) => !list.some((l) => l.id === m.id)), ...list]);
      setNextBefore(page.nextBefore);
    } catch (thrown) {
      setError(errorSentence(thrown, i18n));
    } finally {
      setLoadingEarlier(false);
    }
  };

  return {
    conversation,
    messages,
    readUpTo,
    loaded,
    error,
    hasEarlier: nextBefore !== null,
    loadingEarlier,
    loadEarlier,
    put: (message) => setMessages((list) => upsert(list, message)),
    remove: (messageId) => setMessages((list) => tombstone(list, messageId, new Date().toISOString())),
  };
}
