import { useEffect, useRef } from 'react';

/** How long the screen waits without a touch before it goes back to the clock and photos (UX.md). */
export const idleMs = 60_000;

/**
 * Calls `onIdle` once `ms` have passed without a touch, click or key anywhere on the page, while
 * `active` (an overlay is open, say). Every touch starts the wait again.
 */
export function useIdle(active: boolean, onIdle: () => void, ms = idleMs): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => callback.current(), ms);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), ms);
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, touched, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, touched, { capture: true });
    };
  }, [active, ms]);
}
