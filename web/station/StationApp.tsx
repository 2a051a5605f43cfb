import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../common/api.js';
import { browserLanguage, I18nProvider, useI18n, type Language } from '../common/i18n.js';
import { fetchFamilyLanguage, fetchMe, type StationMeJson } from './api.js';
import { Pairing } from './Pairing.js';
import { Station } from './Station.js';
import { forgetStationData } from './worker.js';

/** After a failure to reach the server at start, the next try (a cached answer makes this rare). */
const retryMs = 5_000;

type Phase = { kind: 'loading' } | { kind: 'pairing'; language: Language } | { kind: 'paired'; me: StationMeJson };

/**
 * The station UI: finds out whether this screen is paired (its cookie answers GET
 * /api/v1/station/me), shows the pairing screen if not, and the clock and photos if so. A screen
 * revoked by an admin goes back to the pairing screen.
 */
export function StationApp() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    fetchMe().then(
      (me) => {
        if (!stopped) setPhase({ kind: 'paired', me });
      },
      async (error: unknown) => {
        if (stopped) return;
        if (isApiError(error, 'unauthenticated')) {
          const language = await fetchFamilyLanguage().catch(() => browserLanguage('nl'));
          if (!stopped) setPhase({ kind: 'pairing', language });
          return;
        }
        timer = setTimeout(() => setAttempt((n) => n + 1), retryMs);
      },
    );
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [attempt]);

  const paired = useCallback(() => setAttempt((n) => n + 1), []);
  const revoked = useCallback(() => {
    void forgetStationData();
    setPhase({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const language = phase.kind === 'paired' ? phase.me.language : phase.kind === 'pairing' ? phase.language : browserLanguage('nl');
  return (
    <I18nProvider language={language}>
      {phase.kind === 'paired' ? <Station me={phase.me} onRevoked={revoked} /> : phase.kind === 'pairing' ? <Pairing onPaired={paired} /> : <Loading />}
    </I18nProvider>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <main className="station-loading">
      <p role="status">{t('station.loading')}</p>
    </main>
  );
}
