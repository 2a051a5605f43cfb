import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { closeBrowser, openPage, screenshot, type BrowserPage } from '../helpers/browser.js';
import { buildAdmin, buildMember, until, type Member } from '../helpers/family.js';
import { startTestServer, tempDir, type TestServer } from '../helpers/server.js';

/**
 * Photos, Slideshows and Home in a real browser against a real server: sharing several photos at
 * once with a progress bar each, the grid, the full-screen viewer by keyboard and by swipe,
 * adding to a slideshow, an admin reordering a slideshow by keyboard and by dragging, and Home
 * with the newest photos, an unread conversation and a notice, kept current live. Screens are
 * saved under test-results/ at phone and desktop size.
 */

test.after.always(() => closeBrowser());

/** A landscape as a real JPEG: sky, sun and hills in colours of its own, so each photo differs. */
async function landscape(hue: number, width = 1600, height = 1200): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${hue},60%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},70%,88%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>
    <circle cx="${width * 0.72}" cy="${height * 0.3}" r="${height * 0.12}" fill="hsl(${(hue + 180) % 360},85%,62%)"/>
    <path d="M0 ${height * 0.7} Q ${width * 0.3} ${height * 0.5} ${width * 0.6} ${height * 0.68} T ${width} ${height * 0.62} V ${height} H 0 Z" fill="hsl(${(hue + 100) % 360},45%,38%)"/>
    <path d="M0 ${height * 0.85} Q ${width * 0.4} ${height * 0.72} ${width} ${height * 0.86} V ${height} H 0 Z" fill="hsl(${(hue + 120) % 360},50%,28%)"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

async function uploadAs(server: TestServer, member: Member, hue: number, file?: { name: string; type: string; bytes: Buffer }): Promise<string> {
  const form = new FormData();
  const content = file ?? { name: `photo-${hue}.jpg`, type: 'image/jpeg', bytes: await landscape(hue, 800, 600) };
  form.append('file', new Blob([new Uint8Array(content.bytes)], { type: content.type }), content.name);
  const response = await fetch(`${server.url}/api/v1/media`, { method: 'POST', body: form, headers: { cookie: member.cookie, origin: new URL(server.config.server.publicUrl).origin } });
  const body = (await response.json()) as { media: { id: string } };
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${JSON.stringify(body)}`);
  return body.media.id;
}

async function must(response: Promise<{ status: number; body: any }>): Promise<any> {
  const answer = await response;
  if (answer.status >= 300) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

interface Family {
  server: TestServer;
  pieter: Member;
  anna: Member;
  stationId: string;
  slideshowId: string;
}

/** Pieter (admin), Anna, Oma Riet's screen and a slideshow that plays on it. */
async function startFamily(t: ExecutionContext): Promise<Family> {
  const server = await startTestServer({ 'family.name': 'De Vries' });
  t.teardown(() => server.stop());
  const pieter = await buildAdmin(server, { firstName: 'Pieter' });
  const anna = await buildMember(server, { firstName: 'Anna' });
  const station = await must(
    server.api('/api/v1/station-people', {
      cookie: pieter.cookie,
      body: { username: 'omariet', firstName: 'Oma Riet', lastName: 'de Vries', mobile: '+31 6 99999999', email: 'riet@example.org' },
    }),
  );
  const stationId: string = station.stationPerson.id;
  const slideshow = await must(server.api('/api/v1/slideshows', { cookie: pieter.cookie, body: { name: 'Voor oma' } }));
  const slideshowId: string = slideshow.slideshow.id;
  await must(server.api(`/api/v1/station-people/${stationId}/slideshows`, { method: 'PUT', cookie: pieter.cookie, body: { slideshowIds: [slideshowId] } }));
  return { server, pieter, anna, stationId, slideshowId };
}

/** Opens a page signed in as `member`, by giving its context the member's session cookie. */
async function openAs(t: ExecutionContext, server: TestServer, member: Member): Promise<BrowserPage> {
  const opened = await openPage(t, server);
  const [name, ...value] = (member.cookie.split(';')[0] as string).split('=');
  await opened.context.addCookies([{ name: name as string, value: value.join('='), url: server.url }]);
  return opened;
}

/** Resolves once the page's live connection has sent `ready` (call before navigating). */
function liveReady(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"type":"ready"')) resolve();
      });
    });
  });
}

async function gridIds(server: TestServer, member: Member): Promise<string[]> {
  return (await must(server.api('/api/v1/media', { cookie: member.cookie }))).items.map((item: { media: { id: string } }) => item.media.id);
}

async function slideshowOrder(f: Family): Promise<string[]> {
  return (await must(f.server.api(`/api/v1/slideshows/${f.slideshowId}`, { cookie: f.pieter.cookie }))).slideshow.items.map((item: { media: { id: string } }) => item.media.id);
}

/** The media id of the photo the viewer shows now. */
async function shown(page: Page): Promise<string> {
  const src = (await page.getByRole('dialog').locator('.photo-viewer__media').getAttribute('src')) ?? '';
  return src.split('/')[4] ?? '';
}

test('a relative shares three photos with a progress bar each, sees them in the grid and goes through them in the viewer', async (t) => {
  t.timeout(120_000);
  const f = await startFamily(t);
  const { page, problems } = await openAs(t, f.server, f.anna);

  await page.goto('/photos');
  await page.getByRole('heading', { level: 1, name: 'Photos' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'No photos yet — share the first one with Oma Riet’s screen' }).waitFor();
  await screenshot(page, 'photos-empty');

  // Uploads wait at the server's door until the test has seen every file's progress bar.
  let open = () => undefined as void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  await page.route('**/api/v1/media', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    await gate;
    await route.continue().catch(() => undefined);
  });
  const names = ['strand.jpg', 'tuin.jpg', 'verjaardag.jpg', 'per-ongeluk.jpg'];
  const files = await Promise.all(names.map(async (name, i) => ({ name, mimeType: 'image/jpeg', buffer: await landscape(30 + i * 70) })));
  await page.getByLabel('Share photos or videos').setInputFiles(files);
  for (const name of names) await page.getByRole('progressbar', { name: `Sharing ${name}` }).waitFor();
  t.is(await page.getByRole('progressbar').count(), 4, 'one progress bar per file');
  t.true(await page.getByText('Sharing 4 files. You can carry on in the meantime.').isVisible());
  await screenshot(page, 'photos-uploading');

  // Two go up at a time: the fourth is still waiting, and cancelling it means it never arrives.
  await page.getByRole('button', { name: 'Cancel sharing per-ongeluk.jpg' }).click();
  await page.getByRole('progressbar', { name: 'Sharing per-ongeluk.jpg' }).waitFor({ state: 'detached' });
  t.is(await page.getByRole('progressbar').count(), 3);
  open();

  await page.getByText('3 files are shared.').waitFor();
  const grid = page.getByRole('list', { name: 'Photos and videos of the family, newest first' });
  await until(async () => (await grid.getByRole('button').count()) === 3);
  const ids = await gridIds(f.server, f.anna);
  t.is(ids.length, 3, 'the cancelled file never reached the server');
  const [newest, middle, oldest] = ids as [string, string, string];
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: /^Photo, shared by you/ }).first().waitFor();
  // Let the thumbnails fade in before the picture is taken.
  await until(async () => (await page.locator('.media-thumb--loaded').count()) === 3);
  await screenshot(page, 'photos-grid');

  // The viewer: opens on the first, keeps the keyboard inside, moves with the arrow keys.
  const first = grid.getByRole('button').first();
  await first.click();
  const viewer = page.getByRole('dialog');
  await viewer.waitFor();
  t.regex((await viewer.getAttribute('aria-labelledby')) ?? '', /.+/);
  t.true(await viewer.getByText('Shared by you, just now', { exact: true }).isVisible());
  t.is(await shown(page), newest);
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press('Tab');
    t.true(await viewer.evaluate((dialog) => dialog.contains(document.activeElement)), `focus stays in the viewer after ${i + 1} Tab presses`);
  }
  await page.keyboard.press('Shift+Tab');
  t.true(await viewer.evaluate((dialog) => dialog.contains(document.activeElement)));
  await page.keyboard.press('ArrowRight');
  await until(async () => (await shown(page)) === middle);
  await page.keyboard.press('ArrowRight');
  await until(async () => (await shown(page)) === oldest);
  await page.keyboard.press('ArrowRight');
  t.is(await shown(page), oldest, 'the last stays the last');
  await page.keyboard.press('ArrowLeft');
  await until(async () => (await shown(page)) === middle);

  // A swipe to the left (here with the mouse; a finger gives the same pointer events) shows the next one.
  const stage = await viewer.locator('.photo-viewer__stage').boundingBox();
  if (!stage) throw new Error('no stage');
  await page.mouse.move(stage.x + stage.width * 0.8, stage.y + stage.height / 2);
  await page.mouse.down();
  await page.mouse.move(stage.x + stage.width * 0.2, stage.y + stage.height / 2, { steps: 5 });
  await page.mouse.up();
  await until(async () => (await shown(page)) === oldest);
  await screenshot(page, 'photos-viewer');

  // Adding the photo to Oma's slideshow from the viewer.
  await viewer.getByRole('button', { name: 'Add to slideshow' }).click();
  await viewer.getByRole('button', { name: /Voor oma.*Plays on Oma Riet’s screen/ }).click();
  await viewer.getByText('Added to Voor oma.').waitFor();
  t.deepEqual(await slideshowOrder(f), [oldest]);
  await screenshot(page, 'photos-viewer-slideshow');
  // Escape closes the question first, then the viewer; the focus goes back to the photo that opened it.
  await page.keyboard.press('Escape');
  await viewer.getByRole('button', { name: 'Add to slideshow' }).waitFor();
  t.true(await viewer.getByRole('button', { name: 'Add to slideshow' }).evaluate((button) => document.activeElement === button));
  await page.keyboard.press('Escape');
  await viewer.waitFor({ state: 'detached' });
  t.true(await first.evaluate((button) => document.activeElement === button));

  // Deleting asks first; the photo leaves the grid and the server.
  await grid.getByRole('button').nth(1).click();
  await viewer.getByRole('button', { name: 'Delete' }).click();
  await viewer.getByRole('heading', { name: 'Delete this for everyone?' }).waitFor();
  await viewer.getByRole('button', { name: 'Delete for everyone' }).click();
  await until(async () => (await grid.getByRole('button').count()) === 2);
  t.deepEqual(await gridIds(f.server, f.anna), [newest, oldest]);
  t.is(await shown(page), oldest, 'the viewer moves on to the next photo');
  await page.keyboard.press('Escape');
  t.deepEqual(problems, []);
});

test('the photos of fresh uploads go into a slideshow in one go, and a failure says what to do', async (t) => {
  const f = await startFamily(t);
  const { page, problems } = await openAs(t, f.server, f.anna);
  await page.goto('/photos');
  await page.getByRole('heading', { level: 2, name: /No photos yet/ }).waitFor();
  await page.getByLabel('Share photos or videos').setInputFiles([
    { name: 'zee.jpg', mimeType: 'image/jpeg', buffer: await landscape(200) },
    { name: 'bos.jpg', mimeType: 'image/jpeg', buffer: await landscape(120) },
    { name: 'notities.txt', mimeType: 'image/jpeg', buffer: Buffer.from('this is not a photo at all') },
  ]);
  await page.getByText('2 files are shared. 1 file could not be shared.').waitFor();
  t.true(await page.getByText('This file is not a photo or video prifora can keep.', { exact: false }).isVisible());
  t.true(await page.getByRole('button', { name: 'Try again to share notities.txt' }).isVisible());
  await page.getByRole('button', { name: 'Add these 2 to a slideshow' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to a slideshow' });
  await dialog.getByRole('button', { name: /Voor oma/ }).click();
  await dialog.getByText('2 added to Voor oma.').waitFor();
  t.deepEqual((await slideshowOrder(f)).sort(), (await gridIds(f.server, f.anna)).sort());
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'detached' });
  t.deepEqual(problems, []);
});

test('a video shown in a chat is in the grid with its length and plays in the viewer; a new photo arrives live', async (t) => {
  const dir = tempDir();
  const file = path.join(dir, 'kleinkind.mp4');
  const made = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x240:rate=25', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', file]);
  t.is(made.status, 0, 'ffmpeg is installed by .ci/run');
  const f = await startFamily(t);
  const video = await uploadAs(f.server, f.pieter, 0, { name: 'kleinkind.mp4', type: 'video/mp4', bytes: fs.readFileSync(file) });
  const direct = await must(f.server.api('/api/v1/conversations/direct', { cookie: f.pieter.cookie, body: { userId: f.anna.id } }));
  const conversationId: string = direct.conversation.id;
  await must(f.server.api(`/api/v1/conversations/${conversationId}/messages`, { cookie: f.pieter.cookie, body: { body: 'Kijk eens!', attachments: [video] } }));

  const { page, problems } = await openAs(t, f.server, f.anna);
  const ready = liveReady(page);
  await page.goto('/photos');
  const grid = page.getByRole('list', { name: 'Photos and videos of the family, newest first' });
  const tile = grid.getByRole('button', { name: 'Video, shared by Pieter, just now' });
  await tile.waitFor();
  t.is(await tile.locator('.media-thumb__video').textContent(), 'Video 0:02');
  await tile.click();
  const player = page.getByRole('dialog').locator('video');
  await player.waitFor();
  t.true(await player.evaluate((element) => (element as HTMLVideoElement).controls));
  t.regex((await player.getAttribute('poster')) ?? '', /\/poster$/);
  await player.evaluate((element) => {
    const playing = element as HTMLVideoElement;
    playing.muted = true;
    return playing.play();
  });
  await until(() => player.evaluate((element) => (element as HTMLVideoElement).currentTime > 0));
  t.is(await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).count(), 0, 'only whoever shared it or an admin deletes');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  // Pieter shows a photo in the chat: it joins Anna's grid without a reload, in front.
  await ready;
  const photo = await uploadAs(f.server, f.pieter, 45);
  await must(f.server.api(`/api/v1/conversations/${conversationId}/messages`, { cookie: f.pieter.cookie, body: { body: 'En nog een foto', attachments: [photo] } }));
  await until(async () => (await grid.getByRole('button').count()) === 2);
  t.is(await grid.getByRole('button').first().getAttribute('data-media-id'), photo);
  t.deepEqual(problems, []);
});

test('an admin reorders a slideshow by keyboard and by dragging, and the API keeps the new order', async (t) => {
  t.timeout(120_000);
  const f = await startFamily(t);
  const [a, b, c] = [await uploadAs(f.server, f.anna, 10), await uploadAs(f.server, f.anna, 150), await uploadAs(f.server, f.anna, 260)] as [string, string, string];
  for (const mediaId of [a, b, c]) await must(f.server.api(`/api/v1/slideshows/${f.slideshowId}/items`, { cookie: f.anna.cookie, body: { mediaId } }));

  const { page, problems } = await openAs(t, f.server, f.pieter);
  await page.goto('/more');
  await page.getByRole('link', { name: 'Slideshows' }).click();
  await page.getByRole('heading', { level: 1, name: 'Slideshows' }).waitFor();
  t.is(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Photos' }).getAttribute('aria-current'), 'page');
  await page.getByText('Plays on Oma Riet’s screen · 3 photos').waitFor();

  // Keyboard: the first photo, one place down with the arrow key; the move is announced.
  const firstItem = page.getByRole('listitem', { name: 'Photo 1 of 3, added by Anna' });
  await firstItem.focus();
  await page.keyboard.press('ArrowDown');
  await page.getByText('Photo moved to number 2 of 3.').waitFor();
  t.is(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.itemId), a, 'the moved photo keeps the focus');
  await until(async () => (await slideshowOrder(f)).join() === [b, a, c].join());

  // The buttons do the same: the last one earlier.
  await page.getByRole('button', { name: 'Move earlier: Photo 3 of 3, added by Anna' }).click();
  await until(async () => (await slideshowOrder(f)).join() === [b, c, a].join());
  t.is(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.move), 'earlier', 'the button keeps the focus');
  await screenshot(page, 'slideshows');

  // Dragging the handle of the last photo onto the first.
  const handle = page.locator(`[data-item-id="${a}"] .slide-item__handle`);
  const target = page.locator(`[data-item-id="${b}"]`);
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('nothing to drag');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + 8, { steps: 12 });
  await page.mouse.up();
  await until(async () => (await slideshowOrder(f)).join() === [a, b, c].join());

  // Anna sees the order but cannot change it; she can take out what she added.
  const anna = await openAs(t, f.server, f.anna);
  await anna.page.goto('/slideshows');
  await anna.page.getByText('Plays on Oma Riet’s screen · 3 photos').waitFor();
  t.is(await anna.page.getByRole('button', { name: /^Move/ }).count(), 0);
  await anna.page.getByRole('button', { name: 'Take out of the slideshow: Photo 2 of 3, added by Anna' }).click();
  await anna.page.getByText('Taken out of Voor oma. It is still in Photos.').waitFor();
  t.deepEqual(await slideshowOrder(f), [a, c]);
  t.deepEqual(problems, []);
  t.deepEqual(anna.problems, []);
});

test('an admin makes and renames a slideshow, puts it on Oma’s screen and adds photos from the grid', async (t) => {
  const f = await startFamily(t);
  const photo = await uploadAs(f.server, f.pieter, 300);
  const { page, problems } = await openAs(t, f.server, f.pieter);
  await page.goto('/slideshows');
  await page.getByLabel('Name', { exact: true }).fill('Kleinkinderen');
  await page.getByRole('button', { name: 'Make slideshow' }).click();
  const heading = page.getByRole('heading', { level: 2, name: 'Kleinkinderen' });
  await heading.waitFor();
  await until(() => heading.evaluate((h) => document.activeElement === h));
  const card = page.locator('section.slideshow-card', { has: heading });
  await card.getByText('Not on a screen yet · 0 photos').waitFor();

  await card.getByRole('button', { name: 'Rename' }).click();
  await card.getByLabel('Name of the slideshow').fill('De kleinkinderen');
  await card.getByRole('button', { name: 'Save name' }).click();
  const renamed = page.locator('section.slideshow-card', { has: page.getByRole('heading', { level: 2, name: 'De kleinkinderen' }) });
  await renamed.getByRole('checkbox', { name: 'Oma Riet’s screen' }).check();
  await renamed.getByText('Plays on Oma Riet’s screen · 0 photos').waitFor();
  const screen = await must(f.server.api(`/api/v1/station-people/${f.stationId}/slideshows`, { cookie: f.pieter.cookie }));
  t.is(screen.slideshowIds.length, 2, 'the screen keeps its other slideshow too');

  await renamed.getByRole('button', { name: 'Add photos' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add photos to De kleinkinderen' });
  await dialog.getByRole('button', { name: /^Photo, shared by you/ }).click();
  await dialog.getByRole('button', { name: 'Add 1 photo' }).click();
  await dialog.waitFor({ state: 'detached' });
  await renamed.getByText('Plays on Oma Riet’s screen · 1 photo').waitFor();
  const list = await must(f.server.api('/api/v1/slideshows', { cookie: f.anna.cookie }));
  const made = list.slideshows.find((s: { name: string }) => s.name === 'De kleinkinderen');
  t.like(made, { itemCount: 1, screens: [{ id: f.stationId, name: 'Oma Riet' }] });
  const detail = await must(f.server.api(`/api/v1/slideshows/${made.id}`, { cookie: f.anna.cookie }));
  t.is(detail.slideshow.items[0].media.id, photo);
  t.deepEqual(problems, []);
});

test('Home shows the newest photos, an unread conversation and a notice, and keeps up live', async (t) => {
  t.timeout(120_000);
  const f = await startFamily(t);
  const empty = await openAs(t, f.server, f.anna);
  await empty.page.goto('/');
  await empty.page.getByText('No photos yet — share the first one with Oma Riet’s screen').waitFor();
  await empty.page.getByText('No conversations yet.', { exact: false }).waitFor();
  await empty.page.getByText('Nothing new.', { exact: false }).waitFor();
  await screenshot(empty.page, 'home-empty');
  await empty.context.close();

  for (let hue = 0; hue < 7; hue += 1) await uploadAs(f.server, f.anna, hue * 50);
  const direct = await must(f.server.api('/api/v1/conversations/direct', { cookie: f.pieter.cookie, body: { userId: f.anna.id } }));
  const conversationId: string = direct.conversation.id;
  await must(f.server.api(`/api/v1/conversations/${conversationId}/messages`, { cookie: f.pieter.cookie, body: { body: 'Komen jullie zondag?' } }));
  await must(f.server.api('/api/v1/notices', { cookie: f.pieter.cookie, body: { title: 'Oma wordt 90', body: 'Zondag om drie uur koffie.' } }));

  const { page, problems } = await openAs(t, f.server, f.anna);
  const ready = liveReady(page);
  await page.goto('/');
  const strip = page.getByRole('list', { name: 'The newest photos' });
  await until(async () => (await strip.getByRole('link').count()) === 6);
  const newest = (await gridIds(f.server, f.anna)).slice(0, 6);
  t.is(await strip.getByRole('link').first().getAttribute('href'), '/photos');
  t.deepEqual(await strip.locator('img.media-thumb__image').evaluateAll((images) => images.map((image) => image.getAttribute('src')?.split('/')[4])), newest);
  const chat = page.getByRole('list', { name: 'Your conversations' }).getByRole('link', { name: /Pieter/ });
  await chat.waitFor();
  t.is(await chat.getAttribute('href'), `/chats/${conversationId}`);
  t.true(await chat.getByLabel('1 unread').isVisible());
  const notice = page.getByRole('link', { name: /Oma wordt 90/ });
  t.is(await notice.getAttribute('href'), '/notices');
  await until(async () => (await page.locator('.media-thumb--loaded').count()) === 6);
  await screenshot(page, 'home-full');

  // Live: a new message raises the count, a new photo leads the strip, without reloading.
  await ready;
  await must(f.server.api(`/api/v1/conversations/${conversationId}/messages`, { cookie: f.pieter.cookie, body: { body: 'En neem de foto’s mee!' } }));
  await chat.getByLabel('2 unread').waitFor();
  const fresh = await uploadAs(f.server, f.pieter, 333);
  await must(f.server.api(`/api/v1/slideshows/${f.slideshowId}/items`, { cookie: f.pieter.cookie, body: { mediaId: fresh } }));
  await until(async () => (await strip.locator('img.media-thumb__image').first().getAttribute('src'))?.includes(fresh));
  await must(f.server.api('/api/v1/notices', { cookie: f.pieter.cookie, body: { title: 'Nieuwe foto’s', body: 'Kijk in de diavoorstelling.' } }));
  await page.getByRole('link', { name: /Nieuwe foto’s/ }).waitFor();
  await chat.click();
  await page.waitForURL(`**/chats/${conversationId}`);
  t.deepEqual(problems, []);
});
