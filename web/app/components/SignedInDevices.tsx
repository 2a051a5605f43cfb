import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../common/api.js';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n, type I18n } from '../../common/i18n.js';
import type { SessionJson } from '../../common/types.js';
import { listSessions, revokeSession } from '../accounts.js';
import { describeUserAgent } from '../devices.js';
import { useSession } from '../session.js';

/** "Firefox on Android", "Chrome", "Unknown browser". */
export function deviceName(session: SessionJson, i18n: I18n): string {
  const found = describeUserAgent(session.userAgent);
  if (!found) return i18n.t('devices.unknown');
  if (found.browser && found.os) return i18n.t('devices.browserOn', { browser: found.browser, os: found.os });
  return found.browser ?? found.os ?? i18n.t('devices.unknown');
}

type State = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; sessions: SessionJson[] };

/**
 * The browsers and devices the person is signed in on, this one marked, each other one with a
 * button to sign it out.
 */
export function SignedInDevices() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Read through a ref so that loading the list does not depend on the session's identity.
  const signedOut = useRef(session.signedOut);
  signedOut.current = session.signedOut;

  /** Returns whether the error is for this list to show (a session that ended is not). */
  const handleError = useCallback((error: unknown) => {
    // The session ended meanwhile (signed out elsewhere): back to the sign-in screen.
    if (isApiError(error, 'unauthenticated')) {
      signedOut.current('error.unauthenticated');
      return false;
    }
    return true;
  }, []);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', sessions: await listSessions() });
    } catch (error) {
      if (handleError(error)) setState({ status: 'failed', error });
    }
  }, [handleError]);

  useEffect(() => {
    void load();
  }, [load]);

  const revoke = async (device: SessionJson) => {
    if (busyId) return;
    const name = deviceName(device, i18n);
    setBusyId(device.id);
    setMessage(null);
    try {
      await revokeSession(device.id);
      setState((before) => (before.status === 'ready' ? { ...before, sessions: before.sessions.filter((s) => s.id !== device.id) } : before));
      setMessage({ tone: 'success', text: t('devices.revoked', { device: name }) });
      // The button that had the focus is gone; the list's heading takes it.
      headingRef.current?.focus();
    } catch (error) {
      if (handleError(error)) setMessage({ tone: 'error', text: errorSentence(error, i18n) });
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="devices" aria-labelledby="devices-heading">
      <h2 id="devices-heading" ref={headingRef} tabIndex={-1}>
        {t('devices.title')}
      </h2>
      <p className="muted">{t('devices.intro')}</p>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {state.status === 'loading' && (
        <p role="status" className="muted">
          {t('devices.loading')}
        </p>
      )}
      {state.status === 'failed' && (
        <>
          <Notice tone="error">{errorSentence(state.error, i18n)}</Notice>
          <Button variant="secondary" onClick={() => void load()}>
            {t('error.tryAgain')}
          </Button>
        </>
      )}
      {state.status === 'ready' && (
        <>
          <ul className="device-list">
            {state.sessions.map((device) => {
              const name = deviceName(device, i18n);
              return (
                <li key={device.id} className="device" data-current={device.current || undefined}>
                  <div className="device__text">
                    <p className="device__name">
                      {name}
                      {device.current && <span className="badge">{t('devices.thisDevice')}</span>}
                    </p>
                    <p className="device__meta">
                      {t('devices.lastUsed', { when: i18n.formatRelative(new Date(device.lastSeenAt)) })}
                      {' · '}
                      {t('devices.since', { date: i18n.formatDate(new Date(device.createdAt)) })}
                    </p>
                  </div>
                  {!device.current && (
                    <Button
                      variant="secondary"
                      className="device__action"
                      aria-label={t('devices.revokeNamed', { device: name })}
                      busy={busyId === device.id}
                      busyLabel={t('home.signingOut')}
                      onClick={() => void revoke(device)}
                    >
                      {t('devices.revoke')}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
          {state.sessions.every((s) => s.current) && <p className="muted">{t('devices.onlyThis')}</p>}
        </>
      )}
    </section>
  );
}
