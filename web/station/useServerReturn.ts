import { useEffect } from 'react';
import { live, type LiveStatus } from '../common/live.js';

/** How often a screen without its live connection looks whether the server is back. */
const lookEveryMs = 5_000;

/**
 * While the live connection is down, asks the server's /healthz every few seconds (it is small,
 * and the station's service worker never answers it from a cache). Once the server answers, the
 * live client reconnects at once instead of after its back-off of up to half a minute, and the
 * catch-up brings what was sent meanwhile.
 */
export function useServerReturn(status: LiveStatus): void {
  // One timer for the whole time the connection is down, however often it tries meanwhile.
  const down = status !== 'open' && status !== 'signedOut';
  useEffect(() => {
    if (!down) return;
    let stopped = false;
    const timer = setInterval(() => {
      fetch('/healthz', { cache: 'no-store' }).then(
        (response) => {
          if (!stopped && response.ok) live.reconnectNow();
        },
        () => undefined,
      );
    }, lookEveryMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [down]);
}
