/** React's side of the incoming calls (web/common/calls/incoming.ts). */
import { useEffect, useState } from 'react';
import { incomingCallsFor, type IncomingCalls, type IncomingState } from './incoming.js';

const empty: IncomingState = { ringing: [], notes: [] };

/** The calls ringing for `me` now and the notes about calls taken elsewhere; nothing while signed out. */
export function useIncomingCalls(me: string | null): { state: IncomingState; incoming: IncomingCalls | null } {
  const [held, setHeld] = useState<{ incoming: IncomingCalls; state: IncomingState } | null>(null);
  useEffect(() => {
    if (!me) return;
    const incoming = incomingCallsFor(me);
    setHeld({ incoming, state: incoming.state });
    return incoming.subscribe((state) => setHeld({ incoming, state }));
  }, [me]);
  if (!me || held?.incoming.me !== me) return { state: empty, incoming: null };
  return held;
}
