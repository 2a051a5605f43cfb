import test from 'ava';
import { postSystemNotice } from '../../server/services/notices.js';
import { buildAdmin, buildMember, linkIn } from '../helpers/family.js';
import { startTestServer } from '../helpers/server.js';
import { startSmtp } from '../helpers/smtp.js';

test('an admin’s notice to the family is counted unread until read', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const anna = await buildMember(server);
  const posted = await server.api('/api/v1/notices', { cookie: admin.cookie, body: { title: 'Kerst', body: 'Kerstdiner bij oma om 17:00.' } });
  t.is(posted.status, 201);
  t.like(posted.body.notice, { kind: 'admin', title: 'Kerst', author: { id: admin.id, name: 'Pieter' }, read: false });
  const list = await server.api('/api/v1/notices', { cookie: anna.cookie });
  t.is(list.body.unread, 1);
  t.is((await server.api(`/api/v1/notices/${posted.body.notice.id}/read`, { cookie: anna.cookie, method: 'POST' })).status, 204);
  const after = await server.api('/api/v1/notices', { cookie: anna.cookie });
  t.is(after.body.unread, 0);
  t.true(after.body.notices[0].read);
  t.is((await server.api('/api/v1/notices', { cookie: anna.cookie, body: { title: 'x', body: 'y' } })).status, 403);
});

test('a notice to a group reaches its members only', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const anna = await buildMember(server);
  const bob = await buildMember(server);
  const group = await server.api('/api/v1/groups', { cookie: admin.cookie, body: { name: 'Buren', memberIds: [anna.id] } });
  const posted = await server.api('/api/v1/notices', { cookie: admin.cookie, body: { title: 'Sleutel', body: 'De sleutel ligt bij nummer 3.', groupId: group.body.group.id } });
  t.is((await server.api('/api/v1/notices', { cookie: anna.cookie })).body.unread, 1);
  t.is((await server.api('/api/v1/notices', { cookie: bob.cookie })).body.unread, 0);
  t.is((await server.api(`/api/v1/notices/${posted.body.notice.id}/read`, { cookie: bob.cookie, method: 'POST' })).status, 404);
});

test('a system notice reads in each person’s own language', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  await buildAdmin(server, { language: 'en' });
  const dutch = await buildMember(server, { language: 'nl' });
  await postSystemNotice(server.running.services, { key: 'privacyChanged' });
  const list = await server.api('/api/v1/notices', { cookie: dutch.cookie });
  t.like(list.body.notices[0], { kind: 'system', author: null, title: 'Onze privacyvoorwaarden zijn veranderd' });
});

test('a help request is mailed to the admins, answered, closed, and the asker is told each time', async (t) => {
  const smtp = await startSmtp();
  t.teardown(() => smtp.close());
  const server = await startTestServer({ 'mail.smtp.host': '127.0.0.1', 'mail.smtp.port': smtp.port, 'mail.smtp.security': 'none', 'family.name': 'De Vries' });
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server, { language: 'en' });
  const anna = await buildMember(server, { firstName: 'Anna', lastName: 'Jansen', language: 'nl', email: 'anna@example.org' });

  const asked = await server.api('/api/v1/support', { cookie: anna.cookie, body: { subject: 'Foto’s uploaden', body: 'Hoe stuur ik een foto naar oma?' } });
  t.is(asked.status, 201);
  const toAdmin = await smtp.nextMail((mail) => /help/.test(mail.subject ?? ''));
  t.is((toAdmin.to as { text: string }).text, admin.email);
  t.is(toAdmin.subject, 'Anna Jansen asks for help: Foto’s uploaden');
  t.regex(toAdmin.text ?? '', /Hoe stuur ik een foto naar oma\?/);
  t.truthy(linkIn(toAdmin.text));

  const adminList = await server.api('/api/v1/support', { cookie: admin.cookie });
  t.is(adminList.body.requests[0].status, 'open');
  const answered = await server.api(`/api/v1/support/${asked.body.request.id}/replies`, { cookie: admin.cookie, body: { body: 'Tik op Foto’s en dan op Delen.' } });
  t.is(answered.body.request.status, 'answered');
  const toAsker = await smtp.nextMail((mail) => /Antwoord/.test(mail.subject ?? ''));
  t.is(toAsker.subject, 'Antwoord op je vraag: Foto’s uploaden');
  t.regex(toAsker.text ?? '', /Tik op Foto’s en dan op Delen\./);

  t.is((await server.api(`/api/v1/support/${asked.body.request.id}/close`, { cookie: anna.cookie, method: 'POST' })).status, 403);
  const closed = await server.api(`/api/v1/support/${asked.body.request.id}/close`, { cookie: admin.cookie, method: 'POST' });
  t.is(closed.body.request.status, 'closed');
  t.is((await smtp.nextMail((mail) => /afgerond/.test(mail.subject ?? ''))).subject, 'Je vraag is afgerond: Foto’s uploaden');
  const thread = await server.api(`/api/v1/support/${asked.body.request.id}`, { cookie: anna.cookie });
  t.is(thread.body.request.replies.length, 1);
  t.false(thread.body.request.abilities.reply);
});

test('a member sees only their own help requests', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  await buildAdmin(server);
  const anna = await buildMember(server);
  const bob = await buildMember(server);
  const asked = await server.api('/api/v1/support', { cookie: anna.cookie, body: { subject: 'Help', body: 'Iets werkt niet.' } });
  t.deepEqual((await server.api('/api/v1/support', { cookie: bob.cookie })).body.requests, []);
  t.is((await server.api(`/api/v1/support/${asked.body.request.id}`, { cookie: bob.cookie })).status, 404);
  t.is((await server.api(`/api/v1/support/${asked.body.request.id}/replies`, { cookie: bob.cookie, body: { body: 'hoi' } })).status, 404);
});
