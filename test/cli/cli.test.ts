import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { openServices } from '../../server/boot.js';
import { loadConfig } from '../../server/config/index.js';
import { User } from '../../server/db/index.js';
import { createLogger } from '../../server/logger.js';
import { applyMigrations } from '../../server/services/database.js';
import { runCli, spawnStart } from '../helpers/cli.js';
import { tempDir } from '../helpers/server.js';
import { startSmtp } from '../helpers/smtp.js';

test('init --yes writes a 0600 config with fresh secrets and the given flags', async (t) => {
  const data = path.join(tempDir(), 'data');
  const result = await runCli(['init', '--yes', '--data', data, '--family-name', 'De Vries', '--language', 'en', '--time-zone', 'Europe/Amsterdam', '--public-url', 'https://devries.example.org/']);
  t.is(result.code, 0, result.stderr);
  const file = path.join(data, 'config.json');
  t.is(fs.statSync(file).mode & 0o777, 0o600);
  const config = JSON.parse(fs.readFileSync(file, 'utf8'));
  t.like(config, { family: { name: 'De Vries', language: 'en', timeZone: 'Europe/Amsterdam' }, server: { publicUrl: 'https://devries.example.org' } });
  t.true(config.secrets.session.length >= 32);

  const other = path.join(tempDir(), 'data');
  await runCli(['init', '--yes', '--data', other]);
  t.not(JSON.parse(fs.readFileSync(path.join(other, 'config.json'), 'utf8')).secrets.session, config.secrets.session);
});

test('init refuses to overwrite an existing config without --force', async (t) => {
  const data = tempDir();
  t.is((await runCli(['init', '--yes', '--data', data, '--family-name', 'First'])).code, 0);
  const again = await runCli(['init', '--yes', '--data', data, '--family-name', 'Second']);
  t.is(again.code, 2);
  t.regex(again.stderr, /a config already exists/);
  t.regex(again.stderr, /--force/);
  t.is(JSON.parse(fs.readFileSync(path.join(data, 'config.json'), 'utf8')).family.name, 'First');
  t.is((await runCli(['init', '--yes', '--force', '--data', data, '--family-name', 'Second'])).code, 0);
  t.is(JSON.parse(fs.readFileSync(path.join(data, 'config.json'), 'utf8')).family.name, 'Second');
});

test('init without a terminal and without --yes says how to run it', async (t) => {
  const result = await runCli(['init', '--data', tempDir()]);
  t.is(result.code, 2);
  t.regex(result.stderr, /--yes/);
});

test('an unknown flag exits 2 with a one-line reason', async (t) => {
  const result = await runCli(['user', 'list', '--data', tempDir(), '--colour']);
  t.is(result.code, 2);
  t.regex(result.stderr.split('\n')[0] ?? '', /^prifora: unknown option '--colour'/);
});

test('a bad flag value exits 2 naming the flag and the value', async (t) => {
  const zone = await runCli(['init', '--yes', '--data', tempDir(), '--time-zone', 'Mars/Olympus']);
  t.is(zone.code, 2);
  t.regex(zone.stderr, /^prifora: --time-zone: not a known time zone .*\(found "Mars\/Olympus"\)/);
  const port = await runCli(['start', '--data', tempDir(), '--port', '99999']);
  t.is(port.code, 2);
  t.regex(port.stderr, /^prifora: --port: /);
  const email = await runCli(['user', 'invite', '--data', tempDir(), '--email', 'not-an-address']);
  t.is(email.code, 2);
  t.regex(email.stderr, /--email: must be an email address/);
  // A secret that fails is named by its length, never echoed.
  const secret = `hunter2-${'x'.repeat(1100)}`;
  const password = await runCli(['init', '--yes', '--data', tempDir(), '--smtp-password', secret]);
  t.is(password.code, 2);
  t.regex(password.stderr, /--smtp-password: .*\(found a secret of 1108 characters\)/);
  t.false(password.stderr.includes('hunter2'));
});

test('every command has --help, and --version prints the version', async (t) => {
  for (const args of [['--help'], ['init', '--help'], ['start', '--help'], ['user', 'invite', '--help'], ['mail', 'queue', '--help'], ['migrate', '--help']]) {
    const result = await runCli(args);
    t.is(result.code, 0, args.join(' '));
    t.regex(result.stdout, /Usage: prifora/);
  }
  const version = await runCli(['--version']);
  t.regex(version.stdout.trim(), /^\d+\.\d+\.\d+$/);
});

test('start serves /healthz, prints the set-up link, and exits 0 on SIGTERM', async (t) => {
  const data = tempDir();
  const server = await spawnStart(['--data', data, '--port', '0', '--host', '127.0.0.1']);
  const health = await fetch(`${server.url}/healthz`);
  t.is(health.status, 200);
  t.regex(server.stdout(), /no admin yet[\s\S]*\/setup#[\w-]{43}/);
  t.true(fs.existsSync(path.join(data, 'config.json')), 'start made a default config');
  server.child.kill('SIGTERM');
  t.is(await server.exited, 0);
});

test('start with a bad config stops with exit 2 naming the key and the fix', async (t) => {
  const data = tempDir();
  await runCli(['init', '--yes', '--data', data]);
  const file = path.join(data, 'config.json');
  const config = JSON.parse(fs.readFileSync(file, 'utf8'));

  config.server.port = 'eighty';
  fs.writeFileSync(file, JSON.stringify(config));
  const wrongType = await runCli(['start', '--data', data]);
  t.is(wrongType.code, 2);
  t.regex(wrongType.stderr, /server\.port: .*\(found "eighty"\)/);
  t.regex(wrongType.stderr, /Set server\.port to a value like 8080/);
  t.notRegex(wrongType.stderr, / {4}at /);

  config.server.port = 8080;
  config.server.colour = 'blue';
  fs.writeFileSync(file, JSON.stringify(config));
  const unknown = await runCli(['start', '--data', data]);
  t.is(unknown.code, 2);
  t.regex(unknown.stderr, /server\.colour: is not a prifora setting/);

  fs.writeFileSync(file, '{ "family": ');
  const broken = await runCli(['start', '--data', data]);
  t.is(broken.code, 2);
  t.regex(broken.stderr, /is not valid JSON/);
});

test('start with an unreadable config says so and exits 2', async (t) => {
  const data = tempDir();
  await runCli(['init', '--yes', '--data', data]);
  const file = path.join(data, 'config.json');
  // Root reads any file, so make the path unreadable in a way that holds for root too.
  fs.rmSync(file);
  fs.mkdirSync(file);
  const result = await runCli(['start', '--data', data]);
  t.is(result.code, 2);
  t.regex(result.stderr, /config\.json: cannot be read \(EISDIR\)/);
});

test('user invite, list, set-role, remove and setup-link work from the CLI with --json', async (t) => {
  const data = tempDir();
  await runCli(['init', '--yes', '--data', data, '--family-name', 'De Vries']);
  const setup = await runCli(['user', 'setup-link', '--data', data, '--json']);
  t.is(setup.code, 0, setup.stderr);
  t.regex(JSON.parse(setup.stdout).link, /\/setup#/);

  const invited = await runCli(['user', 'invite', '--data', data, '--email', 'anna@example.org', '--admin', '--json']);
  t.is(invited.code, 0, invited.stderr);
  const invitation = JSON.parse(invited.stdout);
  t.like(invitation.invitation, { email: 'anna@example.org', role: 'admin', status: 'pending' });
  t.regex(invitation.link, /\/invite#[\w-]{43}$/);
  t.is(fs.readdirSync(path.join(data, 'outbox')).length, 1, 'the invitation mail went out at once');

  const list = await runCli(['user', 'list', '--data', data, '--json']);
  t.deepEqual(JSON.parse(list.stdout), { users: [] });

  const missing = await runCli(['user', 'remove', 'nobody@example.org', '--data', data]);
  t.is(missing.code, 1);
  t.regex(missing.stderr, /Person was not found/);

  const role = await runCli(['user', 'set-role', 'someone', 'owner', '--data', data]);
  t.is(role.code, 2);
  t.regex(role.stderr, /role: must be admin or member/);
});

test('mail test sends through real SMTP and mail queue shows nothing pending', async (t) => {
  const smtp = await startSmtp();
  t.teardown(() => smtp.close());
  const data = tempDir();
  await runCli(['init', '--yes', '--data', data, '--family-name', 'De Vries', '--smtp-host', '127.0.0.1', '--smtp-port', String(smtp.port), '--smtp-security', 'none']);
  const sent = await runCli(['mail', 'test', '--data', data, '--to', 'tech@example.org', '--json']);
  t.is(sent.code, 0, sent.stderr);
  t.like(JSON.parse(sent.stdout), { sent: true, to: 'tech@example.org', via: `127.0.0.1:${smtp.port} (none)` });
  const mail = await smtp.nextMail();
  t.is(mail.subject, 'Testbericht van prifora voor de familie De Vries');
  const queue = await runCli(['mail', 'queue', '--data', data, '--json']);
  t.deepEqual(JSON.parse(queue.stdout), { retried: 0, mail: [] });
});

test('migrate --status lists every migration as applied after migrate', async (t) => {
  const data = tempDir();
  await runCli(['init', '--yes', '--data', data]);
  const before = JSON.parse((await runCli(['migrate', '--status', '--data', data, '--json'])).stdout);
  t.true(before.migrations.every((m: { applied: boolean }) => !m.applied));
  const applied = await runCli(['migrate', '--data', data, '--json']);
  t.true(JSON.parse(applied.stdout).applied.length > 0);
  const after = JSON.parse((await runCli(['migrate', '--status', '--data', data, '--json'])).stdout);
  t.true(after.migrations.every((m: { applied: boolean }) => m.applied));
});

test('PRIFORA_DATA chooses the data directory when --data is absent', async (t) => {
  const data = tempDir();
  const result = await runCli(['init', '--yes', '--family-name', 'Env'], { env: { PRIFORA_DATA: data } });
  t.is(result.code, 0, result.stderr);
  t.true(fs.existsSync(path.join(data, 'config.json')));
});

test('group create, members, rename, list and delete work from the CLI, and notice send posts', async (t) => {
  const data = tempDir();
  await runCli(['init', '--yes', '--data', data]);
  const services = await openServices({ dataDir: data, config: loadConfig(data), logger: createLogger('silent', { pretty: false }) });
  await applyMigrations(services);
  for (const [username, email] of [['anna', 'anna@example.org'], ['bob', 'bob@example.org']]) {
    await User.create({ role: 'member', username: username as string, firstName: username as string, lastName: 'V', email: email as string, mobile: '0612345678', language: null, passwordHash: null, signInMethod: 'magic' });
  }
  await services.close();

  const created = await runCli(['group', 'create', 'Kleinkinderen', '--member', 'anna', 'bob@example.org', '--data', data, '--json']);
  t.is(created.code, 0, created.stderr);
  t.is(JSON.parse(created.stdout).group.memberIds.length, 2);
  const removed = await runCli(['group', 'members', 'Kleinkinderen', '--remove', 'anna', '--data', data, '--json']);
  t.is(JSON.parse(removed.stdout).group.memberIds.length, 1);
  t.is((await runCli(['group', 'rename', 'Kleinkinderen', 'Kids', '--data', data])).code, 0);
  const list = JSON.parse((await runCli(['group', 'list', '--data', data, '--json'])).stdout);
  t.deepEqual(list.groups.map((g: { name: string }) => g.name), ['Kids']);
  const notice = await runCli(['notice', 'send', '--title', 'Kerst', '--body', 'Diner om 17:00', '--group', 'Kids', '--data', data, '--json']);
  t.is(notice.code, 0, notice.stderr);
  t.like(JSON.parse(notice.stdout).notice, { title: 'Kerst', kind: 'admin' });
  const missing = await runCli(['group', 'delete', 'Nope', '--data', data]);
  t.is(missing.code, 1);
  t.regex(missing.stderr, /Group was not found/);
  t.is((await runCli(['group', 'delete', 'Kids', '--data', data])).code, 0);
  const empty = await runCli(['notice', 'send', '--title', '', '--body', 'x', '--data', data]);
  t.is(empty.code, 2);
  t.regex(empty.stderr, /--title: must not be empty/);
});

test('media usage and media sweep report from the CLI', async (t) => {
  const data = tempDir();
  await runCli(['init', '--yes', '--data', data]);
  await runCli(['migrate', '--data', data]);
  const usage = await runCli(['media', 'usage', '--data', data, '--json']);
  t.deepEqual(JSON.parse(usage.stdout), { usage: { bytes: 0, items: 0, quotaBytes: null } });
  const orphan = path.join(data, 'media', 'cd', 'cd000000-0000-4000-8000-000000000000');
  fs.mkdirSync(orphan, { recursive: true });
  fs.writeFileSync(path.join(orphan, 'full.jpg'), 'x'.repeat(100));
  const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
  fs.utimesSync(orphan, hourAgo, hourAgo);
  const dry = JSON.parse((await runCli(['media', 'sweep', '--dry-run', '--data', data, '--json'])).stdout);
  t.deepEqual(dry, { dryRun: true, removed: ['cd/cd000000-0000-4000-8000-000000000000'], bytes: 100 });
  t.true(fs.existsSync(orphan));
  const swept = await runCli(['media', 'sweep', '--data', data]);
  t.regex(swept.stdout, /Removed 1 items/);
  t.false(fs.existsSync(orphan));
});
