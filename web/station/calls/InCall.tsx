import { useCallback, useEffect, useRef } from 'react';
import type { CallController, CallView } from '../../common/calls/controller.js';
import type { CallJson } from '../../common/calls/types.js';
import { CallVideo } from '../../common/components/CallVideo.js';
import { useI18n, type I18n } from '../../common/i18n.js';
import { Avatar } from '../Avatar.js';
import { otherOf } from './callWords.js';
import { PhoneIcon } from './PhoneIcon.js';

/** Whether the other side sees and hears the station person, said only when one of them fails. */
function ownMediaSentence(view: CallView, name: string, i18n: I18n): string | null {
  if (view.engine !== 'builtin' || view.camera === null || view.microphone === null) return null;
  const seen = view.camera === 'on';
  const heard = view.microphone === 'on';
  if (seen && heard) return null;
  if (!seen && !heard) return i18n.t('station.call.cannotSeeOrHear', { name });
  return seen ? i18n.t('station.call.cannotHear', { name }) : i18n.t('station.call.cannotSee', { name });
}

/**
 * In a call: the other person large, the station person's own picture small, and one large red
 * Hang up that is always there. On the family's Jitsi the call fills the stage in Jitsi's frame
 * (with the station's short toolbar, web/common/jitsi.ts) and the same Hang up leaves it.
 */
export function InCall(props: { call: CallJson; me: string; controller: CallController | null; view: CallView | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { call, controller, view } = props;
  const other = otherOf(call, props.me);
  const name = other?.displayName ?? t('station.call.someone');
  const phase = view?.phase ?? 'connecting';
  const jitsi = (view?.engine ?? call.engine) === 'jitsi';
  const showRemote = view !== null && view.receivingVideo && view.remoteStream !== null;
  const ownPicture = view !== null && view.camera === 'on' && view.cameraOn && view.localStream !== null;
  const jitsiHost = useRef<HTMLDivElement | null>(null);
  const attachJitsi = useCallback(
    (element: HTMLDivElement | null) => {
      jitsiHost.current = element;
      controller?.setJitsiParent(element);
    },
    [controller],
  );
  const frameTitle = t('station.call.frame', { name });
  useEffect(() => {
    const host = jitsiHost.current;
    if (!jitsi || !host) return;
    // Jitsi's IFrame API gives its frame no name; a screen reader should hear whose call it is.
    const name = () => {
      for (const frame of host.querySelectorAll('iframe')) if (!frame.title) frame.title = frameTitle;
    };
    name();
    const observer = new MutationObserver(name);
    observer.observe(host, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [jitsi, frameTitle]);

  const status =
    phase === 'reconnecting'
      ? t('station.call.reconnecting')
      : phase === 'active'
        ? call.kind === 'family'
          ? t('station.call.answeredBy', { name })
          : null
        : t('station.call.connecting');
  const recording = view?.recordingNow ? t('station.call.recordingNow') : view?.recordingAllowed ? t('station.call.recordingAllowed') : null;
  const media = view ? ownMediaSentence(view, name, i18n) : null;

  return (
    <main className={`station-call station-call--in${jitsi ? ' station-call--jitsi' : ''}`} data-call={call.id} data-phase={phase} data-engine={jitsi ? 'jitsi' : 'builtin'}>
      <div className="station-call__stage">
        {jitsi ? (
          <div className="station-call__jitsi" ref={attachJitsi} />
        ) : (
          <>
            <CallVideo stream={view?.remoteStream ?? null} label={t('station.call.video', { name })} className="station-call__remote" hidden={!showRemote} />
            {showRemote ? null : (
              <div className="station-call__waiting">
                <Avatar name={name} photoUrl={other?.photoUrl ?? null} size="huge" />
                {phase === 'active' ? <p className="station-call__no-picture">{t('station.call.noPicture', { name })}</p> : null}
              </div>
            )}
            {ownPicture ? (
              <figure className="station-call__self">
                <CallVideo stream={view.localStream} label={t('station.call.selfView')} muted mirrored className="station-call__self-video" />
                <figcaption className="station-call__self-label">{t('station.call.selfView')}</figcaption>
              </figure>
            ) : null}
          </>
        )}
      </div>
      <div className="station-call__bar">
        <div className="station-call__who">
          <h1 className="station-call__name">{name}</h1>
          <p className="station-call__status" role="status">
            {status}
          </p>
          {recording ? <p className="station-call__notice">{recording}</p> : null}
          {media ? <p className="station-call__notice">{media}</p> : null}
        </div>
        <button type="button" className="station-button station-button--hang-up" aria-disabled={view?.busy === 'hangUp' || undefined} onClick={() => void controller?.hangUp()}>
          <PhoneIcon down />
          {t('station.call.hangUp')}
        </button>
      </div>
    </main>
  );
}
