import test, { type ExecutionContext } from 'ava';
import type { Page } from 'playwright-core';
import { closeBrowser, openPage, screenshot } from '../helpers/browser.js';
import { buildAdmin, buildMember, type Member } from '../helpers/family.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * The Family, My account, Message center and Help screens in a real browser against a real
 * server. Screens are saved under test-results/ at phone and desktop size.
 */

test.after.always(() => closeBrowser());

async function startFamily(t: ExecutionContext): Promise<TestServer> {
  const server = await startTestServer({ 'family.name': 'De Vries' });
  t.teardown(() => server.stop());
  return server;
}

/** Adds Oma Riet's screen as the admin; returns her id. */
async function addStation(t: ExecutionContext, server: TestServer, admin: Member): Promise<string> {
  const response = await server.api('/api/v1/station-people', {
    cookie: admin.cookie,
    body: { username: 'omariet', firstName: 'Riet', lastName: 'de Vries', mobile: '+31 6 55554444', email: 'riet@example.org' },
  });
  t.is(response.status, 201, JSON.stringify(response.body));
  return response.body.stationPerson.id;
}

async function signIn(page: Page, member: Member): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(member.email);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening)/ }).waitFor();
}

test('an admin decides in the browser who may call the station, and the API shows it', async (t) => {
  const server = await startFamily(t);
  const admin = await buildAdmin(server);
  const bram = await buildMember(server, { firstName: 'Bram', email: 'bram@example.org' });
  const stationId = await addStation(t, server, admin);
  const { page, problems } = await openPage(t, server);
  await signIn(page, admin);

  await page.goto('/family');
  await page.getByRole('heading', { level: 1, name: 'Your family' }).waitFor();
  await page.getByText('Riet’s screen', { exact: true }).waitFor();
  const mayCall = page.getByLabel('Bram may call Riet');
  await mayCall.waitFor();
  const before = await mayCall.isChecked();
  // By keyboard: focus the checkbox and press Space.
  await mayCall.focus();
  await page.keyboard.press('Space');
  await page.getByText('Saved for Bram.').waitFor();
  t.is(await mayCall.isChecked(), !before);

  const contacts = await server.api(`/api/v1/station-people/${stationId}/contacts`, { cookie: admin.cookie });
  const row = contacts.body.contacts.find((c: { userId: string }) => c.userId === bram.id);
  t.is(row?.mayCall, !before, JSON.stringify(contacts.body));

  // Invite by email, then withdraw the invitation.
  await page.getByLabel('Their email address').fill('carla@example.org');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await page.getByText('The invitation is on its way to carla@example.org.').waitFor();
  await screenshot(page, 'family-admin');
  await page.getByRole('button', { name: 'Withdraw the invitation to carla@example.org' }).click();
  await page.getByText('The invitation to carla@example.org is withdrawn.').waitFor();
  const invitations = await server.api('/api/v1/invitations', { cookie: admin.cookie });
  t.is(invitations.body.invitations.find((i: { email: string }) => i.email === 'carla@example.org')?.status, 'revoked');

  // The message center: post a notice.
  await page.goto('/notices');
  await page.getByRole('heading', { level: 1, name: 'Message center' }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill('Birthday on Sunday');
  await page.getByLabel('Message', { exact: true }).fill('Oma Riet turns 85. Call her in the afternoon!');
  await page.getByRole('button', { name: 'Post message' }).click();
  await page.getByRole('heading', { level: 2, name: /Birthday on Sunday/ }).waitFor();
  await screenshot(page, 'notices-admin');
  t.deepEqual(problems, []);
});

test('a member corrects their profile, asks for help, and switches to Dutch at once', async (t) => {
  const server = await startFamily(t);
  const admin = await buildAdmin(server);
  const bram = await buildMember(server, { firstName: 'Bram', email: 'bram@example.org' });
  await server.api('/api/v1/notices', { cookie: admin.cookie, body: { title: 'Welcome', body: 'Welcome to the family app, everyone.' } });
  const { page, problems } = await openPage(t, server);
  await signIn(page, bram);

  await page.goto('/notices');
  await page.getByRole('heading', { level: 2, name: /Welcome/ }).waitFor();
  await screenshot(page, 'notices');
  await page.getByRole('button', { name: 'Mark “Welcome” as read' }).click();
  await page.getByRole('button', { name: 'Mark “Welcome” as read' }).waitFor({ state: 'detached' });

  await page.goto('/help');
  await page.getByRole('heading', { level: 1, name: 'Help' }).waitFor();
  await page.getByLabel('What is it about?').fill('Photos do not upload');
  await page.getByLabel('Tell us what happened').fill('The bar stays at zero.');
  await page.getByRole('button', { name: 'Send my question' }).click();
  await page.getByRole('heading', { level: 3, name: 'Photos do not upload' }).waitFor();
  await screenshot(page, 'help');

  await page.goto('/account');
  await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
  await page.getByLabel('Username').fill('b');
  await page.getByRole('button', { name: 'Save my details' }).click();
  await page.getByText('Use at least 3 characters.').waitFor();
  t.is(await page.getByLabel('Username').getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'account-errors');
  await page.getByLabel('Username').fill('bramdv');
  await page.getByRole('button', { name: 'Save my details' }).click();
  await page.getByText('Your details are saved.').waitFor();

  await page.getByLabel('Nederlands').check();
  await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
  t.is(await page.evaluate(() => document.documentElement.lang), 'nl');
  t.true(await page.getByRole('button', { name: 'Gegevens bewaren' }).isVisible());
  await screenshot(page, 'account-nl');
  const me = await server.api('/api/v1/me', { cookie: bram.cookie });
  t.is(me.body.user.language, 'nl');
  t.is(me.body.user.username, 'bramdv');
  t.deepEqual(problems, []);
});
