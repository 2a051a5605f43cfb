import { useEffect, useRef, useState } from 'react';
import type { CallController, CallView } from '../../common/calls/controller.js';
import { ringtone } from '../../common/calls/ringtone.js';
import type { CallJson } from '../../common/calls/types.js';
import { useI18n } from '../../common/i18n.js';
import { Avatar } from '../Avatar.js';
import { PhoneIcon } from './PhoneIcon.js';

export interface IncomingCallProps {
  call: CallJson;
  controller: CallController | null;
  view: CallView | null;
  /** The station's ringtone volume, 0 to 100 (its settings). */
  ringVolume: number;
  /** The screen takes part: called just before answering, so the call stays on screen. */
  onEngage(): void;
}

/**
 * A call ringing for the station person, full screen: the caller's photo large, "Anna is
 * calling", one very large green Answer and a smaller Not now, with the ringtone. A look-in
 * ("Anna would like to look in") counts down instead and then answers by itself, unless the
 * person says Not now; its countdown starts when the screen shows it, so it is always seen whole.
 */
export function IncomingCall(props: IncomingCallProps) {
  const { t } = useI18n();
  const { call, controller, view, onEngage } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const caller = call.caller;
  const name = caller?.displayName ?? t('station.call.someone');
  const countdown = call.lookIn ? (call.autoAnswerAfterSeconds ?? 0) : null;
  const [left, setLeft] = useState(countdown);
  const busy = view?.busy ?? null;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  useEffect(() => {
    ringtone.start(props.ringVolume / 100);
    return () => ringtone.stop();
  }, [props.ringVolume]);

  const answer = useRef<(auto: boolean) => void>(() => undefined);
  answer.current = (auto: boolean) => {
    if (!controller || busy) return;
    onEngage();
    void controller.answer(auto);
  };

  useEffect(() => {
    if (countdown === null) return;
    const shownAt = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, countdown - Math.floor((Date.now() - shownAt) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        answer.current(true);
      }
    }, 200);
    return () => clearInterval(timer);
  }, [countdown]);

  const decline = () => {
    if (!controller || busy) return;
    void controller.decline();
  };

  const title = call.lookIn ? t('station.call.lookIn', { name }) : call.kind === 'group' && call.group ? t('station.call.incomingGroup', { name, group: call.group.name }) : t('station.call.incoming', { name });
  return (
    <main className={`station-call station-call--incoming${call.lookIn ? ' station-call--look-in' : ''}`} data-call={call.id} data-phase="incoming">
      <div className="station-call__ring" role="alertdialog" aria-modal="true" aria-labelledby="incoming-title" aria-describedby={call.lookIn ? 'incoming-countdown' : undefined}>
        <div className="station-call__face station-call__face--ringing">
          <Avatar name={name} photoUrl={caller?.photoUrl ?? null} size="huge" />
        </div>
        <h1 id="incoming-title" className="station-call__title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {left !== null ? (
          <div className="station-call__countdown" id="incoming-countdown">
            <span className="station-call__count" aria-hidden="true">
              {left}
            </span>
            <p className="station-call__count-text">{left === 1 ? t('station.call.lookInCountdownOne', { name }) : t('station.call.lookInCountdown', { count: left, name })}</p>
          </div>
        ) : null}
        <div className="station-call__buttons">
          {call.lookIn ? null : (
            <button type="button" className="station-button station-button--answer" aria-disabled={busy !== null || undefined} onClick={() => answer.current(false)}>
              <PhoneIcon />
              {busy === 'answer' ? t('station.call.wait') : t('station.call.answer')}
            </button>
          )}
          <button type="button" className={`station-button ${call.lookIn ? 'station-button--not-now-large' : 'station-button--not-now'}`} aria-disabled={busy !== null || undefined} onClick={decline}>
            {busy === 'decline' ? t('station.call.wait') : t('station.call.decline')}
          </button>
        </div>
      </div>
    </main>
  );
}
