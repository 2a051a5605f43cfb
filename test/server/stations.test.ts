/**
 * Pairing a Home Station and what a paired screen may do, over the real API and websocket: the
 * code, the admin's approval, the cookie, the screen acting only as its station person, and
 * revoking it (its cookie fails at once and its live socket closes with 4002).
 */
import test from 'ava';
import sharp from 'sharp';
import { Station, StationPairing } from '../../server/db/index.js';
import { RateLimiter, rateLimits } from '../../server/services/rateLimits.js';
import { codeAlphabet } from '../../server/services/stations.js';
import { buildAdmin, buildMember, until, type Member } from '../helpers/family.js';
import { connectLive, LiveRefused } from '../helpers/live.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { buildStationPerson, pairStation, requestPairing, stationCookieOf } from '../helpers/station.js';

interface Family {
  server: TestServer;
  admin: Member;
  anna: Member;
  omaId: string;
}

async function family(t: { teardown(fn: () => unknown): void }, live: { stationCheckMs?: number } = {}): Promise<Family> {
  const server = await startTestServer({}, { live });
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const anna = await buildMember(server, { firstName: 'Anna' });
  const omaId = await buildStationPerson(server, admin, { firstName: 'Riet' });
  return { server, admin, anna, omaId };
}

async function uploadPhoto(server: TestServer, member: Member, red: number): Promise<string> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: red, g: 120, b: 60 } } }).png().toBuffer();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)]), 'photo.png');
  const response = await fetch(`${server.url}/api/v1/media`, { method: 'POST', body: form, headers: { cookie: member.cookie, origin: new URL(server.config.server.publicUrl).origin } });
  if (response.status !== 201) throw new Error(`upload: ${response.status}`);
  return ((await response.json()) as { media: { id: string } }).media.id;
}

test('a new screen gets a short code, an approval link and a secret; it waits until an admin approves, then gets a lasting httpOnly SameSite=Strict cookie', async (t) => {
  const f = await family(t);
  const pairing = await requestPairing(f.server);
  t.regex(pairing.code, new RegExp(`^[${codeAlphabet}]{6}$`));
  t.is(pairing.approvalUrl, `http://localhost:8080/family/stations/add?code=${pairing.code}`);
  const lifetime = Date.parse(pairing.expiresAt) - Date.now();
  t.true(lifetime > 9.5 * 60 * 1000 && lifetime <= 10 * 60 * 1000, `expires in ${lifetime} ms`);
  t.true(pairing.secret.length >= 40);

  const waiting = await f.server.api('/api/v1/stations/pairing/check', { body: { secret: pairing.secret } });
  t.is(waiting.status, 200);
  t.deepEqual(waiting.body, { status: 'waiting', expiresAt: pairing.expiresAt });
  t.is(stationCookieOf(waiting), undefined);

  // Typed as people do: lower case, with a space in the middle.
  const typed = `${pairing.code.slice(0, 3).toLowerCase()} ${pairing.code.slice(3).toLowerCase()}`;
  const approved = await f.server.api('/api/v1/stations', { cookie: f.admin.cookie, body: { code: typed, name: 'Woonkamer', stationPersonId: f.omaId } });
  t.is(approved.status, 201, JSON.stringify(approved.body));
  t.like(approved.body.station, { name: 'Woonkamer', waiting: true, stationPerson: { id: f.omaId, firstName: 'Riet' } });

  const paired = await f.server.api('/api/v1/stations/pairing/check', { body: { secret: pairing.secret } });
  t.is(paired.status, 200);
  t.like(paired.body, { status: 'paired', station: { id: approved.body.station.id, name: 'Woonkamer' } });
  const header = paired.headers.getSetCookie().find((c) => c.startsWith('prifora_station=')) ?? '';
  t.regex(header, /; path=\//i);
  t.regex(header, /; httponly/i);
  t.regex(header, /; samesite=strict/i);
  t.notRegex(header, /; secure/i, 'not Secure over plain http');
  const expires = Date.parse(header.match(/expires=([^;]+)/i)?.[1] ?? '');
  t.true(expires - Date.now() > 365 * 24 * 60 * 60 * 1000, 'kept for more than a year (survives reboots)');

  // The credential is handed out once; the pairing is gone.
  const again = await f.server.api('/api/v1/stations/pairing/check', { body: { secret: pairing.secret } });
  t.is(again.status, 404);
  t.is(again.body.error.code, 'pairing_unknown');
  // Only hashes are stored.
  const row = await Station.findByPk(approved.body.station.id);
  t.truthy(row?.credentialHash);
  t.false(header.includes(row?.credentialHash ?? '-'));
  t.is(await StationPairing.count(), 0);

  const list = await f.server.api('/api/v1/stations', { cookie: f.admin.cookie });
  t.like(list.body.stations[0], { name: 'Woonkamer', waiting: false, online: false, stationPerson: { firstName: 'Riet' } });
  t.truthy(list.body.stations[0].lastSeenAt);
});

test('a paired screen acts only as its station person: its conversations, notices, playlist and quick replies, and nothing else', async (t) => {
  const f = await family(t);
  const screen = await pairStation(f.server, f.admin, f.omaId);
  const asScreen = (path: string, init: { method?: string; body?: unknown } = {}) => f.server.api(path, { ...init, cookie: screen.cookie });

  const direct = await f.server.api('/api/v1/conversations/direct', { cookie: f.anna.cookie, body: { userId: f.omaId } });
  const withOma = direct.body.conversation.id;
  const photo = await uploadPhoto(f.server, f.anna, 10);
  const sent = await f.server.api(`/api/v1/conversations/${withOma}/messages`, { cookie: f.anna.cookie, body: { body: 'Hoi oma, kijk!', attachments: [photo] } });
  const elsewhere = await f.server.api('/api/v1/conversations/direct', { cookie: f.anna.cookie, body: { userId: f.admin.id } });
  const secretPhoto = await uploadPhoto(f.server, f.anna, 200);
  await f.server.api(`/api/v1/conversations/${elsewhere.body.conversation.id}/messages`, { cookie: f.anna.cookie, body: { body: 'Onder ons', attachments: [secretPhoto] } });
  await f.server.api('/api/v1/notices', { cookie: f.admin.cookie, body: { title: 'Verjaardag', body: 'Opa wordt 80!' } });

  const me = await asScreen('/api/v1/station/me');
  t.is(me.status, 200);
  t.like(me.body, { station: { id: screen.id, name: 'Woonkamer' }, stationPerson: { id: f.omaId, firstName: 'Riet' }, language: 'en', family: { name: 'Test', language: 'en' } });
  t.is(me.body.stationPerson.email, undefined, 'a screen in a living room shows no personal fields');
  t.deepEqual(me.body.people.map((p: { firstName: string }) => p.firstName), ['Anna']);
  t.deepEqual(me.body.settings.quickReplies, ['Thank you!', 'Call me', '❤️']);
  t.truthy(stationCookieOf(me), 'starting up renews the cookie');

  const conversations = await asScreen('/api/v1/conversations');
  t.deepEqual(conversations.body.conversations.map((c: { id: string }) => c.id), [withOma]);
  t.is(conversations.body.conversations[0].unread, 1);
  const messages = await asScreen(`/api/v1/conversations/${withOma}/messages`);
  t.deepEqual(messages.body.messages.map((m: { body: string }) => m.body), ['Hoi oma, kijk!']);
  t.is((await asScreen(`/api/v1/media/${photo}/thumb`)).status, 200, 'the photo sent to its person');
  t.is((await asScreen(`/api/v1/media/${photo}/link?size=station`)).status, 200);
  for (const path of [`/api/v1/conversations/${elsewhere.body.conversation.id}`, `/api/v1/conversations/${elsewhere.body.conversation.id}/messages`, `/api/v1/media/${secretPhoto}`, `/api/v1/media/${secretPhoto}/thumb`]) {
    t.is((await asScreen(path)).status, 404, `${path} is not its person's`);
  }

  const notices = await asScreen('/api/v1/notices');
  t.deepEqual(notices.body.notices.map((n: { title: string }) => n.title), ['Verjaardag']);
  t.is((await asScreen(`/api/v1/notices/${notices.body.notices[0].id}/read`, { method: 'POST' })).status, 204);
  t.is((await asScreen('/api/v1/station/playlist')).status, 200);

  // One tap: a quick reply, as a reply to the message; anything else is refused.
  const reply = await asScreen(`/api/v1/conversations/${withOma}/messages`, { body: { body: 'Thank you!', replyTo: sent.body.message.id } });
  t.is(reply.status, 201, JSON.stringify(reply.body));
  t.is(reply.body.message.authorId, f.omaId);
  const annaSees = await f.server.api(`/api/v1/conversations/${withOma}/messages`, { cookie: f.anna.cookie });
  t.is(annaSees.body.messages[0].body, 'Thank you!');
  t.is((await asScreen(`/api/v1/conversations/${withOma}/messages`, { body: { body: 'Stuur geld' } })).status, 403);
  t.is((await asScreen(`/api/v1/conversations/${withOma}/messages`, { body: { body: 'Call me', attachments: [photo] } })).status, 403);
  t.is((await asScreen(`/api/v1/conversations/${withOma}/read`, { body: { messageId: sent.body.message.id } })).status, 204);

  // What a screen has no business with: refused, whatever its person might do.
  for (const [path, init] of [
    ['/api/v1/users', {}],
    ['/api/v1/me', {}],
    ['/api/v1/me', { method: 'PATCH', body: { language: 'nl' } }],
    ['/api/v1/sessions', {}],
    ['/api/v1/stations', {}],
    [`/api/v1/station-people/${f.omaId}/settings`, {}],
    ['/api/v1/groups', {}],
    ['/api/v1/slideshows', {}],
    ['/api/v1/search?q=hoi', {}],
    ['/api/v1/conversations/direct', { body: { userId: f.anna.id } }],
    [`/api/v1/messages/${reply.body.message.id}`, { method: 'DELETE' }],
    ['/api/v1/support', { body: { subject: 'Help', body: 'Hoe werkt dit?' } }],
  ] as Array<[string, { method?: string; body?: unknown }]>) {
    const refused = await asScreen(path, init);
    t.is(refused.status, 403, `${init.method ?? 'GET'} ${path}: ${JSON.stringify(refused.body)}`);
  }
  // On public routes a screen is nobody: it is no signed-in person.
  t.deepEqual((await asScreen('/api/v1/session')).body, { user: null });
  // Persons are not screens.
  t.is((await f.server.api('/api/v1/station/me', { cookie: f.admin.cookie })).status, 403);
  t.is((await f.server.api('/api/v1/station/me')).status, 401);
});

test('a screen’s cookie is refused on a write without the app’s Origin', async (t) => {
  const f = await family(t);
  const screen = await pairStation(f.server, f.admin, f.omaId);
  const response = await fetch(`${f.server.url}/api/v1/notices/00000000-0000-4000-8000-000000000000/read`, { method: 'POST', headers: { cookie: screen.cookie } });
  t.is(response.status, 403);
  t.is(((await response.json()) as { error: { code: string } }).error.code, 'bad_origin');
});

test('a screen’s live socket gets its person’s events, counts as its person online, and closes with 4002 when revoked; its cookie then fails', async (t) => {
  const f = await family(t);
  const screen = await pairStation(f.server, f.admin, f.omaId);
  const live = await connectLive(f.server, screen.cookie);
  const presence = await live.next((m) => m.type === 'presence');
  t.true(presence.online.includes(f.omaId));
  await live.next((m) => m.type === 'ready');
  const listed = await f.server.api('/api/v1/stations', { cookie: f.admin.cookie });
  t.true(listed.body.stations[0].online);

  const direct = await f.server.api('/api/v1/conversations/direct', { cookie: f.anna.cookie, body: { userId: f.omaId } });
  await f.server.api(`/api/v1/conversations/${direct.body.conversation.id}/messages`, { cookie: f.anna.cookie, body: { body: 'Tot zondag!' } });
  const message = await live.next((m) => m.event === 'message.created');
  t.is(message.payload.message.body, 'Tot zondag!');

  const revoked = await f.server.api(`/api/v1/stations/${screen.id}`, { method: 'DELETE', cookie: f.admin.cookie });
  t.is(revoked.status, 204);
  t.like(await live.closed, { code: 4002 });
  const after = await f.server.api('/api/v1/station/me', { cookie: screen.cookie });
  t.is(after.status, 401);
  t.regex(after.headers.getSetCookie().find((c) => c.startsWith('prifora_station=')) ?? '', /expires=Thu, 01 Jan 1970/i, 'the dead cookie is cleared');
  const refused = await connectLive(f.server, screen.cookie).catch((error: unknown) => error);
  t.true(refused instanceof LiveRefused && refused.status === 401);
  t.deepEqual((await f.server.api('/api/v1/stations', { cookie: f.admin.cookie })).body.stations, []);
  t.is((await f.server.api(`/api/v1/stations/${screen.id}`, { method: 'DELETE', cookie: f.admin.cookie })).status, 404);
});

test('removing the station person unpairs their screens at once', async (t) => {
  const f = await family(t);
  const screen = await pairStation(f.server, f.admin, f.omaId);
  const live = await connectLive(f.server, screen.cookie);
  await live.next((m) => m.type === 'ready');
  t.is((await f.server.api(`/api/v1/users/${f.omaId}`, { method: 'DELETE', cookie: f.admin.cookie })).status, 204);
  t.like(await live.closed, { code: 4002 });
  t.is((await f.server.api('/api/v1/conversations', { cookie: screen.cookie })).status, 401);
  t.is(await Station.count(), 0);
});

test('a screen revoked where this server does not hear of it (the CLI, another process) is cut off within seconds', async (t) => {
  const f = await family(t, { stationCheckMs: 200 });
  const screen = await pairStation(f.server, f.admin, f.omaId);
  const live = await connectLive(f.server, screen.cookie);
  await live.next((m) => m.type === 'ready');
  t.is((await f.server.api('/api/v1/station/me', { cookie: screen.cookie })).status, 200);
  // Straight in the database: no event reaches this process's bus, as with a revoke from the CLI.
  await Station.destroy({ where: { id: screen.id } });
  t.like(await live.closed, { code: 4002 });
  await until(async () => (await f.server.api('/api/v1/station/me', { cookie: screen.cookie })).status === 401, 7000);
  t.pass();
});

test('an expired, unknown or used code is refused with a sentence in the admin’s language', async (t) => {
  const f = await family(t);
  const approve = async (code: string, language = 'en', stationPersonId = f.omaId) => {
    // The answer speaks the admin's own language.
    await f.server.api('/api/v1/me', { method: 'PATCH', cookie: f.admin.cookie, body: { language } });
    return f.server.api('/api/v1/stations', { cookie: f.admin.cookie, body: { code, name: 'Keuken', stationPersonId } });
  };

  const unknown = await approve('AAAAAA');
  t.is(unknown.status, 404);
  t.deepEqual(unknown.body.error, { code: 'pairing_unknown', message: 'We do not know this code. Check the code on the screen and try again.' });
  t.is((await approve('AAAAAA', 'nl')).body.error.message, 'Deze code kennen we niet. Kijk nog eens goed naar de code op het scherm.');
  t.is((await approve('not a code!')).status, 400);

  const pairing = await requestPairing(f.server);
  t.is((await approve(pairing.code, 'en', f.anna.id)).status, 404, 'a relative is no station person');
  await StationPairing.update({ expiresAt: new Date(Date.now() - 1000) }, { where: {} });
  const expired = await approve(pairing.code);
  t.is(expired.status, 410);
  t.deepEqual(expired.body.error, { code: 'pairing_expired', message: 'This code has expired. The screen now shows a new code: use that one.' });
  t.is((await approve(pairing.code, 'nl')).body.error.message, 'Deze code is verlopen. Het scherm laat nu een nieuwe code zien: gebruik die.');
  const check = await f.server.api('/api/v1/stations/pairing/check', { body: { secret: pairing.secret } });
  t.is(check.status, 410);
  t.is(check.body.error.code, 'pairing_expired');
  t.is((await f.server.api('/api/v1/stations/pairing/check', { body: { secret: 'x'.repeat(43) } })).body.error.code, 'pairing_unknown');

  const fresh = await requestPairing(f.server);
  t.is((await approve(fresh.code)).status, 201);
  const twice = await approve(fresh.code);
  t.is(twice.status, 409);
  t.deepEqual(twice.body.error, { code: 'pairing_used', message: 'This screen has already been added.' });
});

test('a screen approved but switched off before collecting its cookie is forgotten when its time is up', async (t) => {
  const f = await family(t);
  const pairing = await requestPairing(f.server);
  await f.server.api('/api/v1/stations', { cookie: f.admin.cookie, body: { code: pairing.code, name: 'Zolder', stationPersonId: f.omaId } });
  t.like((await f.server.api('/api/v1/stations', { cookie: f.admin.cookie })).body.stations, [{ name: 'Zolder', waiting: true }]);
  await StationPairing.update({ expiresAt: new Date(Date.now() - 1000) }, { where: {} });
  t.is((await f.server.api('/api/v1/stations/pairing/check', { body: { secret: pairing.secret } })).status, 410);
  await requestPairing(f.server);
  t.deepEqual((await f.server.api('/api/v1/stations', { cookie: f.admin.cookie })).body.stations, []);
});

test('code requests, checks and approvals are rate limited per address and per admin', async (t) => {
  const f = await family(t);
  for (let i = 0; i < rateLimits.pairingCodeAddress.max; i += 1) await requestPairing(f.server);
  const tooMany = await f.server.api('/api/v1/stations/pairing', { method: 'POST' });
  t.is(tooMany.status, 429);
  t.is(tooMany.body.error.code, 'rate_limited');
  t.truthy(tooMany.headers.get('retry-after'));

  f.server.running.services.limiter = new RateLimiter();
  const pairing = await requestPairing(f.server);
  for (let i = 0; i < rateLimits.pairingApproveAccount.max; i += 1) {
    t.is((await f.server.api('/api/v1/stations', { cookie: f.admin.cookie, body: { code: 'AAAAAA', name: 'Gok', stationPersonId: f.omaId } })).status, 404);
  }
  const guessing = await f.server.api('/api/v1/stations', { cookie: f.admin.cookie, body: { code: pairing.code, name: 'Gok', stationPersonId: f.omaId } });
  t.is(guessing.status, 429, 'even the right code waits once the guesses are used up');

  f.server.running.services.limiter = new RateLimiter({ ...rateLimits, pairingCheckAddress: { max: 3, windowMs: 60_000 } });
  for (let i = 0; i < 3; i += 1) t.is((await f.server.api('/api/v1/stations/pairing/check', { body: { secret: pairing.secret } })).status, 200);
  t.is((await f.server.api('/api/v1/stations/pairing/check', { body: { secret: pairing.secret } })).status, 429);
});

test('admins rename a screen and see it renamed; members may not', async (t) => {
  const f = await family(t);
  const screen = await pairStation(f.server, f.admin, f.omaId);
  const renamed = await f.server.api(`/api/v1/stations/${screen.id}`, { method: 'PATCH', cookie: f.admin.cookie, body: { name: 'Slaapkamer' } });
  t.is(renamed.status, 200);
  t.is(renamed.body.station.name, 'Slaapkamer');
  t.is((await f.server.api('/api/v1/station/me', { cookie: screen.cookie })).body.station.name, 'Slaapkamer');
  t.is((await f.server.api(`/api/v1/stations/${screen.id}`, { method: 'PATCH', cookie: f.anna.cookie, body: { name: 'Kelder' } })).status, 403);
  t.is((await f.server.api(`/api/v1/stations/${screen.id}`, { method: 'PATCH', cookie: f.admin.cookie, body: { name: '' } })).status, 400);
});
