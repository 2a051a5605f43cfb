import test from 'ava';
import { Invitation, User } from '../../server/db/index.js';
import { systemActor } from '../../server/services/actor.js';
import { createSetupLink, inviteMember } from '../../server/services/invitations.js';
import { buildAdmin, buildMember, linkIn, outboxMails, tokenOf, until } from '../helpers/family.js';
import { startTestServer } from '../helpers/server.js';
import { startSmtp } from '../helpers/smtp.js';

test('an invitation mailed over real SMTP completes over HTTP and the new member signs in', async (t) => {
  const smtp = await startSmtp();
  t.teardown(() => smtp.close());
  const server = await startTestServer({ 'mail.smtp.host': '127.0.0.1', 'mail.smtp.port': smtp.port, 'mail.smtp.security': 'none', 'family.name': 'De Vries' });
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);

  const invited = await server.api('/api/v1/invitations', { cookie: admin.cookie, body: { email: 'Anna@Example.org', language: 'nl' } });
  t.is(invited.status, 201);
  t.is(invited.body.invitation.email, 'anna@example.org');
  t.is(invited.body.invitation.status, 'pending');

  const mail = await smtp.nextMail();
  t.is((mail.to as { text: string }).text, 'anna@example.org');
  t.regex(mail.subject ?? '', /familie De Vries/);
  t.truthy(mail.html);
  const link = linkIn(mail.text);
  t.true(link.startsWith(`${server.config.server.publicUrl}/invite#`));

  const preview = await server.api('/api/v1/invitations/inspect', { body: { token: tokenOf(link) } });
  t.is(preview.status, 200);
  t.like(preview.body.invitation, { kind: 'invitation', email: 'anna@example.org', family: 'De Vries', inviter: 'Pieter' });

  const accepted = await server.api('/api/v1/invitations/accept', {
    body: { token: tokenOf(link), username: 'anna', firstName: 'Anna', lastName: 'de Vries', mobile: '+31 6 11111111', password: 'een lang wachtwoord' },
  });
  t.is(accepted.status, 201);
  t.like(accepted.body.user, { role: 'member', firstName: 'Anna', email: 'anna@example.org', language: 'nl' });

  const signIn = await server.api('/api/v1/auth/signin', { body: { email: 'anna@example.org', password: 'een lang wachtwoord' } });
  t.is(signIn.status, 200);
  const me = await server.api('/api/v1/me', { cookie: signIn.cookie });
  t.is(me.body.user.username, 'anna');
});

test('a used invitation link says it has been used', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const invited = await server.api('/api/v1/invitations', { cookie: admin.cookie, body: { email: 'b@example.org' } });
  t.is(invited.status, 201);
  const { link } = await inviteMember(server.running.services, { actor: systemActor, email: 'c@example.org', role: 'member' });
  const body = { token: tokenOf(link), username: 'cees', firstName: 'Cees', lastName: 'B', mobile: '0612345678', password: 'long enough pw' };
  t.is((await server.api('/api/v1/invitations/accept', { body })).status, 201);
  const again = await server.api('/api/v1/invitations/accept', { body: { ...body, username: 'cees2' } });
  t.is(again.status, 410);
  t.is(again.body.error.code, 'link_used');
  t.is(again.body.error.message, 'This link has already been used. Ask the family admin for a new one.');
});

test('a withdrawn invitation link says it was withdrawn, and only pending ones can be withdrawn', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const invited = await server.api('/api/v1/invitations', { cookie: admin.cookie, body: { email: 'd@example.org' } });
  const revoked = await server.api(`/api/v1/invitations/${invited.body.invitation.id}`, { method: 'DELETE', cookie: admin.cookie });
  t.is(revoked.status, 200);
  t.is(revoked.body.invitation.status, 'revoked');
  const twice = await server.api(`/api/v1/invitations/${invited.body.invitation.id}`, { method: 'DELETE', cookie: admin.cookie });
  t.is(twice.status, 409);
  const list = await server.api('/api/v1/invitations', { cookie: admin.cookie });
  t.deepEqual(list.body.invitations.map((i: { status: string }) => i.status), ['revoked']);
});

test('an expired invitation link says it has expired and creates nobody', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const { link, invitation } = await inviteMember(server.running.services, { actor: systemActor, email: 'e@example.org', role: 'member' });
  await Invitation.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { id: invitation.id } });
  const users = await User.count();
  const response = await server.api('/api/v1/invitations/accept', {
    body: { token: tokenOf(link), username: 'eva', firstName: 'Eva', lastName: 'E', mobile: '0612345678', password: 'long enough pw' },
  });
  t.is(response.status, 410);
  t.is(response.body.error.code, 'link_expired');
  t.is(await User.count(), users);
});

test('a forged invitation token is refused as not valid', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const response = await server.api('/api/v1/invitations/inspect', { body: { token: 'x'.repeat(43) } });
  t.is(response.status, 404);
  t.is(response.body.error.code, 'link_invalid');
});

test('inviting someone already in the family is refused with 409', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const response = await server.api('/api/v1/invitations', { cookie: admin.cookie, body: { email: admin.email } });
  t.is(response.status, 409);
  t.is(response.body.error.code, 'already_member');
});

test('inviting the same address again replaces the earlier link', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const first = await inviteMember(server.running.services, { actor: systemActor, email: 'f@example.org', role: 'member' });
  const second = await inviteMember(server.running.services, { actor: systemActor, email: 'f@example.org', role: 'member' });
  const old = await server.api('/api/v1/invitations/inspect', { body: { token: tokenOf(first.link) } });
  t.is(old.body.error.code, 'link_revoked');
  const fresh = await server.api('/api/v1/invitations/inspect', { body: { token: tokenOf(second.link) } });
  t.is(fresh.status, 200);
});

test('a member may not invite, list or withdraw invitations', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  await buildAdmin(server);
  const member = await buildMember(server);
  t.is((await server.api('/api/v1/invitations', { cookie: member.cookie, body: { email: 'g@example.org' } })).status, 403);
  t.is((await server.api('/api/v1/invitations', { cookie: member.cookie })).status, 403);
  t.is((await server.api('/api/v1/invitations')).status, 401);
});

test('the set-up link makes the first admin once, and no second admin can use another', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  t.truthy(server.running.setupLink, 'start made a set-up link while there was no admin');
  const admin = await buildAdmin(server);
  const me = await server.api('/api/v1/me', { cookie: admin.cookie });
  t.is(me.body.user.role, 'admin');
  const error = await t.throwsAsync(() => createSetupLink(server.running.services));
  t.is((error as { code?: string }).code, 'admin_exists');
});

test('only the newest set-up link works', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const older = server.running.setupLink?.link as string;
  await createSetupLink(server.running.services);
  const response = await server.api('/api/v1/invitations/inspect', { body: { token: tokenOf(older) } });
  t.is(response.body.error.code, 'link_revoked');
});

test('a member who chose emailed links gets a welcome mail and has no password', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const member = await buildMember(server, { password: undefined, email: 'h@example.org' });
  const user = await User.findByPk(member.id);
  t.is(user?.signInMethod, 'magic');
  t.is(user?.passwordHash, null);
  const mails = await until(async () => {
    const found = (await outboxMails(server)).filter((m) => (m.to as { text: string }).text === 'h@example.org');
    return found.length === 2 ? found : undefined;
  });
  t.regex(mails[1]?.subject ?? '', /Welcome/);
});
