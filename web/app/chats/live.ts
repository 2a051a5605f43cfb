/** The chat screens' view of the live connection: who is typing. */
import { useEffect, useRef, useState } from 'react';
import { live } from '../../common/live.js';

// The server relays typing at most once a second while someone types; a few quiet seconds mean
// they stopped (or sent).
const typingShownMs = 4000;
const typingSentEveryMs = 2000;

/**
 * Who else is typing in a conversation now, by user id. `stopped(userId)` forgets someone at once
 * (their message arrived).
 */
export function useTyping(conversationId: string): { typing: string[]; stopped(userId: string): void } {
  const [typing, setTyping] = useState<string[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const running = timers.current;
    const unsubscribe = live.onTyping((signal) => {
      if (signal.conversationId !== conversationId) return;
      clearTimeout(running.get(signal.userId));
      running.set(
        signal.userId,
        setTimeout(() => {
          running.delete(signal.userId);
          setTyping((ids) => ids.filter((id) => id !== signal.userId));
        }, typingShownMs),
      );
      setTyping((ids) => (ids.includes(signal.userId) ? ids : [...ids, signal.userId]));
    });
    return () => {
      unsubscribe();
      for (const timer of running.values()) clearTimeout(timer);
      running.clear();
    };
  }, [conversationId]);

  const stopped = (userId: string) => {
    clearTimeout(timers.current.get(userId));
    timers.current.delete(userId);
    setTyping((ids) => ids.filter((id) => id !== userId));
  };
  return { typing, stopped };
}

/** A function to call on every keystroke; it tells the others at most every two seconds. */
export function useSendTyping(conversationId: string): () => void {
  const last = useRef(0);
  return () => {
    const now = Date.now();
    if (now - last.current < typingSentEveryMs) return;
    last.current = now;
    live.sendTyping(conversationId);
  };
}
