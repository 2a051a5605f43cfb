import { t, type Language } from '../i18n/index.js';
import { weatherWordsKey, type WeatherNow } from '../services/weather.js';

/** The weather as a screen shows it: "12° · cloudy". */
export interface WeatherJson {
  /** Whole degrees Celsius. */
  temperature: number;
  /** The WMO weather code the provider reported. */
  code: number;
  /** The sky in the station person's language ("bewolkt" / "cloudy"). */
  words: string;
  /** When the reading was taken: a screen that lost the server stops showing it 3 hours later. */
  observedAt: string;
}

/** Presents a reading in a language. */
export function presentWeather(now: WeatherNow, language: Language): WeatherJson {
  // Math.round gives -0 for -0.4; a screen should never say "-0°".
  const temperature = Math.round(now.reading.temperature) || 0;
  return { temperature, code: now.reading.code, words: t(language, weatherWordsKey(now.reading)), observedAt: now.observedAt.toISOString() };
}
