import test from 'ava';
import { canSeeEvent } from '../../server/policies/event.js';
import { recordEvent, type Audience, type PublishedEvent } from '../../server/services/events.js';
import { buildAdmin, buildMember } from '../helpers/family.js';
import { connectLive, LiveRefused, type LiveClient } from '../helpers/live.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Records one event the way a service does: in a write transaction, published after commit. */
function record(server: TestServer, payload: Record<string, unknown> = {}, audience: Audience = { all: true }, type = 'test.happened'): Promise<PublishedEvent> {
  const services = server.running.services;
  return services.db.write((transaction) => recordEvent(services, transaction, { type, actorId: null, audience, payload }));
}

const isEvent =
  (type?: string) =>
  (message: any): boolean =>
    message.type === 'event' && (type === undefined || message.event === type);
const isReady = (message: any): boolean => message.type === 'ready';
const isPresence = (message: any): boolean => message.type === 'presence';
const isError = (message: any): boolean => message.type === 'error';

/** Opens a socket and waits for its ready. */
async function connected(server: TestServer, cookie: string, options: { after?: number } = {}): Promise<LiveClient> {
  const client = await connectLive(server, cookie, options);
  await client.next(isReady);
  return client;
}

/** The refusal of an upgrade that must not open. */
async function refused(promise: Promise<LiveClient>): Promise<LiveRefused> {
  const error = await promise.then(
    () => {
      throw new Error('the upgrade was accepted');
    },
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof LiveRefused)) throw error;
  return error;
}

/** Proves a socket still works: a ping is answered. */
async function answersPing(client: LiveClient): Promise<boolean> {
  client.send({ type: 'ping' });
  return (await client.next((message) => message.type === 'pong')).type === 'pong';
}

test('canSeeEvent: {all} is everyone, {admins} is admins plus listed people, {users} only those listed', (t) => {
  const admin = { kind: 'user', user: { id: 'a', role: 'admin' } } as const;
  const member = { kind: 'user', user: { id: 'm', role: 'member' } } as const;
  const station = { kind: 'user', user: { id: 's', role: 'station' } } as const;
  for (const viewer of [admin, member, station]) t.true(canSeeEvent(viewer, { all: true }));
  t.true(canSeeEvent(admin, { admins: true }));
  t.false(canSeeEvent(member, { admins: true }));
  t.true(canSeeEvent(member, { admins: true, users: ['m'] }));
  t.false(canSeeEvent(station, { admins: true, users: ['m'] }));
  t.true(canSeeEvent(member, { users: ['x', 'm'] }));
  t.false(canSeeEvent(admin, { users: ['m'] }));
  t.false(canSeeEvent(member, { users: 'm' } as unknown as Audience));
  t.true(canSeeEvent({ kind: 'system' }, { users: [] }));
});

test('two people connected at once both receive an event meant for the whole family', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const member = await buildMember(server);
  const [a, b] = await Promise.all([connected(server, admin.cookie), connected(server, member.cookie)]);

  const newcomer = await buildMember(server);
  const [seenByAdmin, seenByMember] = await Promise.all([a.next(isEvent('member.joined')), b.next(isEvent('member.joined'))]);
  t.deepEqual(seenByAdmin, seenByMember);
  t.like(seenByAdmin, { type: 'event', event: 'member.joined', payload: { userId: newcomer.id, role: 'member' } });
  t.true(Number.isInteger(seenByAdmin.id));
  t.is(new Date(seenByAdmin.at).toISOString(), seenByAdmin.at);
});

test('an event for the admins reaches the admin but not a member, who does get the next event for everyone', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const member = await buildMember(server);
  const [a, m] = await Promise.all([connected(server, admin.cookie), connected(server, member.cookie)]);

  const invited = await server.api('/api/v1/invitations', { cookie: admin.cookie, body: { email: 'cousin@example.org' } });
  t.is(invited.status, 201);
  const invitation = await a.next(isEvent('invitation.created'));
  const after = await record(server, { step: 'after' });

  // Events arrive in id order, so had the member been sent the invitation it would come first.
  const first = await m.next(isEvent());
  t.is(first.id, after.id);
  t.false(m.messages.some(isEvent('invitation.created')));
  t.true(invitation.id < after.id);
  t.is((await a.next(isEvent())).id, after.id);
});

test('a client that reconnects with the last id it saw gets the 20 events it missed, in order and once, then ready, then live ones', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  const first = await connected(server, member.cookie);
  await record(server, { n: 0 });
  const lastSeen = await first.next(isEvent('test.happened'));
  t.is((await first.close()).code, 1005);

  const missed: PublishedEvent[] = [];
  for (let n = 1; n <= 20; n += 1) missed.push(await record(server, { n }));
  const again = await connectLive(server, member.cookie, { after: lastSeen.id });
  const ready = await again.next(isReady);
  const replayed = again.messages.filter(isEvent());
  t.deepEqual(
    replayed.map((message) => message.payload.n),
    missed.map((event) => event.payload.n),
  );
  t.deepEqual(
    replayed.map((message) => message.id),
    missed.map((event) => event.id),
  );
  t.is(ready.lastEventId, missed.at(-1)?.id);
  t.deepEqual(
    again.messages.map((message) => message.type),
    ['presence', ...missed.map(() => 'event'), 'ready'],
  );

  const live = await record(server, { n: 21 });
  t.is((await again.next(isEvent())).id, live.id);
  t.is(again.messages.filter(isEvent()).length, 21);
});

test('events recorded while a client catches up arrive exactly once each, in id order', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  const first = await connectLive(server, member.cookie);
  const { lastEventId } = await first.next(isReady);
  await first.close();

  const recorded: PublishedEvent[] = [];
  const recording = (async () => {
    for (let n = 0; n < 30; n += 1) recorded.push(await record(server, { n }));
  })();
  const again = await connectLive(server, member.cookie, { after: lastEventId });
  await recording;
  const marker = await record(server, { n: 'marker' });
  await again.next((message) => message.type === 'event' && message.id === marker.id);

  const ids = again.messages.filter(isEvent()).map((message) => message.id);
  t.deepEqual(ids, [...recorded, marker].map((event) => event.id));
  t.truthy(again.messages.find(isReady));
});

test('a catch-up pages through more than 500 missed events and skips those for the admins', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const member = await buildMember(server);
  const first = await connectLive(server, member.cookie);
  const { lastEventId } = await first.next(isReady);
  await first.close();

  const services = server.running.services;
  const recorded = await services.db.write(async (transaction) => {
    const events: PublishedEvent[] = [];
    for (let n = 0; n < 1100; n += 1) {
      const audience: Audience = n % 2 === 0 ? { all: true } : { admins: true };
      events.push(await recordEvent(services, transaction, { type: 'test.bulk', actorId: null, audience, payload: { n } }));
    }
    return events;
  });

  const [m, a] = await Promise.all([connectLive(server, member.cookie, { after: lastEventId }), connectLive(server, admin.cookie, { after: lastEventId })]);
  const [memberReady, adminReady] = await Promise.all([m.next(isReady, 20_000), a.next(isReady, 20_000)]);
  t.deepEqual(
    m.messages.filter(isEvent()).map((message) => message.payload.n),
    recorded.filter((_, n) => n % 2 === 0).map((event) => event.payload.n),
  );
  t.is(a.messages.filter(isEvent()).length, 1100);
  t.is(memberReady.lastEventId, recorded.at(-1)?.id);
  t.is(adminReady.lastEventId, recorded.at(-1)?.id);
});

test('a client without after gets ready with the newest event id and no older events', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  const newest = await record(server, { n: 1 });
  const client = await connectLive(server, member.cookie);
  const ready = await client.next(isReady);
  t.is(ready.lastEventId, newest.id);
  t.false(client.messages.some(isEvent()));
});

test('a resume message replays the events after the given id and ends with a new ready', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  const before = await record(server, { n: 0 });
  const missed = [await record(server, { n: 1 }), await record(server, { n: 2 })];
  const client = await connected(server, member.cookie);
  client.send({ type: 'resume', after: before.id });
  const replayed = [await client.next(isEvent()), await client.next(isEvent())];
  t.deepEqual(
    replayed.map((message) => message.id),
    missed.map((event) => event.id),
  );
  t.is((await client.next(isReady)).lastEventId, missed[1]?.id);
});

test('an upgrade from another Origin, or with none, is refused with 403 and opens no socket', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  const foreign = await refused(connectLive(server, member.cookie, { origin: 'https://evil.example.com' }));
  t.is(foreign.status, 403);
  t.is(foreign.body.error.code, 'bad_origin');
  t.is((await refused(connectLive(server, member.cookie, { origin: null }))).status, 403);
  t.deepEqual(server.running.live.online(), []);
});

test('the address the browser used is accepted as Origin', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  const client = await connected(server, member.cookie);
  await client.close();
  const direct = await connectLive(server, member.cookie, { origin: server.url });
  t.truthy(await direct.next(isReady));
});

test('an upgrade without a session cookie, or with a forged one, is refused with 401', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const missing = await refused(connectLive(server, undefined));
  t.is(missing.status, 401);
  t.is(missing.body.error.code, 'unauthenticated');
  t.is((await refused(connectLive(server, 'prifora_session=forged'))).status, 401);
});

test('an upgrade to another path is refused with 404 and a bad after with 400', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  t.is((await refused(connectLive(server, member.cookie, { path: '/api/v1/elsewhere' }))).status, 404);
  const badAfter = await refused(connectLive(server, member.cookie, { path: '/api/v1/live?after=-1' }));
  t.is(badAfter.status, 400);
  t.is(badAfter.body.error.message, 'after: must be a whole number of 0 or more');
});

test('a frame that is not JSON gets a malformed_json error, the socket stays open and others keep receiving', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const member = await buildMember(server);
  const [bad, good] = await Promise.all([connected(server, member.cookie), connected(server, admin.cookie)]);
  bad.send('{not json');
  t.deepEqual(await bad.next(isError), { type: 'error', code: 'malformed_json', message: 'frame: is not valid JSON' });
  bad.send(Buffer.from([1, 2, 3]));
  t.like(await bad.next(isError), { code: 'malformed_json', message: 'frame: must be JSON text' });
  t.true(await answersPing(bad));
  const event = await record(server);
  t.is((await good.next(isEvent())).id, event.id);
  t.is((await bad.next(isEvent())).id, event.id);
});

test('an unknown message type gets unknown_event and bad fields get invalid_input naming the field', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  const client = await connected(server, member.cookie);
  client.send({ type: 'launch' });
  t.deepEqual(await client.next(isError), { type: 'error', code: 'unknown_event', message: 'type: is not a known message type' });
  client.send({ type: 'typing', conversationId: 'nope' });
  t.deepEqual(await client.next(isError), { type: 'error', code: 'invalid_input', message: 'conversationId: must be an id' });
  client.send({ type: 'resume' });
  t.like(await client.next(isError), { code: 'invalid_input', message: 'after: is required' });
  client.send({ type: 'ping', extra: 1 });
  t.like(await client.next(isError), { code: 'invalid_input', message: 'extra: is not a known field' });
  client.send([1]);
  t.like(await client.next(isError), { code: 'invalid_input', message: 'frame: must be a JSON object' });
  t.true(await answersPing(client));
});

test('a 70 KiB frame closes that socket with 1009 and others keep receiving', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const member = await buildMember(server);
  const [big, other] = await Promise.all([connected(server, member.cookie), connected(server, admin.cookie)]);
  big.send(JSON.stringify({ type: 'ping', padding: 'x'.repeat(70 * 1024) }));
  t.is((await big.closed).code, 1009);
  const event = await record(server);
  t.is((await other.next(isEvent())).id, event.id);
});

test('more than 20 refused frames within a minute close the socket with 1008', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  const client = await connected(server, member.cookie);
  for (let n = 0; n < 21; n += 1) client.send('garbage');
  const closed = await client.closed;
  t.is(closed.code, 1008);
  t.is(client.messages.filter(isError).length, 20);
});

test('a socket that stops answering pings is dropped while one that answers stays', async (t) => {
  const server = await startTestServer({}, { live: { heartbeatMs: 200 } });
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const member = await buildMember(server);
  const healthy = await connected(server, admin.cookie);
  const dead = await connectLive(server, member.cookie, { autoPong: false });
  await dead.next(isReady);
  await healthy.next((message) => isPresence(message) && message.online.length === 2);

  t.is((await dead.closed).code, 1006);
  t.deepEqual((await healthy.next(isPresence)).online, [admin.id]);
  t.true(await answersPing(healthy));
  t.deepEqual(server.running.live.online(), [admin.id]);
});

test('presence lists who is online, counts a second socket once and changes when the last one closes', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const member = await buildMember(server);
  const a = await connected(server, admin.cookie);
  t.deepEqual(a.messages.find(isPresence).online, [admin.id]);

  const m1 = await connected(server, member.cookie);
  t.deepEqual(m1.messages.find(isPresence).online, [admin.id, member.id]);
  t.deepEqual((await a.next(isPresence)).online, [admin.id, member.id]);
  const m2 = await connected(server, member.cookie);
  t.deepEqual(m2.messages.find(isPresence).online, [admin.id, member.id]);
  // A second socket of someone already online changes nothing for the others.
  const marker = await record(server);
  t.is((await a.next((message) => isPresence(message) || isEvent()(message))).id, marker.id);

  await m1.close();
  await m2.close();
  t.deepEqual((await a.next(isPresence)).online, [admin.id]);
  t.deepEqual(server.running.live.online(), [admin.id]);
});

test('signing out closes that session’s socket with 4001 and leaves the person’s other session connected', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  const signIn = await server.api('/api/v1/auth/signin', { body: { email: member.email, password: member.password } });
  t.is(signIn.status, 200);
  const [first, second] = await Promise.all([connected(server, member.cookie), connected(server, signIn.cookie!)]);

  t.is((await server.api('/api/v1/auth/signout', { method: 'POST', cookie: member.cookie })).status, 204);
  t.deepEqual(await first.closed, { code: 4001, reason: 'signed out' });
  t.is((await second.next(isEvent('session.revoked'))).event, 'session.revoked');
  t.true(await answersPing(second));
});

test('removing someone from the family closes their sockets with 4001', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const member = await buildMember(server);
  const [a, m] = await Promise.all([connected(server, admin.cookie), connected(server, member.cookie)]);
  t.is((await server.api(`/api/v1/users/${member.id}`, { method: 'DELETE', cookie: admin.cookie })).status, 204);
  t.deepEqual(await m.closed, { code: 4001, reason: 'signed out' });
  t.like(await a.next(isEvent('member.removed')), { payload: { userId: member.id } });
  t.deepEqual((await a.next(isPresence)).online, [admin.id]);
});

test('a member made admin starts receiving events for the admins on the same socket', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const member = await buildMember(server);
  const m = await connected(server, member.cookie);
  t.is((await server.api(`/api/v1/users/${member.id}/role`, { method: 'PATCH', cookie: admin.cookie, body: { role: 'admin' } })).status, 200);
  await m.next(isEvent('member.roleChanged'));
  const forAdmins = await record(server, {}, { admins: true });
  t.is((await m.next(isEvent())).id, forAdmins.id);
});

test('typing is dropped until a typing audience is set, then relayed once a second to the others only', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const member = await buildMember(server);
  const [a, m] = await Promise.all([connected(server, admin.cookie), connected(server, member.cookie)]);
  const conversationId = '0b8f2f6e-3c1e-4d55-9a51-7c1f1d2a9e10';
  const typingOrEvent = (message: any) => message.type === 'typing' || message.type === 'event';

  m.send({ type: 'typing', conversationId: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f' });
  t.true(await answersPing(m));
  const first = await record(server);
  t.is((await a.next(typingOrEvent)).id, first.id);

  server.running.live.typingAudience = async (_services, _userId, id) => (id === conversationId ? [admin.id, member.id] : null);
  const other = '6a1b4c2d-0e3f-4a5b-8c6d-7e8f9a0b1c2d';
  m.send({ type: 'typing', conversationId });
  m.send({ type: 'typing', conversationId });
  m.send({ type: 'typing', conversationId: other });
  t.true(await answersPing(m));
  t.deepEqual(await a.next(typingOrEvent), { type: 'typing', conversationId, userId: member.id });
  const second = await record(server);
  t.is((await a.next(typingOrEvent)).id, second.id);
  t.false(m.messages.some((message) => message.type === 'typing'));
});

test('stopping the server closes every socket as going away (1001)', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const member = await buildMember(server);
  const sockets = await Promise.all([connected(server, admin.cookie), connected(server, member.cookie)]);
  await server.stop();
  for (const socket of sockets) t.deepEqual(await socket.closed, { code: 1001, reason: 'going away' });
});
