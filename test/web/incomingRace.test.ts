import test from 'ava';
import { FakeSocket, installFakeBrowser } from '../helpers/fakeSocket.js';
import type { CallJson, ParticipantState } from '../../web/common/calls/types.js';

/**
 * The incoming calls of web/common when the server's list of live calls and the live events
 * cross: a call that starts ringing while the list is on its way must keep ringing (the Home
 * Station once lost a ring that came in as it connected), and one that ended meanwhile must not
 * ring again. A scripted WebSocket stands in for the server; each list answer waits for the test.
 */

const answers: Array<(calls: unknown[]) => void> = [];
installFakeBrowser(undefined, {
  fetch: () =>
    new Promise<Response>((resolve) => {
      answers.push((calls) => resolve(new Response(JSON.stringify({ calls, nextBefore: null, missedUnseen: 0 }), { status: 200, headers: { 'content-type': 'application/json' } })));
    }),
});

const { live } = await import('../../web/common/live.js');
const { IncomingCalls } = await import('../../web/common/calls/incoming.js');

const person = (id: string, name: string) => ({ id, displayName: name, photoUrl: null, role: 'member' as const });
const anna = person('anna', 'Anna');
const riet = person('riet', 'Riet');

function callOf(id: string, states: Record<string, ParticipantState>, state: CallJson['state'] = 'ringing'): CallJson {
  return {
    id,
    kind: 'direct',
    engine: 'builtin',
    state,
    lookIn: false,
    autoAnswered: false,
    caller: anna,
    group: null,
    participants: Object.entries(states).map(([userId, s]) => ({ user: userId === 'anna' ? anna : riet, role: userId === 'anna' ? 'caller' : 'callee', state: s, joinedAt: null, leftAt: null })),
    answeredBy: null,
    createdAt: new Date().toISOString(),
    ringUntil: new Date(Date.now() + 45_000).toISOString(),
    answeredAt: null,
    endedAt: null,
    endReason: state === 'missed' ? 'cancelled' : null,
    autoAnswerAfterSeconds: null,
  };
}

const listed = (call: CallJson) => ({ call, direction: 'incoming', myState: 'ringing', missed: false, unseen: false, cursor: 'x' });
let eventId = 0;
const event = (socket: FakeSocket, type: string, call: CallJson) => socket.frame({ type: 'event', id: ++eventId, event: type, payload: { call }, at: new Date().toISOString() });
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

test.serial('a call that starts ringing while the list of live calls is on its way keeps ringing when the older list arrives', async (t) => {
  FakeSocket.made = [];
  live.start();
  t.teardown(() => live.stop());
  const socket = FakeSocket.made[0]!;
  const incoming = new IncomingCalls('riet');
  t.teardown(() => incoming.stop());
  incoming.start();
  socket.open(0);
  await settle();
  t.is(answers.length, 1, 'the connection opened: the list was asked for');

  event(socket, 'call.ringing', callOf('new', { anna: 'joined', riet: 'ringing' }));
  t.deepEqual(incoming.state.ringing.map((c) => c.id), ['new']);
  // The list was made before the call existed.
  answers.shift()!([]);
  await settle();
  t.deepEqual(incoming.state.ringing.map((c) => c.id), ['new']);

  // A later list knows the call no more (it stopped without an event reaching this page): it goes.
  const later = incoming.refresh();
  answers.shift()!([]);
  await later;
  t.deepEqual(incoming.state.ringing, []);
});

test.serial('a call that ends while the list of live calls is on its way does not ring again when the older list arrives', async (t) => {
  FakeSocket.made = [];
  live.start();
  t.teardown(() => live.stop());
  const socket = FakeSocket.made[0]!;
  const incoming = new IncomingCalls('riet');
  t.teardown(() => incoming.stop());
  incoming.start();
  socket.open(0);
  await settle();
  answers.shift()!([]);
  await settle();

  event(socket, 'call.ringing', callOf('short', { anna: 'joined', riet: 'ringing' }));
  const asked = incoming.refresh();
  event(socket, 'call.ended', callOf('short', { anna: 'left', riet: 'missed' }, 'missed'));
  t.deepEqual(incoming.state.ringing, []);
  // The list was made while it still rang.
  answers.shift()!([listed(callOf('short', { anna: 'joined', riet: 'ringing' }))]);
  await asked;
  t.deepEqual(incoming.state.ringing, []);
});
