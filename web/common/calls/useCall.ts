/** React's side of a call: one controller per call on the page, shared by whoever shows it. */
import { useEffect, useRef, useState } from 'react';
import type { Language } from '../i18n.js';
import type { JitsiSurface } from '../jitsi.js';
import { CallController, type CallView } from './controller.js';

const controllers = new Map<string, { controller: CallController; users: number; release: ReturnType<typeof setTimeout> | undefined }>();

/**
 * The controller of a call, made on first use; `release` lets go of it. The last release
 * disposes of it a moment later, so a screen that is taken down and put back at once (React's
 * StrictMode, a re-render under a new key) keeps the same call instead of hanging up.
 */
export function acquireCall(options: { callId: string; me: string; surface: JitsiSurface; language: Language }): { controller: CallController; release(): void } {
  let entry = controllers.get(options.callId);
  if (!entry || entry.controller.options.me !== options.me) {
    // Someone else signed in on this page: the old person's screen of this call is gone.
    entry?.controller.dispose();
    entry = { controller: new CallController(options), users: 0, release: undefined };
    controllers.set(options.callId, entry);
  }
  const held = entry;
  clearTimeout(held.release);
  held.users += 1;
  held.controller.start();
  let released = false;
  return {
    controller: held.controller,
    release() {
      if (released) return;
      released = true;
      held.users -= 1;
      if (held.users > 0) return;
      held.release = setTimeout(() => {
        if (held.users > 0) return;
        held.controller.dispose();
        if (controllers.get(options.callId) === held) controllers.delete(options.callId);
      }, 0);
    },
  };
}

/**
 * One call's controller and its current view while the component is shown (both null for the
 * first render). Taking the call only in an effect keeps rendering free of side effects.
 */
export function useCall(options: { callId: string; me: string; surface: JitsiSurface; language: Language }): { controller: CallController | null; view: CallView | null } {
  const { callId, me, surface, language } = options;
  const [state, setState] = useState<{ controller: CallController; view: CallView } | null>(null);
  const opening = useRef({ surface, language });
  useEffect(() => {
    const held = acquireCall({ callId, me, ...opening.current });
    const { controller } = held;
    setState({ controller, view: controller.view });
    const unsubscribe = controller.subscribe((view) => setState({ controller, view }));
    return () => {
      unsubscribe();
      held.release();
    };
  }, [callId, me]);
  const current = state?.controller.callId === callId ? state : null;
  return { controller: current?.controller ?? null, view: current?.view ?? null };
}
