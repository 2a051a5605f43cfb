import { useCallback, useRef, useState, type RefObject } from 'react';

/** A section's latest sentence after a change, and the heading that takes the focus with it. */
export interface Announcement {
  text: string | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /**
   * Reloads, then shows the sentence and moves the focus to the section's heading: the button
   * that had it may be gone (a removed person, a deleted group).
   */
  after(reload: () => Promise<void>): (text: string) => Promise<void>;
  clear(): void;
}

/** Announces what a change did, for a section of the Family screen. */
export function useAnnouncement(): Announcement {
  const [text, setText] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const after = useCallback(
    (reload: () => Promise<void>) => async (sentence: string) => {
      await reload();
      setText(sentence);
      headingRef.current?.focus();
    },
    [],
  );
  const clear = useCallback(() => setText(null), []);
  return { text, headingRef, after, clear };
}
