import type { ReactNode } from 'react';

/**
 * A sentence in a box: errors are announced at once (role="alert"), the rest politely
 * (role="status").
 */
export function Notice(props: { tone: 'error' | 'info' | 'success'; children: ReactNode; className?: string }) {
  return (
    <div role={props.tone === 'error' ? 'alert' : 'status'} className={['notice', `notice--${props.tone}`, props.className ?? ''].filter(Boolean).join(' ')}>
      {props.children}
    </div>
  );
}
