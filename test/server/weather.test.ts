/**
 * The station's weather (F13): only with a configured provider, and then only the place and the
 * time zone leave the house. A local stand-in plays Open-Meteo and records every request.
 */
import test from 'ava';
import { createOpenMeteoSource } from '../../bridges/weather/openMeteo.js';
import { buildConfig } from '../../server/config/index.js';
import { presentWeather } from '../../server/presenters/weather.js';
import { WeatherCache, weatherFreshMs, weatherKeptMs, weatherKind, weatherRetryMs } from '../../server/services/weather.js';
import { createWeatherSource } from '../../server/weatherSource.js';
import { buildAdmin } from '../helpers/family.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { buildStationPerson, pairStation, type PairedStation } from '../helpers/station.js';
import { startWeatherStandIn, type WeatherStandIn } from '../helpers/weatherStandIn.js';

const place = { 'weather.latitude': 52.3731, 'weather.longitude': 4.8922 };

async function standIn(t: { teardown(fn: () => unknown): void }): Promise<WeatherStandIn> {
  const started = await startWeatherStandIn();
  t.teardown(() => started.stop());
  return started;
}

/** A server with the given weather settings and a screen paired to a station person of a language. */
async function screenWith(t: { teardown(fn: () => unknown): void }, config: Record<string, unknown>, language: 'nl' | 'en' = 'en'): Promise<{ server: TestServer; screen: PairedStation }> {
  const server = await startTestServer({ 'family.timeZone': 'Europe/Amsterdam', ...config });
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const personId = await buildStationPerson(server, admin, { firstName: 'Riet', language });
  return { server, screen: await pairStation(server, admin, personId) };
}

/** A cache over the real Open-Meteo bridge pointed at the stand-in, on a clock the test moves. */
function cacheOver(weather: WeatherStandIn, clock: { now: number }, failures: unknown[] = []): WeatherCache {
  const source = createOpenMeteoSource({ url: weather.url, latitude: 52.37, longitude: 4.89, timeZone: 'Europe/Amsterdam', timeoutMs: 300 });
  return new WeatherCache(source, { now: () => clock.now, onFailure: (error) => failures.push(error) });
}

test('without a provider (the default) the screen gets no weather and nothing is sent, even with weather.url set', async (t) => {
  const weather = await standIn(t);
  const { server, screen } = await screenWith(t, { 'weather.url': weather.url });
  t.is(server.config.weather.provider, 'none');
  for (let i = 0; i < 3; i += 1) {
    const answer = await server.api('/api/v1/station/weather', { cookie: screen.cookie });
    t.is(answer.status, 200);
    t.deepEqual(answer.body, { weather: null });
  }
  t.is(weather.requests.length, 0);
});

test('a configured provider is asked for the place, the current fields and the time zone only, and the screen gets it in its language', async (t) => {
  const weather = await standIn(t);
  const { server, screen } = await screenWith(t, { 'weather.provider': 'open-meteo', 'weather.url': weather.url, ...place }, 'nl');
  const answer = await server.api('/api/v1/station/weather', { cookie: screen.cookie });
  t.is(answer.status, 200);
  t.like(answer.body.weather, { temperature: 12, code: 3, words: 'bewolkt' });
  t.deepEqual(Object.keys(answer.body.weather).sort(), ['code', 'observedAt', 'temperature', 'words']);
  t.true(Math.abs(Date.parse(answer.body.weather.observedAt) - Date.now()) < 60_000);

  t.is(weather.requests.length, 1);
  const [seen] = weather.requests;
  t.is(seen!.method, 'GET');
  t.is(seen!.path, '/v1/forecast');
  t.is(seen!.body, '');
  t.deepEqual([...seen!.query.entries()], [
    ['latitude', '52.37'],
    ['longitude', '4.89'],
    ['current', 'temperature_2m,weather_code,is_day'],
    ['timezone', 'Europe/Amsterdam'],
  ]);
  // Nothing of the family or the screen goes with it: no cookie, no referrer, no credentials.
  t.is(seen!.headers.cookie, undefined);
  t.is(seen!.headers.referer, undefined);
  t.is(seen!.headers.authorization, undefined);
  t.false(JSON.stringify(seen!.headers).includes(screen.stationPersonId));
});

test('screens asking within half an hour share one request; an English screen gets English words', async (t) => {
  const weather = await standIn(t);
  weather.answer = { temperature: 17.6, code: 61 };
  const { server, screen } = await screenWith(t, { 'weather.provider': 'open-meteo', 'weather.url': weather.url, ...place }, 'en');
  const answers = await Promise.all([1, 2, 3].map(() => server.api('/api/v1/station/weather', { cookie: screen.cookie })));
  for (const answer of answers) t.like(answer.body.weather, { temperature: 18, code: 61, words: 'rain' });
  await server.api('/api/v1/station/weather', { cookie: screen.cookie });
  t.is(weather.requests.length, 1);
});

test('a reading is kept for 30 minutes, then asked again', async (t) => {
  const weather = await standIn(t);
  const clock = { now: 1_000_000 };
  const cache = cacheOver(weather, clock);
  t.is((await cache.current())?.reading.temperature, 12.3);
  clock.now += weatherFreshMs - 1;
  weather.answer = { temperature: 8, code: 0 };
  t.is((await cache.current())?.reading.temperature, 12.3);
  t.is(weather.requests.length, 1);
  clock.now += 1;
  const fresh = await cache.current();
  t.is(fresh?.reading.temperature, 8);
  t.is(fresh?.observedAt.getTime(), clock.now);
  t.is(weather.requests.length, 2);
});

test('when the provider fails the last good reading stays for up to 3 hours, then there is none', async (t) => {
  const weather = await standIn(t);
  const clock = { now: 5_000_000 };
  const failures: unknown[] = [];
  const cache = cacheOver(weather, clock, failures);
  const first = await cache.current();
  t.is(first?.reading.code, 3);
  weather.answer = { status: 503 };
  clock.now += weatherFreshMs;
  t.is((await cache.current())?.reading.temperature, 12.3, 'a failure keeps the last reading');
  t.is(failures.length, 1);
  t.regex(String(failures[0]), /503/);
  // Resting after a failure: screens asking meanwhile do not reach the provider.
  clock.now += weatherRetryMs - 1;
  await cache.current();
  t.is(weather.requests.length, 2);
  weather.answer = 'hang';
  clock.now = first!.observedAt.getTime() + weatherKeptMs;
  t.is((await cache.current())?.reading.temperature, 12.3, 'still within 3 hours, after a timeout');
  t.is(weather.requests.length, 3);
  t.is((failures[1] as Error).name, 'TimeoutError');
  clock.now += weatherRetryMs;
  t.is(await cache.current(), null, 'past 3 hours without an answer: no weather');
  weather.answer = { temperature: -0.4, code: 71 };
  clock.now += weatherRetryMs;
  const back = await cache.current();
  t.is(back?.reading.code, 71, 'the provider back: weather again');
  t.is(presentWeather(back!, 'en').temperature, 0, 'never "-0°"');
  t.is(Object.is(presentWeather(back!, 'en').temperature, -0), false);
});

test('an answer in another shape counts as a failure, not as weather', async (t) => {
  const weather = await standIn(t);
  const cache = cacheOver(weather, { now: 0 });
  weather.answer = { status: 200 };
  t.is(await cache.current(), null);
});

test('no source is made for provider none, so nothing can be sent', (t) => {
  const config = buildConfig({ 'weather.url': 'http://127.0.0.1:9/v1/forecast', ...place }, 'test');
  t.is(createWeatherSource(config.weather, 'Europe/Amsterdam'), null);
  t.false(new WeatherCache(null).configured);
});

test('weather codes fall into the groups a screen names, by day and by night', (t) => {
  const groups = [0, 1, 2, 3, 45, 48, 51, 55, 61, 65, 66, 71, 75, 77, 80, 82, 85, 86, 95, 99].map((code) => `${code}:${weatherKind(code)}`);
  t.deepEqual(groups, [
    '0:clear', '1:partlyCloudy', '2:partlyCloudy', '3:cloudy', '45:fog', '48:fog', '51:drizzle', '55:drizzle', '61:rain', '65:rain', '66:rain',
    '71:snow', '75:snow', '77:snow', '80:showers', '82:showers', '85:snow', '86:snow', '95:thunderstorm', '99:thunderstorm',
  ]);
  const words = (code: number, isDay: boolean, language: 'nl' | 'en') => presentWeather({ reading: { temperature: 12, code, isDay }, observedAt: new Date(0) }, language).words;
  t.deepEqual([words(0, true, 'nl'), words(0, false, 'nl'), words(0, true, 'en'), words(0, false, 'en')], ['zonnig', 'helder', 'sunny', 'clear']);
  t.deepEqual([words(2, true, 'nl'), words(45, true, 'nl'), words(53, true, 'nl'), words(63, true, 'nl'), words(73, true, 'nl'), words(81, true, 'nl'), words(96, true, 'nl')], ['half bewolkt', 'mist', 'motregen', 'regen', 'sneeuw', 'buien', 'onweer']);
});

test('a provider without a place is refused at start, naming the key and the fix', (t) => {
  const error = t.throws(() => buildConfig({ 'weather.provider': 'open-meteo', 'weather.longitude': 4.89 }, 'config.json'));
  t.is(error?.message, 'config.json: weather.latitude: is required when weather.provider is open-meteo: the weather is asked for this place (set it, or set weather.provider to none)');
  const missingLongitude = t.throws(() => buildConfig({ 'weather.provider': 'open-meteo', 'weather.latitude': 52.37 }, 'config.json'));
  t.regex(missingLongitude?.message ?? '', /^config\.json: weather\.longitude: is required when weather\.provider is open-meteo/);
  t.is(t.throws(() => buildConfig({ ...place, 'weather.latitude': 91 }, 'config.json'))?.message, 'config.json: weather.latitude: must be -90 to 90 (found 91)');
  t.is(t.throws(() => buildConfig({ ...place, 'weather.longitude': -180.5 }, 'config.json'))?.message, 'config.json: weather.longitude: must be -180 to 180 (found -180.5)');
  t.is(t.throws(() => buildConfig({ 'weather.provider': 'darksky' }, 'config.json'))?.message, 'config.json: weather.provider: must be none or open-meteo (found "darksky")');
  t.is(buildConfig({ 'weather.provider': 'open-meteo', ...place }).weather.url, 'https://api.open-meteo.com/v1/forecast');
});
