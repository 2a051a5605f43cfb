import { useI18n } from '../common/i18n.js';
import type { WeatherJson } from './api.js';

/** "12° · bewolkt" under the clock, large and calm; nothing at all when there is no weather. */
export function WeatherLine(props: { weather: WeatherJson | null }) {
  const { t } = useI18n();
  if (!props.weather) return null;
  return <p className="weather-line">{t('station.weather.line', { temperature: props.weather.temperature, words: props.weather.words })}</p>;
}
