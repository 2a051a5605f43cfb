import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveEvents } from '../../common/useLiveEvents.js';
import { listStations, type StationJson } from './api.js';

export type StationsState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; stations: StationJson[] };

// A screen paired, renamed, collecting its credential, or removed (here or by another admin, or the CLI).
const stationEvents = new Set(['station.paired', 'station.changed', 'station.revoked', 'member.removed']);
/**
 * A screen coming and going is not an event (it would flood the log), so the list is asked
 * again this often while it is shown, to keep "connected now" and "last seen" true.
 */
const refreshEveryMs = 30_000;

/** The family's paired screens (admins), kept current by live events and a slow refresh. */
export function useStations(): { state: StationsState; reload(): Promise<void> } {
  const [state, setState] = useState<StationsState>({ status: 'loading' });
  // Answers can arrive out of order when events come quickly: only the newest load counts.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++latest.current;
    try {
      const stations = await listStations();
      if (mine === latest.current) setState({ status: 'ready', stations });
    } catch (error) {
      // A failed refresh keeps what is on the screen; only a first load shows the error.
      if (mine === latest.current) setState((before) => (before.status === 'ready' ? before : { status: 'failed', error }));
    }
  }, []);

  useEffect(() => {
    void reload();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, refreshEveryMs);
    return () => clearInterval(timer);
  }, [reload]);

  useLiveEvents(
    (event) => {
      if (stationEvents.has(event.event)) void reload();
    },
    () => void reload(),
  );

  return { state, reload };
}
