import test from 'ava';
import { buildCallFamily, callEvent, ready } from '../helpers/calls.js';
import { connectLive } from '../helpers/live.js';

const offer = { sdp: { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n' } };
const candidate = { candidate: { candidate: 'candidate:1 1 udp 2122260223 192.168.1.20 54321 typ host', sdpMid: '0', sdpMLineIndex: 0 } };

test('signals pass only between the two people of a built-in call, to every open app of the other, and stop when it ends', async (t) => {
  const f = await buildCallFamily(t);
  const screen = await connectLive(f.server, f.screen.cookie);
  const anna = await connectLive(f.server, f.anna.cookie);
  const annaTablet = await connectLive(f.server, f.anna.cookie);
  const bob = await connectLive(f.server, f.bob.cookie);
  await ready(screen, anna, annaTablet, bob);
  const call = (await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.omaId } })).body.call;
  await f.server.api(`/api/v1/calls/${call.id}/answer`, { cookie: f.screen.cookie, body: {} });
  await anna.next(callEvent('call.answered', call.id));

  anna.send({ type: 'signal', callId: call.id, to: f.omaId, data: offer });
  t.deepEqual(await screen.next((m) => m.type === 'signal'), { type: 'signal', callId: call.id, from: f.anna.id, data: offer });
  screen.send({ type: 'signal', callId: call.id, to: f.anna.id, data: candidate });
  t.deepEqual((await anna.next((m) => m.type === 'signal')).data, candidate);
  t.deepEqual((await annaTablet.next((m) => m.type === 'signal')).data, candidate);
  screen.send({ type: 'signal', callId: call.id, to: f.anna.id, data: { candidate: null } });
  t.deepEqual((await anna.next((m) => m.type === 'signal')).data, { candidate: null });

  // Bob is in no call: he can neither speak into this one nor be spoken to through it.
  bob.send({ type: 'signal', callId: call.id, to: f.omaId, data: offer });
  t.like(await bob.next((m) => m.type === 'error'), { code: 'not_allowed', callId: call.id });
  anna.send({ type: 'signal', callId: call.id, to: f.bob.id, data: offer });
  t.like(await anna.next((m) => m.type === 'error'), { code: 'not_allowed' });

  await f.server.api(`/api/v1/calls/${call.id}/hangup`, { cookie: f.anna.cookie, body: {} });
  await screen.next(callEvent('call.ended', call.id));
  anna.send({ type: 'signal', callId: call.id, to: f.omaId, data: offer });
  t.like(await anna.next((m) => m.type === 'error'), { code: 'not_allowed' });

  // A frame that proves the screen's socket is still read: nothing else reached it.
  screen.send({ type: 'ping' });
  await screen.next((m) => m.type === 'pong');
  t.is(screen.messages.filter((m: any) => m.type === 'signal').length, 1);
  t.false(bob.messages.some((m: any) => m.type === 'signal'));
  for (const client of [screen, anna, annaTablet, bob]) await client.close();
});

test('while the family rings, the station may signal each relative but the relatives may not signal each other', async (t) => {
  const f = await buildCallFamily(t);
  const screen = await connectLive(f.server, f.screen.cookie);
  const anna = await connectLive(f.server, f.anna.cookie);
  const bob = await connectLive(f.server, f.bob.cookie);
  await ready(screen, anna, bob);
  const call = (await f.server.api('/api/v1/calls', { cookie: f.screen.cookie, body: { family: true } })).body.call;
  screen.send({ type: 'signal', callId: call.id, to: f.bob.id, data: offer });
  t.is((await bob.next((m) => m.type === 'signal')).from, f.omaId);
  anna.send({ type: 'signal', callId: call.id, to: f.bob.id, data: offer });
  t.like(await anna.next((m) => m.type === 'error'), { code: 'not_allowed' });
  // Once Anna answers, Bob is out of the call and the station talks to Anna only.
  await f.server.api(`/api/v1/calls/${call.id}/answer`, { cookie: f.anna.cookie, body: {} });
  await screen.next(callEvent('call.answered', call.id));
  screen.send({ type: 'signal', callId: call.id, to: f.bob.id, data: offer });
  t.like(await screen.next((m) => m.type === 'error'), { code: 'not_allowed' });
  screen.send({ type: 'signal', callId: call.id, to: f.anna.id, data: offer });
  t.is((await anna.next((m) => m.type === 'signal')).from, f.omaId);
  for (const client of [screen, anna, bob]) await client.close();
});

test('signals are checked and bounded: size, shape, and at most 100 in 10 seconds per socket', async (t) => {
  const f = await buildCallFamily(t);
  const screen = await connectLive(f.server, f.screen.cookie);
  const anna = await connectLive(f.server, f.anna.cookie);
  await ready(screen, anna);
  const call = (await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.omaId } })).body.call;

  anna.send({ type: 'signal', callId: call.id, to: f.omaId, data: { sdp: { type: 'offer', sdp: 'x'.repeat(32_001) } } });
  t.like(await anna.next((m) => m.type === 'error'), { code: 'invalid_input', message: 'data.sdp.sdp: must be at most 32000 characters' });
  anna.send({ type: 'signal', callId: call.id, to: f.omaId, data: { video: 'please' } });
  t.like(await anna.next((m) => m.type === 'error'), { code: 'invalid_input' });
  anna.send({ type: 'signal', callId: 'not-a-call', to: f.omaId, data: offer });
  t.like(await anna.next((m) => m.type === 'error'), { code: 'invalid_input' });

  for (let i = 0; i < 101; i += 1) anna.send({ type: 'signal', callId: call.id, to: f.omaId, data: candidate });
  t.like(await anna.next((m) => m.type === 'error' && m.code === 'rate_limited'), { callId: call.id });
  await screen.next((m) => m.type === 'signal');
  anna.send({ type: 'ping' });
  await anna.next((m) => m.type === 'pong');
  // Every relay went out before the screen's pong does.
  screen.send({ type: 'ping' });
  await screen.next((m) => m.type === 'pong');
  t.is(screen.messages.filter((m: any) => m.type === 'signal').length, 100);
  t.is(anna.socket.readyState, anna.socket.OPEN, 'refused signals do not close the socket');
  for (const client of [screen, anna]) await client.close();
});
