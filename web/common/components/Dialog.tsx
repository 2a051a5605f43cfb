import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const focusable = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), video[controls], [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native <dialog>: the page behind it is inert, Tab and Shift+Tab go round
 * inside it (also past its last button, where the browser would leave for its own toolbar),
 * Escape calls `onClose`, and closing gives the focus back to what had it before (or to
 * `returnFocus` when that is gone). Shown while mounted; the element marked `data-autofocus`
 * takes the focus first (a safe choice such as "Keep it" or "Close"), else the browser's first.
 */
export function Dialog(props: {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
  hideTitle?: boolean;
  /** A control beside the title, such as Close. */
  headerAction?: ReactNode;
  onKeyDown?(event: KeyboardEvent<HTMLDialogElement>): void;
  returnFocus?: () => HTMLElement | null;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnFocus = useRef(props.returnFocus);
  returnFocus.current = props.returnFocus;
  const unmounting = useRef(false);
  // First, before showing it moves the focus: remember what had the focus, to give it back.
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    unmounting.current = false;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      unmounting.current = true;
      if (dialog?.open) dialog.close();
      const target = opener?.isConnected ? opener : returnFocus.current?.();
      target?.focus();
    };
  }, []);
  // Shown while mounted: also after the browser closed it by itself (see onClose below).
  useLayoutEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  });

  const keepFocusInside = (event: KeyboardEvent<HTMLDialogElement>) => {
    props.onKeyDown?.(event);
    if (event.key !== 'Tab' || !ref.current) return;
    const all = [...ref.current.querySelectorAll<HTMLElement>(focusable)].filter((element) => element.getClientRects().length > 0);
    const first = all[0];
    const last = all.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={['modal', props.className ?? ''].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onKeyDown={keepFocusInside}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
      onClose={() => {
        // A second Escape without a click between closes a <dialog> without a cancel event
        // (Chrome's close watchers): it still means "close".
        if (!unmounting.current && !ref.current?.open) props.onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog itself.
        if (event.target === event.currentTarget) props.onClose();
      }}
    >
      {props.headerAction ? (
        <div className="modal__head">
          <h2 id={titleId} className="modal__title">
            {props.title}
          </h2>
          {props.headerAction}
        </div>
      ) : (
        <h2 id={titleId} className={props.hideTitle ? 'visually-hidden' : 'modal__title'}>
          {props.title}
        </h2>
      )}
      {props.children}
    </dialog>
  );
}
