import { useEffect, useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { answerCall, declineCall } from '../../common/calls/api.js';
import type { IncomingCalls, IncomingNote } from '../../common/calls/incoming.js';
import { ringtone } from '../../common/calls/ringtone.js';
import type { CallJson } from '../../common/calls/types.js';
import { useIncomingCalls } from '../../common/calls/useIncomingCalls.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n, type I18n } from '../../common/i18n.js';
import { navigate, useLocation } from '../../common/router.js';
import { Avatar } from '../family/Avatar.js';
import { useSession } from '../session.js';
import './calls.css';

function ringingSentence(call: CallJson, i18n: I18n): string {
  const name = call.caller?.displayName ?? i18n.t('calls.someone');
  if (call.kind === 'group' && call.group) return i18n.t('calls.incoming.group', { name, group: call.group.name });
  if (call.kind === 'family') return i18n.t('calls.incoming.family', { name });
  return i18n.t('calls.incoming.from', { name });
}

/** One ringing call: who, and Answer / Not now. */
function RingingCall(props: { call: CallJson; incoming: IncomingCalls }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { call, incoming } = props;
  const [busy, setBusy] = useState<'answer' | 'decline' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (what: 'answer' | 'decline') => {
    if (busy) return;
    setBusy(what);
    setError(null);
    incoming.handledHere(call.id);
    try {
      if (what === 'answer') {
        await answerCall(call.id);
        navigate(`/calls/${encodeURIComponent(call.id)}`);
      } else {
        await declineCall(call.id);
        incoming.dismiss(call.id);
      }
    } catch (thrown) {
      setError(errorSentence(thrown, i18n));
      setBusy(null);
      incoming.notHandledHere(call.id);
    }
  };
  const caller = call.caller;
  return (
    <li className="incoming__call" data-incoming-call={call.id}>
      <div className="incoming__who">
        {caller && <Avatar person={{ firstName: caller.displayName, lastName: '', photoUrl: caller.photoUrl, role: caller.role }} size="medium" />}
        <p className="incoming__text">{ringingSentence(call, i18n)}</p>
      </div>
      <div className="incoming__buttons">
        <Button className="incoming__answer" busy={busy === 'answer'} busyLabel={t('calls.answering')} onClick={() => void act('answer')}>
          {t('calls.answer')}
        </Button>
        <Button variant="secondary" className="incoming__decline" busy={busy === 'decline'} busyLabel={t('calls.declining')} onClick={() => void act('decline')}>
          {t('calls.decline')}
        </Button>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
    </li>
  );
}

function noteSentence(note: IncomingNote, i18n: I18n): string {
  const caller = note.caller?.displayName ?? i18n.t('calls.someone');
  if (note.kind === 'answeredOnOtherDevice') return i18n.t('calls.note.answeredOnOtherDevice', { caller });
  return i18n.t('calls.note.answeredElsewhere', { name: note.by?.displayName ?? i18n.t('calls.someone'), caller });
}

/**
 * The incoming-call banner: on every page of the signed-in app, over the page, with the
 * ringtone while a call rings for this person. The announcement region is always there, so a
 * screen reader hears "Anna is calling" as soon as it rings.
 */
export function IncomingCallBanner() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const { pathname } = useLocation();
  const { state, incoming } = useIncomingCalls(me?.id ?? null);
  // The call screen of a ringing call has its own Answer and Not now (the tone rings on).
  const ringing = state.ringing.filter((call) => pathname !== `/calls/${call.id}`);
  const ringingNow = ringing.length > 0;
  const toneNow = state.ringing.length > 0;

  useEffect(() => {
    if (toneNow) ringtone.start();
    else ringtone.stop();
  }, [toneNow]);
  useEffect(() => () => ringtone.stop(), []);

  return (
    <div className="incoming-host">
      <p className="visually-hidden" aria-live="assertive">
        {ringing.map((call) => ringingSentence(call, i18n)).join('. ')}
      </p>
      {incoming && ringingNow && (
        <section className="incoming" aria-label={t('calls.incoming.label')}>
          <ul className="incoming__list">
            {ringing.map((call) => (
              <RingingCall key={call.id} call={call} incoming={incoming} />
            ))}
          </ul>
        </section>
      )}
      {incoming &&
        state.notes.map((note) => (
          <div key={note.callId} className="incoming incoming--note">
            <Notice tone="info" className="incoming__note">
              {noteSentence(note, i18n)}
            </Notice>
            <Button variant="quiet" onClick={() => incoming.dismissNote(note.callId)}>
              {t('calls.note.close')}
            </Button>
          </div>
        ))}
    </div>
  );
}
