import test, { type ExecutionContext } from 'ava';
import type { Page } from 'playwright-core';
import { closeBrowser, localLink, openPage, screenshot } from '../helpers/browser.js';
import { buildAdmin, buildMember, type Member } from '../helpers/family.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { buildStationPerson, pairStation, requestPairing } from '../helpers/station.js';

/**
 * The admins' screens for Home Stations in a real browser against a real server: adding a
 * screen from its QR link, renaming and removing it, and a station person's screen settings.
 * Screens are saved under test-results/ at phone and desktop size.
 */

test.after.always(() => closeBrowser());

async function startFamily(t: ExecutionContext): Promise<TestServer> {
  const server = await startTestServer({ 'family.name': 'De Vries' });
  t.teardown(() => server.stop());
  return server;
}

/** Opens a page signed in as `member` (their session cookie, as the browser would keep it). */
async function signedIn(t: ExecutionContext, server: TestServer, member: Member) {
  const opened = await openPage(t, server);
  const [name, value] = member.cookie.split('=') as [string, string];
  await opened.context.addCookies([{ name, value, url: server.url }]);
  return opened;
}

async function stationNames(server: TestServer, admin: Member): Promise<string[]> {
  const response = await server.api('/api/v1/stations', { cookie: admin.cookie });
  return response.body.stations.map((s: { name: string }) => s.name);
}

/** The .screen-card of a screen by its name. */
function screenCard(page: Page, name: string) {
  return page.locator('.screen-card', { has: page.getByRole('heading', { level: 3, name, exact: true }) });
}

test('an admin adds a screen from its QR link, sees it connect live, renames and removes it, and the API shows each step', async (t) => {
  const server = await startFamily(t);
  const admin = await buildAdmin(server);
  const rietId = await buildStationPerson(server, admin, { firstName: 'Riet' });
  const pairing = await requestPairing(server);
  const { page, problems } = await signedIn(t, server, admin);

  // The QR code on the new screen holds the approval link with the code.
  await page.goto(localLink(server, pairing.approvalUrl));
  await page.getByRole('heading', { level: 1, name: 'Add a screen' }).waitFor();
  t.is(await page.getByLabel('Code on the screen').inputValue(), pairing.code);
  // Riet is the only one with a screen, so she is chosen already.
  t.true(await page.getByRole('radio', { name: /Riet de Vries/ }).isChecked());
  await page.getByLabel('Name of the screen').fill('Living room');
  await screenshot(page, 'stations-add');
  await page.getByRole('button', { name: 'Add the screen' }).click();
  await page.getByText('“Living room” is now Riet’s screen. In a few seconds it shows the clock and the photos.').waitFor();
  await screenshot(page, 'stations-added');
  t.deepEqual(await stationNames(server, admin), ['Living room']);

  // On the Family screen it waits for the screen to collect its credential; then it changes live.
  await page.getByRole('link', { name: 'Back to the family' }).click();
  await page.getByRole('heading', { level: 2, name: 'Connected screens' }).waitFor();
  const card = screenCard(page, 'Living room');
  await card.getByText('Waiting to connect: switch the screen on').waitFor();
  t.true(await card.getByText('Riet’s screen', { exact: true }).isVisible());
  const check = await server.api('/api/v1/stations/pairing/check', { body: { secret: pairing.secret } });
  t.is(check.body.status, 'paired', JSON.stringify(check.body));
  await card.getByText(/^(Last seen just now|Connected now)$/).waitFor();

  // Another admin's screen appears without a reload.
  await pairStation(server, admin, rietId, 'Bedroom');
  await screenCard(page, 'Bedroom').waitFor();

  await card.getByText('Change “Living room”').click();
  await card.getByLabel('New name for “Living room”').fill(' ');
  await card.getByRole('button', { name: 'Save the name' }).click();
  await card.getByText('Give the screen a name, such as “Living room”.').waitFor();
  await card.getByLabel('New name for “Living room”').fill('Kitchen');
  await card.getByRole('button', { name: 'Save the name' }).click();
  await page.getByText('The screen is now called “Kitchen”.').waitFor();
  t.deepEqual(await stationNames(server, admin), ['Bedroom', 'Kitchen']);
  await screenshot(page, 'stations-list');

  const kitchen = screenCard(page, 'Kitchen');
  await kitchen.getByText('Change “Kitchen”').click();
  await kitchen.getByRole('button', { name: 'Remove “Kitchen”' }).click();
  await kitchen.getByText('Remove the screen “Kitchen”?').waitFor();
  await screenshot(page, 'stations-remove-confirm');
  await kitchen.getByRole('button', { name: 'Yes, remove it' }).click();
  await page.getByText('“Kitchen” is removed. It now shows a new code.').waitFor();
  t.deepEqual(await stationNames(server, admin), ['Bedroom']);
  t.is(await page.locator('.screen-card').count(), 1);
  t.deepEqual(problems, []);
});

test('a code that is wrong or already used is said beside the code field; without a station person the page says what to do first', async (t) => {
  const server = await startFamily(t);
  const admin = await buildAdmin(server);
  const { page, problems } = await signedIn(t, server, admin);

  await page.goto('/family/stations/add');
  await page.getByText('A screen is always someone’s screen, and nobody has one yet.', { exact: false }).waitFor();
  await screenshot(page, 'stations-add-no-person');
  await page.getByRole('link', { name: 'Add the person a screen is for' }).click();
  // The Family screen opens at its Screens section, where the form to add her is open.
  await page.getByRole('heading', { level: 2, name: 'Screens', exact: true }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'family-stations');

  const rietId = await buildStationPerson(server, admin, { firstName: 'Riet' });
  await page.goto('/family/stations/add');
  await page.getByLabel('Name of the screen').fill('Living room');
  await page.getByRole('button', { name: 'Add the screen' }).click();
  // Nothing typed yet: said before asking the server, and the focus is on the field.
  await page.getByText('Type the code the screen shows.').waitFor();
  t.true(await page.getByLabel('Code on the screen').evaluate((input) => document.activeElement === input));

  await page.getByLabel('Code on the screen').fill('KXM 4PA');
  await page.getByRole('button', { name: 'Add the screen' }).click();
  await page.getByText('This code is not known. Check the code on the screen and type it again.').waitFor();
  t.is(await page.getByLabel('Code on the screen').getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'stations-add-unknown-code');

  const used = await requestPairing(server);
  await server.api('/api/v1/stations', { cookie: admin.cookie, body: { code: used.code, name: 'Bedroom', stationPersonId: rietId } });
  await page.getByLabel('Code on the screen').fill(used.code.toLowerCase());
  await page.getByRole('button', { name: 'Add the screen' }).click();
  await page.getByText('This screen has already been added. You find it under Family, in “Connected screens”.').waitFor();
  t.deepEqual(await stationNames(server, admin), ['Bedroom']);

  // A member who scanned the code is told who can add it.
  const anna = await buildMember(server, { firstName: 'Anna', email: 'anna@example.org' });
  const fresh = await requestPairing(server);
  const member = await signedIn(t, server, anna);
  await member.page.goto(localLink(server, fresh.approvalUrl));
  await member.page.getByText('Only an admin can add a screen. Ask Pieter to do it, with the code the screen shows.').waitFor();
  t.is(await member.page.getByLabel('Code on the screen').count(), 0);
  await screenshot(member.page, 'stations-add-member');
  await member.page.goto('/family');
  await member.page.getByRole('heading', { level: 2, name: 'Screens', exact: true }).waitFor();
  t.is(await member.page.getByRole('heading', { name: 'Connected screens' }).count(), 0);
  t.is(await member.page.getByRole('link', { name: 'Settings of Riet’s screen' }).count(), 0);
  // An admin who scans it while signed out signs in on the spot and finds the code filled in.
  const scanned = await openPage(t, server);
  await scanned.page.goto(localLink(server, fresh.approvalUrl));
  await scanned.page.getByLabel('Email address').fill(admin.email);
  await scanned.page.getByLabel('Password').fill(admin.password);
  await scanned.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await scanned.page.getByRole('heading', { level: 1, name: 'Add a screen' }).waitFor();
  t.is(await scanned.page.getByLabel('Code on the screen').inputValue(), fresh.code);
  t.deepEqual([...problems, ...member.problems, ...scanned.problems], []);
});

test('the settings page saves the clock, quick replies, night mode, sound and slideshows part by part, and GET settings shows them', async (t) => {
  const server = await startFamily(t);
  const admin = await buildAdmin(server);
  const rietId = await buildStationPerson(server, admin, { firstName: 'Riet', language: 'en' });
  const slideshow = await server.api('/api/v1/slideshows', { cookie: admin.cookie, body: { name: 'Garden' } });
  const { page, problems } = await signedIn(t, server, admin);

  await page.goto('/family');
  await page.getByRole('link', { name: 'Settings of Riet’s screen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings of Riet’s screen' }).waitFor();
  const clock = page.locator('[data-section="clock"]');
  t.true(await clock.getByRole('radio', { name: '2:05 PM (12-hour clock)' }).isChecked(), 'English screens start on 12 hours');
  await screenshot(page, 'station-settings');

  // A bad value: the afternoon starting with the morning. The sentence sits beside its field.
  await clock.getByLabel('Afternoon').fill('07:00');
  await clock.getByRole('button', { name: 'Save the clock' }).click();
  const afternoon = clock.locator('.field', { has: page.getByLabel('Afternoon') });
  await afternoon.getByText('The afternoon must start after the morning (07:00).').waitFor();
  t.is(await clock.getByLabel('Afternoon').getAttribute('aria-invalid'), 'true');
  await clock.getByLabel('Afternoon').fill('12:30');
  await clock.getByRole('radio', { name: '14:05 (24-hour clock)' }).check();
  await clock.getByRole('button', { name: 'Save the clock' }).click();
  await clock.getByRole('status').getByText('Saved. Riet’s screen shows the new clock now.').waitFor();
  t.is(await clock.getByText('The afternoon must start').count(), 0);

  // Quick replies: edit one, add one and move it up by keyboard, and refuse a double.
  const replies = page.locator('[data-section="replies"]');
  await replies.getByLabel('Reply 1', { exact: true }).fill('Thank you, love!');
  await replies.getByRole('button', { name: 'Add a reply' }).click();
  t.true(await replies.getByLabel('Reply 4', { exact: true }).evaluate((input) => document.activeElement === input), 'the new reply has the focus');
  await page.keyboard.type('Call me');
  await replies.getByRole('button', { name: 'Save the quick replies' }).click();
  const fourth = replies.locator('.field', { has: page.getByLabel('Reply 4', { exact: true }) });
  await fourth.getByText('This reply is already in the list.').waitFor();
  await screenshot(page, 'station-settings-errors');
  await replies.getByLabel('Reply 4', { exact: true }).fill('See you Sunday');
  await replies.getByRole('button', { name: 'Move reply 4 up' }).focus();
  await page.keyboard.press('Enter');
  await replies.getByText('Reply “See you Sunday” is now number 3.').waitFor();
  t.true(await replies.getByRole('button', { name: 'Move reply 3 up' }).evaluate((button) => document.activeElement === button), 'the focus follows the reply');
  await replies.getByRole('button', { name: 'Save the quick replies' }).click();
  await replies.getByText('Saved. Riet’s screen offers these replies now.').waitFor();

  const night = page.locator('[data-section="night"]');
  await night.getByLabel('Use night mode').uncheck();
  await night.getByRole('button', { name: 'Save night mode' }).click();
  await night.getByText('Saved. Night mode is off: the screen stays bright at night.').waitFor();

  const sound = page.locator('[data-section="sound"]');
  await sound.getByLabel('Ringtone volume').focus();
  await page.keyboard.press('ArrowLeft');
  t.is(await sound.locator('output').textContent(), '75%');
  await sound.getByLabel('Read new messages aloud').check();
  await sound.getByRole('button', { name: 'Save reading aloud and sound' }).click();
  await sound.getByText('Saved. Riet’s screen uses these settings now.').waitFor();

  const shows = page.locator('[data-section="slideshows"]');
  await shows.getByLabel('Garden').check();
  await shows.getByRole('button', { name: 'Save the slideshows' }).click();
  await shows.getByText('Saved. Riet’s screen plays the slideshows you chose.').waitFor();

  const settings = (await server.api(`/api/v1/station-people/${rietId}/settings`, { cookie: admin.cookie })).body.settings;
  t.is(settings.clock.hours, 24);
  t.is(settings.clock.dayParts.afternoon, '12:30');
  t.deepEqual(settings.quickReplies, ['Thank you, love!', 'Call me', 'See you Sunday', '❤️']);
  t.false(settings.nightMode.enabled);
  t.true(settings.readAloud);
  t.is(settings.ringVolume, 75);
  const assigned = await server.api(`/api/v1/station-people/${rietId}/slideshows`, { cookie: admin.cookie });
  t.deepEqual(assigned.body.slideshowIds, [slideshow.body.slideshow.id]);

  // Another admin's change arrives live in a part nobody is editing.
  await server.api(`/api/v1/station-people/${rietId}/settings`, { method: 'PATCH', cookie: admin.cookie, body: { videoSound: true } });
  const videoSound = await sound.getByLabel('Play videos in the slideshow with sound').elementHandle();
  await page.waitForFunction((box) => (box as HTMLInputElement).checked, videoSound);

  await replies.getByRole('button', { name: 'Back to the defaults' }).click();
  await replies.getByText('The quick replies are back to the defaults.').waitFor();
  t.is(await replies.getByLabel('Reply 1', { exact: true }).inputValue(), 'Thank you!');
  const after = (await server.api(`/api/v1/station-people/${rietId}/settings`, { cookie: admin.cookie })).body.settings;
  t.deepEqual(after.quickReplies, ['Thank you!', 'Call me', '❤️']);
  await screenshot(page, 'station-settings-saved');
  t.deepEqual(problems, []);
});
