import test from 'ava';
import { FakeSocket, installFakeBrowser } from '../helpers/fakeSocket.js';
import type { CallJson, ParticipantState } from '../../web/common/calls/types.js';

/**
 * The call code of web/common that runs without a browser: signal and inCall frames on the live
 * client (held while the socket is down), the signal inbox that keeps an early offer for its
 * call screen, which calls ring for a person (never their own, never a replayed one that rang
 * out), the notes about calls taken elsewhere, why a call ended from each side, and what the
 * statistics say arrives. A scripted WebSocket stands in for the server.
 */


const requests: string[] = [];
let liveCalls: unknown[] = [];
installFakeBrowser(undefined, {
  fetch: async (url: string) => {
    requests.push(url);
    return new Response(JSON.stringify({ calls: liveCalls, nextBefore: null, missedUnseen: 0 }), { status: 200, headers: { 'content-type': 'application/json' } });
  },
});

const { LiveClient, live } = await import('../../web/common/live.js');
const { signalInbox } = await import('../../web/common/calls/signals.js');
const { IncomingCalls } = await import('../../web/common/calls/incoming.js');
const { endOf } = await import('../../web/common/calls/controller.js');
const { compareFlow } = await import('../../web/common/calls/stats.js');

const person = (id: string, name: string) => ({ id, displayName: name, photoUrl: null, role: 'member' as const });
const anna = person('anna', 'Anna');
const bob = person('bob', 'Bob');
const cees = person('cees', 'Cees');

/** A call from `caller` to the others, with each participant's state. */
function callOf(input: { id?: string; caller?: typeof anna; states: Record<string, ParticipantState>; state?: CallJson['state']; endReason?: CallJson['endReason']; ringUntil?: string; answeredBy?: typeof anna | null; kind?: CallJson['kind'] }): CallJson {
  const caller = input.caller ?? anna;
  const people = [anna, bob, cees];
  return {
    id: input.id ?? 'call-1',
    kind: input.kind ?? 'direct',
    engine: 'builtin',
    state: input.state ?? 'ringing',
    lookIn: false,
    autoAnswered: false,
    caller,
    group: null,
    participants: Object.entries(input.states).map(([id, state]) => ({ user: people.find((p) => p.id === id)!, role: id === caller.id ? 'caller' : 'callee', state, joinedAt: null, leftAt: null })),
    answeredBy: input.answeredBy ?? null,
    createdAt: '2026-11-25T10:00:00.000Z',
    ringUntil: input.ringUntil ?? new Date(Date.now() + 45_000).toISOString(),
    answeredAt: null,
    endedAt: null,
    endReason: input.endReason ?? null,
    autoAnswerAfterSeconds: null,
  };
}

let eventId = 0;
const event = (socket: FakeSocket, type: string, call: CallJson) => socket.frame({ type: 'event', id: ++eventId, event: type, payload: { call }, at: new Date().toISOString() });

test.serial('signals and inCall sent while the socket is down wait, and go out in order once the connection is ready again', (t) => {
  FakeSocket.made = [];
  const client = new LiveClient();
  t.teardown(() => client.stop());
  client.start();
  const socket = FakeSocket.made[0]!;
  client.sendSignal('call-1', 'bob', { sdp: { type: 'offer', sdp: 'v=0' } });
  client.sendInCall('call-1');
  t.deepEqual(socket.sent, []);
  socket.open(0);
  t.deepEqual(
    socket.sent.map((s) => JSON.parse(s)),
    [
      { type: 'signal', callId: 'call-1', to: 'bob', data: { sdp: { type: 'offer', sdp: 'v=0' } } },
      { type: 'inCall', callId: 'call-1' },
    ],
  );
  client.sendSignal('call-1', 'bob', { candidate: null });
  t.deepEqual(JSON.parse(socket.sent.at(-1)!), { type: 'signal', callId: 'call-1', to: 'bob', data: { candidate: null } });
});

test.serial('a signal frame reaches the signal listeners with its call, sender and data; frames missing a part are dropped', (t) => {
  FakeSocket.made = [];
  const client = new LiveClient();
  t.teardown(() => client.stop());
  const heard: unknown[] = [];
  client.onSignal((signal) => heard.push(signal));
  client.start();
  const socket = FakeSocket.made[0]!;
  socket.open(0);
  socket.frame({ type: 'signal', callId: 'call-1', from: 'anna', data: { candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0' } } });
  socket.frame({ type: 'signal', callId: 'call-1', data: { candidate: null } });
  socket.frame({ type: 'signal', callId: 'call-1', from: 'anna' });
  t.deepEqual(heard, [{ callId: 'call-1', from: 'anna', data: { candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0' } } }]);
});

test.serial('the signal inbox keeps an offer that comes before its call screen, hands it over when the call is claimed, and keeps other calls apart', (t) => {
  FakeSocket.made = [];
  live.start();
  t.teardown(() => live.stop());
  const socket = FakeSocket.made[0]!;
  socket.open(0);
  signalInbox.start();
  socket.frame({ type: 'signal', callId: 'call-1', from: 'anna', data: { sdp: { type: 'offer', sdp: 'v=0 early' } } });
  socket.frame({ type: 'signal', callId: 'call-2', from: 'cees', data: { sdp: { type: 'offer', sdp: 'v=0 other' } } });
  const got: string[] = [];
  const release = signalInbox.claim('call-1', (signal) => got.push(`${signal.from}:${'sdp' in signal.data ? signal.data.sdp.sdp : 'candidate'}`));
  socket.frame({ type: 'signal', callId: 'call-1', from: 'anna', data: { candidate: null } });
  release();
  socket.frame({ type: 'signal', callId: 'call-1', from: 'anna', data: { candidate: null } });
  t.deepEqual(got, ['anna:v=0 early', 'anna:candidate']);
});

test.serial('a call rings for the person called while it rings and its time is ahead; never their own call, never a replay that rang out', async (t) => {
  FakeSocket.made = [];
  live.start();
  t.teardown(() => live.stop());
  const socket = FakeSocket.made[0]!;
  const incoming = new IncomingCalls('bob');
  t.teardown(() => incoming.stop());
  incoming.start();
  socket.open(0);

  event(socket, 'call.ringing', callOf({ id: 'mine', caller: bob, states: { bob: 'joined', anna: 'ringing' } }));
  event(socket, 'call.ringing', callOf({ id: 'old', states: { anna: 'joined', bob: 'ringing' }, ringUntil: new Date(Date.now() - 1000).toISOString() }));
  t.deepEqual(incoming.state.ringing, []);

  event(socket, 'call.ringing', callOf({ id: 'now', states: { anna: 'joined', bob: 'ringing' } }));
  t.deepEqual(
    incoming.state.ringing.map((c) => c.id),
    ['now'],
  );
  // Declined on another of Bob's devices: it stops here too.
  event(socket, 'call.ended', callOf({ id: 'now', state: 'declined', endReason: 'declined', states: { anna: 'left', bob: 'declined' } }));
  t.deepEqual(incoming.state.ringing, []);
  t.deepEqual(incoming.state.notes, []);
});

test.serial('when the family rings and someone else answers, the call stops ringing and a note says who took it; answering on another device says so too', (t) => {
  FakeSocket.made = [];
  live.start();
  t.teardown(() => live.stop());
  const socket = FakeSocket.made[0]!;
  const incoming = new IncomingCalls('bob');
  t.teardown(() => incoming.stop());
  incoming.start();
  socket.open(0);
  event(socket, 'call.ringing', callOf({ id: 'family', kind: 'family', states: { anna: 'joined', bob: 'ringing', cees: 'ringing' } }));
  t.is(incoming.state.ringing.length, 1);
  event(socket, 'call.answeredElsewhere', callOf({ id: 'family', kind: 'family', state: 'active', answeredBy: cees, states: { anna: 'joined', bob: 'answeredElsewhere', cees: 'joined' } }));
  t.deepEqual(incoming.state.ringing, []);
  t.like(incoming.state.notes, [{ callId: 'family', kind: 'answeredElsewhere', by: { displayName: 'Cees' }, caller: { displayName: 'Anna' } }]);

  event(socket, 'call.ringing', callOf({ id: 'direct', states: { anna: 'joined', bob: 'ringing' } }));
  event(socket, 'call.answered', callOf({ id: 'direct', state: 'active', answeredBy: bob, states: { anna: 'joined', bob: 'joined' } }));
  t.like(incoming.state.notes.at(-1), { callId: 'direct', kind: 'answeredOnOtherDevice' });

  // Answered on this page: no note.
  event(socket, 'call.ringing', callOf({ id: 'here', states: { anna: 'joined', bob: 'ringing' } }));
  incoming.handledHere('here');
  event(socket, 'call.answered', callOf({ id: 'here', state: 'active', answeredBy: bob, states: { anna: 'joined', bob: 'joined' } }));
  t.false(incoming.state.notes.some((n) => n.callId === 'here'));
  t.deepEqual(incoming.state.ringing, []);
});

test.serial('whenever the connection opens, the calls ringing now are asked of the server, and one that stopped meanwhile stops here', async (t) => {
  FakeSocket.made = [];
  requests.length = 0;
  live.start();
  t.teardown(() => live.stop());
  const socket = FakeSocket.made[0]!;
  const incoming = new IncomingCalls('bob');
  t.teardown(() => incoming.stop());
  incoming.start();
  liveCalls = [{ call: callOf({ id: 'waiting', states: { anna: 'joined', bob: 'ringing' } }), direction: 'incoming', myState: 'ringing', missed: false, unseen: false, cursor: 'x' }];
  socket.open(0);
  await new Promise((resolve) => setTimeout(resolve, 10));
  t.true(requests.some((url) => url.includes('/api/v1/calls?') && url.includes('filter=live')));
  t.deepEqual(
    incoming.state.ringing.map((c) => c.id),
    ['waiting'],
  );
  liveCalls = [];
  await incoming.refresh();
  t.deepEqual(incoming.state.ringing, []);
});

test('why a call ended, from each side of it', (t) => {
  const ended = (over: Partial<Parameters<typeof callOf>[0]>) => callOf({ states: { anna: 'left', bob: 'left' }, ...over });
  t.is(endOf(ended({ state: 'missed', endReason: 'unanswered', states: { anna: 'left', bob: 'missed' } }), 'anna'), 'noAnswer');
  t.is(endOf(ended({ state: 'missed', endReason: 'unanswered', states: { anna: 'left', bob: 'missed' } }), 'bob'), 'missed');
  t.is(endOf(ended({ state: 'missed', endReason: 'cancelled', states: { anna: 'left', bob: 'missed' } }), 'anna'), 'hungUp');
  t.is(endOf(ended({ state: 'missed', endReason: 'cancelled', states: { anna: 'left', bob: 'missed' } }), 'bob'), 'cancelled');
  t.is(endOf(ended({ state: 'declined', endReason: 'declined', states: { anna: 'left', bob: 'declined' } }), 'anna'), 'declined');
  t.is(endOf(ended({ state: 'declined', endReason: 'declined', states: { anna: 'left', bob: 'declined' } }), 'bob'), 'declinedHere');
  t.is(endOf(ended({ state: 'ended', endReason: 'hangup' }), 'bob'), 'theyHungUp');
  t.is(endOf(ended({ state: 'ended', endReason: 'lost' }), 'bob'), 'lost');
  t.is(endOf(ended({ state: 'failed', endReason: 'failed' }), 'bob'), 'failed');
  t.is(endOf(callOf({ kind: 'family', state: 'active', answeredBy: cees, states: { anna: 'joined', bob: 'answeredElsewhere', cees: 'joined' } }), 'bob'), 'answeredElsewhere');
  // Still going: nothing has ended for the people in it.
  t.is(endOf(callOf({ state: 'active', states: { anna: 'joined', bob: 'joined' } }), 'bob'), null);
  t.is(endOf(callOf({ states: { anna: 'joined', bob: 'ringing' } }), 'bob'), null);
});

test('the statistics say video arrives only when frames are decoded, and how much got lost', (t) => {
  const reading = (over: Partial<Parameters<typeof compareFlow>[0]>) => ({ at: 0, audioBytesReceived: 0, videoBytesReceived: 0, videoFramesDecoded: 0, audioBytesSent: 0, videoBytesSent: 0, packetsReceived: 0, packetsLost: 0, roundTripMs: null, ...over });
  const before = reading({ audioBytesReceived: 1000, videoBytesReceived: 50_000, videoFramesDecoded: 100, packetsReceived: 900, packetsLost: 0 });
  t.deepEqual(compareFlow(before, reading({ audioBytesReceived: 2000, videoBytesReceived: 90_000, videoFramesDecoded: 160, packetsReceived: 990, packetsLost: 10 })), { receivingAudio: true, receivingVideo: true, lossRatio: 0.1 });
  // Bytes without new frames: a camera switched off, keeping the line alive.
  t.deepEqual(compareFlow(before, reading({ audioBytesReceived: 1000, videoBytesReceived: 50_400, videoFramesDecoded: 100, packetsReceived: 900 })), { receivingAudio: false, receivingVideo: false, lossRatio: 0 });
});
