import net from 'node:net';
import test from 'ava';
import { MailJob } from '../../server/db/index.js';
import { systemActor } from '../../server/services/actor.js';
import { inviteMember } from '../../server/services/invitations.js';
import { listMailQueue } from '../../server/services/mail.js';
import { startServer } from '../../server/http.js';
import { createLogger } from '../../server/logger.js';
import { outboxMails, until } from '../helpers/family.js';
import { startTestServer } from '../helpers/server.js';
import { startSmtp } from '../helpers/smtp.js';

/** A loopback port that nothing listens on (yet). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('without SMTP each mail becomes an .eml file in the outbox, in plain text and HTML', async (t) => {
  const server = await startTestServer({ 'family.name': 'De Vries' });
  t.teardown(() => server.stop());
  await inviteMember(server.running.services, { actor: systemActor, email: 'anna@example.org', role: 'member', language: 'en' });
  const [mail] = await until(async () => {
    const mails = await outboxMails(server);
    return mails.length ? mails : undefined;
  });
  t.is(mail?.subject, 'You are invited to the De Vries family on prifora');
  t.regex(mail?.text ?? '', /Accept the invitation:\nhttp:\/\/localhost:8080\/invite#[\w-]{43}/);
  t.regex(String(mail?.html), /<a href="http:\/\/localhost:8080\/invite#/);
  t.is((await MailJob.findOne())?.status, 'sent');
});

test('mail in Dutch is written in Dutch', async (t) => {
  const server = await startTestServer({ 'family.name': 'De Vries' });
  t.teardown(() => server.stop());
  await inviteMember(server.running.services, { actor: systemActor, email: 'anna@example.org', role: 'member', language: 'nl' });
  const [mail] = await until(async () => {
    const mails = await outboxMails(server);
    return mails.length ? mails : undefined;
  });
  t.is(mail?.subject, 'Je bent uitgenodigd voor de familie De Vries op prifora');
  t.regex(mail?.text ?? '', /Uitnodiging aannemen/);
});

test('names with HTML arrive as text in the HTML part of a mail', async (t) => {
  const server = await startTestServer({ 'family.name': '<b>Bold</b> & Co' });
  t.teardown(() => server.stop());
  await inviteMember(server.running.services, { actor: systemActor, email: 'anna@example.org', role: 'member' });
  const [mail] = await until(async () => {
    const mails = await outboxMails(server);
    return mails.length ? mails : undefined;
  });
  t.false(String(mail?.html).includes('<b>Bold</b>'));
  t.true(String(mail?.html).includes('&#60;b&#62;Bold&#60;/b&#62; &#38; Co'));
});

test('mail waits in the queue while the SMTP server is down and goes out when it is back', async (t) => {
  const port = await freePort();
  const server = await startTestServer({ 'mail.smtp.host': '127.0.0.1', 'mail.smtp.port': port, 'mail.smtp.security': 'none' });
  t.teardown(() => server.stop());
  await inviteMember(server.running.services, { actor: systemActor, email: 'anna@example.org', role: 'member' });
  const failed = await until(async () => {
    const job = await MailJob.findOne();
    return job && job.attempts >= 1 ? job : undefined;
  });
  t.is(failed.status, 'pending');
  t.truthy(failed.lastError);
  t.true(failed.nextAttemptAt.getTime() > Date.now(), 'the next attempt is backed off');
  t.is((await listMailQueue()).length, 1);

  const smtp = await startSmtp(port);
  t.teardown(() => smtp.close());
  // Time passes: the back-off is over.
  await MailJob.update({ nextAttemptAt: new Date() }, { where: { id: failed.id } });
  server.running.services.kickMailQueue();
  const mail = await smtp.nextMail();
  t.regex(mail.subject ?? '', /invited/);
  await until(async () => (await MailJob.findByPk(failed.id))?.status === 'sent');
  t.is((await listMailQueue()).length, 0);
});

test('queued mail survives a restart and is sent by the next server', async (t) => {
  const port = await freePort();
  const first = await startTestServer({ 'mail.smtp.host': '127.0.0.1', 'mail.smtp.port': port, 'mail.smtp.security': 'none' });
  await inviteMember(first.running.services, { actor: systemActor, email: 'anna@example.org', role: 'member' });
  await until(async () => ((await MailJob.findOne())?.attempts ?? 0) >= 1);
  await MailJob.update({ nextAttemptAt: new Date() }, { where: {} });
  await first.stop();

  const smtp = await startSmtp(port);
  t.teardown(() => smtp.close());
  const second = await startServer({ dataDir: first.dataDir, config: first.config, logger: createLogger('silent', { pretty: false }), port: 0, host: '127.0.0.1' });
  t.teardown(() => second.stop(1000));
  const mail = await smtp.nextMail();
  t.is((mail.to as { text: string }).text, 'anna@example.org');
});
