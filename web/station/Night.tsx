import { useEffect } from 'react';
import type { DayClock as Clock } from './clock.js';
import { DayClock } from './DayClock.js';

/**
 * Night: a black screen with the clock dimmed, nothing else. A touch anywhere wakes the normal
 * home screen for a minute.
 */
export function Night(props: { clock: Clock; onTouch(): void }) {
  const { onTouch } = props;
  useEffect(() => {
    window.addEventListener('pointerdown', onTouch);
    window.addEventListener('keydown', onTouch);
    return () => {
      window.removeEventListener('pointerdown', onTouch);
      window.removeEventListener('keydown', onTouch);
    };
  }, [onTouch]);
  return (
    <main className="night">
      <DayClock clock={props.clock} variant="night" />
    </main>
  );
}
