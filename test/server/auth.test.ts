import test from 'ava';
import { MagicLink, Session, User } from '../../server/db/index.js';
import { buildAdmin, buildMember, linkIn, outboxMails, tokenOf, until } from '../helpers/family.js';
import { startTestServer } from '../helpers/server.js';

test('a magic link mailed to the outbox signs the person in once', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server, { email: 'anna@example.org' });
  const requested = await server.api('/api/v1/auth/magic-link', { body: { email: 'ANNA@example.org' } });
  t.is(requested.status, 202);
  const mail = await until(async () => (await outboxMails(server)).find((m) => /sign-in link/i.test(m.subject ?? '')));
  const link = linkIn(mail.text);
  t.true(link.startsWith(`${server.config.server.publicUrl}/signin/magic#`));

  const consumed = await server.api('/api/v1/auth/magic-link/consume', { body: { token: tokenOf(link) } });
  t.is(consumed.status, 200);
  t.is(consumed.body.user.id, member.id);
  t.is((await server.api('/api/v1/me', { cookie: consumed.cookie })).status, 200);

  const reused = await server.api('/api/v1/auth/magic-link/consume', { body: { token: tokenOf(link) } });
  t.is(reused.status, 410);
  t.is(reused.body.error.code, 'link_used');
});

test('an expired magic link is refused', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  await buildMember(server, { email: 'bob@example.org' });
  await server.api('/api/v1/auth/magic-link', { body: { email: 'bob@example.org' } });
  const mail = await until(async () => (await outboxMails(server)).find((m) => /sign-in link/i.test(m.subject ?? '')));
  await MagicLink.update({ expiresAt: new Date(Date.now() - 1) }, { where: {} });
  const response = await server.api('/api/v1/auth/magic-link/consume', { body: { token: tokenOf(linkIn(mail.text)) } });
  t.is(response.status, 410);
  t.is(response.body.error.code, 'link_expired');
});

test('asking a magic link for an unknown address answers the same and sends nothing', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const response = await server.api('/api/v1/auth/magic-link', { body: { email: 'nobody@example.org' } });
  t.is(response.status, 202);
  t.deepEqual(response.body, { sent: true });
  t.is(await MagicLink.count(), 0);
});

test('a wrong password and an unknown address get the same answer', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  const wrong = await server.api('/api/v1/auth/signin', { body: { email: member.email, password: 'not the password' } });
  const unknown = await server.api('/api/v1/auth/signin', { body: { email: 'who@example.org', password: 'not the password' } });
  t.is(wrong.status, 401);
  t.deepEqual(wrong.body, unknown.body);
  t.is(wrong.body.error.code, 'invalid_credentials');
});

test('a person lists their sessions and revokes another one, which is then signed out', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  const phone = await server.api('/api/v1/auth/signin', { body: { email: member.email, password: member.password }, headers: { 'user-agent': 'Phone' } });
  const list = await server.api('/api/v1/sessions', { cookie: member.cookie });
  t.is(list.body.sessions.length, 2);
  const other = list.body.sessions.find((s: { current: boolean }) => !s.current);
  t.is(other.userAgent, 'Phone');
  t.is((await server.api(`/api/v1/sessions/${other.id}`, { method: 'DELETE', cookie: member.cookie })).status, 204);
  t.is((await server.api('/api/v1/me', { cookie: phone.cookie })).status, 401);
  t.is((await server.api('/api/v1/me', { cookie: member.cookie })).status, 200);
});

test('someone else’s session is not found rather than revoked', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const anna = await buildMember(server);
  const bob = await buildMember(server);
  const bobs = await Session.findOne({ where: { userId: bob.id } });
  const response = await server.api(`/api/v1/sessions/${bobs?.id}`, { method: 'DELETE', cookie: anna.cookie });
  t.is(response.status, 404);
  t.is((await server.api('/api/v1/me', { cookie: bob.cookie })).status, 200);
});

test('signing out ends the session and clears the cookie', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  const out = await server.api('/api/v1/auth/signout', { method: 'POST', cookie: member.cookie });
  t.is(out.status, 204);
  t.is(out.cookie, 'prifora_session=');
  t.is((await server.api('/api/v1/me', { cookie: member.cookie })).status, 401);
});

test('sign-in is rate limited per account with 429 and Retry-After', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  for (let i = 0; i < 5; i += 1) {
    t.is((await server.api('/api/v1/auth/signin', { body: { email: member.email, password: 'wrong password' } })).status, 401);
  }
  const limited = await server.api('/api/v1/auth/signin', { body: { email: member.email, password: member.password } });
  t.is(limited.status, 429);
  t.is(limited.body.error.code, 'rate_limited');
  t.regex(limited.body.error.message, /^Too many attempts\. Please try again in \d+ minutes\.$/);
  const seconds = Number(limited.headers.get('retry-after'));
  t.true(seconds > 0 && seconds <= 15 * 60);
});

test('magic-link requests are rate limited per account', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server);
  for (let i = 0; i < 3; i += 1) t.is((await server.api('/api/v1/auth/magic-link', { body: { email: member.email } })).status, 202);
  const limited = await server.api('/api/v1/auth/magic-link', { body: { email: member.email } });
  t.is(limited.status, 429);
  t.truthy(limited.headers.get('retry-after'));
});

test('invitation acceptance is rate limited per link', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const token = tokenOf(server.running.setupLink?.link as string);
  // Without an email the set-up link cannot be used: each attempt reaches the service and fails.
  const bad = { token, username: 'valid', firstName: 'A', lastName: 'B', mobile: '0612345678' };
  for (let i = 0; i < 5; i += 1) t.is((await server.api('/api/v1/invitations/accept', { body: bad })).status, 400);
  const limited = await server.api('/api/v1/invitations/accept', { body: { ...bad, email: 'a@example.org' } });
  t.is(limited.status, 429);
  t.is(await User.count(), 0);
});

test('the last admin cannot be demoted or removed, another admin can be', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const demote = await server.api(`/api/v1/users/${admin.id}/role`, { method: 'PATCH', cookie: admin.cookie, body: { role: 'member' } });
  t.is(demote.status, 409);
  t.is(demote.body.error.code, 'last_admin');
  const member = await buildMember(server);
  const promoted = await server.api(`/api/v1/users/${member.id}/role`, { method: 'PATCH', cookie: admin.cookie, body: { role: 'admin' } });
  t.is(promoted.body.user.role, 'admin');
  t.is((await server.api(`/api/v1/users/${member.id}`, { method: 'DELETE', cookie: admin.cookie })).status, 204);
  t.is((await server.api('/api/v1/me', { cookie: member.cookie })).status, 401);
});

test('members see each other’s names but not their email or phone', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const member = await buildMember(server);
  const asMember = await server.api('/api/v1/users', { cookie: member.cookie });
  const adminSeenByMember = asMember.body.users.find((u: { id: string }) => u.id === admin.id);
  t.is(adminSeenByMember.firstName, 'Pieter');
  t.is(adminSeenByMember.email, undefined);
  t.is(adminSeenByMember.mobile, undefined);
  const asAdmin = await server.api('/api/v1/users', { cookie: admin.cookie });
  t.is(asAdmin.body.users.find((u: { id: string }) => u.id === member.id).email, member.email);
});
