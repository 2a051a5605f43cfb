import crypto from 'node:crypto';
import test from 'ava';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { buildCallFamily, callEvent, ready } from '../helpers/calls.js';
import { connectLive } from '../helpers/live.js';

const jitsi = { 'jitsi.domain': 'meet.example.org', 'jitsi.appId': 'prifora', 'jitsi.appSecret': 'a-call-test-secret-of-more-than-32-characters' };

async function verify(token: string, room: string) {
  t0(decodeProtectedHeader(token).typ === 'JWT', 'typ JWT');
  const { payload } = await jwtVerify(token, new TextEncoder().encode(jitsi['jitsi.appSecret']), { algorithms: ['HS256'], issuer: 'prifora', audience: 'prifora', requiredClaims: ['room', 'nbf', 'exp'] });
  t0(payload.room === room, `room ${String(payload.room)} is the call's`);
  return payload as any;
}

function t0(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

test('with Jitsi configured, a group call rings the group and each person gets a token of their own for the call’s room', async (t) => {
  const f = await buildCallFamily(t, jitsi);
  const group = await f.server.api('/api/v1/groups', { cookie: f.admin.cookie, body: { name: 'Kleinkinderen', memberIds: [f.admin.id, f.anna.id, f.bob.id, f.omaId] } });
  await f.server.api(`/api/v1/station-people/${f.omaId}/contacts/${f.anna.id}`, { method: 'PUT', cookie: f.admin.cookie, body: { callAtNight: true } });
  const bob = await connectLive(f.server, f.bob.cookie);
  const screen = await connectLive(f.server, f.screen.cookie);
  await ready(bob, screen);

  const started = await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { groupId: group.body.group.id } });
  t.is(started.status, 201, JSON.stringify(started.body));
  const call = started.body.call;
  t.like(call, { kind: 'group', engine: 'jitsi', group: { name: 'Kleinkinderen' } });
  t.is(call.participants.length, 4, 'the caller, the admin, Bob and Oma (who may be called now)');
  await bob.next(callEvent('call.ringing', call.id));
  await screen.next(callEvent('call.ringing', call.id));

  const notYet = await f.server.api(`/api/v1/calls/${call.id}/join`, { cookie: f.bob.cookie });
  t.is(notYet.status, 409, 'a ringing callee answers first');

  const annaJoin = (await f.server.api(`/api/v1/calls/${call.id}/join`, { cookie: f.anna.cookie })).body.join;
  t.like(annaJoin, { engine: 'jitsi', domain: 'meet.example.org', recording: false, polite: false, iceServers: [] });
  t.regex(annaJoin.room, /^prifora-[a-z2-7]{26}$/);
  const annaToken = await verify(annaJoin.token, annaJoin.room);
  t.like(annaToken.context.user, { id: f.anna.id, name: 'Anna' });
  t.is(annaToken.context.user.email, undefined, 'no email: Jitsi would hand it to Gravatar');
  t.is(annaToken.context.features.recording, 'false');
  t.is(annaToken.sub, 'meet.example.org');

  await f.server.api(`/api/v1/calls/${call.id}/answer`, { cookie: f.bob.cookie, body: {} });
  await f.server.api(`/api/v1/calls/${call.id}/answer`, { cookie: f.screen.cookie, body: {} });
  const bobJoin = (await f.server.api(`/api/v1/calls/${call.id}/join`, { cookie: f.bob.cookie })).body.join;
  const omaJoin = (await f.server.api(`/api/v1/calls/${call.id}/join`, { cookie: f.screen.cookie })).body.join;
  t.is(bobJoin.room, annaJoin.room);
  t.like((await verify(bobJoin.token, annaJoin.room)).context.user, { id: f.bob.id, name: 'Bob' });
  t.like((await verify(omaJoin.token, annaJoin.room)).context.user, { id: f.omaId, name: 'Riet' });
  t.not(bobJoin.token, annaJoin.token);
  t.true(omaJoin.polite);

  // In a group call one person leaving leaves the others talking.
  await f.server.api(`/api/v1/calls/${call.id}/hangup`, { cookie: f.bob.cookie, body: {} });
  t.is((await f.server.api(`/api/v1/calls/${call.id}`, { cookie: f.anna.cookie })).body.call.state, 'active');
  const afterLeaving = await f.server.api(`/api/v1/calls/${call.id}/join`, { cookie: f.bob.cookie });
  t.is(afterLeaving.status, 409);
  // ...and may come back.
  t.is((await f.server.api(`/api/v1/calls/${call.id}/answer`, { cookie: f.bob.cookie, body: {} })).body.call.participants.find((p: any) => p.user.id === f.bob.id).state, 'joined');
  await bob.close();
  await screen.close();
});

test('recording is off by default; the admin allows it only where Jitsi recording is set up, and the tokens follow', async (t) => {
  const off = await buildCallFamily(t, jitsi);
  const refused = await off.server.api('/api/v1/call-settings', { method: 'PUT', cookie: off.admin.cookie, body: { recordingAllowed: true } });
  t.is(refused.status, 409);
  t.deepEqual((await off.server.api('/api/v1/call-settings', { cookie: off.admin.cookie })).body.settings, { recordingAllowed: false, recordingAvailable: false });

  const f = await buildCallFamily(t, { ...jitsi, 'jitsi.recording': true });
  const tokenRecording = async () => {
    const call = (await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.bob.id } })).body.call;
    const join = (await f.server.api(`/api/v1/calls/${call.id}/join`, { cookie: f.anna.cookie })).body.join;
    await f.server.api(`/api/v1/calls/${call.id}/hangup`, { cookie: f.anna.cookie, body: {} });
    return [join.recording, (await verify(join.token, join.room)).context.features.recording];
  };
  t.deepEqual(await tokenRecording(), [false, 'false'], 'set up, but not allowed yet');
  const allowed = await f.server.api('/api/v1/call-settings', { method: 'PUT', cookie: f.admin.cookie, body: { recordingAllowed: true } });
  t.deepEqual(allowed.body.settings, { recordingAllowed: true, recordingAvailable: true });
  t.deepEqual(await tokenRecording(), [true, 'true']);
  t.is((await f.server.api('/api/v1/call-settings', { method: 'PUT', cookie: f.anna.cookie, body: { recordingAllowed: false } })).status, 403);
});

test('on the built-in engine a participant gets the ICE servers of the config, with TURN credentials of their own', async (t) => {
  const secret = 'a-turn-secret-shared-with-coturn';
  const f = await buildCallFamily(t, { 'calls.stunUrls': 'stun:stun.example.org:3478', 'calls.turnUrls': ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'], 'calls.turnSecret': secret });
  const call = (await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.bob.id } })).body.call;
  await f.server.api(`/api/v1/calls/${call.id}/answer`, { cookie: f.bob.cookie, body: {} });
  const anna = (await f.server.api(`/api/v1/calls/${call.id}/join`, { cookie: f.anna.cookie })).body.join;
  const bob = (await f.server.api(`/api/v1/calls/${call.id}/join`, { cookie: f.bob.cookie })).body.join;
  t.like(anna, { engine: 'builtin', domain: null, token: null, recording: false, polite: false });
  t.true(bob.polite);
  t.deepEqual(
    anna.peers.map((p: any) => p.id),
    [f.bob.id],
  );
  t.deepEqual(anna.iceServers[0], { urls: ['stun:stun.example.org:3478'] });
  const turn = anna.iceServers[1];
  t.deepEqual(turn.urls, ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349']);
  const [expiry, userId] = turn.username.split(':');
  t.is(userId, f.anna.id);
  t.true(Number(expiry) * 1000 > Date.now() + 11 * 60 * 60 * 1000);
  t.is(turn.credential, crypto.createHmac('sha1', secret).update(turn.username).digest('base64'));
  t.not(bob.iceServers[1].username, turn.username);

  const plain = await buildCallFamily(t);
  const lan = (await plain.server.api('/api/v1/calls', { cookie: plain.anna.cookie, body: { userId: plain.bob.id } })).body.call;
  t.deepEqual((await plain.server.api(`/api/v1/calls/${lan.id}/join`, { cookie: plain.anna.cookie })).body.join.iceServers, [], 'none by default: a LAN needs none');
});
