import { useEffect, useState } from 'react';
import { msUntilNextMinute } from './clock.js';

/**
 * The current moment, renewed at every whole minute (and when the screen wakes up, since timers
 * sleep with it), so the clock changes exactly when the minute does.
 */
export function useMinute(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(new Date());
      timer = setTimeout(tick, msUntilNextMinute(new Date()));
    };
    timer = setTimeout(tick, msUntilNextMinute(new Date()));
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      clearTimeout(timer);
      tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return now;
}
