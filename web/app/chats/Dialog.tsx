import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog>: it keeps the keyboard inside, Escape closes it, and
 * closing gives the focus back to what had it before (or to `returnFocus` when that is gone).
 * Shown while mounted; the element marked `data-autofocus` takes the focus first.
 */
export function Dialog(props: { title: string; onClose(): void; children: ReactNode; className?: string; headerAction?: ReactNode; onKeyDown?(event: KeyboardEvent): void; returnFocus?: () => HTMLElement | null }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnFocus = useRef(props.returnFocus);
  returnFocus.current = props.returnFocus;
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal() focuses the first button; a dialog may name a safer one (Keep it, Close).
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      const target = opener?.isConnected ? opener : returnFocus.current?.();
      target?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={['dialog', props.className ?? ''].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onKeyDown={props.onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog itself.
        if (event.target === event.currentTarget) props.onClose();
      }}
    >
      <div className="dialog__head">
        <h2 id={titleId} className="dialog__title">
          {props.title}
        </h2>
        {props.headerAction}
      </div>
      {props.children}
    </dialog>
  );
}
