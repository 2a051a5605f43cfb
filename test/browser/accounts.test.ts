import test, { type ExecutionContext } from 'ava';
import { closeBrowser, mailedLink, openPage, screenshot, localLink } from '../helpers/browser.js';
import { linkIn } from '../helpers/family.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startSmtp } from '../helpers/smtp.js';

/**
 * The first screens of the web app, driven in a real browser against a real server: set-up,
 * invitations, sign-in (password and emailed link), Home with its devices, and signing out.
 * Each test saves its screens under test-results/ at phone and desktop size.
 */

test.after.always(() => closeBrowser());

const admin = { email: 'anna@example.org', password: 'zonnebloem-op-zolder', firstName: 'Anna' };

async function startFamily(t: ExecutionContext): Promise<TestServer> {
  const server = await startTestServer({ 'family.name': 'De Vries' });
  t.teardown(() => server.stop());
  return server;
}

function setupLink(server: TestServer): string {
  const link = server.running.setupLink?.link;
  if (!link) throw new Error('The test server made no set-up link.');
  return localLink(server, link);
}

/** Makes Anna the first admin through the API and returns her session cookie. */
async function createAdmin(t: ExecutionContext, server: TestServer): Promise<string> {
  const token = new URL(setupLink(server)).hash.slice(1);
  const response = await server.api('/api/v1/invitations/accept', {
    body: { token, username: 'anna', firstName: 'Anna', lastName: 'de Vries', mobile: '+31 6 12345678', email: admin.email, password: admin.password },
  });
  t.is(response.status, 201, JSON.stringify(response.body));
  return response.cookie as string;
}

/** Anna invites someone through the API; returns the emailed link, pointed at the test server. */
async function invite(t: ExecutionContext, server: TestServer, cookie: string, email: string): Promise<string> {
  const response = await server.api('/api/v1/invitations', { body: { email }, cookie });
  t.is(response.status, 201, JSON.stringify(response.body));
  return mailedLink(server, { to: email, page: 'invite' });
}

const greeting = (name: string) => new RegExp(`^Good (morning|afternoon|evening), ${name}$`);

test('the set-up link creates the first admin, explains field problems beside their fields, and lands on Home', async (t) => {
  const server = await startFamily(t);
  const { page, problems } = await openPage(t, server);

  await page.goto(setupLink(server));
  await page.getByRole('heading', { level: 1, name: 'Set up the De Vries family' }).waitFor();
  await screenshot(page, 'setup');

  await page.getByLabel('Email address').fill(admin.email);
  await page.getByLabel('First name').fill('Anna');
  await page.getByLabel('Last name').fill('de Vries');
  await page.getByLabel('Username').fill('a');
  await page.getByLabel('Mobile number').fill('0612');
  await page.getByLabel('Choose a password').fill(admin.password);
  await page.getByRole('button', { name: 'Create my account' }).click();

  const username = page.getByLabel('Username');
  await page.getByText('Use at least 3 characters.').waitFor();
  t.is(await username.getAttribute('aria-invalid'), 'true');
  t.true(await username.evaluate((input) => document.activeElement === input), 'the first field with a problem has the focus');
  t.regex((await username.getAttribute('aria-describedby')) ?? '', /-error/);
  t.true(await page.getByText('This does not look like a phone number. Write it like +31 6 12345678.').isVisible());
  await screenshot(page, 'setup-errors');

  await username.fill('anna');
  await page.getByLabel('Mobile number').fill('+31 6 12345678');
  await page.getByRole('button', { name: 'Create my account' }).click();

  const heading = page.getByRole('heading', { level: 1 });
  await page.getByRole('heading', { level: 1, name: greeting('Anna') }).waitFor();
  t.regex((await heading.textContent()) ?? '', greeting('Anna'));
  t.true(await page.getByText('Welcome to the De Vries family on prifora.').isVisible());
  // The devices load after the greeting: wait for them before counting.
  await page.getByText('This device').first().waitFor();
  t.is(await page.getByText('This device').count(), 1);
  t.is(new URL(page.url()).pathname, '/');
  t.is(new URL(page.url()).hash, '', 'the token left the address bar');
  await screenshot(page, 'home');
  t.deepEqual(problems, []);
});

test('an admin invites by email in the browser, the mail arrives over SMTP, and the relative joins from its link and lands on Home', async (t) => {
  const smtp = await startSmtp();
  t.teardown(() => smtp.close());
  const server = await startTestServer({ 'family.name': 'De Vries', 'mail.smtp.host': '127.0.0.1', 'mail.smtp.port': smtp.port, 'mail.smtp.security': 'none' });
  t.teardown(() => server.stop());
  const cookie = await createAdmin(t, server);

  // Anna invites Bram from the Family screen.
  const anna = await openPage(t, server);
  await anna.page.goto('/family');
  await anna.page.getByLabel('Email address').fill(admin.email);
  await anna.page.getByLabel('Password').fill(admin.password);
  await anna.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await anna.page.getByRole('heading', { level: 1, name: 'Your family' }).waitFor();
  await anna.page.getByLabel('Their email address').fill('bram@example.org');
  await anna.page.getByRole('button', { name: 'Send invitation' }).click();
  await anna.page.getByText('The invitation is on its way to bram@example.org.').waitFor();

  // The mail goes through a real SMTP server; its link opens the invitation in Bram's browser.
  const mail = await smtp.nextMail('bram@example.org');
  t.regex(mail.subject ?? '', /Anna.*De Vries/);
  const link = localLink(server, linkIn(mail.text));
  t.regex(link, /\/invite#[A-Za-z0-9_-]+$/);
  const { page, problems } = await openPage(t, server);
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Anna invites you to the De Vries family' }).waitFor();
  t.is(await page.getByLabel('Email address').inputValue(), 'bram@example.org');
  t.is(await page.getByLabel('Email address').getAttribute('readonly'), '');
  await screenshot(page, 'invitation');

  await page.getByLabel('First name').fill('Bram');
  await page.getByLabel('Last name').fill('de Vries');
  await page.getByLabel('Username').fill('anna');
  await page.getByLabel('Mobile number').fill('+31 6 87654321');
  await page.getByLabel('Without a password: email me a link each time').check();
  t.is(await page.getByLabel('Choose a password').count(), 0, 'no password is asked for');
  await page.getByRole('button', { name: 'Create my account' }).click();

  // The server refuses the taken username; the sentence appears next to that field.
  await page.getByText('Someone in the family already has this username. Please pick another one.').waitFor();
  t.is(await page.getByLabel('Username').getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'invitation-taken-username');

  await page.getByLabel('Username').fill('bram');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.getByRole('heading', { level: 1, name: greeting('Bram') }).waitFor();
  t.is(new URL(page.url()).pathname, '/');

  // Anna's Family screen shows Bram without a reload (a live event), and the invitation is used.
  await anna.page.locator('.person-card', { hasText: 'Bram de Vries' }).waitFor();
  t.is(await anna.page.getByText('No invitations are waiting for an answer.').count(), 1);
  const members = await server.api('/api/v1/users', { cookie });
  t.deepEqual(
    members.body.users.map((u: { firstName: string; role: string }) => [u.firstName, u.role]),
    [['Anna', 'admin'], ['Bram', 'member']],
  );
  t.deepEqual([...problems, ...anna.problems], []);
});

test('a used invitation link says it has already been used and offers to sign in', async (t) => {
  const server = await startFamily(t);
  const cookie = await createAdmin(t, server);
  const link = await invite(t, server, cookie, 'carla@example.org');
  const accepted = await server.api('/api/v1/invitations/accept', {
    body: { token: new URL(link).hash.slice(1), username: 'carla', firstName: 'Carla', lastName: 'de Vries', mobile: '+31 6 11112222' },
  });
  t.is(accepted.status, 201);
  const { page, problems } = await openPage(t, server);

  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'This invitation cannot be used' }).waitFor();
  const alert = page.getByRole('alert');
  t.is(
    await alert.textContent(),
    'This invitation has already been used. Already have an account? Then sign in. If not, ask the family admin for a new invitation.',
  );
  await screenshot(page, 'invitation-used');

  await page.getByRole('link', { name: 'Go to sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  t.is(new URL(page.url()).pathname, '/signin');
  t.deepEqual(problems, []);
});

test('signs in with a password, refusing a wrong one in words, and signs out again', async (t) => {
  const server = await startFamily(t);
  await createAdmin(t, server);
  const { page, context, problems } = await openPage(t, server);

  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  t.true(await page.getByText('The De Vries family').isVisible());
  await screenshot(page, 'signin');

  await page.getByLabel('Email address').fill(admin.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'That email address and password do not match.' }).waitFor();
  await screenshot(page, 'signin-wrong-password');

  // By keyboard only: Tab from the email address to the password, Enter to send.
  await page.getByLabel('Email address').focus();
  await page.keyboard.press('Tab');
  t.true(await page.getByLabel('Password').evaluate((input) => document.activeElement === input));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(admin.password);
  await page.keyboard.press('Enter');
  const home = page.getByRole('heading', { level: 1, name: greeting('Anna') });
  await home.waitFor();
  t.true(await home.evaluate((h) => document.activeElement === h), 'the new page’s heading has the focus');
  t.truthy((await context.cookies()).find((c) => c.name === 'prifora_session'));

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  t.true(await page.getByText('You are signed out. See you soon!').isVisible());
  t.is(new URL(page.url()).pathname, '/signin');
  t.falsy((await context.cookies()).find((c) => c.name === 'prifora_session'));
  await screenshot(page, 'signed-out');

  // Reloading shows the sign-in screen again: the session is gone on the server too.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  t.deepEqual(problems, []);
});

test('an emailed sign-in link signs in once and explains itself when opened again', async (t) => {
  const server = await startFamily(t);
  await createAdmin(t, server);
  const { page, problems } = await openPage(t, server);

  await page.goto('/signin');
  await page.getByLabel('Email address').fill(admin.email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your mail' }).waitFor();
  t.true(await page.getByText(`If ${admin.email} belongs to the family, a sign-in link is on its way.`, { exact: false }).isVisible());
  await screenshot(page, 'magic-link-sent');

  const link = await mailedLink(server, { to: admin.email, page: 'signin/magic' });
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: greeting('Anna') }).waitFor();
  t.is(new URL(page.url()).hash, '');

  const other = await openPage(t, server);
  await other.page.goto(link);
  await other.page.getByRole('heading', { level: 1, name: 'This link did not sign you in' }).waitFor();
  t.is(
    await other.page.getByRole('alert').textContent(),
    'This sign-in link has already been used: each link works once. Ask for a new one on the sign-in page.',
  );
  await screenshot(other.page, 'magic-link-used');
  await other.page.getByRole('link', { name: 'Email me a new link' }).click();
  await other.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  t.deepEqual([...problems, ...other.problems], []);
});

test('says when to try again after too many sign-in link requests', async (t) => {
  const server = await startFamily(t);
  await createAdmin(t, server);
  const { page, problems } = await openPage(t, server);

  await page.goto('/signin');
  await page.getByLabel('Email address').fill(admin.email);
  // Three links per address in 15 minutes (server/services/rateLimits.ts); the fourth is refused.
  for (let sent = 0; sent < 3; sent += 1) {
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your mail' }).waitFor();
    await page.getByRole('button', { name: 'Back to sign in' }).click();
  }
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  t.regex((await alert.textContent()) ?? '', /^Too many attempts\. Please try again in 15 minutes, at \d{1,2}:\d{2}\.$/);
  await screenshot(page, 'signin-rate-limited');
  t.deepEqual(problems, []);
});

test('lists the signed-in devices, marks this one, and signs another one out', async (t) => {
  const server = await startFamily(t);
  const apiCookie = await createAdmin(t, server);
  const { page, problems } = await openPage(t, server);

  await page.goto('/');
  await page.getByLabel('Email address').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Signed-in devices' }).waitFor();

  const devices = page.locator('.device-list > li');
  await devices.nth(1).waitFor();
  t.is(await devices.count(), 2);
  t.is(await page.getByText('This device').count(), 1);
  t.regex((await devices.filter({ hasText: 'This device' }).textContent()) ?? '', /Chrome on Linux/);

  // The other device is the API client (no browser name), with a button that names it.
  await page.getByRole('button', { name: 'Sign out Unknown browser' }).click();
  await page.getByText('Unknown browser is signed out.').waitFor();
  t.is(await devices.count(), 1);
  t.true(await page.getByRole('heading', { level: 2, name: 'Signed-in devices' }).evaluate((h) => document.activeElement === h));
  t.is((await server.api('/api/v1/me', { cookie: apiCookie })).status, 401);
  await screenshot(page, 'home-devices');
  t.deepEqual(problems, []);
});

test('a browser signed out from another device shows the sign-in page by itself, saying why', async (t) => {
  const server = await startFamily(t);
  const apiCookie = await createAdmin(t, server);
  const { page, problems } = await openPage(t, server);
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening)/ }).waitFor();

  const sessions = await server.api('/api/v1/sessions', { cookie: apiCookie });
  const browserSession = sessions.body.sessions.find((s: { current: boolean }) => !s.current);
  t.truthy(browserSession, JSON.stringify(sessions.body));
  t.is((await server.api(`/api/v1/sessions/${browserSession.id}`, { method: 'DELETE', cookie: apiCookie })).status, 204);

  // No reload and no click: the live connection closes with "signed out" and the app follows.
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByText('You are no longer signed in. Please sign in again.').waitFor();
  t.deepEqual(problems, []);
});

test('speaks Dutch to a Dutch browser and follows the language switch', async (t) => {
  const server = await startFamily(t);
  await createAdmin(t, server);
  const { page, problems } = await openPage(t, server, { locale: 'nl-NL' });

  await page.goto('/signin');
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  t.is(await page.locator('html').getAttribute('lang'), 'nl');
  t.true(await page.getByText('Familie De Vries').isVisible());
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  t.true(await page.getByText('Vul je e-mailadres in.').isVisible());
  await screenshot(page, 'signin-nl');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  t.is(await page.locator('html').getAttribute('lang'), 'en');
  t.deepEqual(problems, []);
});
