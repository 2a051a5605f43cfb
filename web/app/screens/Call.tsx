import { useEffect, useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { CallVideo } from '../../common/components/CallVideo.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import type { CallController, CallView } from '../../common/calls/controller.js';
import { useCall } from '../../common/calls/useCall.js';
import { isApiError } from '../../common/api.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n, type I18n, type MessageKey } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { CallButton } from '../calls/CallButton.js';
import { callLength, callName, clockText, durationText, endSentence, otherPerson } from '../calls/callText.js';
import { IncomingCallBanner } from '../calls/IncomingCallBanner.js';
import { Avatar } from '../family/Avatar.js';
import { useSession } from '../session.js';
import '../calls/calls.css';

/** The running time of an answered call, ticking each second. */
function useElapsed(since: string | null | undefined, running: boolean): string | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return since && running ? clockText(now - Date.parse(since)) : null;
}

function statusOf(view: CallView, name: string, i18n: I18n): string {
  switch (view.phase) {
    case 'calling':
      return i18n.t('calls.phase.calling', { name });
    case 'incoming':
      return i18n.t('calls.incoming.from', { name: view.call?.caller?.displayName ?? name });
    case 'connecting':
      return i18n.t('calls.phase.connecting');
    case 'active':
      return i18n.t('calls.phase.active');
    case 'reconnecting':
      return i18n.t('calls.phase.reconnecting');
    case 'ended':
      return i18n.t('calls.ended');
    default:
      return i18n.t('calls.phase.loading');
  }
}

const deviceSentences: Record<'microphone' | 'camera', Partial<Record<string, MessageKey>>> = {
  microphone: { missing: 'calls.media.micMissing', refused: 'calls.media.micRefused', busy: 'calls.media.micBusy', unsupported: 'calls.media.unsupported' },
  camera: { missing: 'calls.media.cameraMissing', refused: 'calls.media.cameraRefused', busy: 'calls.media.cameraBusy' },
};

/** What is wrong with this person's camera or microphone, with a way to try again. */
function MediaProblems(props: { view: CallView; controller: CallController; name: string }) {
  const { t } = useI18n();
  const { view, controller, name } = props;
  if (view.microphone === 'unsupported') return <Notice tone="error">{t('calls.media.unsupported')}</Notice>;
  const mic = view.microphone ? deviceSentences.microphone[view.microphone] : undefined;
  const camera = view.camera ? deviceSentences.camera[view.camera] : undefined;
  return (
    <>
      {mic && (
        <div className="call__problem">
          <Notice tone="error">{t(mic, { name })}</Notice>
          <Button variant="secondary" onClick={() => void controller.toggleMicrophone()}>
            {t('calls.media.retryMicrophone')}
          </Button>
        </div>
      )}
      {camera && (
        <div className="call__problem">
          <Notice tone="info">{t(camera, { name })}</Notice>
          <Button variant="secondary" onClick={() => void controller.toggleCamera()}>
            {t('calls.media.retryCamera')}
          </Button>
        </div>
      )}
    </>
  );
}

/** The other person large, this person's own camera small in a corner (built-in engine). */
function Stage(props: { view: CallView; name: string }) {
  const { t } = useI18n();
  const { view, name } = props;
  const other = view.others[0];
  const showRemote = view.receivingVideo && view.remoteStream !== null;
  const ownPicture = view.camera === 'on' && view.cameraOn && view.localStream !== null;
  return (
    <div className="call__stage">
      <CallVideo stream={view.remoteStream} label={t('calls.remoteView', { name })} className="call__remote" hidden={!showRemote} />
      {!showRemote && (
        <div className="call__placeholder">
          {other && <Avatar person={{ firstName: other.displayName, lastName: '', photoUrl: other.photoUrl, role: other.role }} size="large" />}
          {view.phase === 'active' && <p className="call__placeholder-text">{t('calls.noPicture', { name })}</p>}
        </div>
      )}
      <div className="call__self">
        {ownPicture ? <CallVideo stream={view.localStream} label={t('calls.selfView')} muted mirrored className="call__self-video" /> : <p className="call__self-off">{t('calls.cameraOffSelf')}</p>}
      </div>
    </div>
  );
}

/** Mute, camera off, and one large Hang up. */
function Controls(props: { view: CallView; controller: CallController }) {
  const { t } = useI18n();
  const { view, controller } = props;
  const builtin = view.engine === 'builtin';
  return (
    <div className="call__controls" role="group" aria-label={t('calls.controls')}>
      {builtin && view.microphone === 'on' && (
        <Button variant="secondary" className="call__toggle" aria-pressed={!view.microphoneOn} onClick={() => void controller.toggleMicrophone()}>
          {t('calls.mute')}
        </Button>
      )}
      {builtin && view.camera === 'on' && (
        <Button variant="secondary" className="call__toggle" aria-pressed={!view.cameraOn} onClick={() => void controller.toggleCamera()}>
          {t('calls.cameraOff')}
        </Button>
      )}
      <Button className="call__hangup" busy={view.busy === 'hangUp'} busyLabel={t('calls.hangingUp')} onClick={() => void controller.hangUp()}>
        {t('calls.hangUp')}
      </Button>
    </div>
  );
}

/** The end of the call: why, how long, and what next. */
function Ended(props: { view: CallView; me: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { view, me } = props;
  const call = view.call;
  const length = call ? callLength(call) : null;
  const other = call ? otherPerson(call, me) : null;
  const notFound = isApiError(view.error, 'not_found');
  return (
    <div className="call__ended card stack">
      {notFound ? (
        <Notice tone="error">{t('calls.notFound')}</Notice>
      ) : (
        <>
          {view.end && <p className="lead">{endSentence(view.end, call, me, i18n)}</p>}
          {view.error !== null && view.end !== 'failed' && <Notice tone="error">{errorSentence(view.error, i18n)}</Notice>}
          {length !== null && <p>{t('calls.end.lasted', { duration: durationText(length, i18n) })}</p>}
        </>
      )}
      {call?.kind === 'direct' && other && <CallButton person={{ id: other.id, firstName: other.displayName, role: other.role }} variant="primary" />}
      <p className="call__links">
        <Link to="/calls">{t('calls.toHistory')}</Link>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </div>
  );
}

/**
 * A call: ringing out ("Calling Anna…"), ringing in (Answer / Not now), in the call (the other
 * person large, one's own camera small, Mute, Camera off and a large Hang up), and its end.
 * Leaving this page leaves the call. A Jitsi call fills the stage with Jitsi's own frame.
 */
export function CallScreen(props: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const meId = me?.id ?? '';
  const { controller, view } = useCall({ callId: props.id, me: meId, surface: 'app', language: i18n.language });
  const phase = view?.phase ?? 'loading';
  const call = view?.call ?? null;
  const name = call ? callName(call, meId, i18n) : t('calls.pageTitle');
  const elapsed = useElapsed(call?.answeredAt, phase === 'active' || phase === 'reconnecting');
  const over = phase === 'ended';
  const inCall = !over && phase !== 'incoming' && phase !== 'loading';

  return (
    <div className={`call call--${phase}`} data-phase={phase} data-engine={view?.engine ?? undefined}>
      <IncomingCallBanner />
      <main id="main" className="call__main" tabIndex={-1}>
        <header className="call__head">
          <PageHeading title={t('calls.withName', { name })} className="call__name">
            {name}
          </PageHeading>
          <p className="call__status" role="status">
            {view ? statusOf(view, name, i18n) : t('calls.phase.loading')}
          </p>
          {elapsed && (
            <p className="call__timer" aria-hidden="true">
              {elapsed}
            </p>
          )}
        </header>

        {view && controller && !over && (
          <div className="call__notices">
            {view.recordingNow ? <Notice tone="error">{t('calls.recording.now')}</Notice> : view.recordingAllowed && <Notice tone="info">{t('calls.recording.allowed')}</Notice>}
            {view.engine === 'builtin' && <MediaProblems view={view} controller={controller} name={name} />}
            {view.weakConnection && <Notice tone="info">{t('calls.weak')}</Notice>}
            {view.error !== null && <Notice tone="error">{errorSentence(view.error, i18n)}</Notice>}
          </div>
        )}

        {view && controller && inCall && view.engine === 'jitsi' && <div className="call__jitsi" ref={(element) => controller.setJitsiParent(element)} />}
        {view && inCall && view.engine === 'builtin' && <Stage view={view} name={name} />}

        {view && controller && phase === 'incoming' && (
          <div className="call__incoming">
            {call?.caller && <Avatar person={{ firstName: call.caller.displayName, lastName: '', photoUrl: call.caller.photoUrl, role: call.caller.role }} size="large" />}
            <div className="call__controls">
              <Button className="call__answer" busy={view.busy === 'answer'} busyLabel={t('calls.answering')} onClick={() => void controller.answer()}>
                {t('calls.answer')}
              </Button>
              <Button variant="secondary" busy={view.busy === 'decline'} busyLabel={t('calls.declining')} onClick={() => void controller.decline()}>
                {t('calls.decline')}
              </Button>
            </div>
          </div>
        )}

        {view && controller && inCall && <Controls view={view} controller={controller} />}
        {view && over && <Ended view={view} me={meId} />}
      </main>
    </div>
  );
}
