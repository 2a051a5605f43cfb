import test from 'ava';
import { buildAdmin, buildMember } from '../helpers/family.js';
import { connectLive } from '../helpers/live.js';
import { startTestServer } from '../helpers/server.js';

async function chat(t: { teardown(fn: () => unknown): void }) {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const anna = await buildMember(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  const group = await server.api('/api/v1/groups', { cookie: admin.cookie, body: { name: 'Allen', memberIds: [admin.id, anna.id, bob.id] } });
  return { server, admin, anna, bob, conversationId: group.body.group.conversationId as string };
}

const isMessage = (body: string) => (m: any) => m.type === 'event' && m.event === 'message.created' && m.payload.message.body === body;

test('two clients receive a sent message live', async (t) => {
  const f = await chat(t);
  const anna = await connectLive(f.server, f.anna.cookie);
  const bob = await connectLive(f.server, f.bob.cookie);
  await Promise.all([anna.next((m) => m.type === 'ready'), bob.next((m) => m.type === 'ready')]);
  await f.server.api(`/api/v1/conversations/${f.conversationId}/messages`, { cookie: f.admin.cookie, body: { body: 'Eten om zes' } });
  const [toAnna, toBob] = await Promise.all([anna.next(isMessage('Eten om zes')), bob.next(isMessage('Eten om zes'))]);
  t.is(toAnna.payload.conversationId, f.conversationId);
  t.is(toBob.payload.message.authorId, f.admin.id);
  anna.close();
  bob.close();
});

test('a client disconnected while messages are sent gets every one on reconnect, in order, exactly once', async (t) => {
  const f = await chat(t);
  const first = await connectLive(f.server, f.bob.cookie);
  const ready = await first.next((m) => m.type === 'ready');
  first.close();
  await first.closed;
  for (let i = 1; i <= 15; i += 1) {
    await f.server.api(`/api/v1/conversations/${f.conversationId}/messages`, { cookie: f.anna.cookie, body: { body: `bericht ${i}` } });
  }
  const again = await connectLive(f.server, f.bob.cookie, { after: ready.lastEventId });
  await again.next((m) => m.type === 'ready');
  await f.server.api(`/api/v1/conversations/${f.conversationId}/messages`, { cookie: f.anna.cookie, body: { body: 'bericht 16' } });
  await again.next(isMessage('bericht 16'));
  const bodies = again.messages.filter((m: any) => m.type === 'event' && m.event === 'message.created').map((m: any) => m.payload.message.body);
  t.deepEqual(bodies, Array.from({ length: 16 }, (_, i) => `bericht ${i + 1}`));
  again.close();
});

test('edits, deletes and read markers arrive live, and someone outside the conversation gets none', async (t) => {
  const f = await chat(t);
  const outsider = await buildMember(f.server, { firstName: 'Cees' });
  const bob = await connectLive(f.server, f.bob.cookie);
  const cees = await connectLive(f.server, outsider.cookie);
  await Promise.all([bob.next((m) => m.type === 'ready'), cees.next((m) => m.type === 'ready')]);
  const sent = await f.server.api(`/api/v1/conversations/${f.conversationId}/messages`, { cookie: f.anna.cookie, body: { body: 'typfuot' } });
  const id = sent.body.message.id;
  await f.server.api(`/api/v1/messages/${id}`, { method: 'PATCH', cookie: f.anna.cookie, body: { body: 'typfout' } });
  await f.server.api(`/api/v1/conversations/${f.conversationId}/read`, { cookie: f.admin.cookie, body: { messageId: id } });
  await f.server.api(`/api/v1/messages/${id}`, { method: 'DELETE', cookie: f.anna.cookie });
  t.is((await bob.next((m) => m.event === 'message.edited')).payload.message.body, 'typfout');
  t.like((await bob.next((m) => m.event === 'conversation.read')).payload, { userId: f.admin.id, messageId: id });
  t.is((await bob.next((m) => m.event === 'message.deleted')).payload.messageId, id);
  // A family-wide event after them proves the outsider's socket is live yet saw none of the chat.
  await f.server.api('/api/v1/notices', { cookie: f.admin.cookie, body: { title: 'Hallo', body: 'Iedereen' } });
  await cees.next((m) => m.event === 'notice.created');
  t.false(cees.messages.some((m: any) => typeof m.event === 'string' && m.event.startsWith('message.')));
  bob.close();
  cees.close();
});

test('typing is relayed to the other participants of the conversation only', async (t) => {
  const f = await chat(t);
  const outsider = await buildMember(f.server, { firstName: 'Cees' });
  const anna = await connectLive(f.server, f.anna.cookie);
  const bob = await connectLive(f.server, f.bob.cookie);
  const cees = await connectLive(f.server, outsider.cookie);
  await Promise.all([anna, bob, cees].map((c) => c.next((m) => m.type === 'ready')));
  anna.send({ type: 'typing', conversationId: f.conversationId });
  t.like(await bob.next((m) => m.type === 'typing'), { conversationId: f.conversationId, userId: f.anna.id });
  cees.send({ type: 'ping' });
  await cees.next((m) => m.type === 'pong');
  t.false(cees.messages.some((m: any) => m.type === 'typing'));
  t.false(anna.messages.some((m: any) => m.type === 'typing'), 'no echo to the typist');
  for (const c of [anna, bob, cees]) c.close();
});
