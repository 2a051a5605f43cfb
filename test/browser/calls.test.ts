import test, { type ExecutionContext } from 'ava';
import { jwtVerify } from 'jose';
import type { Page } from 'playwright-core';
import { jitsiMeetOptions } from '../../web/common/jitsi.js';
import { seriousViolations } from '../helpers/axe.js';
import { closeBrowser, openPage, screenshot, type BrowserPage } from '../helpers/browser.js';
import { buildAdmin, buildMember, until, type Member } from '../helpers/family.js';
import { jitsiRecords, startJitsiStandIn } from '../helpers/jitsiStandIn.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { inboundVideoBytes, videoKeepsArriving } from '../helpers/webrtc.js';

/**
 * Calls in real browsers against a real server. Built-in engine: two relatives in two headless
 * chromium contexts with chromium's fake camera and microphone; one calls from the Family page,
 * the other's banner rings and they answer; each side's RTCPeerConnection must receive the
 * other's video (inbound-rtp bytes growing in getStats); hanging up ends it on both. An
 * unanswered call becomes a missed call in the history, with Call back. Jitsi engine: a local
 * https origin stands in for the family's Jitsi domain and serves a recording external_api.js.
 */

test.after.always(() => closeBrowser());

/**
 * Keeps every RTCPeerConnection the page makes on window.__pcs, so the test can read its real
 * getStats(). Injected over the DevTools protocol before the app runs; the app is unchanged.
 */
function recordPeerConnections(): void {
  const Native = window.RTCPeerConnection;
  const made: RTCPeerConnection[] = [];
  (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs = made;
  window.RTCPeerConnection = class extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      made.push(this);
    }
  } as typeof RTCPeerConnection;
}

/** Opens a page signed in as `member`, with the fake camera and microphone. */
async function openAs(t: ExecutionContext, server: TestServer, member: Member, options: Parameters<typeof openPage>[2] = {}): Promise<BrowserPage> {
  const opened = await openPage(t, server, { fakeMedia: true, ...options });
  const [name, ...value] = (member.cookie.split(';')[0] as string).split('=');
  await opened.context.addCookies([{ name: name as string, value: value.join('='), url: server.url }]);
  await opened.context.addInitScript(recordPeerConnections);
  return opened;
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

const callIdOf = (page: Page) => new URL(page.url()).pathname.split('/').pop() as string;

test('built-in engine: Anna calls Bob from Family, his banner rings, he answers, video flows both ways, and hanging up ends it on both', async (t) => {
  t.timeout(120_000);
  const server = await startTestServer({ 'family.name': 'De Vries' });
  t.teardown(() => server.stop());
  const anna = await buildAdmin(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  const a = await openAs(t, server, anna);
  const b = await openAs(t, server, bob);
  const bLive = liveReady(b.page);
  await b.page.goto('/chats');
  await b.page.getByRole('heading', { level: 1, name: 'Chats' }).waitFor();
  await bLive;

  await a.page.goto('/family');
  const bobsCard = a.page.locator(`[data-person="${bob.id}"]`);
  await bobsCard.getByRole('button', { name: 'Call Bob' }).click();
  await a.page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
  const callId = callIdOf(a.page);
  await a.page.locator('[data-phase="calling"]').waitFor();
  await a.page.getByRole('status').filter({ hasText: 'Calling Bob…' }).waitFor();
  await a.page.getByRole('button', { name: 'Hang up' }).waitFor();

  // Bob is reading his chats: the banner comes over that page, with Answer and Not now.
  const banner = b.page.getByRole('region', { name: 'Incoming call' });
  await banner.getByText('Anna is calling').waitFor();
  t.true(await banner.getByRole('button', { name: 'Not now' }).isVisible());
  await screenshot(b.page, 'call-banner');
  await screenshot(a.page, 'call-calling');
  t.deepEqual(await seriousViolations(b.page), [], 'the banner');
  t.deepEqual(await seriousViolations(a.page), [], 'calling');
  await banner.getByRole('button', { name: 'Answer' }).click();
  await b.page.waitForURL(`**/calls/${callId}`);

  await Promise.all([a.page.locator('[data-phase="active"]').waitFor(), b.page.locator('[data-phase="active"]').waitFor()]);
  const states = await Promise.all([a, b].map(({ page }) => page.evaluate(() => (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.map((pc) => pc.connectionState))));
  t.deepEqual(states, [['connected'], ['connected']]);
  // Each side receives the other's fake camera.
  const [annaReceives, bobReceives] = await Promise.all([videoKeepsArriving(a.page), videoKeepsArriving(b.page)]);
  t.true(annaReceives.after > annaReceives.before);
  t.true(bobReceives.after > bobReceives.before);
  await a.page.getByRole('heading', { level: 1, name: 'Bob' }).waitFor();
  await a.page.getByLabel('Video of Bob').waitFor();
  await screenshot(a.page, 'call-active');
  t.deepEqual(await seriousViolations(a.page), [], 'in the call');

  // Mute and camera off are switches that say whether they are on.
  const mute = a.page.getByRole('button', { name: 'Mute' });
  await mute.click();
  t.is(await mute.getAttribute('aria-pressed'), 'true');
  await mute.click();
  t.is(await mute.getAttribute('aria-pressed'), 'false');

  await a.page.getByRole('button', { name: 'Hang up' }).click();
  await a.page.getByText('You hung up.').waitFor();
  await b.page.getByText('Anna hung up.').waitFor();
  t.is(await b.page.locator('[data-phase]').getAttribute('data-phase'), 'ended');
  // Bob answered here, not on another device.
  t.is(await b.page.getByText('on another device').count(), 0);
  await screenshot(b.page, 'call-ended');
  t.deepEqual(await seriousViolations(b.page), [], 'the end of the call');
  const after = await server.api(`/api/v1/calls/${callId}`, { cookie: anna.cookie });
  t.like(after.body.call, { state: 'ended', endReason: 'hangup' });
  // Both cameras are released: no open peer connection is left on either page.
  for (const { page } of [a, b]) {
    t.true(await page.evaluate(() => (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.every((pc) => pc.connectionState === 'closed')));
  }
  t.deepEqual([...a.problems, ...b.problems], []);
});

test('an unanswered call becomes a missed call: the caller hears nobody answered, and Bob finds it on Home and in his history with Call back', async (t) => {
  t.timeout(120_000);
  const server = await startTestServer({ 'family.name': 'De Vries', 'calls.ringSeconds': 6 });
  t.teardown(() => server.stop());
  const anna = await buildAdmin(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  const a = await openAs(t, server, anna);
  const b = await openAs(t, server, bob);
  const bLive = liveReady(b.page);
  await b.page.goto('/');
  await b.page.getByRole('heading', { level: 2, name: 'Calls' }).waitFor();
  await b.page.getByText('No missed calls.').waitFor();
  await bLive;

  await a.page.goto('/family');
  await a.page.locator(`[data-person="${bob.id}"]`).getByRole('button', { name: 'Call Bob' }).click();
  await a.page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
  const callId = callIdOf(a.page);
  const banner = b.page.getByRole('region', { name: 'Incoming call' });
  await banner.waitFor();
  // Nobody answers: the banner goes by itself and Anna is told.
  await banner.waitFor({ state: 'detached' });
  await a.page.getByText('Bob did not answer. Try again later, or send a message.').waitFor();
  t.like((await server.api(`/api/v1/calls/${callId}`, { cookie: bob.cookie })).body.call, { state: 'missed', endReason: 'unanswered' });

  // Home says so at once, with Call back.
  await b.page.getByText('You missed a call from Anna.').waitFor();
  t.true(await b.page.getByRole('button', { name: 'Call back (Anna)' }).isVisible());

  await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
  await b.page.getByRole('link', { name: 'Calls' }).click();
  await b.page.getByRole('heading', { level: 1, name: 'Calls' }).waitFor();
  const item = b.page.locator(`[data-call="${callId}"]`);
  await item.getByText('Missed call').waitFor();
  await item.getByText('New').waitFor();
  await screenshot(b.page, 'call-history');
  t.deepEqual(await seriousViolations(b.page), [], 'the history');
  // Opening the history marked the missed call as seen.
  await until(async () => (await server.api('/api/v1/calls', { cookie: bob.cookie })).body.missedUnseen === 0);
  await b.page.getByRole('button', { name: 'Missed calls' }).click();
  await b.page.locator(`[data-call="${callId}"]`).getByText('Missed call').waitFor();
  t.is(await b.page.locator('[data-call]').count(), 1);

  // Call back rings Anna.
  const aLive = liveReady(a.page);
  await a.page.goto('/');
  await aLive;
  // Watched from before the tap: the call rings for a few seconds only here.
  const annaRings = a.page.getByRole('region', { name: 'Incoming call' }).getByText('Bob is calling').waitFor();
  await b.page.locator(`[data-call="${callId}"]`).getByRole('button', { name: 'Call back (Anna)' }).click();
  await b.page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
  t.not(callIdOf(b.page), callId);
  await annaRings;
  await b.page.getByRole('button', { name: 'Hang up' }).click();
  await b.page.getByText('You hung up.').waitFor();
  await a.page.getByRole('region', { name: 'Incoming call' }).waitFor({ state: 'detached' });
  t.deepEqual([...a.problems, ...b.problems], []);
});

test('built-in engine: Bob’s browser refuses his camera, so the call goes ahead audio-only with a sentence; once he allows it, Try the camera again sends his picture (a renegotiation from the side that answered)', async (t) => {
  t.timeout(120_000);
  const server = await startTestServer({ 'family.name': 'De Vries' });
  t.teardown(() => server.stop());
  const anna = await buildAdmin(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  const a = await openAs(t, server, anna);
  // Bob's browser asks, and he allows only the microphone: the camera is refused.
  const b = await openAs(t, server, bob, { fakeMedia: 'ask', context: { permissions: ['microphone'] } });
  const bLive = liveReady(b.page);
  await b.page.goto('/');
  await bLive;

  await a.page.goto('/family');
  await a.page.locator(`[data-person="${bob.id}"]`).getByRole('button', { name: 'Call Bob' }).click();
  await a.page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
  await b.page.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
  await Promise.all([a.page.locator('[data-phase="active"]').waitFor(), b.page.locator('[data-phase="active"]').waitFor()]);

  await b.page.getByText('The browser may not use your camera, so Anna hears you but cannot see you. Allow the camera in the browser’s settings, then try again.').waitFor();
  t.is(await b.page.getByRole('button', { name: 'Camera off' }).count(), 0);
  // Bob still sees Anna; Anna hears Bob but gets no picture, and sees his photo instead.
  await videoKeepsArriving(b.page);
  await a.page.getByText('No picture from Bob').waitFor();
  t.is(await inboundVideoBytes(a.page), 0);
  await screenshot(b.page, 'call-no-camera');

  await b.context.grantPermissions(['microphone', 'camera']);
  await b.page.getByRole('button', { name: 'Try the camera again' }).click();
  await b.page.getByRole('button', { name: 'Camera off' }).waitFor();
  t.is(await b.page.getByText('The browser may not use your camera').count(), 0);
  const annaReceives = await videoKeepsArriving(a.page);
  t.true(annaReceives.after > annaReceives.before);
  await a.page.getByText('No picture from Bob').waitFor({ state: 'detached' });
  await b.page.getByRole('button', { name: 'Hang up' }).click();
  await a.page.getByText('Bob hung up.').waitFor();
  t.deepEqual([...a.problems, ...b.problems], []);
});

test('built-in engine: closing the tab in a call hangs up on the way out, so the other side hears at once instead of after the server’s silence rule', async (t) => {
  t.timeout(120_000);
  // The server's silence rule is set far off: only the page's own hang-up can end the call here.
  const server = await startTestServer({ 'family.name': 'De Vries', 'calls.aliveSeconds': 300 });
  t.teardown(() => server.stop());
  const anna = await buildAdmin(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  const a = await openAs(t, server, anna);
  const b = await openAs(t, server, bob);
  const bLive = liveReady(b.page);
  await b.page.goto('/');
  await bLive;
  await a.page.goto('/family');
  await a.page.locator(`[data-person="${bob.id}"]`).getByRole('button', { name: 'Call Bob' }).click();
  await a.page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
  const callId = callIdOf(a.page);
  await b.page.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
  await Promise.all([a.page.locator('[data-phase="active"]').waitFor(), b.page.locator('[data-phase="active"]').waitFor()]);

  await b.page.close({ runBeforeUnload: true });
  const hungUp = await a.page
    .getByText('Bob hung up.')
    .waitFor({ timeout: 10_000 })
    .then(
      () => null,
      async () => `Anna's screen says: ${await a.page.locator('main').innerText()}; the call: ${JSON.stringify((await server.api(`/api/v1/calls/${callId}`, { cookie: anna.cookie })).body.call)}`,
    );
  t.is(hungUp, null);
  t.like((await server.api(`/api/v1/calls/${callId}`, { cookie: anna.cookie })).body.call, { state: 'ended', endReason: 'hangup' });
  t.deepEqual(a.problems, []);
});

test('built-in engine: when Bob’s browser dies mid-call, Anna’s screen looks for him for a while, then says the connection was lost and ends the call as failed', async (t) => {
  t.timeout(120_000);
  // The server's own silence rule (calls.aliveSeconds) is set far off: only the screen notices here.
  const server = await startTestServer({ 'family.name': 'De Vries', 'calls.aliveSeconds': 300 });
  t.teardown(() => server.stop());
  const anna = await buildAdmin(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  const a = await openAs(t, server, anna);
  const b = await openAs(t, server, bob);
  const bLive = liveReady(b.page);
  await b.page.goto('/');
  await bLive;
  await a.page.goto('/family');
  await a.page.locator(`[data-person="${bob.id}"]`).getByRole('button', { name: 'Call Bob' }).click();
  await a.page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
  const callId = callIdOf(a.page);
  await b.page.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
  await Promise.all([a.page.locator('[data-phase="active"]').waitFor(), b.page.locator('[data-phase="active"]').waitFor()]);
  await videoKeepsArriving(a.page);

  // A crash: no page-hide, no hang-up, no goodbye of any kind.
  const devtools = await b.context.newCDPSession(b.page);
  const crashed = new Promise((resolve) => b.page.once('crash', resolve));
  // The answer never comes from a renderer that crashed.
  void devtools.send('Page.crash').catch(() => undefined);
  await crashed;
  await a.page.locator('[data-phase="reconnecting"]').waitFor({ timeout: 30_000 });
  await a.page.getByText('The connection dropped. Reconnecting…').waitFor();
  await a.page.getByText('The connection with Bob was lost.').waitFor({ timeout: 40_000 });
  t.like((await server.api(`/api/v1/calls/${callId}`, { cookie: anna.cookie })).body.call, { state: 'failed', endReason: 'failed' });
  t.deepEqual(a.problems, []);
});

test('built-in engine: groups offer no call button, since group calls need the family’s own Jitsi', async (t) => {
  const server = await startTestServer({ 'family.name': 'De Vries' });
  t.teardown(() => server.stop());
  const anna = await buildAdmin(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  const group = await server.api('/api/v1/groups', { cookie: anna.cookie, body: { name: 'Cousins', memberIds: [anna.id, bob.id] } });
  t.is(group.status, 201, JSON.stringify(group.body));
  t.is((await server.api('/api/v1/family')).body.family.callEngine, 'builtin');
  const a = await openAs(t, server, anna);
  await a.page.goto('/family');
  await a.page.getByRole('heading', { name: 'Cousins' }).waitFor();
  await a.page.getByRole('button', { name: 'Call Bob' }).first().waitFor();
  t.is(await a.page.getByRole('button', { name: 'Call the group Cousins' }).count(), 0);
  // The server refuses such a call in any case.
  const refused = await server.api('/api/v1/calls', { cookie: anna.cookie, body: { groupId: group.body.group.id } });
  t.is(refused.status, 409);
  t.is(refused.body.error.code, 'needs_jitsi');
  t.deepEqual(a.problems, []);
});



test('Jitsi engine, with a local https origin standing in for the Jitsi domain: the call screen loads external_api.js from jitsi.domain, builds the API with the room, the person’s token and the simple-call options, and reports hang-ups to the server', async (t) => {
  t.timeout(120_000);
  const standIn = await startJitsiStandIn();
  t.teardown(() => standIn.close());
  const server = await startTestServer({ 'family.name': 'De Vries', 'jitsi.domain': standIn.domain, 'jitsi.recording': true });
  t.teardown(() => server.stop());
  const anna = await buildAdmin(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  // Anna, an admin, allows recording: everyone in a call must then be told.
  t.is((await server.api('/api/v1/call-settings', { method: 'PUT', cookie: anna.cookie, body: { recordingAllowed: true } })).status, 200);
  // The stand-in's certificate is self-signed; only these test contexts accept it.
  const a = await openAs(t, server, anna, { context: { ignoreHTTPSErrors: true } });
  const b = await openAs(t, server, bob, { context: { ignoreHTTPSErrors: true } });
  const scripts: string[] = [];
  a.page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  const bLive = liveReady(b.page);
  await b.page.goto('/');
  await bLive;

  await a.page.goto('/family');
  await a.page.locator(`[data-person="${bob.id}"]`).getByRole('button', { name: 'Call Bob' }).click();
  await a.page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
  const callId = callIdOf(a.page);
  await a.page.locator('[data-engine="jitsi"]').waitFor();
  const [annas] = await until(async () => {
    const records = await jitsiRecords(a.page);
    return records.length > 0 ? records : undefined;
  });

  t.true(scripts.includes(`https://${standIn.domain}/external_api.js`), scripts.join('\n'));
  t.is(standIn.served[0], '/external_api.js');
  const call = (await server.api(`/api/v1/calls/${callId}`, { cookie: anna.cookie })).body.call;
  t.is(call.engine, 'jitsi');
  t.is(annas?.domain, standIn.domain);
  // The token is Anna's, for this call's room, signed with the secret shared with Jitsi.
  const { payload } = await jwtVerify(annas?.options.jwt ?? '', new TextEncoder().encode(server.config.jitsi.appSecret), { issuer: 'prifora', audience: 'prifora' });
  t.is(payload.room, annas?.options.roomName);
  t.like(payload.context, { user: { id: anna.id, name: 'Anna' } });
  t.regex(annas?.options.roomName ?? '', /^[a-z0-9-]+$/);
  t.deepEqual(annas?.options, { ...jitsiMeetOptions({ roomName: annas?.options.roomName ?? '', jwt: annas?.options.jwt ?? '', parentNode: 'call__jitsi', surface: 'app', language: 'en' }) });
  t.like(annas?.options, { configOverwrite: { prejoinConfig: { enabled: false }, deeplinking: { disabled: true } }, userInfo: { displayName: 'Anna' } });
  await a.page.getByText('Calling Bob…').waitFor();
  // The Permissions-Policy lets the Jitsi origin's iframe use the camera and microphone.
  const media = await until(async () => (await jitsiRecords(a.page))[0]?.media);
  t.is(media, 'ok');

  // Bob answers from the banner and enters the same room with his own token.
  await b.page.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
  await b.page.waitForURL(`**/calls/${callId}`);
  const [bobs] = await until(async () => {
    const records = await jitsiRecords(b.page);
    return records.length > 0 ? records : undefined;
  });
  t.is(bobs?.options.roomName, annas?.options.roomName);
  t.not(bobs?.options.jwt, annas?.options.jwt);
  t.like((await jwtVerify(bobs?.options.jwt ?? '', new TextEncoder().encode(server.config.jitsi.appSecret))).payload.context, { user: { id: bob.id } });
  await Promise.all([a.page.locator('[data-phase="active"]').waitFor(), b.page.locator('[data-phase="active"]').waitFor()]);
  for (const { page } of [a, b]) await page.getByText('This call may be recorded. Everyone in it sees when it is.').waitFor();
  // Jitsi reports that a recording started: both screens say so plainly.
  for (const { page } of [a, b]) await page.evaluate(() => (window as unknown as { __jitsiEmit(index: number, name: string, payload: unknown): void }).__jitsiEmit(0, 'recordingStatusChanged', { on: true, mode: 'file' }));
  for (const { page } of [a, b]) await page.getByText('This call is being recorded.').waitFor();
  await screenshot(a.page, 'call-jitsi');

  // Anna's own Hang up leaves the Jitsi room and ends the call; Bob's frame is taken down.
  await a.page.getByRole('button', { name: 'Hang up' }).click();
  await a.page.getByText('You hung up.').waitFor();
  await b.page.getByText('Anna hung up.').waitFor();
  t.deepEqual((await jitsiRecords(a.page))[0]?.commands, ['hangup']);
  t.true((await jitsiRecords(b.page))[0]?.disposed);
  t.like((await server.api(`/api/v1/calls/${callId}`, { cookie: anna.cookie })).body.call, { state: 'ended', endReason: 'hangup' });

  // Hanging up in Jitsi's own toolbar (readyToClose) is reported to the server too.
  const second = await server.api('/api/v1/calls', { cookie: anna.cookie, body: { userId: bob.id } });
  t.is(second.status, 201);
  await server.api(`/api/v1/calls/${second.body.call.id}/answer`, { cookie: bob.cookie, body: {} });
  await b.page.goto(`/calls/${second.body.call.id}`);
  await b.page.locator('[data-phase="active"]').waitFor();
  await b.page.evaluate(() => (window as unknown as { __jitsiEmit(index: number, name: string): void }).__jitsiEmit(0, 'readyToClose'));
  await b.page.getByText('You hung up.').waitFor();
  t.like((await server.api(`/api/v1/calls/${second.body.call.id}`, { cookie: anna.cookie })).body.call, { state: 'ended', endReason: 'hangup' });
  t.deepEqual([...a.problems, ...b.problems], []);
});
