import test from 'ava';
import { Message } from '../../server/db/index.js';
import { buildAdmin, buildMember, type Member } from '../helpers/family.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface Family {
  server: TestServer;
  admin: Member;
  anna: Member;
  bob: Member;
}

async function family(t: { teardown(fn: () => unknown): void }, config: Record<string, unknown> = {}): Promise<Family> {
  const server = await startTestServer(config);
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const anna = await buildMember(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  return { server, admin, anna, bob };
}

async function direct(f: Family, from: Member, to: Member): Promise<string> {
  const response = await f.server.api('/api/v1/conversations/direct', { cookie: from.cookie, body: { userId: to.id } });
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  return response.body.conversation.id;
}

async function send(f: Family, who: Member, conversationId: string, body: string, replyTo?: string) {
  return f.server.api(`/api/v1/conversations/${conversationId}/messages`, { cookie: who.cookie, body: { body, ...(replyTo ? { replyTo } : {}) } });
}

test('a group has its conversation, seen by its members only', async (t) => {
  const f = await family(t);
  const created = await f.server.api('/api/v1/groups', { cookie: f.admin.cookie, body: { name: 'Kleinkinderen', memberIds: [f.anna.id, f.admin.id] } });
  t.is(created.status, 201);
  const conversationId = created.body.group.conversationId;
  const annas = await f.server.api('/api/v1/conversations', { cookie: f.anna.cookie });
  t.deepEqual(annas.body.conversations.map((c: { title: string }) => c.title), ['Kleinkinderen']);
  t.is((await f.server.api(`/api/v1/conversations/${conversationId}`, { cookie: f.bob.cookie })).status, 404);
  t.is((await f.server.api(`/api/v1/conversations/${conversationId}/messages`, { cookie: f.bob.cookie })).status, 404);
  t.deepEqual((await f.server.api('/api/v1/groups', { cookie: f.bob.cookie })).body.groups, []);
});

test('two members talk in their direct conversation, with replies, edits and deletes', async (t) => {
  const f = await family(t);
  const id = await direct(f, f.anna, f.bob);
  t.is(await direct(f, f.bob, f.anna), id, 'one direct conversation per pair');
  const first = await send(f, f.anna, id, 'Hoi Bob! 👋');
  t.is(first.status, 201);
  t.like(first.body.message, { body: 'Hoi Bob! 👋', authorId: f.anna.id, replyTo: null, editedAt: null, abilities: { edit: true, delete: true } });
  const reply = await send(f, f.bob, id, 'Hoi Anna', first.body.message.id);
  t.like(reply.body.message.replyTo, { id: first.body.message.id, excerpt: 'Hoi Bob! 👋' });

  t.is((await f.server.api(`/api/v1/messages/${first.body.message.id}`, { method: 'PATCH', cookie: f.bob.cookie, body: { body: 'not mine' } })).status, 403);
  const edited = await f.server.api(`/api/v1/messages/${first.body.message.id}`, { method: 'PATCH', cookie: f.anna.cookie, body: { body: 'Hoi Bob!' } });
  t.is(edited.body.message.body, 'Hoi Bob!');
  t.truthy(edited.body.message.editedAt);

  t.is((await f.server.api(`/api/v1/messages/${reply.body.message.id}`, { method: 'DELETE', cookie: f.anna.cookie })).status, 403);
  t.is((await f.server.api(`/api/v1/messages/${reply.body.message.id}`, { method: 'DELETE', cookie: f.bob.cookie })).status, 204);
  const history = await f.server.api(`/api/v1/conversations/${id}/messages`, { cookie: f.anna.cookie });
  t.deepEqual(history.body.messages.map((m: { body: string; deletedAt: string | null }) => [m.body, !!m.deletedAt]), [['', true], ['Hoi Bob!', false]]);
});

test('an admin may delete any message in a conversation they are in, and no one outside it may', async (t) => {
  const f = await family(t);
  const group = await f.server.api('/api/v1/groups', { cookie: f.admin.cookie, body: { name: 'Allen', memberIds: [f.admin.id, f.anna.id] } });
  const message = await send(f, f.anna, group.body.group.conversationId, 'Iets onaardigs');
  t.is((await f.server.api(`/api/v1/messages/${message.body.message.id}`, { method: 'DELETE', cookie: f.bob.cookie })).status, 404);
  t.is((await f.server.api(`/api/v1/messages/${message.body.message.id}`, { method: 'DELETE', cookie: f.admin.cookie })).status, 204);
  const stored = await Message.findOne({ where: { id: message.body.message.id } });
  t.is(stored?.body, '', 'the text is gone, the tombstone stays');
});

test('unread counts rise with others’ messages and fall when read', async (t) => {
  const f = await family(t);
  const id = await direct(f, f.anna, f.bob);
  const messages = [];
  for (const text of ['een', 'twee', 'drie']) messages.push((await send(f, f.anna, id, text)).body.message);
  const list = async (who: Member) => (await f.server.api('/api/v1/conversations', { cookie: who.cookie })).body.conversations[0];
  t.is((await list(f.bob)).unread, 3);
  t.is((await list(f.anna)).unread, 0, 'one’s own messages are not unread');
  t.is((await f.server.api(`/api/v1/conversations/${id}/read`, { cookie: f.bob.cookie, body: { messageId: messages[1].id } })).status, 204);
  t.is((await list(f.bob)).unread, 1);
  await f.server.api(`/api/v1/conversations/${id}/read`, { cookie: f.bob.cookie, body: { messageId: messages[0].id } });
  t.is((await list(f.bob)).unread, 1, 'read state never goes backwards');
  const detail = await f.server.api(`/api/v1/conversations/${id}`, { cookie: f.anna.cookie });
  t.deepEqual(detail.body.readMarkers.find((r: { userId: string }) => r.userId === f.bob.id), { userId: f.bob.id, messageId: messages[1].id });
});

test('history comes newest first in pages with a cursor', async (t) => {
  const f = await family(t);
  const id = await direct(f, f.anna, f.bob);
  for (let i = 1; i <= 7; i += 1) await send(f, f.anna, id, `bericht ${i}`);
  const first = await f.server.api(`/api/v1/conversations/${id}/messages?limit=3`, { cookie: f.bob.cookie });
  t.deepEqual(first.body.messages.map((m: { body: string }) => m.body), ['bericht 7', 'bericht 6', 'bericht 5']);
  const second = await f.server.api(`/api/v1/conversations/${id}/messages?limit=3&before=${first.body.nextBefore}`, { cookie: f.bob.cookie });
  t.deepEqual(second.body.messages.map((m: { body: string }) => m.body), ['bericht 4', 'bericht 3', 'bericht 2']);
  const last = await f.server.api(`/api/v1/conversations/${id}/messages?limit=3&before=${second.body.nextBefore}`, { cookie: f.bob.cookie });
  t.deepEqual(last.body.messages.map((m: { body: string }) => m.body), ['bericht 1']);
  t.is(last.body.nextBefore, null);
  const forged = await f.server.api(`/api/v1/conversations/${id}/messages?before=abc`, { cookie: f.bob.cookie });
  t.is(forged.status, 400);
  t.is(forged.body.error.message, 'query.before: is not a valid cursor');
});

test('search ignores case and accents and only looks in one’s own conversations', async (t) => {
  const f = await family(t);
  const ab = await direct(f, f.anna, f.bob);
  const adminAnna = await direct(f, f.admin, f.anna);
  await send(f, f.anna, ab, 'Zullen we naar het Café gaan?');
  await send(f, f.bob, ab, 'Ik neem een crème brûlée');
  await send(f, f.admin, adminAnna, 'Het cafe is dicht');
  const bobSearch = async (q: string) => (await f.server.api(`/api/v1/search?q=${encodeURIComponent(q)}`, { cookie: f.bob.cookie })).body.messages.map((m: { body: string }) => m.body);
  t.deepEqual(await bobSearch('cafe'), ['Zullen we naar het Café gaan?']);
  t.deepEqual(await bobSearch('CREME brulee'), ['Ik neem een crème brûlée']);
  t.deepEqual(await bobSearch('brû'), ['Ik neem een crème brûlée'], 'words match as prefixes');
  const annaSearch = (await f.server.api('/api/v1/search?q=caf%C3%A9', { cookie: f.anna.cookie })).body.messages;
  t.is(annaSearch.length, 2);
  const syntax = await f.server.api(`/api/v1/search?q=${encodeURIComponent('"*) OR NEAR(')}`, { cookie: f.bob.cookie });
  t.is(syntax.status, 200, 'FTS syntax in the query is plain text');
  const empty = await f.server.api('/api/v1/search?q=%21%21', { cookie: f.bob.cookie });
  t.is(empty.body.error.message, 'q: must contain a word to search for');
});

test('a deleted message is not found by search and its edit is refused', async (t) => {
  const f = await family(t);
  const id = await direct(f, f.anna, f.bob);
  const sent = await send(f, f.anna, id, 'geheimpje');
  await f.server.api(`/api/v1/messages/${sent.body.message.id}`, { method: 'DELETE', cookie: f.anna.cookie });
  t.deepEqual((await f.server.api('/api/v1/search?q=geheimpje', { cookie: f.anna.cookie })).body.messages, []);
  t.is((await f.server.api(`/api/v1/messages/${sent.body.message.id}`, { method: 'PATCH', cookie: f.anna.cookie, body: { body: 'weer' } })).status, 403);
});

test('message text: 4,000 characters of any Unicode, line breaks allowed, control characters refused', async (t) => {
  const f = await family(t);
  const id = await direct(f, f.anna, f.bob);
  t.is((await send(f, f.anna, id, '😀'.repeat(4000))).status, 201, '4,000 emoji are 4,000 characters');
  t.is((await send(f, f.anna, id, 'a'.repeat(4001))).body.error.message, 'body: must be at most 4000 characters');
  t.is((await send(f, f.anna, id, 'regel 1\r\nregel 2')).body.message.body, 'regel 1\nregel 2');
  t.is((await send(f, f.anna, id, 'nul\u0000byte')).body.error.message, 'body: must not contain control characters');
  t.is((await send(f, f.anna, id, 'bel\u0007')).status, 400);
  t.is((await send(f, f.anna, id, '   ')).body.error.message, 'body: must not be empty');
  t.is((await f.server.api(`/api/v1/conversations/${id}/messages`, { cookie: f.anna.cookie, body: {} })).body.error.message, 'body: is required');
});

test('replying to a message of another conversation is refused', async (t) => {
  const f = await family(t);
  const ab = await direct(f, f.anna, f.bob);
  const other = await direct(f, f.anna, f.admin);
  const elsewhere = await send(f, f.anna, other, 'elders');
  const response = await send(f, f.anna, ab, 'antwoord', elsewhere.body.message.id);
  t.is(response.status, 400);
  t.is(response.body.error.message, 'replyTo: is not a message of this conversation');
});

test('the admin decides who may message the station person; the default comes from config', async (t) => {
  const f = await family(t, { 'network.defaultMayMessage': false });
  const station = await f.server.api('/api/v1/station-people', {
    cookie: f.admin.cookie,
    body: { username: 'omariet', firstName: 'Riet', lastName: 'de Vries', email: 'riet@example.org', mobile: '+31 6 99999999', birthDate: '1941-03-15', address: 'Dorpsstraat 1' },
  });
  t.is(station.status, 201);
  const stationId = station.body.stationPerson.id;
  t.is(station.body.stationPerson.birthDate, '1941-03-15');
  const refused = await f.server.api('/api/v1/conversations/direct', { cookie: f.anna.cookie, body: { userId: stationId } });
  t.is(refused.status, 403);
  t.is(refused.body.error.code, 'forbidden');
  const allowed = await f.server.api(`/api/v1/station-people/${stationId}/contacts/${f.anna.id}`, { method: 'PUT', cookie: f.admin.cookie, body: { mayMessage: true } });
  t.like(allowed.body.contact, { mayMessage: true, mayCall: true });
  const opened = await f.server.api('/api/v1/conversations/direct', { cookie: f.anna.cookie, body: { userId: stationId } });
  t.is(opened.status, 200);
  t.is((await send(f, f.anna, opened.body.conversation.id, 'Dag oma!')).status, 201);
  await f.server.api(`/api/v1/station-people/${stationId}/contacts/${f.anna.id}`, { method: 'PUT', cookie: f.admin.cookie, body: { mayMessage: false } });
  t.is((await send(f, f.anna, opened.body.conversation.id, 'Nog eens')).status, 403, 'withdrawn permission holds in an existing conversation');
  const asMember = await f.server.api('/api/v1/station-people', { cookie: f.anna.cookie });
  t.is(asMember.body.stationPeople[0].firstName, 'Riet');
  t.is(asMember.body.stationPeople[0].birthDate, undefined, 'only admins see the record');
  t.is((await f.server.api(`/api/v1/station-people/${stationId}/contacts`, { cookie: f.anna.cookie })).status, 403);
});

test('a member corrects their own profile and sees the required fields enforced', async (t) => {
  const f = await family(t);
  const changed = await f.server.api('/api/v1/me', { method: 'PATCH', cookie: f.anna.cookie, body: { firstName: 'Annemarie', language: 'nl' } });
  t.like(changed.body.user, { firstName: 'Annemarie', language: 'nl' });
  const empty = await f.server.api('/api/v1/me', { method: 'PATCH', cookie: f.anna.cookie, body: { lastName: '' } });
  t.is(empty.body.error.message, 'lastName: must not be empty');
  const taken = await f.server.api('/api/v1/me', { method: 'PATCH', cookie: f.anna.cookie, body: { email: f.bob.email } });
  t.is(taken.status, 409);
  const role = await f.server.api('/api/v1/me', { method: 'PATCH', cookie: f.anna.cookie, body: { role: 'admin' } });
  t.is(role.body.error.message, 'role: is not a known field');
});

test('an admin renames a group, sets its members and deletes it with its conversation', async (t) => {
  const f = await family(t);
  const created = await f.server.api('/api/v1/groups', { cookie: f.admin.cookie, body: { name: 'Buren', memberIds: [f.anna.id] } });
  const groupId = created.body.group.id;
  t.is((await f.server.api('/api/v1/groups', { cookie: f.admin.cookie, body: { name: 'Buren' } })).status, 409);
  t.is((await f.server.api(`/api/v1/groups/${groupId}`, { method: 'PATCH', cookie: f.admin.cookie, body: { name: 'De buren' } })).body.group.name, 'De buren');
  const members = await f.server.api(`/api/v1/groups/${groupId}/members`, { method: 'PUT', cookie: f.admin.cookie, body: { memberIds: [f.bob.id] } });
  t.deepEqual(members.body.group.memberIds, [f.bob.id]);
  t.is((await f.server.api(`/api/v1/conversations/${created.body.group.conversationId}`, { cookie: f.anna.cookie })).status, 404, 'a member who left no longer sees it');
  t.is((await f.server.api(`/api/v1/groups/${groupId}/members`, { method: 'PUT', cookie: f.admin.cookie, body: { memberIds: ['00000000-0000-4000-8000-000000000000'] } })).status, 400);
  t.is((await f.server.api(`/api/v1/groups/${groupId}`, { method: 'PATCH', cookie: f.anna.cookie, body: { name: 'x' } })).status, 403);
  t.is((await f.server.api(`/api/v1/groups/${groupId}`, { method: 'DELETE', cookie: f.admin.cookie })).status, 204);
  t.is((await f.server.api(`/api/v1/conversations/${created.body.group.conversationId}`, { cookie: f.bob.cookie })).status, 404);
});
