import { useState } from 'react';
import { startCall } from '../../common/calls/api.js';
import type { CallTarget } from '../../common/calls/types.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { navigate } from '../../common/router.js';

/** Starting a call: busy while it is made, then the call screen; or a sentence saying why not. */
export interface StartCall {
  busy: boolean;
  error: string | null;
  start(target: CallTarget): Promise<void>;
}

/** Rings someone (or a group) and goes to the call screen, where the call is seen through. */
export function useStartCall(): StartCall {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async (target: CallTarget) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const call = await startCall(target);
      navigate(`/calls/${encodeURIComponent(call.id)}`);
    } catch (thrown) {
      // Jitsi can be taken away after the page loaded; the server's sentences for the other call
      // codes come in the person's language already.
      const needsJitsi = (thrown as { code?: string } | null)?.code === 'needs_jitsi';
      setError(needsJitsi ? i18n.t('calls.needsJitsi') : errorSentence(thrown, i18n));
      setBusy(false);
    }
  };
  return { busy, error, start };
}
