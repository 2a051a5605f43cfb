import { useEffect, useRef } from 'react';
import { useI18n } from '../../common/i18n.js';
import type { CallPersonJson } from '../../common/calls/types.js';
import { Avatar } from '../Avatar.js';

/** How long the sentence after a call stays before the screen goes home by itself. */
export const endedMs = 6_000;

/** After a call: one calm sentence ("Anna hung up."), then home, by itself or with Close. */
export function CallEnded(props: { sentence: string; other: CallPersonJson | null; onDone(): void }) {
  const { t } = useI18n();
  const { onDone } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    const timer = setTimeout(onDone, endedMs);
    return () => clearTimeout(timer);
  }, [onDone]);
  return (
    <main className="station-call station-call--ended" data-phase="ended">
      {props.other ? <Avatar name={props.other.displayName} photoUrl={props.other.photoUrl} size="large" /> : null}
      <h1 className="station-call__title" ref={heading} tabIndex={-1}>
        {props.sentence}
      </h1>
      <div className="station-call__buttons">
        <button type="button" className="station-button station-button--close-dark" onClick={onDone}>
          {t('station.close')}
        </button>
      </div>
    </main>
  );
}
