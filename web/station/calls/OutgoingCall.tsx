import { useEffect, useRef } from 'react';
import type { CallController, CallView } from '../../common/calls/controller.js';
import type { CallJson } from '../../common/calls/types.js';
import { useI18n } from '../../common/i18n.js';
import { Avatar } from '../Avatar.js';
import { PhoneIcon } from './PhoneIcon.js';

/** The most faces shown while the whole family is rung; more would shrink them. */
const facesShown = 6;

/**
 * The station rings someone, or the whole family: who is being rung, large, and one red Hang up
 * that stops it.
 */
export function OutgoingCall(props: { call: CallJson; me: string; controller: CallController | null; view: CallView | null }) {
  const { t } = useI18n();
  const { call, controller } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const rung = call.participants.filter((p) => p.user.id !== props.me && p.role === 'callee').map((p) => p.user);
  const family = call.kind === 'family';
  const title = family ? t('station.call.callingFamily') : t('station.call.calling', { name: rung[0]?.displayName ?? t('station.call.someone') });
  const busy = props.view?.busy === 'hangUp';

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <main className="station-call station-call--outgoing" data-call={call.id} data-phase="calling">
      <ul className={`station-call__faces${family ? ' station-call__faces--many' : ''}`}>
        {rung.slice(0, facesShown).map((person) => (
          <li key={person.id} className="station-call__face">
            <Avatar name={person.displayName} photoUrl={person.photoUrl} size={family ? 'large' : 'huge'} />
            {family ? <span className="station-call__face-name">{person.displayName}</span> : null}
          </li>
        ))}
      </ul>
      <h1 className="station-call__title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <div className="station-call__buttons">
        <button type="button" className="station-button station-button--hang-up" aria-disabled={busy || undefined} onClick={() => void controller?.hangUp()}>
          <PhoneIcon down />
          {t('station.call.hangUp')}
        </button>
      </div>
    </main>
  );
}
