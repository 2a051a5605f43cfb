import type { ButtonHTMLAttributes } from 'react';

/** Props of a button; `busy` shows `busyLabel` and ignores further presses. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'quiet';
  busy?: boolean;
  busyLabel?: string;
}

/**
 * A button with words on it. While busy it stays focusable (a disabled button would drop the
 * keyboard focus) but is marked aria-disabled and swallows clicks.
 */
export function Button({ variant = 'primary', busy = false, busyLabel, className, children, onClick, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={['button', `button--${variant}`, className ?? ''].filter(Boolean).join(' ')}
      aria-disabled={busy || rest['aria-disabled'] || undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
