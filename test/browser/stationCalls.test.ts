import fs from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { jwtVerify } from 'jose';
import type { BrowserContextOptions, Page } from 'playwright-core';
import sharp from 'sharp';
import { jitsiMeetOptions } from '../../web/common/jitsi.js';
import { seriousViolations } from '../helpers/axe.js';
import { stationRuleBreaks } from '../helpers/stationRules.js';
import { closeBrowser, openPage, resultsDir, type BrowserPage } from '../helpers/browser.js';
import { buildCallFamily, type CallFamily } from '../helpers/calls.js';
import { until, type Member } from '../helpers/family.js';
import { jitsiRecords, startJitsiStandIn } from '../helpers/jitsiStandIn.js';
import type { TestServer } from '../helpers/server.js';
import { videoKeepsArriving } from '../helpers/webrtc.js';

/**
 * Calls on the Home Station, in real browsers against a real server, with chromium's fake camera
 * and microphone: a relative calls from the web app and the screen rings full screen with her
 * name, Riet answers with one tap and each side receives the other's video; hanging up on the
 * screen ends the call on both; an unanswered call waits on home as a missed call with Call
 * back; a look-in answers itself after its countdown and is logged; Ring the family rings
 * everyone available and the first to answer gets the call. The screen is 1280 × 800; each
 * state is saved under test-results/station/ and checked with axe-core.
 */

test.after.always(() => closeBrowser());

const screenSize = { width: 1280, height: 800 };
const stationDir = path.join(resultsDir, 'station');

/**
 * Keeps every RTCPeerConnection on window.__pcs (to read its real getStats()) and every volume
 * the page's sounds ramp to on window.__ramps (the ringtone). Injected over the DevTools protocol
 * before the page runs; the page is unchanged.
 */
function recordCallMachinery(): void {
  const Native = window.RTCPeerConnection;
  const made: RTCPeerConnection[] = [];
  const ramps: number[] = [];
  const w = window as unknown as { __pcs: RTCPeerConnection[]; __ramps: number[] };
  w.__pcs = made;
  w.__ramps = ramps;
  window.RTCPeerConnection = class extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      made.push(this);
    }
  } as typeof RTCPeerConnection;
  const ramp = AudioParam.prototype.linearRampToValueAtTime;
  AudioParam.prototype.linearRampToValueAtTime = function (value: number, endTime: number) {
    ramps.push(value);
    return ramp.call(this, value, endTime);
  };
}

async function expectOk(response: Promise<{ status: number; body: any }>): Promise<any> {
  const answer = await response;
  if (answer.status >= 300) throw new Error(`seeding failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Resolves once the page's live connection has sent `ready` (call before navigating). */
function liveReady(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"type":"ready"')) resolve();
      });
    });
  });
}

/** A relative's web app, signed in, with the fake camera and microphone. */
async function openApp(t: ExecutionContext, server: TestServer, member: Member, path = '/', context: BrowserContextOptions = {}): Promise<BrowserPage> {
  const opened = await openPage(t, server, { fakeMedia: true, context });
  const [name, ...value] = (member.cookie.split(';')[0] as string).split('=');
  await opened.context.addCookies([{ name: name as string, value: value.join('='), url: server.url }]);
  await opened.context.addInitScript(recordCallMachinery);
  const ready = liveReady(opened.page);
  await opened.page.goto(path);
  await ready;
  return opened;
}

/** Riet's screen at 1280 × 800, paired, with the fake camera and microphone, its live connection up. */
async function openStation(t: ExecutionContext, family: CallFamily, locale = 'en-GB'): Promise<BrowserPage> {
  const opened = await openPage(t, family.server, { fakeMedia: true, locale });
  await opened.page.setViewportSize(screenSize);
  const [name, ...value] = family.screen.cookie.split('=');
  await opened.context.addCookies([{ name: name as string, value: value.join('='), url: family.server.url, httpOnly: true, sameSite: 'Strict' }]);
  await opened.context.addInitScript(recordCallMachinery);
  const ready = liveReady(opened.page);
  await opened.page.goto('/station');
  await opened.page.locator('.day-clock__day').waitFor();
  await ready;
  return opened;
}

/** A family whose relatives share a chat with Riet, so her screen knows their names and faces. */
async function buildFamily(t: ExecutionContext, config: Record<string, unknown> = {}): Promise<CallFamily> {
  const family = await buildCallFamily(t, { 'family.name': 'De Vries', 'family.timeZone': 'Europe/Amsterdam', ...config });
  for (const member of [family.anna, family.bob]) {
    await expectOk(family.server.api('/api/v1/conversations/direct', { cookie: member.cookie, body: { userId: family.omaId } }));
  }
  return family;
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(stationDir, { recursive: true });
  await page.screenshot({ path: path.join(stationDir, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

async function checkScreen(t: ExecutionContext, page: Page, name: string): Promise<void> {
  await shot(page, name);
  t.deepEqual(await seriousViolations(page), [], `axe on ${name}`);
  t.deepEqual(await stationRuleBreaks(page), [], `28 px text, 7:1 contrast and 64 px targets on ${name}`);
}

const openConnections = (page: Page) => page.evaluate(() => (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.filter((pc) => pc.connectionState !== 'closed').length);

test('Anna calls Riet from the web app: the screen rings full screen with her name at the ringtone volume, one tap answers, video flows both ways, and Hang up on the screen ends it on both', async (t) => {
  t.timeout(150_000);
  const family = await buildFamily(t);
  const { server, admin, anna, omaId } = family;
  await expectOk(server.api(`/api/v1/station-people/${omaId}/settings`, { method: 'PATCH', cookie: admin.cookie, body: { ringVolume: 80 } }));
  const station = await openStation(t, family);
  const a = await openApp(t, server, anna, '/family');

  await a.page.locator(`[data-person="${omaId}"]`).getByRole('button', { name: 'Call Riet' }).click();
  await a.page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
  const callId = new URL(a.page.url()).pathname.split('/').pop() as string;

  const ringing = station.page.getByRole('alertdialog', { name: 'Anna is calling' });
  await ringing.waitFor({ timeout: 10_000 });
  const answer = ringing.getByRole('button', { name: 'Answer' });
  const notNow = ringing.getByRole('button', { name: 'Not now' });
  t.true(await notNow.isVisible());
  // One very large green Answer, a smaller Not now: both far above 64 px.
  const [answerBox, notNowBox] = [await answer.boundingBox(), await notNow.boundingBox()];
  t.true(answerBox !== null && notNowBox !== null && answerBox.height >= 96 && notNowBox.height >= 64 && answerBox.width * answerBox.height > notNowBox.width * notNowBox.height * 1.5);
  // The ringtone rings at the screen's volume: 80 % of the tone's full level (0.5).
  await until(() => station.page.evaluate(() => (window as unknown as { __ramps: number[] }).__ramps.length > 0));
  t.deepEqual([...new Set(await station.page.evaluate(() => (window as unknown as { __ramps: number[] }).__ramps))], [0.4]);
  await checkScreen(t, station.page, 'call-incoming-en');

  await answer.click();
  await Promise.all([a.page.locator('[data-phase="active"]').waitFor({ timeout: 20_000 }), station.page.locator('[data-phase="active"]').waitFor({ timeout: 20_000 })]);
  const [annaReceives, rietReceives] = await Promise.all([videoKeepsArriving(a.page), videoKeepsArriving(station.page)]);
  t.true(annaReceives.after > annaReceives.before);
  t.true(rietReceives.after > rietReceives.before);
  await station.page.getByRole('heading', { level: 1, name: 'Anna' }).waitFor();
  await station.page.getByLabel('Video of Anna').waitFor();
  await station.page.locator('.station-call__waiting').waitFor({ state: 'detached' });
  await checkScreen(t, station.page, 'call-in-call-en');

  await station.page.getByRole('button', { name: 'Hang up' }).click();
  await a.page.getByText('Riet hung up.').waitFor();
  await station.page.getByRole('heading', { name: 'The call with Anna has ended.' }).waitFor();
  await shot(station.page, 'call-ended-en');
  await station.page.getByRole('button', { name: 'Close' }).click();
  await station.page.locator('.day-clock__day').waitFor();
  t.like((await server.api(`/api/v1/calls/${callId}`, { cookie: anna.cookie })).body.call, { state: 'ended', endReason: 'hangup' });
  t.is(await openConnections(station.page), 0, 'the screen let go of the call and its camera');
  t.deepEqual([...station.problems, ...a.problems], []);
});

test('an unanswered call goes by itself and waits on the home screen as a missed call; Call back rings Anna, and the tile is gone once seen', async (t) => {
  t.timeout(150_000);
  // A Dutch family: the screen and Anna's app speak Dutch.
  const family = await buildFamily(t, { 'calls.ringSeconds': 5, 'family.language': 'nl' });
  const { server, anna, omaId, screen } = family;
  const station = await openStation(t, family, 'nl-NL');
  const a = await openApp(t, server, anna, '/family');
  await a.page.locator(`[data-person="${omaId}"]`).getByRole('button', { name: 'Bel Riet' }).click();
  const ringing = station.page.getByRole('alertdialog', { name: 'Anna belt' });
  await ringing.waitFor({ timeout: 10_000 });
  await checkScreen(t, station.page, 'call-incoming-nl');
  // Nobody answers: the ring stops by itself and the screen is home again.
  await ringing.waitFor({ state: 'detached', timeout: 15_000 });
  await a.page.getByText('Riet nam niet op. Probeer het later nog eens, of stuur een bericht.').waitFor();

  const tile = station.page.getByRole('group', { name: 'Gemiste oproep van Anna' });
  await tile.waitFor({ timeout: 10_000 });
  await station.page.locator('.day-clock__day').waitFor();
  await checkScreen(t, station.page, 'call-missed-nl');
  t.is((await server.api('/api/v1/calls?filter=missed', { cookie: screen.cookie })).body.missedUnseen, 1);

  // Call back rings Anna, wherever she is in the app.
  await a.page.goto('/');
  const annaRings = a.page.getByRole('region', { name: 'Inkomende oproep' }).getByText('Riet belt je').waitFor({ timeout: 10_000 });
  await tile.getByRole('button', { name: 'Bel terug' }).click();
  await station.page.getByRole('heading', { level: 1, name: 'Anna wordt gebeld…' }).waitFor();
  await annaRings;
  await checkScreen(t, station.page, 'call-calling-nl');
  t.is(await tile.count(), 0, 'seen: the missed call is no longer on the home screen');
  t.is((await server.api('/api/v1/calls?filter=missed', { cookie: screen.cookie })).body.missedUnseen, 0);
  // Hanging up while it rings stops it for Anna too.
  await station.page.getByRole('button', { name: 'Ophangen' }).click();
  await a.page.getByRole('region', { name: 'Inkomende oproep' }).waitFor({ state: 'detached' });
  await station.page.locator('.day-clock__day').waitFor();
  t.is(await tile.count(), 0);
  t.deepEqual([...station.problems, ...a.problems], []);
});

test('a look-in: "Anna would like to look in" counts down with a large Not now, answers by itself, shows Hang up at once, and is logged for the screen', async (t) => {
  t.timeout(150_000);
  const family = await buildFamily(t);
  const { server, admin, anna, omaId, screen } = family;
  await expectOk(server.api(`/api/v1/station-people/${omaId}/contacts/${anna.id}`, { method: 'PUT', cookie: admin.cookie, body: { mayCall: true, mayLookIn: true } }));
  const station = await openStation(t, family);
  const a = await openApp(t, server, anna, '/family');
  await a.page.locator(`[data-person="${omaId}"]`).getByRole('button', { name: 'Look in on Riet' }).click();
  await a.page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
  const callId = new URL(a.page.url()).pathname.split('/').pop() as string;

  const ringing = station.page.getByRole('alertdialog', { name: 'Anna would like to look in' });
  await ringing.waitFor({ timeout: 10_000 });
  // No Answer to find: the countdown answers. Not now is the large button.
  t.is(await ringing.getByRole('button', { name: 'Answer' }).count(), 0);
  const notNow = ringing.getByRole('button', { name: 'Not now' });
  t.true(((await notNow.boundingBox())?.height ?? 0) >= 96);
  const counted = await until(async () => {
    const text = await ringing.locator('.station-call__count-text').innerText();
    const count = Number(/In (\d+) seconds? Anna can see and hear you\./.exec(text)?.[1]);
    return count > 0 && count < 10 ? count : undefined;
  });
  t.true(counted >= 1 && counted <= 9);
  await checkScreen(t, station.page, 'call-look-in-en');

  // The countdown ends: the screen answers on its own, with Hang up there from the start.
  await station.page.locator('[data-phase="connecting"], [data-phase="active"]').waitFor({ timeout: 15_000 });
  t.true(await station.page.getByRole('button', { name: 'Hang up' }).isVisible());
  await Promise.all([a.page.locator('[data-phase="active"]').waitFor({ timeout: 20_000 }), station.page.locator('[data-phase="active"]').waitFor({ timeout: 20_000 })]);
  t.like((await server.api(`/api/v1/calls/${callId}`, { cookie: anna.cookie })).body.call, { state: 'active', autoAnswered: true, lookIn: true });
  await videoKeepsArriving(a.page);

  await a.page.getByRole('button', { name: 'Hang up' }).click();
  await station.page.getByRole('heading', { name: 'Anna hung up.' }).waitFor();
  const { lookIns } = await expectOk(server.api('/api/v1/look-ins', { cookie: screen.cookie }));
  t.is(lookIns.length, 1);
  t.like(lookIns[0], { callId, userId: anna.id, stationUserId: omaId, name: 'Anna' });
  t.regex(lookIns[0].text, /^Anna looked in/);
  await station.page.locator('.day-clock__day').waitFor({ timeout: 10_000 });
  t.deepEqual([...station.problems, ...a.problems], []);
});

test('Ring the family: from home in one tap to the contacts, Ring the family rings Anna and Bob, Bob answers first and gets the call, Anna is told who did', async (t) => {
  t.timeout(150_000);
  const family = await buildFamily(t);
  const { server, anna, bob } = family;
  const station = await openStation(t, family);
  const a = await openApp(t, server, anna, '/chats');
  const b = await openApp(t, server, bob, '/chats');

  await station.page.getByRole('button', { name: 'Make a call' }).click();
  await station.page.getByRole('heading', { level: 1, name: 'Who would you like to call?' }).waitFor();
  await station.page.getByRole('button', { name: 'Call Bob' }).waitFor();
  t.true(await station.page.getByRole('button', { name: 'Call Anna' }).isVisible());
  await station.page.getByText('Available now').first().waitFor();
  await checkScreen(t, station.page, 'call-contacts-en');

  await station.page.getByRole('button', { name: /^Ring the family/ }).click();
  await station.page.getByRole('heading', { level: 1, name: 'Calling the family…' }).waitFor();
  await shot(station.page, 'call-calling-family-en');
  const annasBanner = a.page.getByRole('region', { name: 'Incoming call' });
  const bobsBanner = b.page.getByRole('region', { name: 'Incoming call' });
  await Promise.all([annasBanner.getByText('Riet is calling the family').waitFor(), bobsBanner.getByText('Riet is calling the family').waitFor()]);
  await bobsBanner.getByRole('button', { name: 'Answer' }).click();

  await Promise.all([b.page.locator('[data-phase="active"]').waitFor({ timeout: 20_000 }), station.page.locator('[data-phase="active"]').waitFor({ timeout: 20_000 })]);
  await station.page.getByRole('heading', { level: 1, name: 'Bob' }).waitFor();
  await station.page.getByRole('status').filter({ hasText: 'Bob answered' }).waitFor();
  await a.page.getByText('Bob answered the call from Riet.').waitFor();
  await annasBanner.getByText('Riet is calling the family').waitFor({ state: 'detached' });
  await videoKeepsArriving(station.page);
  await checkScreen(t, station.page, 'call-family-answered-en');

  await station.page.getByRole('button', { name: 'Hang up' }).click();
  await b.page.getByText('Riet hung up.').waitFor();
  await station.page.locator('.day-clock__day').waitFor({ timeout: 10_000 });
  t.deepEqual([...station.problems, ...a.problems, ...b.problems], []);
});

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

test('calling back from the screen: Call Anna on her message and on her photo rings her; a call coming in replaces the message, which waits on its tile; Not now tells the caller', async (t) => {
  t.timeout(150_000);
  const family = await buildFamily(t);
  const { server, admin, anna, bob, omaId, screen } = family;
  const photo = await upload(server, anna, '#4a7f6a');
  const { slideshow } = await expectOk(server.api('/api/v1/slideshows', { cookie: admin.cookie, body: { name: 'Tuin', intervalSeconds: 3600 } }));
  await expectOk(server.api(`/api/v1/slideshows/${slideshow.id}/items`, { cookie: anna.cookie, body: { mediaId: photo } }));
  await expectOk(server.api(`/api/v1/station-people/${omaId}/slideshows`, { method: 'PUT', cookie: admin.cookie, body: { slideshowIds: [slideshow.id] } }));
  const { conversation } = await expectOk(server.api('/api/v1/conversations/direct', { cookie: anna.cookie, body: { userId: omaId } }));
  const station = await openStation(t, family);
  const a = await openApp(t, server, anna, '/chats');
  const annasBanner = a.page.getByRole('region', { name: 'Incoming call' });

  // From her message: the sender's Call button.
  await expectOk(server.api(`/api/v1/conversations/${conversation.id}/messages`, { cookie: anna.cookie, body: { body: 'Shall I call you tonight?' } }));
  const message = station.page.getByRole('dialog', { name: 'Message from Anna' });
  await message.waitFor({ timeout: 10_000 });
  await checkScreen(t, station.page, 'call-from-message-en');
  await message.getByRole('button', { name: 'Call Anna' }).click();
  await station.page.getByRole('heading', { level: 1, name: 'Calling Anna…' }).waitFor();
  await annasBanner.getByText('Riet is calling').waitFor();
  // Calling back answered the message: it is read.
  await until(async () => (await server.api('/api/v1/conversations', { cookie: screen.cookie })).body.conversations.every((c: { unread: number }) => c.unread === 0));
  await annasBanner.getByRole('button', { name: 'Not now' }).click();
  await station.page.getByRole('heading', { name: 'Anna cannot talk right now.' }).waitFor();
  await station.page.getByRole('button', { name: 'Close' }).click();

  // From her photo: "Call Anna" beside "from Anna, today".
  await station.page.locator('.slide--visible .slide__caption-text').filter({ hasText: 'from Anna, today' }).waitFor();
  await checkScreen(t, station.page, 'call-from-photo-en');
  await station.page.locator('.slide--visible').last().getByRole('button', { name: 'Call Anna' }).click();
  await station.page.getByRole('heading', { level: 1, name: 'Calling Anna…' }).waitFor();
  await annasBanner.getByText('Riet is calling').waitFor();
  await station.page.getByRole('button', { name: 'Hang up' }).click();
  await annasBanner.waitFor({ state: 'detached' });
  await station.page.locator('.day-clock__day').waitFor();

  // A call that comes in takes the place of the message on screen; the message waits on its tile.
  await expectOk(server.api(`/api/v1/conversations/${conversation.id}/messages`, { cookie: anna.cookie, body: { body: 'Bob will call you too.' } }));
  await message.waitFor({ timeout: 10_000 });
  const bobsCall = (await expectOk(server.api('/api/v1/calls', { cookie: bob.cookie, body: { userId: omaId } }))).call;
  const ringing = station.page.getByRole('alertdialog', { name: 'Bob is calling' });
  await ringing.waitFor({ timeout: 10_000 });
  t.is(await station.page.getByRole('dialog').count(), 0, 'one overlay at most');
  await ringing.getByRole('button', { name: 'Not now' }).click();
  await station.page.getByRole('button', { name: 'Message from Anna' }).waitFor();
  t.like((await server.api(`/api/v1/calls/${bobsCall.id}`, { cookie: bob.cookie })).body.call, { state: 'declined', endReason: 'declined' });
  t.deepEqual([...station.problems, ...a.problems], []);
});

test('at night the screen stays dark for messages but rings for a call the admin lets through at night; afterwards it is night again', async (t) => {
  t.timeout(150_000);
  const family = await buildFamily(t);
  const { server, admin, anna, omaId } = family;
  const hhmm = (offsetMinutes: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(Date.now() + offsetMinutes * 60_000));
  await expectOk(server.api(`/api/v1/station-people/${omaId}/settings`, { method: 'PATCH', cookie: admin.cookie, body: { nightMode: { enabled: true, from: hhmm(-60), until: hhmm(60) } } }));
  await expectOk(server.api(`/api/v1/station-people/${omaId}/contacts/${anna.id}`, { method: 'PUT', cookie: admin.cookie, body: { mayCall: true, callAtNight: true } }));
  const station = await openPage(t, server, { fakeMedia: true });
  await station.page.setViewportSize(screenSize);
  const [name, ...value] = family.screen.cookie.split('=');
  await station.context.addCookies([{ name: name as string, value: value.join('='), url: server.url, httpOnly: true, sameSite: 'Strict' }]);
  const stationReady = liveReady(station.page);
  await station.page.goto('/station');
  await station.page.locator('.night').waitFor();
  await stationReady;

  const a = await openApp(t, server, anna, '/family');
  await a.page.locator(`[data-person="${omaId}"]`).getByRole('button', { name: 'Call Riet' }).click();
  const ringing = station.page.getByRole('alertdialog', { name: 'Anna is calling' });
  await ringing.waitFor({ timeout: 10_000 });
  await checkScreen(t, station.page, 'call-incoming-night-en');
  await ringing.getByRole('button', { name: 'Answer' }).click();
  await Promise.all([a.page.locator('[data-phase="active"]').waitFor({ timeout: 20_000 }), station.page.locator('[data-phase="active"]').waitFor({ timeout: 20_000 })]);
  await a.page.getByRole('button', { name: 'Hang up' }).click();
  await station.page.getByRole('heading', { name: 'Anna hung up.' }).waitFor();
  await station.page.getByRole('button', { name: 'Close' }).click();
  await station.page.locator('.night').waitFor();
  t.deepEqual([...station.problems, ...a.problems], []);
});

test('Make a call is one tap from home; the contacts go back home by themselves after a minute untouched', async (t) => {
  const family = await buildFamily(t, { 'family.language': 'nl' });
  const station = await openPage(t, family.server, { locale: 'nl-NL' });
  await station.page.setViewportSize(screenSize);
  const [name, ...value] = family.screen.cookie.split('=');
  await station.context.addCookies([{ name: name as string, value: value.join('='), url: family.server.url, httpOnly: true, sameSite: 'Strict' }]);
  await station.page.clock.install({ time: new Date() });
  await station.page.goto('/station');
  await station.page.getByRole('button', { name: 'Bellen' }).click();
  await station.page.getByRole('heading', { level: 1, name: 'Wie wil je bellen?' }).waitFor();
  await station.page.getByRole('button', { name: 'Bel Anna' }).waitFor();
  t.true(await station.page.getByRole('button', { name: /^Bel de familie/ }).isVisible());
  await checkScreen(t, station.page, 'call-contacts-nl');
  await station.page.getByRole('button', { name: 'Terug' }).click();
  await station.page.locator('.day-clock__day').waitFor();
  await station.page.getByRole('button', { name: 'Bellen' }).click();
  await station.page.clock.runFor(59_000);
  t.true(await station.page.getByRole('heading', { level: 1, name: 'Wie wil je bellen?' }).isVisible());
  await station.page.clock.runFor(2_000);
  await station.page.locator('.day-clock__day').waitFor();
  t.deepEqual(station.problems, []);
});

test('Jitsi engine, with a local https origin standing in for the Jitsi domain: the screen embeds the call with the station’s short toolbar and its own large Hang up, which leaves the room with executeCommand(hangup)', async (t) => {
  t.timeout(150_000);
  const standIn = await startJitsiStandIn();
  t.teardown(() => standIn.close());
  const family = await buildFamily(t, { 'jitsi.domain': standIn.domain, 'jitsi.recording': true });
  const { server, admin, anna, omaId, screen } = family;
  // The admin allows recording: the screen must say so while it may happen, and when it does.
  await expectOk(server.api('/api/v1/call-settings', { method: 'PUT', cookie: admin.cookie, body: { recordingAllowed: true } }));
  const station = await openPage(t, server, { fakeMedia: true, context: { ignoreHTTPSErrors: true } });
  await station.page.setViewportSize(screenSize);
  const [name, ...value] = screen.cookie.split('=');
  await station.context.addCookies([{ name: name as string, value: value.join('='), url: server.url, httpOnly: true, sameSite: 'Strict' }]);
  const stationReady = liveReady(station.page);
  await station.page.goto('/station');
  await station.page.locator('.day-clock__day').waitFor();
  await stationReady;

  // Anna calls from her app, which keeps telling the server she is still there.
  const a = await openApp(t, server, anna, '/family', { ignoreHTTPSErrors: true });
  await a.page.locator(`[data-person="${omaId}"]`).getByRole('button', { name: 'Call Riet' }).click();
  await a.page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
  const call = (await server.api(`/api/v1/calls/${new URL(a.page.url()).pathname.split('/').pop()}`, { cookie: anna.cookie })).body.call;
  t.is(call.engine, 'jitsi');
  await station.page.getByRole('alertdialog', { name: 'Anna is calling' }).getByRole('button', { name: 'Answer' }).click();
  await station.page.locator('[data-engine="jitsi"][data-phase="active"]').waitFor({ timeout: 20_000 });
  const [embed] = await until(async () => {
    const records = await jitsiRecords(station.page);
    return records.length > 0 ? records : undefined;
  });
  t.is(embed?.domain, standIn.domain);
  t.deepEqual(embed?.options, { ...jitsiMeetOptions({ roomName: embed?.options.roomName ?? '', jwt: embed?.options.jwt ?? '', parentNode: 'station-call__jitsi', surface: 'station', language: 'en' }) });
  t.like(embed?.options, { configOverwrite: { toolbarButtons: ['microphone', 'camera', 'hangup'], toolbarConfig: { alwaysVisible: true } } });
  const { payload } = await jwtVerify(embed?.options.jwt ?? '', new TextEncoder().encode(server.config.jitsi.appSecret));
  t.like(payload, { room: embed?.options.roomName, context: { user: { id: omaId, name: 'Riet' } } });
  t.is(await until(async () => (await jitsiRecords(station.page))[0]?.media), 'ok', 'the Jitsi frame may use the camera and microphone');
  await station.page.getByText('This call may be recorded.').waitFor();
  await station.page.evaluate(() => (window as unknown as { __jitsiEmit(index: number, name: string, payload: unknown): void }).__jitsiEmit(0, 'recordingStatusChanged', { on: true, mode: 'file' }));
  await station.page.getByText('This call is being recorded.').waitFor();
  await checkScreen(t, station.page, 'call-jitsi-en');

  await station.page.getByRole('button', { name: 'Hang up' }).click();
  await station.page.getByRole('heading', { name: 'The call with Anna has ended.' }).waitFor();
  t.deepEqual((await jitsiRecords(station.page))[0]?.commands, ['hangup']);
  t.true((await jitsiRecords(station.page))[0]?.disposed);
  t.like((await server.api(`/api/v1/calls/${call.id}`, { cookie: anna.cookie })).body.call, { state: 'ended', endReason: 'hangup' });
  await a.page.getByText('Riet hung up.').waitFor();
  t.deepEqual([...station.problems, ...a.problems], []);
});
