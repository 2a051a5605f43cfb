import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { closeBrowser, openPage, screenshot, type BrowserPage } from '../helpers/browser.js';
import { systemActor } from '../../server/services/actor.js';
import { inviteMember } from '../../server/services/invitations.js';
import { buildAdmin, buildMember, buildProfile, tokenOf, type Member } from '../helpers/family.js';
import { startTestServer, tempDir, type TestServer } from '../helpers/server.js';

/**
 * My account in a real browser against a real server: the profile photo (upload, show, remove)
 * and the password (a wrong current one refused in words; a change signs out the other devices).
 */

test.after.always(() => closeBrowser());

async function startFamily(t: ExecutionContext): Promise<TestServer> {
  const server = await startTestServer({ 'family.name': 'De Vries' });
  t.teardown(() => server.stop());
  return server;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening)/ }).waitFor();
}

/** A page signed in as `member`, showing My account's profile photo. */
async function openPhotoSection(t: ExecutionContext, server: TestServer, member: Pick<Member, 'email' | 'password'>): Promise<BrowserPage> {
  const opened = await openPage(t, server);
  await signIn(opened.page, member.email, member.password);
  await opened.page.goto('/account');
  await opened.page.getByRole('heading', { level: 2, name: 'Profile photo' }).waitFor();
  return opened;
}

/** A photo of a face-sized orange square, saved as a JPEG file to choose in the browser. */
async function photoFile(): Promise<string> {
  const file = path.join(tempDir('prifora-photo-'), 'bram.jpg');
  fs.writeFileSync(file, await sharp({ create: { width: 600, height: 600, channels: 3, background: '#d9822b' } }).jpeg().toBuffer());
  return file;
}

async function apiSignIn(server: TestServer, member: Pick<Member, 'email'>, password: string) {
  return server.api('/api/v1/auth/signin', { body: { email: member.email, password } });
}

test('a member sets a profile photo the family sees, and removes it again', async (t) => {
  const server = await startFamily(t);
  const admin = await buildAdmin(server);
  const bram = await buildMember(server, { firstName: 'Bram', email: 'bram@example.org' });
  const { page, problems } = await openPhotoSection(t, server, bram);
  t.is(await page.locator('.photo-picker .avatar').textContent(), 'BV', 'initials until there is a photo');
  await page.getByLabel('Choose a photo').setInputFiles(await photoFile());
  await page.getByText('Your new photo is saved.').waitFor();
  const photo = page.locator('.photo-picker img.avatar__photo');
  await photo.waitFor();
  // The thumbnail loads (an <img> that failed would fall back to the initials).
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('.photo-picker img.avatar__photo');
    return img !== null && img.complete && img.naturalWidth > 0;
  });
  await screenshot(page, 'account');

  // The family sees it: the admin's list carries it, and it is served to them.
  const users = await server.api('/api/v1/users', { cookie: admin.cookie });
  const photoUrl: string | null = users.body.users.find((u: { id: string }) => u.id === bram.id)?.photoUrl;
  t.regex(photoUrl ?? '', /^\/api\/v1\/media\/[0-9a-f-]{36}\/thumb$/);
  const served = await fetch(`${server.url}${photoUrl}`, { headers: { cookie: admin.cookie } });
  t.is(served.status, 200);
  t.regex(served.headers.get('content-type') ?? '', /^image\//);

  // A file that is not a photo is refused in words, and nothing changes.
  const text = path.join(tempDir('prifora-text-'), 'notes.txt');
  fs.writeFileSync(text, 'not a photo');
  await page.getByLabel('Choose another photo').setInputFiles(text);
  await page.getByText('That is not a photo. Choose a JPEG, PNG, HEIC, WebP or GIF file.').waitFor();

  await page.getByRole('button', { name: 'Remove my photo' }).click();
  await page.getByText('Your photo is removed.').waitFor();
  t.is(await page.locator('.photo-picker img').count(), 0);
  const me = await server.api('/api/v1/me', { cookie: bram.cookie });
  t.is(me.body.user.photoUrl, null);
  t.deepEqual(problems, []);
});

test('a member stops sending a profile photo, and a video passed off as a photo is refused and not kept', async (t) => {
  const server = await startFamily(t);
  const bram = await buildMember(server, { firstName: 'Bram', email: 'bram@example.org' });
  const { page, problems } = await openPhotoSection(t, server, bram);

  // The upload waits at the server's door until it has been stopped; the browser has given it up
  // by then, so it never arrives (continuing it would race the abort and sometimes store it).
  let open = () => undefined as void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  await page.route('**/api/v1/media', async (route) => {
    await gate;
    await route.abort().catch(() => undefined);
  });
  await page.getByLabel('Choose a photo').setInputFiles(await photoFile());
  await page.getByRole('button', { name: 'Stop sending' }).click();
  await page.getByText('Sending stopped. Your photo did not change.').waitFor();
  open();
  await page.unroute('**/api/v1/media');

  // A video named like a photo: the server stores it as a video, so the screen deletes it again.
  const video = path.join(tempDir('prifora-video-'), 'bram.mp4');
  const made = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=1:size=160x120:rate=10', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', video]);
  t.is(made.status, 0, 'ffmpeg is installed by .ci/run');
  await page.getByLabel('Choose a photo').setInputFiles({ name: 'bram.jpg', mimeType: 'image/jpeg', buffer: fs.readFileSync(video) });
  await page.getByText('That is not a photo. Choose a JPEG, PNG, HEIC, WebP or GIF file.').waitFor();

  const me = await server.api('/api/v1/me', { cookie: bram.cookie });
  t.is(me.body.user.photoUrl, null);
  const mine = await server.api('/api/v1/media', { cookie: bram.cookie });
  t.deepEqual(mine.body.items, [], 'neither the stopped photo nor the video is kept');
  t.deepEqual(problems, []);
});

test('a member changes the password: a wrong current one is refused, then the old one fails, the new one works, and another session is signed out', async (t) => {
  const server = await startFamily(t);
  await buildAdmin(server);
  const bram = await buildMember(server, { firstName: 'Bram', email: 'bram@example.org' });
  const newPassword = 'drie kleine visjes in de zee';

  // Bram is also signed in on a tablet (another browser).
  const tablet = await openPage(t, server);
  await signIn(tablet.page, bram.email, bram.password);
  const { page, problems } = await openPage(t, server);
  await signIn(page, bram.email, bram.password);

  await page.goto('/account');
  await page.getByRole('heading', { level: 2, name: 'Password' }).waitFor();
  await page.getByRole('button', { name: 'Change my password' }).click();
  await page.getByText('Enter your current password.').waitFor();
  t.true(await page.getByLabel('Current password').evaluate((input) => document.activeElement === input));

  await page.getByLabel('Current password').fill('not my password');
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Change my password' }).click();
  await page.getByText('Use at least 10 characters.').waitFor();
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Change my password' }).click();
  await page.getByText('That is not your current password. Try again, or sign out and email yourself a sign-in link if you forgot it.').waitFor();
  t.is(await page.getByLabel('Current password').getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'account-password-wrong');
  t.is((await apiSignIn(server, bram, newPassword)).status, 401, 'nothing changed');

  await page.getByLabel('Current password').fill(bram.password);
  await page.getByRole('button', { name: 'Change my password' }).click();
  // The tablet and the API session buildMember made: two other sessions.
  await page.getByText('Your new password is saved. Your 2 other devices are signed out.').waitFor();
  t.is(await page.getByLabel('Current password').inputValue(), '', 'the fields are emptied');
  // The device list is loaded afresh: only this browser is left.
  await page.getByText('This is the only device you are signed in on.').waitFor();

  t.is((await apiSignIn(server, bram, bram.password)).status, 401, 'the old password no longer signs in');
  t.is((await apiSignIn(server, bram, newPassword)).status, 200, 'the new one does');
  t.is((await server.api('/api/v1/me', { cookie: bram.cookie })).status, 401, 'another session is signed out');
  await tablet.page.reload();
  await tablet.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  t.is((await server.api('/api/v1/me', { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') })).status, 200, 'this browser stays signed in');
  t.deepEqual([...problems, ...tablet.problems], []);
});

test('someone who signs in with emailed links chooses a first password on My account', async (t) => {
  const server = await startFamily(t);
  await buildAdmin(server);
  // Carla joined without a password; her browser holds the session her invitation gave her.
  const { link } = await inviteMember(server.running.services, { actor: systemActor, email: 'carla@example.org', role: 'member' });
  const { password: _none, ...profile } = buildProfile({ firstName: 'Carla' });
  const accepted = await server.api('/api/v1/invitations/accept', { body: { token: tokenOf(link), ...profile } });
  t.is(accepted.status, 201, JSON.stringify(accepted.body));
  const { page, context, problems } = await openPage(t, server);
  const [name, value] = (accepted.cookie as string).split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);

  await page.goto('/account');
  await page.getByText('You sign in with emailed links. Would you rather use a password? Choose one here; your other devices are then signed out.').waitFor();
  t.is(await page.getByLabel('Current password').count(), 0, 'there is no current password to ask for');
  await page.getByLabel('New password').fill('mijn eerste wachtwoord');
  await page.getByRole('button', { name: 'Use this password' }).click();
  await page.getByText('Your new password is saved.', { exact: true }).waitFor();
  // From now on the form asks for the current password.
  await page.getByLabel('Current password').waitFor();
  t.is((await apiSignIn(server, { email: 'carla@example.org' }, 'mijn eerste wachtwoord')).status, 200);
  t.deepEqual(problems, []);
});
