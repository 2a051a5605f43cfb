/** A screen's subscription to the live connection (web/common/live.ts). */
import { useEffect, useRef } from 'react';
import { live, type LiveEvent } from './live.js';

/**
 * Calls `listener` with every live event while the component is shown, and `onOpen` whenever
 * the connection (re)opens: whatever happened while it was down may not come as events (a
 * phone that slept past the event log's retention), so a screen refetches then.
 */
export function useLiveEvents(listener: (event: LiveEvent) => void, onOpen?: () => void): void {
  const ref = useRef({ listener, onOpen });
  useEffect(() => {
    ref.current = { listener, onOpen };
  });
  useEffect(() => {
    live.start();
    const unsubscribe = live.subscribe((event) => ref.current.listener(event));
    const unwatch = live.onStatus((status) => {
      if (status === 'open') ref.current.onOpen?.();
    });
    return () => {
      unsubscribe();
      unwatch();
    };
  }, []);
}
