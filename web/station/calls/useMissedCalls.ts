import { useCallback, useEffect, useState } from 'react';
import { listCalls, markMissedSeen } from '../../common/calls/api.js';
import { callOfEvent, type CallPersonJson } from '../../common/calls/types.js';
import { live } from '../../common/live.js';

/** The missed calls of one person that the station person has not seen yet. */
export interface MissedCaller {
  caller: CallPersonJson;
  count: number;
  /** The newest of them: a later missed call from the same person is news again. */
  latestCallId: string;
}

/** More than this many unseen missed calls are not read: the screen shows one caller at a time. */
const readAtMost = 20;

/**
 * The calls the station person missed and has not seen, one caller at a time (newest first): the
 * home screen has room for one missed-call tile beside the clock. Calling back or closing a tile
 * shows the next caller's; once every caller was seen here, the server hears that the missed
 * calls were seen (which marks them all). Kept current by the call events (a call that ends may
 * be a missed one), the missedSeen event (seen on another screen of the same person), and a
 * fresh read whenever the connection comes back.
 */
export function useMissedCalls(me: string): { missed: MissedCaller[]; next: MissedCaller | null; seen(entry: MissedCaller): void } {
  const [missed, setMissed] = useState<MissedCaller[]>([]);
  const [seenHere, setSeenHere] = useState<ReadonlySet<string>>(new Set());

  const load = useCallback(async () => {
    try {
      const page = await listCalls({ filter: 'missed', limit: readAtMost });
      const byCaller = new Map<string, MissedCaller>();
      if (page.missedUnseen > 0) {
        for (const entry of page.calls) {
          const caller = entry.call.caller;
          if (!entry.unseen || entry.direction !== 'incoming' || !caller || caller.id === me) continue;
          const known = byCaller.get(caller.id);
          if (known) known.count += 1;
          else byCaller.set(caller.id, { caller, count: 1, latestCallId: entry.call.id });
        }
      }
      setMissed([...byCaller.values()]);
    } catch {
      // The tile keeps what it showed; the next event or reconnect reads again.
    }
  }, [me]);

  useEffect(() => {
    void load();
    const unsubscribe = live.subscribe((event) => {
      if (event.event === 'call.ended' || event.event === 'call.missedSeen' || (event.event === 'call.updated' && callOfEvent(event)?.kind === 'group')) void load();
    });
    const unwatch = live.onStatus((status) => {
      if (status === 'open') void load();
    });
    return () => {
      unsubscribe();
      unwatch();
    };
  }, [load]);

  const waiting = missed.filter((entry) => !seenHere.has(entry.latestCallId));

  const seen = useCallback(
    (entry: MissedCaller) => {
      const next = new Set(seenHere).add(entry.latestCallId);
      setSeenHere(next);
      if (missed.some((m) => !next.has(m.latestCallId))) return;
      setMissed([]);
      markMissedSeen().then(
        () => setSeenHere(new Set()),
        () => void load(),
      );
    },
    [missed, seenHere, load],
  );

  return { missed: waiting, next: waiting[0] ?? null, seen };
}
