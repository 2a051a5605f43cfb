import test from 'ava';
import { User } from '../../server/db/index.js';
import { AppError } from '../../server/errors.js';
import type { Actor } from '../../server/services/actor.js';
import { lookInLog } from '../../server/services/callHistory.js';
import { answerCall, hangUpCall, startCall } from '../../server/services/calls.js';
import { buildCallFamily, callEvent, ready, type CallFamily } from '../helpers/calls.js';
import { connectLive } from '../helpers/live.js';
import { keepAwake } from '../helpers/station.js';

async function actorOf(id: string): Promise<Actor> {
  return { kind: 'user', user: await User.findByPk(id, { rejectOnEmpty: true }) };
}

/** The next given weekday at least a day ahead, at a time of day, in UTC (the family's zone in these tests). */
function nextWeekday(weekday: number, hhmm: string): Date {
  const day = new Date(Date.now() + 24 * 60 * 60 * 1000);
  while (day.getUTCDay() !== weekday) day.setUTCDate(day.getUTCDate() + 1);
  return new Date(`${day.toISOString().slice(0, 10)}T${hhmm}:00Z`);
}

const setContact = (f: CallFamily, body: Record<string, unknown>) => f.server.api(`/api/v1/station-people/${f.omaId}/contacts/${f.anna.id}`, { method: 'PUT', cookie: f.admin.cookie, body });

async function refusal(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

test('the admin sets per contact whether and when a relative may call and look in; bad windows are refused by field', async (t) => {
  const f = await buildCallFamily(t);
  const set = await setContact(f, { mayLookIn: true, callHours: [{ from: '08:00', until: '21:00' }], lookInHours: [{ from: '10:00', until: '12:00', days: ['mon', 'wed'] }], callAtNight: true });
  t.is(set.status, 200, JSON.stringify(set.body));
  t.deepEqual(set.body.contact, {
    stationUserId: f.omaId,
    userId: f.anna.id,
    mayMessage: true,
    mayCall: true,
    mayLookIn: true,
    callHours: [{ from: '08:00', until: '21:00' }],
    lookInHours: [{ from: '10:00', until: '12:00', days: ['mon', 'wed'] }],
    callAtNight: true,
    lookInAtNight: false,
  });
  const listed = await f.server.api(`/api/v1/station-people/${f.omaId}/contacts`, { cookie: f.admin.cookie });
  t.like(listed.body.contacts.find((c: any) => c.userId === f.anna.id), { mayLookIn: true, callAtNight: true });
  const cleared = await setContact(f, { callHours: null });
  t.is(cleared.body.contact.callHours, null);
  t.true(cleared.body.contact.mayLookIn, 'what is left out stays');

  const badTime = await setContact(f, { callHours: [{ from: '25:00', until: '08:00' }] });
  t.is(badTime.status, 400);
  t.is(badTime.body.error.message, 'callHours.0.from: must be a time like 08:00');
  const empty = await setContact(f, { callHours: [] });
  t.is(empty.body.error.details.issues[0].field, 'callHours');
  const badDay = await setContact(f, { lookInHours: [{ from: '08:00', until: '09:00', days: ['someday'] }] });
  t.is(badDay.body.error.details.issues[0].field, 'lookInHours.0.days.0');
  t.is((await f.server.api(`/api/v1/station-people/${f.omaId}/contacts/${f.anna.id}`, { method: 'PUT', cookie: f.anna.cookie, body: { mayLookIn: true } })).status, 403);
});

test('calls ring only within the contact’s hours and, unless allowed, never in night mode (fixed clock, family time zone)', async (t) => {
  const f = await buildCallFamily(t, { 'family.timeZone': 'UTC' }, { night: true });
  const anna = await actorOf(f.anna.id);
  const call = (at: Date, lookIn = false) => startCall(f.server.running.services, { actor: anna, target: { userId: f.omaId }, lookIn, now: at });
  await setContact(f, { callHours: [{ from: '08:00', until: '21:00' }] });
  t.is(await refusal(call(nextWeekday(2, '21:30'))), 'call_not_now', 'never between 21:00 and 08:00');
  t.is(await refusal(call(nextWeekday(2, '07:59'))), 'call_not_now');
  t.is(await refusal(call(nextWeekday(2, '12:00'))), null);

  // Night mode by default runs 22:00–07:00.
  await setContact(f, { callHours: null });
  t.is(await refusal(call(nextWeekday(3, '23:00'))), 'call_not_now', 'night mode');
  await setContact(f, { callAtNight: true });
  t.is(await refusal(call(nextWeekday(3, '23:00'))), null, 'allowed at night');
  await setContact(f, { callAtNight: false });
  await f.server.api(`/api/v1/station-people/${f.omaId}/settings`, { method: 'PATCH', cookie: f.admin.cookie, body: { nightMode: { enabled: false } } });
  t.is(await refusal(call(nextWeekday(3, '23:00'))), null, 'no night mode, no night rule');
  await f.server.api(`/api/v1/station-people/${f.omaId}/settings`, { method: 'PATCH', cookie: f.admin.cookie, body: { nightMode: { enabled: true, from: '20:00', until: '06:00' } } });
  t.is(await refusal(call(nextWeekday(3, '20:30'))), 'call_not_now', 'the night the admin set');

  await setContact(f, { mayCall: false });
  t.is(await refusal(call(nextWeekday(2, '12:00'))), 'call_not_allowed');
});

test('a look-in needs its own permission, hours and night permission', async (t) => {
  const f = await buildCallFamily(t, { 'family.timeZone': 'UTC' }, { night: true });
  const anna = await actorOf(f.anna.id);
  const lookIn = (at: Date) => startCall(f.server.running.services, { actor: anna, target: { userId: f.omaId }, lookIn: true, now: at });
  t.is(await refusal(lookIn(nextWeekday(1, '11:00'))), 'look_in_not_allowed');
  await setContact(f, { mayLookIn: true, lookInHours: [{ from: '10:00', until: '12:00', days: ['mon'] }] });
  t.is(await refusal(lookIn(nextWeekday(1, '11:00'))), null);
  t.is(await refusal(lookIn(nextWeekday(2, '11:00'))), 'look_in_not_allowed', 'another day');
  t.is(await refusal(lookIn(nextWeekday(1, '13:00'))), 'look_in_not_allowed', 'another hour');
  await setContact(f, { lookInHours: null, callAtNight: true });
  t.is(await refusal(lookIn(nextWeekday(1, '23:00'))), 'look_in_not_allowed', 'calls may ring at night, look-ins not');
  await setContact(f, { lookInAtNight: true });
  t.is(await refusal(lookIn(nextWeekday(1, '23:00'))), null);

  // Over HTTP the call happens at the real hour: without night mode only the permission counts.
  await keepAwake(f.server, f.admin, f.omaId);
  const refused = await f.server.api('/api/v1/calls', { cookie: f.bob.cookie, body: { userId: f.omaId, lookIn: true } });
  t.is(refused.status, 403);
  t.is(refused.body.error.message, 'You cannot look in on Riet now. You can call instead.');
});

test('the station answers an allowed look-in on its own; the admin and the station see it logged, and hear of it live', async (t) => {
  const f = await buildCallFamily(t);
  await setContact(f, { mayLookIn: true, callAtNight: true, lookInAtNight: true });
  const screen = await connectLive(f.server, f.screen.cookie);
  const admin = await connectLive(f.server, f.admin.cookie);
  await ready(screen, admin);
  const call = (await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.omaId, lookIn: true } })).body.call;
  const rang = await screen.next(callEvent('call.ringing', call.id));
  t.like(rang.payload.call, { lookIn: true, autoAnswerAfterSeconds: 10, caller: { displayName: 'Anna' } });

  t.is((await f.server.api(`/api/v1/calls/${call.id}/answer`, { cookie: f.anna.cookie, body: { auto: true } })).status, 409, 'the caller answers nothing');
  const answered = await f.server.api(`/api/v1/calls/${call.id}/answer`, { cookie: f.screen.cookie, body: { auto: true } });
  t.like(answered.body.call, { state: 'active', autoAnswered: true, answeredBy: { id: f.omaId } });
  t.like((await admin.next((m) => m.event === 'call.lookedIn')).payload, { callId: call.id, stationUserId: f.omaId, userId: f.anna.id });
  await screen.next((m) => m.event === 'call.lookedIn');
  await f.server.api(`/api/v1/calls/${call.id}/hangup`, { cookie: f.screen.cookie, body: {} });

  for (const viewer of [f.admin.cookie, f.screen.cookie, f.anna.cookie]) {
    const log = await f.server.api('/api/v1/look-ins', { cookie: viewer });
    t.is(log.status, 200);
    t.is(log.body.lookIns.length, 1);
    t.regex(log.body.lookIns[0].text, /^Anna looked in, under a minute, today \d\d:\d\d$/);
  }
  t.deepEqual((await f.server.api('/api/v1/look-ins', { cookie: f.bob.cookie })).body.lookIns, [], 'Bob made no look-ins and sees no one else’s');

  // A plain call cannot be answered "on its own".
  const plain = (await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.omaId } })).body.call;
  const auto = await f.server.api(`/api/v1/calls/${plain.id}/answer`, { cookie: f.screen.cookie, body: { auto: true } });
  t.is(auto.status, 400);
  await screen.close();
  await admin.close();
});

test('the look-in log reads as people say it, in each reader’s language: “Anna looked in, 10 minutes, Tuesday 14:02”', async (t) => {
  const f = await buildCallFamily(t, { 'family.timeZone': 'UTC' });
  await setContact(f, { mayLookIn: true, callAtNight: true, lookInAtNight: true });
  const services = f.server.running.services;
  const start = nextWeekday(2, '14:02');
  const call = await startCall(services, { actor: await actorOf(f.anna.id), target: { userId: f.omaId }, lookIn: true, now: new Date(start.getTime() - 10_000) });
  t.is(call.createdAt, new Date(start.getTime() - 10_000).toISOString(), 'the call starts at the clock it was given');
  const station = await actorOf(f.omaId);
  await answerCall(services, { actor: station, callId: call.id, auto: true, now: start });
  await hangUpCall(services, { actor: station, callId: call.id, now: new Date(start.getTime() + 10 * 60_000) });
  const later = new Date(start.getTime() + 3 * 24 * 60 * 60_000);
  const admin = await actorOf(f.admin.id);
  const [en] = await lookInLog(services, { actor: admin, language: 'en', now: later });
  t.is(en?.text, 'Anna looked in, 10 minutes, Tuesday 14:02');
  t.like(en, { minutes: 10, userId: f.anna.id, stationUserId: f.omaId });
  const [nl] = await lookInLog(services, { actor: station, language: 'nl', now: later });
  t.is(nl?.text, 'Anna keek even binnen, 10 minuten, dinsdag 14:02');
  const [sameDay] = await lookInLog(services, { actor: admin, language: 'nl', now: new Date(start.getTime() + 60 * 60_000) });
  t.is(sameDay?.text, 'Anna keek even binnen, 10 minuten, vandaag 14:02');
});

test('call options tell a call button what is possible now, by the same rules', async (t) => {
  const f = await buildCallFamily(t);
  const options = async (cookie: string, userId: string) => (await f.server.api(`/api/v1/call-options/${userId}`, { cookie })).body.options;
  const screen = await connectLive(f.server, f.screen.cookie);
  await ready(screen);
  t.like(await options(f.anna.cookie, f.bob.id), { call: true, lookIn: false, refusal: null, online: false });
  await setContact(f, { callAtNight: true });
  t.like(await options(f.anna.cookie, f.omaId), { call: true, lookIn: false, refusal: null, online: true });
  await setContact(f, { mayLookIn: true, lookInAtNight: true });
  t.like(await options(f.anna.cookie, f.omaId), { call: true, lookIn: true });
  await setContact(f, { mayCall: false });
  t.like(await options(f.anna.cookie, f.omaId), { call: false, lookIn: false, refusal: 'notAllowed' });
  t.like(await options(f.screen.cookie, f.anna.id), { call: false, refusal: 'notAllowed' }, 'the station may not ring someone who may not call it');
  const stationCalls = await f.server.api('/api/v1/calls', { cookie: f.screen.cookie, body: { userId: f.anna.id } });
  t.is(stationCalls.status, 403);
  t.is(stationCalls.body.error.code, 'call_not_allowed');
  t.like(await options(f.screen.cookie, f.bob.id), { call: true });
  await screen.close();
});
