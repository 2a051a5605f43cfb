import { useCallback, useMemo, useRef, useState } from 'react';
import { startCall } from '../../common/calls/api.js';
import type { CallJson, CallTarget } from '../../common/calls/types.js';
import { useIncomingCalls } from '../../common/calls/useIncomingCalls.js';
import { useI18n } from '../../common/i18n.js';

/** The call the screen shows, full screen, over everything else. */
export interface CurrentCall {
  callId: string;
  /** What is known of it before its screen loads it: the ringing event, or the answer to starting it. */
  initial: CallJson | null;
  /** The station person took part: answered it (or its look-in countdown did), or started it. */
  engaged: boolean;
}

export interface StationCalls {
  current: CurrentCall | null;
  /** The screen takes part in this call from now on: it stays on screen until it is over. */
  engage(callId: string): void;
  /** The call's screen is done (over, or it stopped ringing here): back to home. */
  finished(callId: string): void;
  /** Rings someone, or the family; a refusal becomes `problem`. */
  start(target: CallTarget, name: string | null): Promise<void>;
  starting: boolean;
  /** Why a call could not be started, as a sentence (no codes on the station). */
  problem: string | null;
  dismissProblem(): void;
}

/**
 * Which call the station shows: the one it takes part in, else the first that really rings for
 * its person (web/common/calls/incoming.ts: ringing now, ringUntil ahead, replays ignored). A
 * call that rings while the screen is in another call is not shown; it becomes a missed call.
 */
export function useStationCalls(personId: string): StationCalls {
  const { t } = useI18n();
  const { state } = useIncomingCalls(personId);
  const [engaged, setEngaged] = useState<string | null>(null);
  // Calls whose screen is done: a declined call may still be on the ringing list for a moment.
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const started = useRef(new Map<string, CallJson>());
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const ringing = state.ringing.find((call) => !gone.has(call.id)) ?? null;
  const current = useMemo<CurrentCall | null>(() => {
    if (engaged) return { callId: engaged, initial: started.current.get(engaged) ?? state.ringing.find((c) => c.id === engaged) ?? null, engaged: true };
    return ringing ? { callId: ringing.id, initial: ringing, engaged: false } : null;
  }, [engaged, ringing, state.ringing]);

  const engage = useCallback((callId: string) => setEngaged(callId), []);
  const finished = useCallback((callId: string) => {
    setGone((known) => new Set(known).add(callId));
    setEngaged((now) => (now === callId ? null : now));
    started.current.delete(callId);
  }, []);

  const startingRef = useRef(false);
  const start = useCallback(
    async (target: CallTarget, name: string | null) => {
      if (startingRef.current) return;
      startingRef.current = true;
      setStarting(true);
      setProblem(null);
      try {
        const call = await startCall(target);
        started.current.set(call.id, call);
        setEngaged(call.id);
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        if (code === 'nobody_available') setProblem(t('station.call.nobodyAvailable'));
        else if (code === 'call_not_allowed' || code === 'call_not_now') setProblem(t('station.call.notPossible', { name: name ?? t('station.call.someone') }));
        else setProblem(t('station.call.startFailed'));
      } finally {
        startingRef.current = false;
        setStarting(false);
      }
    },
    [t],
  );

  const dismissProblem = useCallback(() => setProblem(null), []);
  return { current, engage, finished, start, starting, problem, dismissProblem };
}
