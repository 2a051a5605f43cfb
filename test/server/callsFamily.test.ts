import test from 'ava';
import { buildMember } from '../helpers/family.js';
import { buildCallFamily, callEvent, ready } from '../helpers/calls.js';
import { connectLive } from '../helpers/live.js';

test('ring the family: every relative online who may call the station rings at once; the first to answer gets the call, the others hear who', async (t) => {
  const f = await buildCallFamily(t);
  const cees = await buildMember(f.server, { firstName: 'Cees' });
  const dirk = await buildMember(f.server, { firstName: 'Dirk' });
  // Dirk is not one of Oma's contacts; Cees has no app open.
  await f.server.api(`/api/v1/station-people/${f.omaId}/contacts/${dirk.id}`, { method: 'PUT', cookie: f.admin.cookie, body: { mayCall: false } });
  const screen = await connectLive(f.server, f.screen.cookie);
  const admin = await connectLive(f.server, f.admin.cookie);
  const anna = await connectLive(f.server, f.anna.cookie);
  const bob = await connectLive(f.server, f.bob.cookie);
  const dirkApp = await connectLive(f.server, dirk.cookie);
  await ready(screen, admin, anna, bob, dirkApp);

  const started = await f.server.api('/api/v1/calls', { cookie: f.screen.cookie, body: { family: true } });
  t.is(started.status, 201, JSON.stringify(started.body));
  const call = started.body.call;
  t.is(call.kind, 'family');
  const rung = call.participants.filter((p: any) => p.role === 'callee').map((p: any) => p.user.id);
  t.deepEqual([...rung].sort(), [f.admin.id, f.anna.id, f.bob.id].sort());
  t.false(rung.includes(cees.id), 'offline');
  t.false(rung.includes(dirk.id), 'not a contact of the station');
  await Promise.all([admin, anna, bob].map((c) => c.next(callEvent('call.ringing', call.id))));

  const answered = await f.server.api(`/api/v1/calls/${call.id}/answer`, { cookie: f.bob.cookie, body: {} });
  t.is(answered.status, 200);
  t.like((await screen.next(callEvent('call.answered', call.id))).payload.call, { state: 'active', answeredBy: { id: f.bob.id, displayName: 'Bob' } });
  await bob.next(callEvent('call.answered', call.id));
  for (const other of [anna, admin]) {
    const told = await other.next(callEvent('call.answeredElsewhere', call.id));
    t.is(told.payload.call.answeredBy.displayName, 'Bob');
    t.is(told.payload.call.participants.find((p: any) => p.user.id === f.anna.id).state, 'answeredElsewhere');
  }
  t.false(anna.messages.some((m: any) => m.event === 'call.answered'), 'the others do not get the call');

  const late = await f.server.api(`/api/v1/calls/${call.id}/answer`, { cookie: f.anna.cookie, body: {} });
  t.is(late.status, 409);
  t.is(late.body.error.code, 'call_taken');
  t.is(late.body.error.message, 'Bob already answered this call.');
  t.false(dirkApp.messages.some((m: any) => typeof m.event === 'string' && m.event.startsWith('call.')));
  for (const client of [screen, admin, anna, bob, dirkApp]) await client.close();
});

test('ring the family with nobody online says so, in the station’s language', async (t) => {
  const f = await buildCallFamily(t, { 'family.language': 'nl' });
  const response = await f.server.api('/api/v1/calls', { cookie: f.screen.cookie, body: { family: true } });
  t.is(response.status, 409);
  t.is(response.body.error.code, 'nobody_available');
  t.is(response.body.error.message, 'Er is nu niemand van de familie online. Probeer het later nog eens, of stuur een berichtje.');
});

test('when everyone rung by the family call declines, it is declined; until then it rings on', async (t) => {
  const f = await buildCallFamily(t);
  const screen = await connectLive(f.server, f.screen.cookie);
  const anna = await connectLive(f.server, f.anna.cookie);
  const bob = await connectLive(f.server, f.bob.cookie);
  await ready(screen, anna, bob);
  const call = (await f.server.api('/api/v1/calls', { cookie: f.screen.cookie, body: { family: true } })).body.call;
  t.is(call.participants.length, 3);
  await f.server.api(`/api/v1/calls/${call.id}/decline`, { method: 'POST', cookie: f.anna.cookie });
  const updated = await screen.next(callEvent('call.updated', call.id));
  t.is(updated.payload.call.state, 'ringing');
  await f.server.api(`/api/v1/calls/${call.id}/decline`, { method: 'POST', cookie: f.bob.cookie });
  const ended = await screen.next(callEvent('call.ended', call.id));
  t.like(ended.payload.call, { state: 'declined', endReason: 'declined' });
  for (const client of [screen, anna, bob]) await client.close();
});
