import { useEffect, useRef } from 'react';
import { useI18n } from '../../common/i18n.js';
import { useIdle } from '../useIdle.js';

/** How long the sentence stays without a touch. */
const problemMs = 10_000;

/**
 * A call that could not be started, said in one sentence on the overlay card ("Nobody in the
 * family is available right now."), with Close; it goes by itself after a while.
 */
export function CallProblem(props: { sentence: string; onClose(): void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useIdle(true, props.onClose, problemMs);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="call-problem">
      <div className="overlay__card">
        <h2 id="call-problem" className="call-problem__text" ref={heading} tabIndex={-1}>
          {props.sentence}
        </h2>
        <div className="overlay__actions">
          <button type="button" className="station-button station-button--close" onClick={props.onClose}>
            {t('station.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
