import fs from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import type { Page, Response } from 'playwright-core';
import { seriousViolations } from '../helpers/axe.js';
import { closeBrowser, openPage, resultsDir, type BrowserPage } from '../helpers/browser.js';
import { buildAdmin } from '../helpers/family.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { buildStationPerson, keepAwake, pairStation } from '../helpers/station.js';
import { startWeatherStandIn } from '../helpers/weatherStandIn.js';

/**
 * The weather under the day clock (F13), on a paired 1280 × 800 screen: a line when the family
 * configured a provider (a local stand-in here), none at all when it did not.
 */

test.after.always(() => closeBrowser());

/** A paired screen of Riet, in her language, opened on the station UI. */
async function openPairedStation(t: ExecutionContext, config: Record<string, unknown>, language: 'nl' | 'en'): Promise<{ server: TestServer; opened: BrowserPage; weatherAnswered: Promise<Response> }> {
  const server = await startTestServer({ 'family.language': language, 'family.timeZone': 'Europe/Amsterdam', ...config });
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const rietId = await buildStationPerson(server, admin, { firstName: 'Riet', language });
  await keepAwake(server, admin, rietId);
  const screen = await pairStation(server, admin, rietId);
  const opened = await openPage(t, server, { locale: language === 'nl' ? 'nl-NL' : 'en-GB' });
  await opened.page.setViewportSize({ width: 1280, height: 800 });
  await opened.context.addCookies([{ name: 'prifora_station', value: screen.cookie.slice('prifora_station='.length), url: server.url, httpOnly: true, sameSite: 'Strict' }]);
  const weatherAnswered = opened.page.waitForResponse((response) => response.url().endsWith('/api/v1/station/weather') && response.ok());
  await opened.page.goto('/station');
  return { server, opened, weatherAnswered };
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(path.join(resultsDir, 'station'), { recursive: true });
  await page.screenshot({ path: path.join(resultsDir, 'station', `${name}.png`), animations: 'disabled', caret: 'hide' });
}

/** Relative luminance of a CSS rgb() colour (WCAG 2). */
function luminance(colour: string): number {
  const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
    const s = Number(part) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The line's font size in px and its contrast against the nearest background behind it. */
async function measure(page: Page): Promise<{ fontPx: number; contrast: number }> {
  // Only plain expressions in the page: the test's transpiler would wrap named helpers.
  const seen = await page.locator('.weather-line').evaluate((line) => {
    let behind: Element | null = line;
    while (behind && getComputedStyle(behind).backgroundColor === 'rgba(0, 0, 0, 0)') behind = behind.parentElement;
    return { fontSize: getComputedStyle(line).fontSize, colour: getComputedStyle(line).color, background: getComputedStyle(behind ?? document.body).backgroundColor };
  });
  const [light = 0, dark = 0] = [luminance(seen.colour), luminance(seen.background)].sort((a, b) => b - a);
  return { fontPx: parseFloat(seen.fontSize), contrast: (light + 0.05) / (dark + 0.05) };
}

test('a paired screen shows "12° · bewolkt" under the clock when the family configured a weather provider', async (t) => {
  const weather = await startWeatherStandIn();
  t.teardown(() => weather.stop());
  const { opened, weatherAnswered } = await openPairedStation(t, { 'weather.provider': 'open-meteo', 'weather.url': weather.url, 'weather.latitude': 52.37, 'weather.longitude': 4.89 }, 'nl');
  const { page } = opened;
  const line = page.locator('.home__clock .weather-line');
  await weatherAnswered;
  await line.waitFor();
  t.is(await line.textContent(), '12° · bewolkt');
  const { fontPx, contrast } = await measure(page);
  t.true(fontPx >= 28, `text of ${fontPx} px`);
  t.true(contrast >= 7, `contrast ${contrast.toFixed(1)}:1`);
  t.deepEqual(await seriousViolations(page), []);
  await shot(page, 'weather-nl');
  t.is(weather.requests.length, 1);
  t.deepEqual(opened.problems, []);
});

test('a screen of a family without a weather provider shows no weather line, and nothing is asked of the provider', async (t) => {
  const weather = await startWeatherStandIn();
  t.teardown(() => weather.stop());
  const { opened, weatherAnswered } = await openPairedStation(t, { 'weather.url': weather.url }, 'en');
  const { page } = opened;
  await page.locator('.day-clock').waitFor();
  t.deepEqual(await (await weatherAnswered).json(), { weather: null });
  t.is(await page.locator('.weather-line').count(), 0);
  await shot(page, 'weather-none-en');
  t.is(weather.requests.length, 0);
  t.deepEqual(opened.problems, []);
});
