import fs from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import jsQRModule from 'jsqr';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { startServer } from '../../server/http.js';
import { createLogger } from '../../server/logger.js';
import { seriousViolations } from '../helpers/axe.js';
import { stationRuleBreaks } from '../helpers/stationRules.js';
import { closeBrowser, openPage, resultsDir, type BrowserPage } from '../helpers/browser.js';
import { buildAdmin, buildMember, until, type Member } from '../helpers/family.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { keepAwake } from '../helpers/station.js';

/**
 * The Home Station as its user meets it, on a 1280 × 800 touch screen: pairing, the day clock in
 * both languages, photos a relative shares, a message with a one-tap answer, notices, night, the
 * server going away and coming back, and revoking. axe-core checks every screen; each is saved
 * under test-results/station/ to be looked at as someone of 90 would see it.
 */

test.after.always(() => closeBrowser());

// jsqr is CommonJS: under Node's ESM loader its function is the module's `default` property.
const jsQR = jsQRModule.default;

const screen = { width: 1280, height: 800 };
const stationDir = path.join(resultsDir, 'station');

interface StationFamily {
  server: TestServer;
  admin: Member;
  anna: Member;
  rietId: string;
}

async function expectOk(response: Promise<{ status: number; body: any }>): Promise<any> {
  const answer = await response;
  if (answer.status >= 300) throw new Error(`seeding failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/**
 * A family with an admin (Pieter), a relative (Anna) and a station person (Riet), in a language.
 * Riet's screen never sleeps unless `options.night` keeps the default night (22:00–07:00), as
 * buildCallFamily does: the tests run at whatever hour CI does.
 */
async function buildFamily(t: ExecutionContext, language: 'nl' | 'en', options: { night?: boolean } = {}): Promise<StationFamily> {
  const server = await startTestServer({ 'family.name': 'De Vries', 'family.language': language, 'family.timeZone': 'Europe/Amsterdam' });
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server, { firstName: 'Pieter' });
  const anna = await buildMember(server, { firstName: 'Anna' });
  const riet = await expectOk(server.api('/api/v1/station-people', { cookie: admin.cookie, body: { username: 'omariet', firstName: 'Riet', lastName: 'de Vries', mobile: '+31 6 55554444', email: 'riet@example.org' } }));
  if (!options.night) await keepAwake(server, admin, riet.stationPerson.id);
  return { server, admin, anna, rietId: riet.stationPerson.id };
}

/** An admin approves a code; returns the screen's id. */
async function approve(family: StationFamily, code: string): Promise<string> {
  const body = await expectOk(family.server.api('/api/v1/stations', { cookie: family.admin.cookie, body: { code, name: 'Woonkamer', stationPersonId: family.rietId } }));
  return body.station.id;
}

/** Pairs a screen over the API (as a new screen would) and returns its cookie value and id. */
async function pairOverApi(family: StationFamily): Promise<{ credential: string; stationId: string }> {
  const { pairing } = await expectOk(family.server.api('/api/v1/stations/pairing', { method: 'POST', body: {} }));
  const stationId = await approve(family, pairing.code);
  const check = await family.server.api('/api/v1/stations/pairing/check', { body: { secret: pairing.secret } });
  const cookie = check.headers.getSetCookie().find((c) => c.startsWith('prifora_station='));
  if (check.body?.status !== 'paired' || !cookie) throw new Error(`pairing failed: ${JSON.stringify(check.body)}`);
  return { credential: cookie.split(';')[0]!.slice('prifora_station='.length), stationId };
}

/** Opens the station UI at 1280 × 800, paired when a credential is given, at a fake time if asked. */
async function openStation(t: ExecutionContext, server: TestServer, options: { credential?: string; path?: string; time?: Date; locale?: string } = {}): Promise<BrowserPage> {
  const opened = await openPage(t, server, { locale: options.locale ?? 'en-GB' });
  await opened.page.setViewportSize(screen);
  if (options.credential) {
    await opened.context.addCookies([{ name: 'prifora_station', value: options.credential, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
  }
  if (options.time) await opened.page.clock.install({ time: options.time });
  await opened.page.goto(options.path ?? '/station');
  return opened;
}

/**
 * Waits until the screen's live connection is up (the server lists it online): something sent
 * before that arrives through the screen's next read as a tile, not as an overlay.
 */
async function liveOnScreen(family: StationFamily): Promise<void> {
  await until(async () => {
    const { stations } = await expectOk(family.server.api('/api/v1/stations', { cookie: family.admin.cookie }));
    return stations.some((station: { online: boolean }) => station.online);
  }, 15_000);
}

/** Saves the screen as test-results/station/<name>.png. */
async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(stationDir, { recursive: true });
  await page.screenshot({ path: path.join(stationDir, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

async function checkScreen(t: ExecutionContext, page: Page, name: string): Promise<void> {
  await shot(page, name);
  t.deepEqual(await seriousViolations(page), [], `axe on ${name}`);
  t.deepEqual(await stationRuleBreaks(page), [], `28 px text, 7:1 contrast and 64 px targets on ${name}`);
}

/** A photo-like JPEG of one colour, uploaded by a person; returns its media id. */
async function upload(server: TestServer, member: Member, colour: string): Promise<string> {
  const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: colour } }).jpeg().toBuffer();
  const form = new FormData();
  form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'photo.jpg');
  const response = await fetch(`${server.url}/api/v1/media`, { method: 'POST', body: form, headers: { cookie: member.cookie, origin: new URL(server.config.server.publicUrl).origin } });
  const body = (await response.json()) as { media: { id: string } };
  if (response.status !== 201) throw new Error(`upload failed: ${JSON.stringify(body)}`);
  return body.media.id;
}

/** A slideshow the admin made and gave to Riet's screen, with Anna's photos in it. */
async function slideshowFor(family: StationFamily, mediaIds: string[]): Promise<string> {
  const { server, admin, anna, rietId } = family;
  const { slideshow } = await expectOk(server.api('/api/v1/slideshows', { cookie: admin.cookie, body: { name: 'Tuin', intervalSeconds: 3600 } }));
  for (const mediaId of mediaIds) await expectOk(server.api(`/api/v1/slideshows/${slideshow.id}/items`, { cookie: anna.cookie, body: { mediaId } }));
  await expectOk(server.api(`/api/v1/station-people/${rietId}/slideshows`, { method: 'PUT', cookie: admin.cookie, body: { slideshowIds: [slideshow.id] } }));
  return slideshow.id;
}

/** The media id of the slide on screen now (fully shown and loaded), if any. */
async function slideOnScreen(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const image = [...document.querySelectorAll<HTMLImageElement>('.slide--visible img')].at(-1);
    if (!image || !image.complete || image.naturalWidth === 0) return null;
    return /\/api\/v1\/media\/([^/]+)\/station$/.exec(new URL(image.src).pathname)?.[1] ?? null;
  });
}

async function waitForSlide(page: Page, mediaId: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction((id) => {
    const image = [...document.querySelectorAll<HTMLImageElement>('.slide--visible img')].at(-1);
    return !!image && image.complete && image.naturalWidth > 0 && image.src.endsWith(`/api/v1/media/${id}/station`);
  }, mediaId, { timeout });
}

test('a new screen shows a large code and a QR code that opens the approval page for that very code', async (t) => {
  const family = await buildFamily(t, 'en');
  const { page, problems } = await openStation(t, family.server);
  await page.getByRole('heading', { level: 1, name: 'Ask a family member to add this screen' }).waitFor();
  const code = (await page.locator('.pairing__code').innerText()).replace(/\s/g, '');
  t.regex(code, /^[ACEFHJKMNPRTWXY3479]{6}$/);
  const png = await page.locator('.qr-code').screenshot();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
  t.is(decoded?.data, `${family.server.config.server.publicUrl}/family/stations/add?code=${code}`);
  // The code is large: far above the 28 px of body text.
  const size = await page.locator('.pairing__code').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  t.true(size >= 72, `code at ${size}px`);
  await checkScreen(t, page, 'pairing-en');
  t.deepEqual(problems, []);
});

test('pairing end to end: an admin adds the screen in the web app from the QR link, the screen shows the clock and photos; revoked, it asks to be added again', async (t) => {
  const family = await buildFamily(t, 'nl');
  const { page, problems } = await openStation(t, family.server, { locale: 'nl-NL' });
  const title = page.getByRole('heading', { level: 1, name: 'Vraag iemand uit de familie om dit scherm toe te voegen' });
  await title.waitFor();
  await page.locator('.pairing__code').waitFor();
  await checkScreen(t, page, 'pairing-nl');
  const code = (await page.locator('.pairing__code').innerText()).replace(/\s/g, '');
  // The admin, in a second browser, opens the link of the QR code and adds the screen.
  const web = await openPage(t, family.server, { locale: 'nl-NL' });
  const [name, value] = family.admin.cookie.split('=') as [string, string];
  await web.context.addCookies([{ name, value, url: family.server.url }]);
  await web.page.goto(`/family/stations/add?code=${code}`);
  t.is((await web.page.getByLabel(/^Code op het scherm/).inputValue()).replace(/\s/g, '').toUpperCase(), code);
  await web.page.getByLabel(/^Naam van het scherm/).fill('Woonkamer');
  await web.page.getByRole('radio', { name: /Riet/ }).check();
  await web.page.getByRole('button', { name: 'Scherm toevoegen' }).click();
  await page.locator('.day-clock__day').waitFor({ timeout: 10_000 });
  const stationId: string = (await family.server.api('/api/v1/stations', { cookie: family.admin.cookie })).body.stations[0].id;
  t.regex(await page.locator('.day-clock__day').innerText(), /^(Maan|Dins|Woens|Donder|Vrij|Zater|Zon)dag(ochtend|middag|avond|nacht)$/);
  const { body } = await family.server.api('/api/v1/stations', { cookie: family.admin.cookie });
  t.deepEqual(body.stations.map((s: { id: string; waiting: boolean }) => [s.id, s.waiting]), [[stationId, false]]);
  // The cookie is the screen's alone: no script on the page can read it.
  t.false(await page.evaluate(() => document.cookie.includes('prifora_station')));

  await expectOk(family.server.api(`/api/v1/stations/${stationId}`, { method: 'DELETE', cookie: family.admin.cookie }));
  await title.waitFor({ timeout: 10_000 });
  t.regex((await page.locator('.pairing__code').innerText()).replace(/\s/g, ''), /^[ACEFHJKMNPRTWXY3479]{6}$/);
  t.deepEqual(problems, []);
});

const moments = [
  { at: '2025-11-25T08:30:00Z', nl: 'dinsdagochtend, 25 november, 09:30', en: 'Tuesday morning, 25 November, 9:30 AM' },
  { at: '2025-11-25T13:05:00Z', nl: 'dinsdagmiddag, 25 november, 14:05', en: 'Tuesday afternoon, 25 November, 2:05 PM' },
  { at: '2025-11-25T18:45:00Z', nl: 'dinsdagavond, 25 november, 19:45', en: 'Tuesday evening, 25 November, 7:45 PM' },
  { at: '2025-11-25T22:10:00Z', nl: 'dinsdagnacht, 25 november, 23:10', en: 'Tuesday night, 25 November, 11:10 PM' },
  { at: '2025-11-26T02:00:00Z', nl: 'woensdagnacht, 26 november, 03:00', en: 'Wednesday night, 26 November, 3:00 AM' },
];

for (const language of ['nl', 'en'] as const) {
  test(`the day clock says every part of the day in ${language === 'nl' ? 'Dutch' : 'English'}, and sleeps at night until touched`, async (t) => {
    const family = await buildFamily(t, language, { night: true });
    const { credential } = await pairOverApi(family);
    const first = moments[0]!;
    const { page, problems } = await openStation(t, family.server, { credential, time: new Date(first.at) });
    const clock = page.locator('.day-clock__day');
    // The clock's minute timer exists once the screen is up; moving time before that would leave
    // it a whole fake minute away.
    await clock.waitFor();
    for (const moment of moments) {
      await page.clock.setSystemTime(new Date(moment.at));
      // The clock changes at the next whole minute.
      await page.clock.runFor(60_000);
      const line = moment[language].replace(/(\d+):(\d\d)/, (_all, h: string, m: string) => `${h}:${String(Number(m) + 1).padStart(2, '0')}`);
      await page.waitForFunction((expected) => document.querySelector('.day-clock__day')?.getAttribute('aria-label') === expected, line);
      t.is(await clock.getAttribute('aria-label'), line);
      const [dayPart, date] = line.split(', ');
      t.is(await clock.innerText(), dayPart!.charAt(0).toUpperCase() + dayPart!.slice(1));
      t.is(await page.locator('.day-clock__date').innerText(), date as string);
      const night = moment.at.includes('T22') || moment.at.includes('T02');
      t.is(await page.locator('.night').count(), night ? 1 : 0, `night screen at ${moment.at}`);
      const name = `clock-${language}-${dayPart!.replace(/\W/g, '')}`;
      await checkScreen(t, page, name);
    }
    // Night: a touch shows the home screen (photos beside the clock) for a minute.
    await page.mouse.click(640, 400);
    await page.locator('.home').waitFor();
    await checkScreen(t, page, `night-woken-${language}`);
    await page.clock.runFor(61_000);
    await page.locator('.night').waitFor();
    t.deepEqual(problems, []);
  });
}

test('a photo a relative shares appears on the screen within seconds, with who shared it and when', async (t) => {
  const family = await buildFamily(t, 'nl');
  const garden = await upload(family.server, family.anna, '#4a7f6a');
  const slideshowId = await slideshowFor(family, [garden]);
  const { credential } = await pairOverApi(family);
  const { page, problems } = await openStation(t, family.server, { credential, locale: 'nl-NL' });
  await waitForSlide(page, garden);
  t.is(await page.locator('.slide--visible .slide__caption-text').last().innerText(), 'van Anna, vandaag');
  const beach = await upload(family.server, family.anna, '#c4573a');
  const sharedAt = Date.now();
  await expectOk(family.server.api(`/api/v1/slideshows/${slideshowId}/items`, { cookie: family.anna.cookie, body: { mediaId: beach } }));
  await waitForSlide(page, beach, 10_000);
  t.true(Date.now() - sharedAt < 10_000);
  // Only the slide shown and the one on its way are in the page.
  t.true((await page.locator('.slide').count()) <= 2);
  await checkScreen(t, page, 'home-photo-nl');
  t.deepEqual(problems, []);
});

test('a message appears large over the photos, a quick reply reaches the relative’s chat, and an unanswered one waits on its tile', async (t) => {
  const family = await buildFamily(t, 'en');
  const { server, anna, admin, rietId } = family;
  const { credential } = await pairOverApi(family);
  const { page, problems } = await openStation(t, server, { credential, time: new Date() });
  await page.locator('.day-clock__day').waitFor();
  await liveOnScreen(family);
  const { conversation } = await expectOk(server.api('/api/v1/conversations/direct', { cookie: anna.cookie, body: { userId: rietId } }));
  const { message } = await expectOk(server.api(`/api/v1/conversations/${conversation.id}/messages`, { cookie: anna.cookie, body: { body: 'We are coming on Sunday with the children.' } }));

  const dialog = page.getByRole('dialog', { name: 'Message from Anna' });
  await dialog.waitFor({ timeout: 10_000 });
  t.true(await dialog.getByText('We are coming on Sunday with the children.').isVisible());
  await checkScreen(t, page, 'message-en');
  const settings = await expectOk(server.api(`/api/v1/station-people/${rietId}/settings`, { cookie: admin.cookie }));
  const reply: string = settings.settings.quickReplies[0];
  await dialog.getByRole('button', { name: reply }).click();
  await dialog.getByText('Sent to Anna.').waitFor();
  const { messages } = await expectOk(server.api(`/api/v1/conversations/${conversation.id}/messages`, { cookie: anna.cookie }));
  t.is(messages[0].body, reply);
  t.is(messages[0].authorId, rietId);
  t.is(messages[0].replyTo?.id, message.id);
  await page.clock.runFor(5_000);
  await dialog.waitFor({ state: 'detached' });
  t.is(await page.locator('.tile').count(), 0);

  // Unanswered, the overlay goes by itself after 30 s; its tile stays and opens it again.
  await expectOk(server.api(`/api/v1/conversations/${conversation.id}/messages`, { cookie: anna.cookie, body: { body: 'Shall I bring cake?' } }));
  await dialog.waitFor({ timeout: 10_000 });
  await page.clock.runFor(31_000);
  await dialog.waitFor({ state: 'detached' });
  const tile = page.getByRole('button', { name: 'Message from Anna' });
  await tile.waitFor();
  await checkScreen(t, page, 'home-tile-en');
  await tile.click();
  await dialog.getByText('Shall I bring cake?').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
  await tile.waitFor({ state: 'detached' });
  t.deepEqual(problems, []);
});

test('a notice appears the same way, and closing it marks it read', async (t) => {
  const family = await buildFamily(t, 'nl');
  const { server, admin } = family;
  const { credential } = await pairOverApi(family);
  const { page, problems } = await openStation(t, server, { credential, locale: 'nl-NL' });
  await page.locator('.day-clock__day').waitFor();
  await liveOnScreen(family);
  await expectOk(server.api('/api/v1/notices', { cookie: admin.cookie, body: { title: 'Verjaardag zondag', body: 'Oma wordt 90. Koffie om 15:00 uur.' } }));
  const dialog = page.getByRole('dialog', { name: 'Verjaardag zondag' });
  await dialog.waitFor({ timeout: 10_000 });
  t.true(await dialog.getByText('Nieuws van Pieter').isVisible());
  await checkScreen(t, page, 'notice-nl');
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await dialog.waitFor({ state: 'detached' });
  t.is(await page.locator('.tile').count(), 0);
  // Read means read: the screen starting again shows neither the notice nor its tile.
  await page.reload();
  await page.locator('.day-clock__day').waitFor();
  await page.waitForLoadState('networkidle');
  t.is(await page.locator('.tile').count(), 0);
  t.is(await page.getByRole('dialog').count(), 0);
  t.deepEqual(problems, []);
});

test('without the server the clock and the kept photos go on with a calm sign; back, the screen catches up on what was sent meanwhile', async (t) => {
  const family = await buildFamily(t, 'nl');
  const { server, anna, rietId } = family;
  const photos = [await upload(server, anna, '#4a7f6a'), await upload(server, anna, '#c4573a'), await upload(server, anna, '#1d5a55')];
  await slideshowFor(family, photos);
  const { credential } = await pairOverApi(family);
  const { conversation } = await expectOk(server.api('/api/v1/conversations/direct', { cookie: anna.cookie, body: { userId: rietId } }));
  const { page, problems } = await openStation(t, server, { credential, locale: 'nl-NL', path: '/station?slideMs=400', time: new Date() });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // From the next load on the worker answers the page's requests, and keeps the playlist's photos.
  await page.reload();
  t.true(await page.evaluate(() => navigator.serviceWorker.controller !== null));
  await page.locator('.day-clock__day').waitFor();
  // page.evaluate, not waitForFunction: the latter takes a promise for a truthy answer.
  const keptEverything = (count: number) =>
    page.evaluate(async (wanted) => {
      const paths = (await (await caches.open('prifora-station-data-v1')).keys()).map((r) => new URL(r.url).pathname);
      const photos = paths.filter((p) => /^\/api\/v1\/media\/[^/]+\/station$/.test(p));
      return paths.includes('/api/v1/station/me') && paths.includes('/api/v1/station/playlist') && photos.length >= wanted;
    }, count);
  await until(() => keptEverything(photos.length), 15_000);

  const port = server.running.port;
  await server.stop();
  const sign = page.getByRole('status').filter({ hasText: 'Verbinding maken…' });
  await sign.waitFor({ timeout: 15_000 });
  // The photos go on from the worker's cache.
  const shown = new Set<string>();
  // Every photo is kept, so a new one comes every 400 ms; ten seconds leave room for a slow machine.
  for (let i = 0; i < 65 && shown.size < 2; i++) {
    const id = await slideOnScreen(page);
    if (id) shown.add(id);
    await page.waitForTimeout(150);
  }
  t.true(shown.size >= 2, `slides shown offline: ${[...shown].join(', ')}`);
  // The clock keeps running.
  const before = await page.locator('.day-clock__day').getAttribute('aria-label');
  await page.clock.runFor(60_000);
  await page.waitForFunction((old) => document.querySelector('.day-clock__day')?.getAttribute('aria-label') !== old, before);
  await checkScreen(t, page, 'offline-nl');

  const restart = async () => {
    const running = await startServer({ dataDir: server.dataDir, config: server.config, logger: createLogger('silent', { pretty: false }), port, host: '127.0.0.1' });
    t.teardown(() => running.stop(1000));
    return running;
  };
  const back = await restart();
  // Sent before the screen is back: the live connection's catch-up brings it, as an overlay.
  await expectOk(server.api(`/api/v1/conversations/${conversation.id}/messages`, { cookie: anna.cookie, body: { body: 'Ben je er weer?' } }));
  const dialog = page.getByRole('dialog', { name: 'Bericht van Anna' });
  await dialog.getByText('Ben je er weer?').waitFor({ timeout: 20_000 });
  await page.getByText('Verbinding maken…').waitFor({ state: 'detached' });
  await shot(page, 'back-online-nl');
  await dialog.getByRole('button', { name: 'Sluiten' }).click();

  // A screen that starts while the server is away starts from what it kept.
  await back.stop(1000);
  await page.reload();
  await page.locator('.day-clock__day').waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.slide--visible img')].some((i) => i.complete && i.naturalWidth > 0));
  await sign.waitFor({ timeout: 15_000 });
  await shot(page, 'offline-start-nl');
  const again = await restart();
  await page.getByText('Verbinding maken…').waitFor({ state: 'detached', timeout: 20_000 });
  t.truthy(again);
  t.deepEqual(problems, []);
});
