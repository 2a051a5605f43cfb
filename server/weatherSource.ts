import { createOpenMeteoSource } from '../bridges/weather/openMeteo.js';
import type { Config } from './config/index.js';
import type { WeatherSource } from './services/ports.js';

/**
 * The weather provider the config names, or null for none: then nothing that could send a
 * request exists in the process at all.
 */
export function createWeatherSource(weather: Config['weather'], timeZone: string): WeatherSource | null {
  if (weather.provider === 'none' || weather.latitude === null || weather.longitude === null) return null;
  return createOpenMeteoSource({ url: weather.url, latitude: weather.latitude, longitude: weather.longitude, timeZone });
}
