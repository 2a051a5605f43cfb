import { useEffect, useId, useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { getCallOptions } from '../../common/calls/api.js';
import type { CallOptionsJson } from '../../common/calls/types.js';
import { useI18n } from '../../common/i18n.js';
import { useSession } from '../session.js';
import { useStartCall } from './useStartCall.js';
import './calls.css';

/**
 * Call options asked a moment ago serve again: a history lists the same people many times, and
 * they change only with the admin's rules or the hour.
 */
const optionsCache = new Map<string, { at: number; options: Promise<CallOptionsJson> }>();
const optionsFreshMs = 15_000;

function callOptionsOf(userId: string): Promise<CallOptionsJson> {
  const known = optionsCache.get(userId);
  if (known && Date.now() - known.at < optionsFreshMs) return known.options;
  const options = getCallOptions(userId);
  optionsCache.set(userId, { at: Date.now(), options });
  options.catch(() => optionsCache.delete(userId));
  return options;
}

/**
 * The call button for one person, as the server's call options allow it now: "Call Anna" (or
 * "Call back" in a list of calls, the name said to screen readers), and
 * "Look in on Riet" where the admin allowed it; when calling is not possible, the button stays
 * visible but unavailable, with the sentence that says why.
 */
export function CallButton(props: { person: { id: string; firstName: string; role: string }; variant?: 'primary' | 'secondary'; className?: string; callBack?: boolean; hideOffline?: boolean }) {
  const { t } = useI18n();
  const { person } = props;
  const [options, setOptions] = useState<CallOptionsJson | null>(null);
  const call = useStartCall();
  const reasonId = useId();

  useEffect(() => {
    let current = true;
    callOptionsOf(person.id).then(
      (loaded) => current && setOptions(loaded),
      // Without the options the server still decides when the call starts.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [person.id]);

  const station = person.role === 'station';
  const name = person.firstName;
  const refused = options !== null && !options.call;
  const reason = refused ? t(options.refusal === 'notNow' ? 'calls.refusal.notNow' : 'calls.refusal.notAllowed', { name }) : null;
  const offline = options !== null && options.call && !options.online && !props.hideOffline ? t(station ? 'calls.offlineStation' : 'calls.offline', { name }) : null;

  return (
    <div className={['call-action', props.className ?? ''].filter(Boolean).join(' ')} data-call-for={person.id}>
      <div className="call-action__buttons">
        <Button
          variant={props.variant ?? 'secondary'}
          className="call-action__call"
          busy={call.busy}
          busyLabel={t('calls.starting')}
          aria-disabled={refused || undefined}
          aria-describedby={reason || offline ? reasonId : undefined}
          onClick={() => {
            if (!refused) void call.start({ userId: person.id });
          }}
        >
          {props.callBack ? (
            <>
              {t('calls.history.callBack')}
              <span className="visually-hidden"> ({name})</span>
            </>
          ) : (
            t('calls.callPerson', { name })
          )}
        </Button>
        {options?.lookIn && (
          <Button variant="secondary" className="call-action__call" onClick={() => void call.start({ userId: person.id, lookIn: true })}>
            {t('calls.lookIn', { name })}
          </Button>
        )}
      </div>
      {(reason || offline) && (
        <p id={reasonId} className="call-action__note muted small">
          {reason ?? offline}
        </p>
      )}
      {call.error && <Notice tone="error">{call.error}</Notice>}
    </div>
  );
}

/**
 * The call button of a group. Group calls run on the family's Jitsi: without it there is no
 * button (a button that can only refuse helps nobody); the server refuses such a call anyway.
 */
export function GroupCallButton(props: { group: { id: string; name: string }; className?: string }) {
  const { t } = useI18n();
  const { family } = useSession();
  const call = useStartCall();
  if (family?.callEngine !== 'jitsi') return null;
  return (
    <div className={['call-action', props.className ?? ''].filter(Boolean).join(' ')} data-call-group={props.group.id}>
      <div className="call-action__buttons">
        <Button variant="secondary" className="call-action__call" busy={call.busy} busyLabel={t('calls.starting')} onClick={() => void call.start({ groupId: props.group.id })}>
          {t('calls.callGroupNamed', { name: props.group.name })}
        </Button>
      </div>
      {call.error && <Notice tone="error">{call.error}</Notice>}
    </div>
  );
}
