import { useEffect, useState } from 'react';
import { useI18n } from '../common/i18n.js';

/** How long a connection may be down before the sign shows: a short blip needs no words. */
const graceMs = 4_000;

/**
 * A small, calm "verbinding maken…" while the screen cannot reach the server. Everything else
 * goes on (clock, cached photos); there is nothing the person has to do.
 */
export function ConnectionSign(props: { connected: boolean }) {
  const { t } = useI18n();
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (props.connected) {
      setShow(false);
      return;
    }
    const timer = setTimeout(() => setShow(true), graceMs);
    return () => clearTimeout(timer);
  }, [props.connected]);
  return (
    <p className="connection-sign" role="status">
      {show ? t('station.reconnecting') : ''}
    </p>
  );
}
