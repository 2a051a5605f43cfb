import { useCallback, useEffect } from 'react';
import { useCall } from '../../common/calls/useCall.js';
import type { CallJson } from '../../common/calls/types.js';
import { useI18n } from '../../common/i18n.js';
import { CallEnded } from './CallEnded.js';
import { endSentence, otherOf } from './callWords.js';
import { InCall } from './InCall.js';
import { IncomingCall } from './IncomingCall.js';
import { OutgoingCall } from './OutgoingCall.js';
import './calls.css';

export interface StationCallProps {
  callId: string;
  initial: CallJson | null;
  /** The station person. */
  me: string;
  engaged: boolean;
  ringVolume: number;
  onEngage(callId: string): void;
  onFinished(callId: string): void;
}

/**
 * One call on the station, full screen, from ringing to its end: ringing in (Answer / Not now,
 * or a look-in's countdown), ringing out (Hang up), in the call (Hang up), and a sentence after a
 * call the station took part in. A call that only rang here goes without a word: its missed-call
 * tile says the rest. The controller (web/common/calls) does the calling; this only shows it.
 */
export function StationCall(props: StationCallProps) {
  const i18n = useI18n();
  const { callId, me, engaged, onEngage, onFinished } = props;
  const { controller, view } = useCall({ callId, me, surface: 'station', language: i18n.language });
  const call = view?.call ?? props.initial;
  const phase = view?.phase ?? 'loading';
  const sentence = phase === 'ended' && engaged ? endSentence(view?.end ?? null, call, me, i18n) : null;
  const done = useCallback(() => onFinished(callId), [onFinished, callId]);
  const engage = useCallback(() => onEngage(callId), [onEngage, callId]);

  useEffect(() => {
    if (phase === 'ended' && sentence === null) done();
  }, [phase, sentence, done]);

  if (phase === 'ended') return sentence ? <CallEnded sentence={sentence} other={otherOf(call, me)} onDone={done} /> : null;
  if (!call) return null;
  const mine = call.participants.find((p) => p.user.id === me);
  if (phase === 'incoming' || (phase === 'loading' && mine?.state === 'ringing')) {
    return <IncomingCall call={call} controller={controller} view={view} ringVolume={props.ringVolume} onEngage={engage} />;
  }
  if (phase === 'calling' || (phase === 'loading' && call.caller?.id === me && call.state === 'ringing')) {
    return <OutgoingCall call={call} me={me} controller={controller} view={view} />;
  }
  return <InCall call={call} me={me} controller={controller} view={view} />;
}
