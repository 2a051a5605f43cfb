import test from 'ava';
import { buildMember, type Member } from '../helpers/family.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { cameraJpeg } from './media/fixtures.js';

/** A message may be photos or videos without words, as people share them from a phone. */

async function upload(server: TestServer, who: Member, bytes: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), 'photo.jpg');
  const response = await fetch(`${server.url}/api/v1/media`, { method: 'POST', body: form, headers: { cookie: who.cookie, origin: 'http://localhost:8080' } });
  const body = (await response.json()) as { media: { id: string } };
  if (response.status !== 201) throw new Error(JSON.stringify(body));
  return body.media.id;
}

async function setUp(t: { teardown(fn: () => unknown): void }) {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const anna = await buildMember(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  const direct = await server.api('/api/v1/conversations/direct', { cookie: anna.cookie, body: { userId: bob.id } });
  return { server, anna, bob, path: `/api/v1/conversations/${direct.body.conversation.id}/messages` };
}

test('sends photos without text as a message with an empty body', async (t) => {
  const { server, anna, bob, path } = await setUp(t);
  const first = await upload(server, anna, await cameraJpeg(64, 48, 1));
  const second = await upload(server, anna, await cameraJpeg(48, 64, 1));
  const sent = await server.api(path, { cookie: anna.cookie, body: { attachments: [first, second] } });
  t.is(sent.status, 201, JSON.stringify(sent.body));
  t.is(sent.body.message.body, '');
  t.deepEqual(
    sent.body.message.attachments.map((a: { id: string }) => a.id),
    [first, second],
  );
  const history = await server.api(path, { cookie: bob.cookie });
  t.is(history.body.messages[0].attachments.length, 2);
});

test('refuses a message with neither text nor photos, and one with blank text, with 400', async (t) => {
  const { server, anna, path } = await setUp(t);
  const nothing = await server.api(path, { cookie: anna.cookie, body: {} });
  t.is(nothing.status, 400);
  t.is(nothing.body.error.message, 'body: is required');
  const noPhotos = await server.api(path, { cookie: anna.cookie, body: { attachments: [] } });
  t.is(noPhotos.status, 400);
  t.is(noPhotos.body.error.message, 'body: is required');
  const blank = await server.api(path, { cookie: anna.cookie, body: { body: '  ', attachments: [] } });
  t.is(blank.body.error.message, 'body: must not be empty');
});
