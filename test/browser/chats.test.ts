import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { closeBrowser, openPage, screenshot, type BrowserPage } from '../helpers/browser.js';
import { buildAdmin, buildMember, until, type Member } from '../helpers/family.js';
import { startTestServer, tempDir, type TestServer } from '../helpers/server.js';

/**
 * Chats in a real browser against a real server, as relatives use them: the conversation list,
 * a conversation with messages arriving live, photos with upload progress, replies, edits and
 * deletes, typing and read markers, a new chat, and search. Two browser contexts are two people;
 * what one does must show up in the other without a reload. Screens are saved under
 * test-results/ at phone and desktop size.
 */

test.after.always(() => closeBrowser());

async function startFamily(t: ExecutionContext): Promise<TestServer> {
  const server = await startTestServer({ 'family.name': 'De Vries' });
  t.teardown(() => server.stop());
  return server;
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

test('a message sent in one browser appears live in the other, and the list shows unread counts', async (t) => {
  const server = await startFamily(t);
  const pieter = await buildAdmin(server, { firstName: 'Pieter' });
  const bram = await buildMember(server, { firstName: 'Bram' });
  const direct = await server.api('/api/v1/conversations/direct', { cookie: pieter.cookie, body: { userId: bram.id } });
  t.is(direct.status, 200, JSON.stringify(direct.body));
  const conversationId: string = direct.body.conversation.id;
  const first = await server.api(`/api/v1/conversations/${conversationId}/messages`, { cookie: pieter.cookie, body: { body: 'Hoi Bram, komen jullie zondag?' } });
  t.is(first.status, 201, JSON.stringify(first.body));

  const a = await openAs(t, server, pieter);
  const b = await openAs(t, server, bram);
  const aLive = liveReady(a.page);
  const bLive = liveReady(b.page);

  // Bram sees the conversation in his list, named after Pieter, with one unread message.
  await b.page.goto('/');
  await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chats' }).click();
  await b.page.getByRole('heading', { level: 1, name: 'Chats' }).waitFor();
  t.is(await b.page.getByRole('link', { name: 'Chats' }).getAttribute('aria-current'), 'page');
  const item = b.page.getByRole('link', { name: /Pieter/ });
  await item.waitFor();
  t.true(await b.page.getByLabel('1 unread').isVisible());
  await screenshot(b.page, 'chats-list');

  // Bram opens it; Pieter opens it too.
  await item.click();
  await b.page.getByRole('heading', { level: 1, name: 'Pieter' }).waitFor();
  await b.page.getByText('Hoi Bram, komen jullie zondag?').waitFor();
  await a.page.goto(`/chats/${conversationId}`);
  await a.page.getByRole('heading', { level: 1, name: 'Bram' }).waitFor();
  // Both live connections have caught up before anyone sends.
  await Promise.all([aLive, bLive]);

  // Bram answers by keyboard; Pieter sees it without reloading.
  const composer = b.page.getByLabel('Message to Pieter');
  await composer.fill('Ja, we komen om drie uur!');
  await composer.press('Enter');
  // In the list of messages: until the send is answered the composer still holds the same text.
  await b.page.getByRole('list', { name: 'Messages with Pieter' }).getByText('Ja, we komen om drie uur!').waitFor();
  await until(async () => (await composer.inputValue()) === '');
  await a.page.getByRole('list', { name: 'Messages with Bram' }).getByText('Ja, we komen om drie uur!').waitFor();

  // And Pieter's answer reaches Bram live.
  await a.page.getByLabel('Message to Bram').fill('Fijn, tot dan.');
  await a.page.getByRole('button', { name: 'Send' }).click();
  await b.page.getByRole('list', { name: 'Messages with Pieter' }).getByText('Fijn, tot dan.').waitFor();
  await screenshot(b.page, 'chats-conversation');

  // Bram has read everything, and the server knows.
  await until(async () => {
    const list = await server.api('/api/v1/conversations', { cookie: bram.cookie });
    return list.body.conversations.find((c: { id: string; unread: number }) => c.id === conversationId)?.unread === 0;
  });
  t.pass();

  t.deepEqual(a.problems, []);
  t.deepEqual(b.problems, []);
});

/** Pieter (admin) and Bram (member) in their direct chat, both with it open and live. */
async function twoInAChat(t: ExecutionContext) {
  const server = await startFamily(t);
  const pieter = await buildAdmin(server, { firstName: 'Pieter' });
  const bram = await buildMember(server, { firstName: 'Bram' });
  const direct = await server.api('/api/v1/conversations/direct', { cookie: pieter.cookie, body: { userId: bram.id } });
  const conversationId: string = direct.body.conversation.id;
  const a = await openAs(t, server, pieter);
  const b = await openAs(t, server, bram);
  const ready = [liveReady(a.page), liveReady(b.page)];
  await a.page.goto(`/chats/${conversationId}`);
  await b.page.goto(`/chats/${conversationId}`);
  await a.page.getByRole('heading', { level: 1, name: 'Bram' }).waitFor();
  await b.page.getByRole('heading', { level: 1, name: 'Pieter' }).waitFor();
  await Promise.all(ready);
  return { server, pieter, bram, conversationId, a, b };
}

/** The list of messages on a page. */
const messagesOf = (page: Page, name: string) => page.getByRole('list', { name: `Messages with ${name}` });

/** The message (list item) holding a text. */
const messageWith = (list: Locator, text: string) => list.getByRole('listitem').filter({ hasText: text });

/**
 * A small real JPEG: a coloured gradient under grain, so it looks like something and does not
 * compress to nothing (its upload takes a moment under the throttle).
 */
function photo(name: string, width: number, height: number, [red, green, blue]: [number, number, number]) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light = 0.45 + 0.55 * ((x / width + y / height) / 2);
      const grain = () => (Math.random() - 0.5) * 50;
      const at = (y * width + x) * 3;
      pixels[at] = Math.max(0, Math.min(255, red * light + grain()));
      pixels[at + 1] = Math.max(0, Math.min(255, green * light + grain()));
      pixels[at + 2] = Math.max(0, Math.min(255, blue * light + grain()));
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer()
    .then((buffer) => ({ name, mimeType: 'image/jpeg', buffer }));
}

/** Sends a message by keyboard from a conversation page. */
async function say(page: Page, to: string, text: string): Promise<void> {
  const composer = page.getByLabel(`Message to ${to}`);
  await composer.fill(text);
  await composer.press('Enter');
  await messageWith(messagesOf(page, to), text).waitFor();
}

test('a relative sends three photos with progress per file, and the other sees them arrive live', async (t) => {
  const { a, b } = await twoInAChat(t);
  const [tulips, garden, cake, extra] = await Promise.all([
    photo('tulpen.jpg', 900, 600, [230, 70, 90]),
    photo('tuin.jpg', 600, 900, [70, 190, 100]),
    photo('taart.jpg', 800, 800, [250, 200, 70]),
    photo('dubbel.jpg', 700, 500, [80, 140, 230]),
  ]);

  // Slow Bram's uploads down so that their progress can be seen, as on a phone outside.
  const cdp = await b.context.newCDPSession(b.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 200 * 1024 });

  const chooser = b.page.waitForEvent('filechooser');
  await b.page.getByRole('button', { name: 'Add photos' }).click();
  await (await chooser).setFiles([tulips, garden, cake, extra]);
  const bars = b.page.getByRole('progressbar');
  for (const name of ['tulpen.jpg', 'tuin.jpg', 'taart.jpg', 'dubbel.jpg']) await b.page.getByRole('progressbar', { name: `Uploading ${name}` }).waitFor();
  // Progress moves: some bar is seen part of the way.
  const partway = await until(async () => {
    for (const bar of await bars.all()) {
      const now = Number(await bar.getAttribute('aria-valuenow').catch(() => null));
      if (now > 0 && now < 100) return now;
    }
    return false;
  });
  t.true(partway > 0 && partway < 100);
  await screenshot(b.page, 'chats-uploading');

  // One was picked twice by mistake: cancel it while the others go on.
  await b.page.getByRole('button', { name: 'Cancel uploading dubbel.jpg' }).click();
  await b.page.getByRole('progressbar', { name: 'Uploading dubbel.jpg' }).waitFor({ state: 'detached' });
  t.is(await bars.count(), 3);

  // Bram writes his words and sends while the photos are still on their way.
  const composer = b.page.getByLabel('Message to Pieter');
  await composer.fill('Tulpen uit de tuin, en de taart voor zondag');
  await composer.press('Enter');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  // Pieter sees one message with the three photos, loaded, without reloading.
  const atPieter = messageWith(messagesOf(a.page, 'Bram'), 'Tulpen uit de tuin');
  await atPieter.waitFor();
  const photos = atPieter.getByRole('button', { name: /^Photo from Bram, open large/ });
  await until(async () => (await photos.count()) === 3);
  await until(() => atPieter.locator('img').evaluateAll((images) => images.length === 3 && images.every((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0)));
  t.is(await bars.count(), 0, 'the uploads are gone from the composer once sent');
  t.is(await composer.inputValue(), '');
  await screenshot(a.page, 'chats-photos');

  // By keyboard: a photo opens large and Escape brings the focus back.
  const second = photos.nth(1);
  await second.focus();
  await a.page.keyboard.press('Enter');
  const viewer = a.page.getByRole('dialog', { name: 'Photo 2 of 3 from Bram' });
  await viewer.waitFor();
  await until(() => viewer.getByRole('img').evaluate((image) => (image as HTMLImageElement).naturalWidth > 0));
  await a.page.keyboard.press('ArrowRight');
  await a.page.getByRole('dialog', { name: 'Photo 3 of 3 from Bram' }).waitFor();
  await screenshot(a.page, 'chats-photo-large');
  await a.page.keyboard.press('Escape');
  await viewer.waitFor({ state: 'detached' });
  t.true(await second.evaluate((element) => element === document.activeElement));

  // A file that is not a photo fails with a sentence and can be removed.
  const notes = b.page.waitForEvent('filechooser');
  await b.page.getByRole('button', { name: 'Add photos' }).click();
  await (await notes).setFiles([{ name: 'notities.txt', mimeType: 'text/plain', buffer: Buffer.from('Boodschappen: melk, brood') }]);
  await b.page.getByText('notities.txt is not a photo or a video. Remove it and choose a photo or video.').waitFor();
  await b.page.getByRole('button', { name: 'Try again to upload notities.txt' }).waitFor();
  await b.page.getByRole('button', { name: 'Remove notities.txt' }).click();
  await b.page.getByText('notities.txt is not a photo').waitFor({ state: 'detached' });

  t.deepEqual(a.problems, []);
  t.deepEqual(b.problems, []);
});

test('a video sent without words plays in the other browser with its poster and controls', async (t) => {
  const dir = tempDir();
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'kleinkind.mp4');
  const made = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x240:rate=25', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', file]);
  t.is(made.status, 0, 'ffmpeg is installed by .ci/run');
  const { a, b } = await twoInAChat(t);

  const chooser = b.page.waitForEvent('filechooser');
  await b.page.getByRole('button', { name: 'Add photos' }).click();
  await (await chooser).setFiles([{ name: 'kleinkind.mp4', mimeType: 'video/mp4', buffer: fs.readFileSync(file) }]);
  await b.page.getByText('Ready').waitFor();
  await b.page.getByRole('button', { name: 'Send' }).click();

  const video = messagesOf(a.page, 'Bram').getByRole('listitem').last().locator('video');
  await video.waitFor();
  t.is(await video.getAttribute('aria-label'), 'Video from Bram');
  t.true(await video.evaluate((element) => (element as HTMLVideoElement).controls));
  t.regex((await video.getAttribute('poster')) ?? '', /\/poster$/);
  // The poster is a real image, and the video plays.
  t.true(await a.page.evaluate(async (url) => (await fetch(url)).headers.get('content-type')?.startsWith('image/') ?? false, (await video.getAttribute('poster')) as string));
  await video.evaluate((element) => {
    const player = element as HTMLVideoElement;
    player.muted = true;
    return player.play();
  });
  await until(() => video.evaluate((element) => (element as HTMLVideoElement).currentTime > 0));
  await screenshot(a.page, 'chats-video');
  t.deepEqual(a.problems, []);
  t.deepEqual(b.problems, []);
});

test('an edit and a delete show live in the other browser, with the edited mark and a tombstone', async (t) => {
  const { a, b } = await twoInAChat(t);
  await say(a.page, 'Bram', 'We komen om drie uur');
  await say(b.page, 'Pieter', 'Top, tot straks');
  const atBram = messageWith(messagesOf(b.page, 'Pieter'), 'We komen om drie uur');
  await atBram.waitFor();
  t.is(await atBram.getByRole('button', { name: 'Edit' }).count(), 0, 'only the author edits');
  t.is(await atBram.getByRole('button', { name: 'Delete' }).count(), 0, 'a member deletes only their own');
  // Pieter is an admin: he may delete Bram's message too (not edit it).
  const bramsAtPieter = messageWith(messagesOf(a.page, 'Bram'), 'Top, tot straks');
  await bramsAtPieter.getByRole('button', { name: 'Delete' }).waitFor();
  t.is(await bramsAtPieter.getByRole('button', { name: 'Edit' }).count(), 0);

  // Pieter starts an edit, thinks better of it with Escape, then changes the time.
  const mine = messageWith(messagesOf(a.page, 'Bram'), 'We komen om drie uur');
  await mine.getByRole('button', { name: 'Edit' }).click();
  const field = a.page.getByLabel('Change your message');
  t.true(await field.evaluate((element) => element === document.activeElement));
  await field.fill('We komen om vier uur');
  await field.press('Escape');
  await field.waitFor({ state: 'detached' });
  t.true(await mine.getByRole('button', { name: 'Edit' }).evaluate((element) => element === document.activeElement), 'the focus is back on Edit');
  t.is(await mine.locator('.message__body').textContent(), 'We komen om drie uur');

  await mine.getByRole('button', { name: 'Edit' }).click();
  await field.fill('We komen om vier uur');
  await screenshot(a.page, 'chats-edit');
  await field.press('Enter');
  const edited = messageWith(messagesOf(b.page, 'Pieter'), 'We komen om vier uur');
  await edited.waitFor();
  await edited.getByText('edited').waitFor();
  t.is(await messageWith(messagesOf(b.page, 'Pieter'), 'drie uur').count(), 0);

  // Then deletes it, after saying yes.
  const changed = messageWith(messagesOf(a.page, 'Bram'), 'We komen om vier uur');
  await changed.getByRole('button', { name: 'Delete' }).click();
  const confirm = a.page.getByRole('dialog', { name: 'Delete this message?' });
  await confirm.waitFor();
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await confirm.waitFor({ state: 'detached' });
  await changed.getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await messagesOf(a.page, 'Bram').getByText('This message was deleted').waitFor();
  await messagesOf(b.page, 'Pieter').getByText('This message was deleted').waitFor();
  t.is(await messagesOf(b.page, 'Pieter').getByText('vier uur').count(), 0);
  t.deepEqual(a.problems, []);
  t.deepEqual(b.problems, []);
});

test('a reply quotes the message it answers in both browsers', async (t) => {
  const { a, b } = await twoInAChat(t);
  await say(a.page, 'Bram', 'Wie neemt de taart mee?');
  const question = messageWith(messagesOf(b.page, 'Pieter'), 'Wie neemt de taart mee?');
  await question.waitFor();

  await question.getByRole('button', { name: 'Reply' }).click();
  const quote = b.page.getByRole('form', { name: 'Write a message' }).getByText('Replying to Pieter');
  await quote.waitFor();
  t.true(await b.page.getByLabel('Message to Pieter').evaluate((element) => element === document.activeElement), 'the text field takes the focus');
  await b.page.getByRole('button', { name: 'Cancel reply' }).click();
  await quote.waitFor({ state: 'detached' });

  await question.getByRole('button', { name: 'Reply' }).click();
  await quote.waitFor();
  await b.page.getByLabel('Message to Pieter').fill('Ik! Appeltaart.');
  await screenshot(b.page, 'chats-reply');
  await b.page.getByLabel('Message to Pieter').press('Enter');
  await quote.waitFor({ state: 'detached' });

  for (const [page, name] of [
    [b.page, 'Pieter'],
    [a.page, 'Bram'],
  ] as const) {
    const answer = messageWith(messagesOf(page, name), 'Ik! Appeltaart.');
    await answer.waitFor();
    const quoted = answer.getByRole('button', { name: /Reply to (Pieter|you)/ });
    await quoted.waitFor();
    t.regex((await quoted.textContent()) ?? '', /Wie neemt de taart mee\?/);
  }
  t.is(await messageWith(messagesOf(a.page, 'Bram'), 'Ik! Appeltaart.').getByText('Reply to you').count(), 1);
  await screenshot(a.page, 'chats-replied');
  t.deepEqual(a.problems, []);
  t.deepEqual(b.problems, []);
});

test('typing shows in the other browser both ways, and Seen appears once the other has read', async (t) => {
  const { a, b } = await twoInAChat(t);
  await b.page.getByLabel('Message to Pieter').pressSequentially('Ik ben er ');
  await a.page.getByText('Bram is typing…').waitFor();
  await a.page.getByLabel('Message to Bram').pressSequentially('Fij');
  await b.page.getByText('Pieter is typing…').waitFor();

  // Bram sends: the indicator goes at once, and as Pieter has the chat open, Bram sees Seen.
  await b.page.getByLabel('Message to Pieter').press('Enter');
  await messageWith(messagesOf(a.page, 'Bram'), 'Ik ben er').waitFor();
  await a.page.getByText('Bram is typing…').waitFor({ state: 'detached' });
  await messageWith(messagesOf(b.page, 'Pieter'), 'Ik ben er').getByText('Seen').waitFor();
  t.deepEqual(a.problems, []);
  t.deepEqual(b.problems, []);
});

test('a new direct chat starts from the list by picking someone in the family', async (t) => {
  const server = await startFamily(t);
  await buildAdmin(server, { firstName: 'Pieter' });
  const bram = await buildMember(server, { firstName: 'Bram' });
  const anna = await buildMember(server, { firstName: 'Anna', lastName: 'Jansen' });
  const b = await openAs(t, server, bram);
  await b.page.goto('/chats');
  await b.page.getByText('No conversations yet.').waitFor();

  // By keyboard: the button opens the picker with the focus inside it.
  await b.page.getByRole('button', { name: 'New chat' }).focus();
  await b.page.keyboard.press('Enter');
  const picker = b.page.getByRole('dialog', { name: 'Start a chat' });
  await picker.waitFor();
  const annaButton = picker.getByRole('button', { name: /Anna/ });
  await annaButton.waitFor();
  t.is(await picker.getByRole('button', { name: /Bram/ }).count(), 0, 'not oneself');
  await screenshot(b.page, 'chats-new');
  await annaButton.click();

  await b.page.getByRole('heading', { level: 1, name: 'Anna' }).waitFor();
  await say(b.page, 'Anna', 'Hoi Anna, hoe gaat het?');
  const annas = await server.api('/api/v1/conversations', { cookie: anna.cookie });
  t.is(annas.body.conversations.length, 1);
  t.is(annas.body.conversations[0].lastMessage.body, 'Hoi Anna, hoe gaat het?');

  // The same person again opens the same chat.
  await b.page.getByRole('link', { name: 'All chats' }).click();
  await b.page.getByRole('button', { name: 'New chat' }).click();
  await picker.getByRole('button', { name: /Anna/ }).click();
  await b.page.getByText('Hoi Anna, hoe gaat het?').waitFor();
  t.is((await server.api('/api/v1/conversations', { cookie: bram.cookie })).body.conversations.length, 1);
  t.deepEqual(b.problems, []);
});

test('search finds a message across chats, shows where it was said, and opens that chat', async (t) => {
  const server = await startFamily(t);
  const pieter = await buildAdmin(server, { firstName: 'Pieter' });
  const bram = await buildMember(server, { firstName: 'Bram' });
  const anna = await buildMember(server, { firstName: 'Anna' });
  const withPieter = (await server.api('/api/v1/conversations/direct', { cookie: bram.cookie, body: { userId: pieter.id } })).body.conversation.id;
  const withAnna = (await server.api('/api/v1/conversations/direct', { cookie: bram.cookie, body: { userId: anna.id } })).body.conversation.id;
  const post = (who: Member, id: string, body: string) => server.api(`/api/v1/conversations/${id}/messages`, { cookie: who.cookie, body: { body } });
  await post(pieter, withPieter, 'Oma wordt volgende week 90, we vieren haar verjaardag op zaterdag.');
  await post(bram, withPieter, 'Zal ik bloemen meenemen?');
  await post(anna, withAnna, 'Heb je de foto’s van de vakantie al gezien?');

  const b = await openAs(t, server, bram);
  await b.page.goto('/chats');
  const field = b.page.getByRole('searchbox', { name: 'Search messages' });
  await field.fill('verjaardag');
  const results = b.page.getByRole('region', { name: 'Search results' });
  await results.getByText('One message found.').waitFor();
  const result = results.getByRole('link', { name: /Pieter/ });
  t.regex((await result.textContent()) ?? '', /verjaardag op zaterdag/);
  t.is(await result.locator('mark').textContent(), 'verjaardag');
  await screenshot(b.page, 'chats-search');

  await field.fill('xyzzy');
  await results.getByText('No messages with “xyzzy”.').waitFor();
  // Accents and case do not matter, and Escape clears the search.
  await field.fill('FOTO');
  await results.getByRole('link', { name: /Anna/ }).waitFor();
  await field.press('Escape');
  await b.page.getByRole('list', { name: 'Your conversations' }).waitFor();

  await field.fill('verjaardag');
  await results.getByRole('link', { name: /Pieter/ }).click();
  await b.page.getByRole('heading', { level: 1, name: 'Pieter' }).waitFor();
  await b.page.getByText('we vieren haar verjaardag op zaterdag').waitFor();
  t.deepEqual(b.problems, []);
});
