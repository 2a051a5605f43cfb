import { useEffect, useState } from 'react';
import { fetchWeather, type WeatherJson } from './api.js';

/** The server keeps a reading for 30 minutes, so asking more often brings nothing new. */
const askEveryMs = 30 * 60_000;
/** Older than this the weather says nothing true about outside, connected or not. */
const keptMs = 3 * 60 * 60_000;

/**
 * The weather to show under the clock: asked at start, every 30 minutes and whenever the
 * connection comes back. Offline (or when an ask fails) the last answer stays until it is 3 hours
 * old; `now` (the clock's minute) takes it away then.
 */
export function useWeather(connected: boolean, now: Date): WeatherJson | null {
  const [weather, setWeather] = useState<WeatherJson | null>(null);
  useEffect(() => {
    if (!connected) return;
    let stopped = false;
    const ask = () =>
      fetchWeather().then(
        (next) => {
          if (!stopped) setWeather(next);
        },
        // A failed ask changes nothing: the last answer ages out by itself.
        () => undefined,
      );
    void ask();
    const timer = setInterval(ask, askEveryMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [connected]);
  if (!weather) return null;
  const age = now.getTime() - Date.parse(weather.observedAt);
  return age <= keptMs ? weather : null;
}
