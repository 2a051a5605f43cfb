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
  // The button reads "Mark as read"; the notice's title describes it (aria-describedby).
  await page.getByRole('button', { name: 'Mark as read', description: /Welcome/ }).click();
  await page.getByRole('button', { name: 'Mark as read' }).waitFor({ state: 'detached' });

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

/** The API's view of the groups, as [name, sorted member ids]. */
async function groupsOf(server: TestServer, admin: Member): Promise<Array<[string, string[]]>> {
  const response = await server.api('/api/v1/groups', { cookie: admin.cookie });
  return response.body.groups.map((g: { name: string; memberIds: string[] }) => [g.name, [...g.memberIds].sort()]);
}

test('an admin makes a member admin, hears why they cannot step down alone, and makes a group of two, and the API shows it', async (t) => {
  const server = await startFamily(t);
  const admin = await buildAdmin(server);
  const bram = await buildMember(server, { firstName: 'Bram', email: 'bram@example.org' });
  const carla = await buildMember(server, { firstName: 'Carla', email: 'carla@example.org' });
  const { page, problems } = await openPage(t, server);
  await signIn(page, admin);
  await page.goto('/family');
  await page.getByRole('heading', { level: 2, name: 'Everyone in the family' }).waitFor();

  // The only admin may not step down: the server says so, and the screen says it as a sentence.
  await page.getByText('Manage my role').click();
  await page.getByRole('button', { name: 'Stop being an admin' }).click();
  await page.getByRole('alert').filter({ hasText: 'You are the only admin, and the family needs at least one. Make someone else an admin first.' }).waitFor();

  await page.getByText('Manage Bram').click();
  await page.getByRole('button', { name: 'Make Bram an admin' }).click();
  await page.getByText('Bram is now an admin.').waitFor();
  const users = await server.api('/api/v1/users', { cookie: admin.cookie });
  t.is(users.body.users.find((u: { id: string }) => u.id === bram.id)?.role, 'admin');
  t.is(await page.locator('.person-card', { hasText: 'Bram de Vries' }).getByText('Admin', { exact: true }).count(), 1);

  // No group yet, so the form for a new one is open.
  await page.getByLabel('Name of the group').fill('Kleinkinderen');
  await page.getByRole('checkbox', { name: 'Bram de Vries' }).check();
  await page.getByRole('checkbox', { name: 'Carla de Vries' }).check();
  await page.getByRole('button', { name: 'Make the group' }).click();
  await page.getByText('The group “Kleinkinderen” is made, with its own chat.').waitFor();
  t.deepEqual(await groupsOf(server, admin), [['Kleinkinderen', [bram.id, carla.id].sort()]]);
  t.is(await page.getByRole('heading', { level: 3, name: 'Kleinkinderen' }).count(), 1);
  t.true(await page.getByRole('heading', { level: 2, name: 'Groups' }).evaluate((h) => document.activeElement === h), 'the section heading has the focus');
  await screenshot(page, 'family-groups');

  // A second group by the same name is refused beside the name.
  await page.getByText('Make a new group').click();
  await page.getByLabel('Name of the group').fill('Kleinkinderen');
  await page.getByRole('button', { name: 'Make the group' }).click();
  await page.getByText('There is already a group with this name. Choose another one.').waitFor();
  t.is(await page.getByLabel('Name of the group').getAttribute('aria-invalid'), 'true');
  t.deepEqual(problems, []);
});

test('an admin renames a group, changes who is in it, deletes it, adds a screen, and removes someone only after saying yes', async (t) => {
  const server = await startFamily(t);
  const admin = await buildAdmin(server);
  const bram = await buildMember(server, { firstName: 'Bram', email: 'bram@example.org' });
  const carla = await buildMember(server, { firstName: 'Carla', email: 'carla@example.org' });
  const created = await server.api('/api/v1/groups', { cookie: admin.cookie, body: { name: 'Neven', memberIds: [admin.id, bram.id, carla.id] } });
  t.is(created.status, 201);
  const { page, problems } = await openPage(t, server);
  await signIn(page, admin);
  await page.goto('/family');

  await page.getByText('Manage “Neven”').click();
  await page.getByLabel('New name for the group').fill('Neven en nichten');
  await page.getByRole('button', { name: 'Save the name' }).click();
  await page.getByText('The group is now called “Neven en nichten”.').waitFor();
  await page.getByText('Manage “Neven en nichten”').click();
  await page.getByRole('group', { name: 'Who is in “Neven en nichten”?' }).getByRole('checkbox', { name: 'Carla de Vries' }).uncheck();
  await page.getByRole('button', { name: 'Save who is in it' }).click();
  await page.getByText('Saved who is in “Neven en nichten”.').waitFor();
  t.deepEqual(await groupsOf(server, admin), [['Neven en nichten', [admin.id, bram.id].sort()]]);

  await page.getByText('Manage “Neven en nichten”').click();
  await page.getByRole('button', { name: 'Delete “Neven en nichten”' }).click();
  await page.getByText('Delete the group “Neven en nichten”?').waitFor();
  await page.getByRole('button', { name: 'Yes, delete “Neven en nichten”' }).click();
  await page.getByText('The group “Neven en nichten” is deleted.').waitFor();
  t.deepEqual(await groupsOf(server, admin), []);

  // A screen for Oma Riet: the form is open while there is none.
  await page.getByLabel('First name').fill('Riet');
  await page.getByLabel('Last name').fill('de Vries');
  await page.getByLabel('Username').fill('omariet');
  await page.getByLabel('Email address', { exact: true }).fill('riet@example.org');
  await page.getByRole('button', { name: 'Add this person' }).click();
  await page.getByText('Fill this in.').waitFor();
  t.is(await page.getByLabel('Mobile number').getAttribute('aria-invalid'), 'true');
  await page.getByLabel('Mobile number').fill('+31 6 55554444');
  await page.getByRole('button', { name: 'Add this person' }).click();
  await page.getByText('Riet is added. Below you choose who may message and call Riet; under “Connected screens” you add Riet’s Home Station.').waitFor();
  await page.getByRole('heading', { level: 2, name: 'Who may reach Riet' }).waitFor();
  const stations = await server.api('/api/v1/station-people', { cookie: admin.cookie });
  t.deepEqual(stations.body.stationPeople.map((s: { firstName: string; username: string }) => [s.firstName, s.username]), [['Riet', 'omariet']]);

  // Removing asks first; "keep" changes nothing and gives the focus back.
  await page.getByText('Manage Carla').click();
  await page.getByRole('button', { name: 'Remove Carla from the family' }).click();
  t.true(await page.getByText('Remove Carla from the family?').evaluate((p) => document.activeElement === p), 'the question has the focus');
  await screenshot(page, 'family-remove-confirm');
  await page.getByRole('button', { name: 'No, keep Carla' }).click();
  t.true(await page.getByRole('button', { name: 'Remove Carla from the family' }).evaluate((b) => document.activeElement === b));
  t.is((await server.api('/api/v1/me', { cookie: carla.cookie })).status, 200);
  await page.getByRole('button', { name: 'Remove Carla from the family' }).click();
  await page.getByRole('button', { name: 'Yes, remove Carla' }).click();
  await page.getByText('Carla is no longer in the family.').waitFor();
  t.is(await page.locator('.person-card', { hasText: 'Carla de Vries' }).count(), 0);
  t.is((await server.api('/api/v1/me', { cookie: carla.cookie })).status, 401);
  const users = await server.api('/api/v1/users', { cookie: admin.cookie });
  t.false(users.body.users.some((u: { id: string }) => u.id === carla.id));
  t.deepEqual(problems, []);
});

test('a member sees the family and their own groups without admin options, and tapping someone opens a chat', async (t) => {
  const server = await startFamily(t);
  const admin = await buildAdmin(server);
  const bram = await buildMember(server, { firstName: 'Bram', email: 'bram@example.org' });
  const carla = await buildMember(server, { firstName: 'Carla', email: 'carla@example.org' });
  const stationId = await addStation(t, server, admin);
  await server.api('/api/v1/groups', { cookie: admin.cookie, body: { name: 'Kleinkinderen', memberIds: [bram.id, carla.id] } });
  await server.api('/api/v1/groups', { cookie: admin.cookie, body: { name: 'Buren', memberIds: [admin.id] } });
  // Bram may not message Oma Riet's screen.
  await server.api(`/api/v1/station-people/${stationId}/contacts/${bram.id}`, { method: 'PUT', cookie: admin.cookie, body: { mayMessage: false } });
  const { page, problems } = await openPage(t, server);
  await signIn(page, bram);

  await page.goto('/family');
  await page.getByRole('heading', { level: 3, name: 'Kleinkinderen' }).waitFor();
  t.is(await page.getByRole('heading', { level: 3, name: 'Buren' }).count(), 0, 'only the groups Bram is in');
  t.is(await page.getByText(/^Manage/).count(), 0, 'no admin options');
  t.is(await page.getByRole('heading', { name: 'Invite someone' }).count(), 0);
  await screenshot(page, 'family-member');

  await page.getByRole('button', { name: /^Riet’s screen/ }).click();
  await page.getByText('You may not send messages to Riet’s screen yet. Ask the family admin to allow it.').waitFor();

  await page.getByRole('button', { name: /^Pieter de Vries/ }).click();
  await page.waitForURL(/\/chats\/[0-9a-f-]{36}$/);
  const conversations = await server.api('/api/v1/conversations', { cookie: bram.cookie });
  const direct = conversations.body.conversations.find((c: { kind: string; participantIds: string[] }) => c.kind === 'direct' && c.participantIds.includes(admin.id));
  t.truthy(direct);
  t.is(new URL(page.url()).pathname, `/chats/${direct.id}`);

  // The group's chat is one tap from its card too.
  await page.goto('/family');
  await page.getByRole('button', { name: 'Open the group chat' }).click();
  const groups = await server.api('/api/v1/groups', { cookie: bram.cookie });
  await page.waitForURL(`**/chats/${groups.body.groups[0].conversationId}`);
  t.deepEqual(problems, []);
});
