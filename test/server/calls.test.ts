import test from 'ava';
import { buildCallFamily, callEvent, ready } from '../helpers/calls.js';
import { connectLive } from '../helpers/live.js';

test('a relative calls the station: its screen and the caller’s apps ring, nobody else’s; an answer makes it active for both', async (t) => {
  const f = await buildCallFamily(t);
  const screen = await connectLive(f.server, f.screen.cookie);
  const annaPhone = await connectLive(f.server, f.anna.cookie);
  const annaLaptop = await connectLive(f.server, f.anna.cookie);
  const bob = await connectLive(f.server, f.bob.cookie);
  await ready(screen, annaPhone, annaLaptop, bob);

  const started = await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.omaId } });
  t.is(started.status, 201, JSON.stringify(started.body));
  const call = started.body.call;
  t.like(call, { kind: 'direct', engine: 'builtin', state: 'ringing', lookIn: false, caller: { id: f.anna.id, displayName: 'Anna' } });
  t.deepEqual(
    call.participants.map((p: any) => [p.user.id, p.role, p.state]),
    [
      [f.anna.id, 'caller', 'joined'],
      [f.omaId, 'callee', 'ringing'],
    ],
  );
  t.is(Date.parse(call.ringUntil) - Date.parse(call.createdAt), 45_000);

  const rang = await screen.next(callEvent('call.ringing', call.id));
  t.is(rang.payload.call.caller.displayName, 'Anna');
  await annaPhone.next(callEvent('call.ringing', call.id));
  await annaLaptop.next(callEvent('call.ringing', call.id));

  const answered = await f.server.api(`/api/v1/calls/${call.id}/answer`, { cookie: f.screen.cookie, body: {} });
  t.is(answered.status, 200, JSON.stringify(answered.body));
  t.like(answered.body.call, { state: 'active', answeredBy: { id: f.omaId }, autoAnswered: false });
  const toAnna = await annaPhone.next(callEvent('call.answered', call.id));
  t.is(toAnna.payload.call.answeredBy.id, f.omaId);
  await screen.next(callEvent('call.answered', call.id));

  const hungUp = await f.server.api(`/api/v1/calls/${call.id}/hangup`, { cookie: f.anna.cookie, body: {} });
  t.like(hungUp.body.call, { state: 'ended', endReason: 'hangup' });
  const ended = await screen.next(callEvent('call.ended', call.id));
  t.deepEqual(
    ended.payload.call.participants.map((p: any) => p.state),
    ['left', 'left'],
  );
  // A family-wide event after all of it proves Bob's socket was live and saw none of the call.
  await f.server.api('/api/v1/notices', { cookie: f.admin.cookie, body: { title: 'Hallo', body: 'Iedereen' } });
  await bob.next((m) => m.event === 'notice.created');
  t.false(bob.messages.some((m: any) => typeof m.event === 'string' && m.event.startsWith('call.')));
  for (const client of [screen, annaPhone, annaLaptop, bob]) await client.close();
});

test('the station says “not now”: the call is declined and the caller hears it', async (t) => {
  const f = await buildCallFamily(t);
  const anna = await connectLive(f.server, f.anna.cookie);
  await ready(anna);
  const call = (await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.omaId } })).body.call;
  const declined = await f.server.api(`/api/v1/calls/${call.id}/decline`, { method: 'POST', cookie: f.screen.cookie });
  t.like(declined.body.call, { state: 'declined', endReason: 'declined' });
  const ended = await anna.next(callEvent('call.ended', call.id));
  t.is(ended.payload.call.state, 'declined');
  const again = await f.server.api(`/api/v1/calls/${call.id}/answer`, { cookie: f.screen.cookie, body: {} });
  t.is(again.status, 409);
  t.is(again.body.error.code, 'call_over');
  await anna.close();
});

test('a call the caller gives up on is a missed call for the station until seen, and “call back” rings the caller', async (t) => {
  const f = await buildCallFamily(t);
  const call = (await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.omaId } })).body.call;
  const cancelled = await f.server.api(`/api/v1/calls/${call.id}/hangup`, { cookie: f.anna.cookie, body: {} });
  t.like(cancelled.body.call, { state: 'missed', endReason: 'cancelled' });

  const history = await f.server.api('/api/v1/calls', { cookie: f.screen.cookie });
  t.is(history.status, 200);
  t.is(history.body.missedUnseen, 1);
  t.like(history.body.calls[0], { direction: 'incoming', myState: 'missed', missed: true, unseen: true, call: { id: call.id } });
  const missedOnly = await f.server.api('/api/v1/calls?filter=missed', { cookie: f.screen.cookie });
  t.deepEqual(
    missedOnly.body.calls.map((c: any) => c.call.id),
    [call.id],
  );
  const annaSide = await f.server.api('/api/v1/calls', { cookie: f.anna.cookie });
  t.like(annaSide.body.calls[0], { direction: 'outgoing', myState: 'left', missed: false, unseen: false });
  t.is(annaSide.body.missedUnseen, 0);

  const screen = await connectLive(f.server, f.screen.cookie);
  await ready(screen);
  t.is((await f.server.api('/api/v1/calls/missed/seen', { method: 'POST', cookie: f.screen.cookie })).status, 204);
  await screen.next((m) => m.event === 'call.missedSeen');
  const seen = await f.server.api('/api/v1/calls', { cookie: f.screen.cookie });
  t.is(seen.body.missedUnseen, 0);
  t.false(seen.body.calls[0].unseen);
  t.true(seen.body.calls[0].missed);

  const anna = await connectLive(f.server, f.anna.cookie);
  await ready(anna);
  const back = await f.server.api('/api/v1/calls', { cookie: f.screen.cookie, body: { userId: history.body.calls[0].call.caller.id } });
  t.is(back.status, 201, JSON.stringify(back.body));
  const rings = await anna.next(callEvent('call.ringing', back.body.call.id));
  t.like(rings.payload.call, { caller: { id: f.omaId, displayName: 'Riet', role: 'station' } });
  await anna.close();
  await screen.close();
});

test('history pages walk back with a cursor, newest first, with nothing twice', async (t) => {
  const f = await buildCallFamily(t);
  const ids: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const call = (await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.bob.id } })).body.call;
    await f.server.api(`/api/v1/calls/${call.id}/hangup`, { cookie: f.anna.cookie, body: {} });
    ids.unshift(call.id);
  }
  const seen: string[] = [];
  let before: string | null = null;
  do {
    const page: any = await f.server.api(`/api/v1/calls?limit=2${before ? `&before=${before}` : ''}`, { cookie: f.bob.cookie });
    t.is(page.status, 200);
    seen.push(...page.body.calls.map((c: any) => c.call.id));
    before = page.body.nextBefore;
  } while (before);
  t.deepEqual(seen, ids);
  t.is((await f.server.api('/api/v1/calls?before=bm9wZQ', { cookie: f.bob.cookie })).status, 400);
});

test('someone not in a call is told it does not exist, whatever they try', async (t) => {
  const f = await buildCallFamily(t);
  const call = (await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.omaId } })).body.call;
  for (const [method, path] of [
    ['GET', `/api/v1/calls/${call.id}`],
    ['GET', `/api/v1/calls/${call.id}/join`],
    ['POST', `/api/v1/calls/${call.id}/answer`],
    ['POST', `/api/v1/calls/${call.id}/decline`],
    ['POST', `/api/v1/calls/${call.id}/hangup`],
  ] as const) {
    const response = await f.server.api(path, { method, cookie: f.bob.cookie, body: method === 'POST' ? {} : undefined });
    t.is(response.status, 404, `${method} ${path}`);
  }
  t.is((await f.server.api(`/api/v1/calls/${call.id}`, { cookie: f.screen.cookie })).body.call.state, 'ringing');
});

test('starting a call names exactly one target; group calls need Jitsi; a member cannot ring the whole family', async (t) => {
  const f = await buildCallFamily(t);
  const group = await f.server.api('/api/v1/groups', { cookie: f.admin.cookie, body: { name: 'Kleinkinderen', memberIds: [f.admin.id, f.anna.id, f.bob.id] } });
  const groupId = group.body.group.id;
  const both = await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.bob.id, groupId } });
  t.is(both.status, 400);
  t.is(both.body.error.message, 'body: must name exactly one of userId, groupId or family');
  t.is((await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: {} })).status, 400);
  t.is((await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.anna.id } })).status, 400);
  await f.server.api('/api/v1/me', { method: 'PATCH', cookie: f.anna.cookie, body: { language: 'nl' } });
  const groupCall = await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { groupId } });
  t.is(groupCall.status, 409);
  t.is(groupCall.body.error.code, 'needs_jitsi');
  t.is(groupCall.body.error.message, 'Voor groepsgesprekken is de eigen Jitsi-server van de familie nodig. Vraag de beheerder om die in te stellen.');
  const family = await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { family: true } });
  t.is(family.status, 403);
  const lookInOnBob = await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.bob.id, lookIn: true } });
  t.is(lookInOnBob.status, 400);
});

test('nobody rings the station over and over: at most 20 calls a minute per person', async (t) => {
  const f = await buildCallFamily(t);
  for (let i = 0; i < 20; i += 1) {
    const call = await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.omaId } });
    t.is(call.status, 201);
    await f.server.api(`/api/v1/calls/${call.body.call.id}/hangup`, { cookie: f.anna.cookie, body: {} });
  }
  const refused = await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.omaId } });
  t.is(refused.status, 429);
  t.truthy(refused.headers.get('retry-after'));
  t.is((await f.server.api('/api/v1/calls', { cookie: f.bob.cookie, body: { userId: f.omaId } })).status, 201, 'others still may');
});
