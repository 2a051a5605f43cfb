/**
 * A station person's screen settings: the defaults per language, changes by admins (partial,
 * validated at the edge and across fields), and the live event that applies them on the screen.
 */
import test from 'ava';
import { buildAdmin, buildMember, type Member } from '../helpers/family.js';
import { connectLive } from '../helpers/live.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { buildStationPerson, pairStation } from '../helpers/station.js';

interface Family {
  server: TestServer;
  admin: Member;
  anna: Member;
  omaId: string;
}

async function family(t: { teardown(fn: () => unknown): void }): Promise<Family> {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const anna = await buildMember(server, { firstName: 'Anna' });
  return { server, admin, anna, omaId: await buildStationPerson(server, admin) };
}

const settingsPath = (id: string) => `/api/v1/station-people/${id}/settings`;

test('the defaults follow the station person’s language: day parts of a dementia clock, night 22–07, quick replies', async (t) => {
  const f = await family(t);
  const english = await f.server.api(settingsPath(f.omaId), { cookie: f.admin.cookie });
  t.is(english.status, 200);
  t.deepEqual(english.body.settings, {
    clock: { hours: 12, dayParts: { morning: '07:00', afternoon: '12:00', evening: '17:00', night: '22:00' } },
    nightMode: { enabled: true, from: '22:00', until: '07:00' },
    quickReplies: ['Thank you!', 'Call me', '❤️'],
    readAloud: false,
    videoSound: false,
    ringVolume: 80,
  });
  const opaId = await buildStationPerson(f.server, f.admin, { firstName: 'Opa', language: 'nl' });
  const dutch = await f.server.api(settingsPath(opaId), { cookie: f.admin.cookie });
  t.is(dutch.body.settings.clock.hours, 24);
  t.deepEqual(dutch.body.settings.quickReplies, ['Dank je wel!', 'Bel me even', '❤️']);
});

test('admins change any part; the rest stays, and quickReplies null goes back to the defaults', async (t) => {
  const f = await family(t);
  const patch = (body: unknown) => f.server.api(settingsPath(f.omaId), { method: 'PATCH', cookie: f.admin.cookie, body });
  t.is((await patch({ clock: { hours: 24, dayParts: { evening: '18:00' } }, readAloud: true })).status, 200);
  const changed = await patch({ nightMode: { from: '23:30' }, quickReplies: ['Lief!', 'Bel me'], ringVolume: 100, videoSound: true });
  t.is(changed.status, 200);
  t.deepEqual(changed.body.settings, {
    clock: { hours: 24, dayParts: { morning: '07:00', afternoon: '12:00', evening: '18:00', night: '22:00' } },
    nightMode: { enabled: true, from: '23:30', until: '07:00' },
    quickReplies: ['Lief!', 'Bel me'],
    readAloud: true,
    videoSound: true,
    ringVolume: 100,
  });
  t.deepEqual((await f.server.api(settingsPath(f.omaId), { cookie: f.admin.cookie })).body.settings, changed.body.settings);
  t.deepEqual((await patch({ quickReplies: null })).body.settings.quickReplies, ['Thank you!', 'Call me', '❤️']);
  t.deepEqual((await patch({ quickReplies: [] })).body.settings.quickReplies, [], 'a screen may offer no quick replies');
  // Night may start after midnight; day parts may be moved round the clock as long as they stay in order.
  t.is((await patch({ clock: { dayParts: { morning: '06:30', night: '00:30' } }, nightMode: { from: '00:30', until: '06:00' } })).status, 200);
});

test('bad settings are refused naming the field, and change nothing', async (t) => {
  const f = await family(t);
  const before = (await f.server.api(settingsPath(f.omaId), { cookie: f.admin.cookie })).body.settings;
  const cases: Array<[unknown, string]> = [
    [{ clock: { dayParts: { morning: '25:00' } } }, 'clock.dayParts.morning'],
    [{ clock: { dayParts: { evening: '7pm' } } }, 'clock.dayParts.evening'],
    [{ clock: { hours: 13 } }, 'clock.hours'],
    [{ clock: { dayParts: { evening: '11:00' } } }, 'clock.dayParts.evening'],
    [{ clock: { dayParts: { afternoon: '07:00' } } }, 'clock.dayParts.afternoon'],
    [{ nightMode: { from: '07:00' } }, 'nightMode.until'],
    [{ nightMode: { until: 'morgen' } }, 'nightMode.until'],
    [{ quickReplies: ['1', '2', '3', '4', '5', '6', '7'] }, 'quickReplies'],
    [{ quickReplies: ['Dag', ''] }, 'quickReplies.1'],
    [{ quickReplies: ['x'.repeat(41)] }, 'quickReplies.0'],
    [{ quickReplies: ['Dag', 'Hoi', 'Dag'] }, 'quickReplies.2'],
    [{ quickReplies: ['Regel\nbreuk'] }, 'quickReplies.0'],
    [{ ringVolume: 101 }, 'ringVolume'],
    [{ ringVolume: 2.5 }, 'ringVolume'],
    [{ readAloud: 'ja' }, 'readAloud'],
    [{ weather: true }, 'weather'],
  ];
  for (const [body, field] of cases) {
    const response = await f.server.api(settingsPath(f.omaId), { method: 'PATCH', cookie: f.admin.cookie, body });
    t.is(response.status, 400, JSON.stringify(body));
    t.is(response.body.error.code, 'invalid_input');
    t.is(response.body.error.details.issues[0].field, field, JSON.stringify(body));
  }
  t.deepEqual((await f.server.api(settingsPath(f.omaId), { cookie: f.admin.cookie })).body.settings, before);
  t.is((await f.server.api(settingsPath(f.anna.id), { cookie: f.admin.cookie })).status, 404, 'a relative has no screen settings');
  t.is((await f.server.api(settingsPath(f.omaId), { method: 'PATCH', cookie: f.anna.cookie, body: { readAloud: true } })).status, 403);
});

test('a change reaches the screen live, and not the relatives; the screen then offers the new quick replies only', async (t) => {
  const f = await family(t);
  const screen = await pairStation(f.server, f.admin, f.omaId);
  const onScreen = await connectLive(f.server, screen.cookie);
  const annaLive = await connectLive(f.server, f.anna.cookie);
  await Promise.all([onScreen.next((m) => m.type === 'ready'), annaLive.next((m) => m.type === 'ready')]);

  await f.server.api(settingsPath(f.omaId), { method: 'PATCH', cookie: f.admin.cookie, body: { quickReplies: ['Wat fijn!'], clock: { hours: 24 } } });
  const event = await onScreen.next((m) => m.event === 'station.settings.changed');
  t.is(event.payload.stationUserId, f.omaId);
  t.deepEqual(event.payload.settings.quickReplies, ['Wat fijn!']);
  t.is(event.payload.settings.clock.hours, 24);
  t.deepEqual((await f.server.api('/api/v1/station/me', { cookie: screen.cookie })).body.settings, event.payload.settings);

  const direct = await f.server.api('/api/v1/conversations/direct', { cookie: f.anna.cookie, body: { userId: f.omaId } });
  const path = `/api/v1/conversations/${direct.body.conversation.id}/messages`;
  await f.server.api(path, { cookie: f.anna.cookie, body: { body: 'Hoi oma' } });
  t.is((await f.server.api(path, { cookie: screen.cookie, body: { body: 'Thank you!' } })).status, 403, 'a reply no longer offered');
  t.is((await f.server.api(path, { cookie: screen.cookie, body: { body: 'Wat fijn!' } })).status, 201);
  await annaLive.next((m) => m.event === 'message.created' && m.payload.message.body === 'Wat fijn!');
  t.false(annaLive.messages.some((m) => m.event === 'station.settings.changed'), 'relatives do not get the screen’s settings');
  onScreen.close();
  annaLive.close();
});
