import test, { type ExecutionContext } from 'ava';
import { closeBrowser, openPage, screenshot, type BrowserPage } from '../helpers/browser.js';
import type { Page } from 'playwright-core';
import { buildAdmin, buildMember, until, type Member } from '../helpers/family.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Chats in a real browser against a real server: the conversation list, a conversation, and a
 * message from one person arriving live at the other without a reload. Screens are saved under
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
