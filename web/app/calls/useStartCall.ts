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
  /** The server said group calls need Jitsi: the button stays, with its sentence. */
  needsJitsi: boolean;
  start(target: CallTarget): Promise<void>;
}

/** Rings someone (or a group) and goes to the call screen, where the call is seen through. */
export function useStartCall(): StartCall {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needsJitsi, setNeedsJitsi] = useState(false);
  const start = async (target: CallTarget) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const call = await startCall(target);
      navigate(`/calls/${encodeURIComponent(call.id)}`);
    } catch (thrown) {
      // The server's sentences for the call codes come in the person's language already.
      const jitsi = (thrown as { code?: string } | null)?.code === 'needs_jitsi';
      setNeedsJitsi(jitsi);
      setError(jitsi ? i18n.t('calls.needsJitsi') : errorSentence(thrown, i18n));
      setBusy(false);
    }
  };
  return { busy, error, needsJitsi, start };
}
