import type { MessageKey } from '../i18n/index.js';
import type { ServiceContext } from './context.js';
import type { WeatherReading, WeatherSource } from './ports.js';

/** A reading younger than this is answered without asking the provider again. */
export const weatherFreshMs = 30 * 60_000;
/** While the provider fails, the last good reading is shown this long; then no weather at all. */
export const weatherKeptMs = 3 * 60 * 60_000;
/** After a failure the provider is left alone this long, so waiting screens never hammer it. */
export const weatherRetryMs = 5 * 60_000;

/** A reading and when it was taken. */
export interface WeatherNow {
  reading: WeatherReading;
  observedAt: Date;
}

/**
 * The weather of the one place of this instance, asked at most every 30 minutes however many
 * screens ask. A failed ask keeps the last good reading for up to 3 hours. Without a source
 * (weather.provider none) it never asks anything.
 */
export class WeatherCache {
  #last: { reading: WeatherReading; at: number } | null = null;
  #failedAt: number | null = null;
  #asking: Promise<void> | null = null;
  readonly #source: WeatherSource | null;
  readonly #now: () => number;
  readonly #onFailure: (error: unknown) => void;

  /**
   * @param source the provider, or null for none
   * @param options.now the clock (tests move it); options.onFailure hears each failed ask
   */
  constructor(source: WeatherSource | null, options: { now?: () => number; onFailure?: (error: unknown) => void } = {}) {
    this.#source = source;
    this.#now = options.now ?? Date.now;
    this.#onFailure = options.onFailure ?? (() => undefined);
  }

  /** Whether a provider is configured at all. */
  get configured(): boolean {
    return this.#source !== null;
  }

  /** The weather now, or null when there is none configured or none recent enough. Never throws. */
  async current(): Promise<WeatherNow | null> {
    if (!this.#source) return null;
    const last = this.#last;
    if (last && this.#now() - last.at < weatherFreshMs) return { reading: last.reading, observedAt: new Date(last.at) };
    const resting = this.#failedAt !== null && this.#now() - this.#failedAt < weatherRetryMs;
    if (!resting) await (this.#asking ??= this.#ask(this.#source).finally(() => (this.#asking = null)));
    const kept = this.#last;
    return kept && this.#now() - kept.at <= weatherKeptMs ? { reading: kept.reading, observedAt: new Date(kept.at) } : null;
  }

  async #ask(source: WeatherSource): Promise<void> {
    try {
      const reading = await source.current();
      this.#last = { reading, at: this.#now() };
      this.#failedAt = null;
    } catch (error) {
      this.#failedAt = this.#now();
      this.#onFailure(error);
    }
  }
}

/** The groups of WMO weather codes a station names in words. */
export type WeatherKind = 'clear' | 'partlyCloudy' | 'cloudy' | 'fog' | 'drizzle' | 'rain' | 'snow' | 'showers' | 'thunderstorm';

/**
 * The group of a WMO weather interpretation code (WMO 4677, as Open-Meteo reports it). Codes
 * between the ones Open-Meteo uses fall into the group of their decade, so every code has words.
 */
export function weatherKind(code: number): WeatherKind {
  if (code <= 0) return 'clear';
  if (code <= 2) return 'partlyCloudy';
  if (code === 3) return 'cloudy';
  if (code < 50) return 'fog';
  if (code < 60) return 'drizzle';
  if (code < 70) return 'rain';
  if (code < 80) return 'snow';
  if (code === 85 || code === 86) return 'snow';
  if (code < 95) return 'showers';
  return 'thunderstorm';
}

/** The catalogue key of a reading's words: a clear sky is sunny by day and clear at night. */
export function weatherWordsKey(reading: WeatherReading): MessageKey {
  const kind = weatherKind(reading.code);
  if (kind === 'clear') return reading.isDay ? 'weather.sunny' : 'weather.clear';
  return `weather.${kind}`;
}

/** The weather for a screen: null when none is configured, or the provider has been away too long. */
export function currentWeather(ctx: Pick<ServiceContext, 'weather'>): Promise<WeatherNow | null> {
  return ctx.weather.current();
}
