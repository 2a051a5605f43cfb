import { useEffect, useState } from 'react';
import { isApiError } from '../common/api.js';
import { useDocumentTitle } from '../common/components/PageHeading.js';
import { useI18n } from '../common/i18n.js';
import { checkPairing, startPairing, type PairingJson } from './api.js';
import { ConnectionSign } from './ConnectionSign.js';
import { QrCode } from './QrCode.js';

/** How often a waiting screen asks whether an admin approved its code. */
const checkEveryMs = 2_000;
/** A new code this long before the old one expires, so nobody types a code that just ran out. */
const renewBeforeMs = 30_000;
/** After a failure to reach the server, the next try. */
const retryMs = 5_000;

/** "KMN47X" as "KMN 47X": two halves are easier to read off and type. */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/**
 * A new screen: a large code and a QR code of the approval link, and one plain sentence for the
 * person in front of it. It asks every two seconds whether an admin approved the code; then the
 * server sets the screen's cookie and `onPaired` takes it to the clock and photos.
 */
export function Pairing(props: { onPaired(): void }) {
  const { t } = useI18n();
  useDocumentTitle(t('station.pairing.pageTitle'));
  const [pairing, setPairing] = useState<PairingJson | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  const { onPaired } = props;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    let current: PairingJson | null = null;
    const later = (ms: number, step: () => Promise<void>) => {
      if (!stopped) timer = setTimeout(() => void step(), ms);
    };
    const fresh = async () => {
      try {
        current = await startPairing();
        if (stopped) return;
        setPairing(current);
        setUnreachable(false);
        later(checkEveryMs, check);
      } catch (error) {
        setUnreachable(true);
        later(isApiError(error) && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : retryMs, fresh);
      }
    };
    const check = async () => {
      if (!current) return fresh();
      if (Date.parse(current.expiresAt) - Date.now() < renewBeforeMs) return fresh();
      try {
        if ((await checkPairing(current.secret)) === 'paired') {
          if (!stopped) onPaired();
          return;
        }
        setUnreachable(false);
        later(current.checkAfterSeconds > 0 ? current.checkAfterSeconds * 1000 : checkEveryMs, check);
      } catch (error) {
        // 404 pairing_unknown, 410 pairing_expired: this code is over, show a new one.
        if (isApiError(error) && (error.status === 404 || error.status === 410)) return fresh();
        setUnreachable(true);
        later(isApiError(error) && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : retryMs, check);
      }
    };
    void fresh();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [onPaired]);

  return (
    <main className="pairing">
      <h1 className="pairing__title">{t('station.pairing.title')}</h1>
      {pairing ? (
        <div className="pairing__body">
          <div className="pairing__code-box">
            <p className="pairing__label">{t('station.pairing.codeLabel')}</p>
            <p className="pairing__code" aria-label={[...pairing.code].join(' ')}>
              {spacedCode(pairing.code)}
            </p>
            <p className="pairing__how">{t('station.pairing.how')}</p>
          </div>
          <div className="pairing__qr">
            <QrCode text={pairing.approvalUrl} label={t('station.pairing.qrLabel')} />
          </div>
        </div>
      ) : (
        <p className="pairing__wait" role="status">
          {t('station.loading')}
        </p>
      )}
      <ConnectionSign connected={!unreachable} />
    </main>
  );
}
