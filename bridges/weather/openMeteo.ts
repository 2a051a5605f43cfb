import { z } from 'zod';
import type { WeatherReading, WeatherSource } from '../../server/services/ports.js';

/** Where and how to ask Open-Meteo: its forecast address and the family's place. */
export interface OpenMeteoSettings {
  url: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  /** How long to wait for an answer; a station waits for nothing, so 5 s is plenty. */
  timeoutMs?: number;
}

const defaultTimeoutMs = 5_000;

/** The part of Open-Meteo's answer prifora reads; anything else in it is ignored. */
const answer = z.object({
  current: z.object({
    temperature_2m: z.number(),
    weather_code: z.number().int().min(0).max(99),
    is_day: z.union([z.literal(0), z.literal(1)]),
  }),
});

/**
 * The address asked: the place, the three current fields and the time zone, nothing more.
 * Two decimals of a degree (about 1 km) are all a forecast uses, so no finer place leaves the house.
 */
export function openMeteoUrl(settings: OpenMeteoSettings): string {
  const url = new URL(settings.url);
  url.search = new URLSearchParams({
    latitude: settings.latitude.toFixed(2),
    longitude: settings.longitude.toFixed(2),
    current: 'temperature_2m,weather_code,is_day',
    timezone: settings.timeZone,
  }).toString();
  return url.toString();
}

/**
 * Open-Meteo (open-meteo.com) as a weather source: no account and no key, so nothing but the
 * place is sent. No cookies, no referrer and no credentials go with the request.
 */
export function createOpenMeteoSource(settings: OpenMeteoSettings): WeatherSource {
  const timeoutMs = settings.timeoutMs ?? defaultTimeoutMs;
  return {
    description: `open-meteo at ${new URL(settings.url).origin}`,
    async current(): Promise<WeatherReading> {
      const response = await fetch(openMeteoUrl(settings), {
        headers: { accept: 'application/json' },
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`open-meteo answered ${response.status}`);
      const parsed = answer.safeParse(await response.json());
      if (!parsed.success) throw new Error(`open-meteo answered something else: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`);
      const { current } = parsed.data;
      return { temperature: current.temperature_2m, code: current.weather_code, isDay: current.is_day === 1 };
    },
  };
}
