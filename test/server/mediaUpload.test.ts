import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import test from 'ava';
import exifr from 'exifr';
import sharp from 'sharp';
import { Media, MediaFile } from '../../server/db/index.js';
import { sweepMedia } from '../../server/services/media.js';
import { buildAdmin, buildMember, type Member } from '../helpers/family.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { cameraJpeg, pngClaiming } from './media/fixtures.js';

/** Uploads bytes as the "file" field of a multipart body, with any extra fields. */
async function upload(server: TestServer, who: Member, bytes: Buffer, options: { name?: string; fields?: Record<string, string> } = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)]), options.name ?? 'photo.jpg');
  const response = await fetch(`${server.url}/api/v1/media`, { method: 'POST', body: form, headers: { cookie: who.cookie, origin: 'http://localhost:8080' } });
  return { status: response.status, body: (await response.json()) as any };
}

async function download(server: TestServer, who: Member, url: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${url}`, { headers: { cookie: who.cookie, ...headers } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

function filesOnDisk(server: TestServer): string[] {
  const root = path.join(server.dataDir, 'media');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile());
}

async function family(t: { teardown(fn: () => unknown): void }, config: Record<string, unknown> = {}) {
  const server = await startTestServer(config);
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const anna = await buildMember(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  return { server, admin, anna, bob };
}

test('a JPEG with GPS is served in every size without EXIF or GPS, orientation applied', async (t) => {
  const { server, anna } = await family(t);
  const uploaded = await upload(server, anna, await cameraJpeg(1200, 800, 6));
  t.is(uploaded.status, 201, JSON.stringify(uploaded.body));
  const media = uploaded.body.media;
  t.like(media, { kind: 'photo', mime: 'image/jpeg', width: 800, height: 1200 });
  t.truthy(media.placeholder);
  for (const size of ['thumb', 'station', 'full']) {
    const file = await download(server, anna, media.urls[size]);
    t.is(file.status, 200, size);
    t.is(await exifr.parse(file.bytes, { gps: true, xmp: true, iptc: true }).catch(() => undefined), undefined, `${size} has no metadata`);
    const { width = 0, height = 0 } = await sharp(file.bytes).metadata();
    t.true(height > width, `${size} is portrait`);
  }
});

test('the same content uploaded twice is stored once', async (t) => {
  const { server, anna, bob } = await family(t);
  const photo = await cameraJpeg(300, 200, 1);
  const first = await upload(server, anna, photo);
  const second = await upload(server, bob, photo, { name: 'other-name.jpg' });
  t.is(second.body.media.id, first.body.media.id);
  t.is(await Media.count(), 1);
  t.is((await download(server, bob, second.body.media.urls.thumb)).status, 200, 'the second uploader may see it too');
});

test('a script renamed .jpg is refused with 415 and leaves nothing', async (t) => {
  const { server, anna } = await family(t);
  const response = await upload(server, anna, Buffer.from('#!/bin/sh\nrm -rf /\n'.repeat(40)), { name: 'holiday.jpg' });
  t.is(response.status, 415);
  t.is(response.body.error.code, 'unsupported_file');
  t.deepEqual(filesOnDisk(server), []);
});

test('a zero-byte file is refused with 422', async (t) => {
  const { server, anna } = await family(t);
  const response = await upload(server, anna, Buffer.alloc(0));
  t.is(response.status, 422);
  t.deepEqual(filesOnDisk(server), []);
});

test('a truncated JPEG is refused with 422 and no row', async (t) => {
  const { server, anna } = await family(t);
  const photo = await cameraJpeg(400, 300, 1);
  const response = await upload(server, anna, photo.subarray(0, Math.floor(photo.length / 2)));
  t.is(response.status, 422);
  t.is(await Media.count(), 0);
  t.deepEqual(filesOnDisk(server), []);
});

test('a 30,000 x 30,000 PNG is refused without decoding it', async (t) => {
  const { server, anna } = await family(t);
  const before = process.memoryUsage().rss;
  const response = await upload(server, anna, pngClaiming(30_000, 30_000));
  t.is(response.status, 422);
  t.true(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'nothing near 2.7 GB of pixels was allocated');
  t.is(await Media.count(), 0);
});

test('a file name with ../ is ignored: the content decides, stored under prifora’s own names', async (t) => {
  const { server, anna } = await family(t);
  const response = await upload(server, anna, await cameraJpeg(200, 100, 1), { name: '../../etc/passwd.jpg' });
  t.is(response.status, 201);
  t.false(fs.existsSync(path.join(server.dataDir, 'etc')));
  t.true(filesOnDisk(server).every((f) => !f.includes('..') && !f.includes('passwd')));
});

test('a file name with NUL is refused as a broken body and stores nothing', async (t) => {
  const { server, anna } = await family(t);
  const response = await upload(server, anna, await cameraJpeg(200, 100, 1), { name: 'photo\u0000.jpg' });
  t.is(response.status, 400, JSON.stringify(response.body));
  t.deepEqual(filesOnDisk(server), []);
  t.is(await Media.count(), 0);
});

test('a multipart body with 1,000 fields is refused with 413', async (t) => {
  const { server, anna } = await family(t);
  const fields = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, 'x']));
  const response = await upload(server, anna, await cameraJpeg(100, 100, 1), { fields });
  t.is(response.status, 413);
  t.is(await Media.count(), 0);
});

test('an upload over the photo limit is refused with 413', async (t) => {
  const { server, anna } = await family(t, { 'media.maxPhotoBytes': 20_000 });
  const response = await upload(server, anna, await cameraJpeg(600, 600, 1));
  t.is(response.status, 413);
  t.deepEqual(filesOnDisk(server), []);
});

test('a full storage quota answers 507 with a message, and admins see the usage', async (t) => {
  const { server, admin, anna } = await family(t, { 'media.quotaBytes': 10 });
  const response = await upload(server, anna, await cameraJpeg(200, 200, 1));
  t.is(response.status, 507);
  t.is(response.body.error.message, 'The family’s storage is full. Ask the family admin to make room.');
  const usage = await server.api('/api/v1/media/usage', { cookie: admin.cookie });
  t.deepEqual(usage.body.usage, { bytes: 0, items: 0, quotaBytes: 10 });
  t.is((await server.api('/api/v1/media/usage', { cookie: anna.cookie })).status, 403);
});

test('an upload aborted half-way leaves no file and no row', async (t) => {
  const { server, anna } = await family(t);
  const photo = await cameraJpeg(800, 600, 1);
  const boundary = 'prifora-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  await new Promise<void>((resolve) => {
    const request = http.request(`${server.url}/api/v1/media`, {
      method: 'POST',
      headers: { cookie: anna.cookie, origin: 'http://localhost:8080', 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + photo.length + 100 },
    });
    request.on('error', () => resolve());
    request.write(head);
    request.write(photo.subarray(0, photo.length / 2), () => setImmediate(() => {
      request.destroy();
      resolve();
    }));
  });
  // The server notices the closed connection and removes the partial file.
  const deadline = Date.now() + 5000;
  while (filesOnDisk(server).length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  t.deepEqual(filesOnDisk(server), []);
  t.is(await Media.count(), 0);
});

test('range requests: first byte, last byte, and past the end is 416', async (t) => {
  const { server, anna } = await family(t);
  const uploaded = await upload(server, anna, await cameraJpeg(300, 200, 1));
  const url = uploaded.body.media.urls.full;
  const whole = await download(server, anna, url);
  const size = whole.bytes.length;
  const first = await download(server, anna, url, { range: 'bytes=0-0' });
  t.is(first.status, 206);
  t.is(first.headers.get('content-range'), `bytes 0-0/${size}`);
  t.deepEqual(first.bytes, whole.bytes.subarray(0, 1));
  const last = await download(server, anna, url, { range: `bytes=${size - 1}-` });
  t.is(last.status, 206);
  t.deepEqual(last.bytes, whole.bytes.subarray(size - 1));
  const suffix = await download(server, anna, url, { range: 'bytes=-10' });
  t.deepEqual(suffix.bytes, whole.bytes.subarray(size - 10));
  const past = await download(server, anna, url, { range: `bytes=${size}-` });
  t.is(past.status, 416);
  t.is(past.headers.get('content-range'), `bytes */${size}`);
  const cached = await download(server, anna, url, { 'if-none-match': whole.headers.get('etag') as string });
  t.is(cached.status, 304);
  t.regex(whole.headers.get('cache-control') ?? '', /immutable/);
});

test('only people who can see the conversation of a message can fetch its photo', async (t) => {
  const { server, admin, anna, bob } = await family(t);
  const uploaded = await upload(server, anna, await cameraJpeg(200, 200, 1));
  const mediaId = uploaded.body.media.id;
  t.is((await server.api(`/api/v1/media/${mediaId}`, { cookie: admin.cookie })).status, 404, 'not shared yet');
  const conversation = await server.api('/api/v1/conversations/direct', { cookie: anna.cookie, body: { userId: admin.id } });
  const sent = await server.api(`/api/v1/conversations/${conversation.body.conversation.id}/messages`, { cookie: anna.cookie, body: { body: 'Kijk!', attachments: [mediaId] } });
  t.is(sent.status, 201);
  t.is(sent.body.message.attachments[0].id, mediaId);
  t.is((await download(server, admin, `/api/v1/media/${mediaId}/thumb`)).status, 200);
  t.is((await download(server, bob, `/api/v1/media/${mediaId}/thumb`)).status, 404);
  t.is((await server.api(`/api/v1/media/${mediaId}`)).status, 401);
  const stolen = await server.api(`/api/v1/conversations/${conversation.body.conversation.id}/messages`, { cookie: admin.cookie, body: { body: 'ook', attachments: [mediaId] } });
  t.is(stolen.status, 201, 'someone who was shown a photo may show it on');
  const bobs = await server.api('/api/v1/conversations/direct', { cookie: bob.cookie, body: { userId: admin.id } });
  const refused = await server.api(`/api/v1/conversations/${bobs.body.conversation.id}/messages`, { cookie: bob.cookie, body: { body: 'mag niet', attachments: [mediaId] } });
  t.is(refused.status, 400);
  t.is(refused.body.error.message, 'attachments: names a photo or video that is not yours to share');
  const history = await server.api(`/api/v1/conversations/${conversation.body.conversation.id}/messages`, { cookie: admin.cookie });
  t.is(history.body.messages.at(-1).attachments[0].urls.station, `/api/v1/media/${mediaId}/station`);
});

test('deleting a photo removes every file; a sweep removes files no row points at', async (t) => {
  const { server, admin, anna, bob } = await family(t);
  const uploaded = await upload(server, anna, await cameraJpeg(200, 200, 1));
  const mediaId = uploaded.body.media.id;
  t.true(filesOnDisk(server).length >= 3);
  t.is((await server.api(`/api/v1/media/${mediaId}`, { method: 'DELETE', cookie: bob.cookie })).status, 404);
  t.is((await server.api(`/api/v1/media/${mediaId}`, { method: 'DELETE', cookie: anna.cookie })).status, 204);
  t.deepEqual(filesOnDisk(server), []);
  t.is(await MediaFile.count(), 0);
  t.is((await download(server, anna, `/api/v1/media/${mediaId}/full`)).status, 404, 'its link stops working');
  void admin;

  const orphan = path.join(server.dataDir, 'media', 'ab', 'ab000000-0000-4000-8000-000000000000');
  fs.mkdirSync(orphan, { recursive: true });
  fs.writeFileSync(path.join(orphan, 'full.jpg'), 'left by a crash');
  const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
  fs.utimesSync(orphan, hourAgo, hourAgo);
  const dry = await sweepMedia(server.running.services, { dryRun: true });
  t.deepEqual(dry.removed, ['ab/ab000000-0000-4000-8000-000000000000']);
  t.true(fs.existsSync(orphan));
  await sweepMedia(server.running.services);
  t.false(fs.existsSync(orphan));
});

test('a signed link works without a session until it expires, and stops when the photo is deleted', async (t) => {
  const { server, anna, bob } = await family(t);
  const uploaded = await upload(server, anna, await cameraJpeg(200, 200, 1));
  const mediaId = uploaded.body.media.id;
  t.is((await server.api(`/api/v1/media/${mediaId}/link?size=station`, { cookie: bob.cookie })).status, 404);
  const link = await server.api(`/api/v1/media/${mediaId}/link?size=station`, { cookie: anna.cookie });
  t.is(link.status, 200);
  t.true(Date.parse(link.body.expiresAt) - Date.now() <= 5 * 60 * 1000);
  t.is((await fetch(`${server.url}${link.body.url}`)).status, 200, 'no cookie needed');
  const forged = link.body.url.replace(/signature=[\w-]+/, 'signature=AAAA');
  t.is((await fetch(`${server.url}${forged}`)).status, 404);
  const other = link.body.url.replace('/station?', '/full?');
  t.is((await fetch(`${server.url}${other}`)).status, 404, 'a link is for one size');
  const expired = link.body.url.replace(/expires=\d+/, `expires=${Math.floor(Date.now() / 1000) - 1}`);
  t.is((await fetch(`${server.url}${expired}`)).status, 404);
  t.is((await fetch(`${server.url}/api/v1/media/${mediaId}/station`)).status, 401, 'without a link a session is needed');
  await server.api(`/api/v1/media/${mediaId}`, { method: 'DELETE', cookie: anna.cookie });
  t.is((await fetch(`${server.url}${link.body.url}`)).status, 404, 'a link for a deleted item stops working');
});

test('a profile photo is shown to the whole family', async (t) => {
  const { server, anna, bob } = await family(t);
  const uploaded = await upload(server, anna, await cameraJpeg(300, 300, 1));
  const set = await server.api('/api/v1/me/photo', { method: 'PUT', cookie: anna.cookie, body: { mediaId: uploaded.body.media.id } });
  t.is(set.body.user.photoUrl, `/api/v1/media/${uploaded.body.media.id}/thumb`);
  const people = await server.api('/api/v1/users', { cookie: bob.cookie });
  const annaSeen = people.body.users.find((u: { id: string }) => u.id === anna.id);
  t.is((await download(server, bob, annaSeen.photoUrl)).status, 200);
  t.is((await server.api('/api/v1/me/photo', { method: 'PUT', cookie: bob.cookie, body: { mediaId: '00000000-0000-4000-8000-000000000000' } })).status, 404);
});

test('a video with a location tag is stored without it, with a poster, and seeks with ranges', async (t) => {
  const { server, anna } = await family(t);
  const dir = fs.mkdtempSync(path.join(server.dataDir, 'clip-'));
  const input = path.join(dir, 'IMG_0001.MOV');
  const made = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=1:size=160x120:rate=25', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-metadata', 'location=+52.37+004.89/', '-movflags', 'use_metadata_tags', input]);
  t.is(made.status, 0, 'ffmpeg is installed by .ci/run');
  const uploaded = await upload(server, anna, fs.readFileSync(input), { name: 'IMG_0001.MOV' });
  fs.rmSync(dir, { recursive: true });
  t.is(uploaded.status, 201, JSON.stringify(uploaded.body));
  t.like(uploaded.body.media, { kind: 'video', mime: 'video/quicktime', width: 160, height: 120 });
  t.true(Math.abs(uploaded.body.media.duration - 1) < 0.1);
  const video = await download(server, anna, uploaded.body.media.urls.video);
  t.is(video.headers.get('content-type'), 'video/mp4');
  t.false(video.bytes.includes(Buffer.from('+52.37')), 'the location is gone');
  const part = await download(server, anna, uploaded.body.media.urls.video, { range: 'bytes=100-199' });
  t.is(part.status, 206);
  t.deepEqual(part.bytes, video.bytes.subarray(100, 200));
  t.is((await download(server, anna, uploaded.body.media.urls.poster)).headers.get('content-type'), 'image/jpeg');
});

test('the same photo uploaded twice at the same moment ends up as one item', async (t) => {
  const { server, anna, bob } = await family(t);
  const photo = await cameraJpeg(400, 300, 1);
  const [first, second] = await Promise.all([upload(server, anna, photo), upload(server, bob, photo)]);
  t.is(first.status, 201);
  t.is(second.status, 201);
  t.is(first.body.media.id, second.body.media.id);
  t.is(await Media.count(), 1);
  t.is(filesOnDisk(server).length, 3, 'one set of files');
});

test('a sweep leaves a folder that was just renamed into place alone', async (t) => {
  const { server } = await family(t);
  const fresh = path.join(server.dataDir, 'media', 'ef', 'ef000000-0000-4000-8000-000000000000');
  fs.mkdirSync(fresh, { recursive: true });
  fs.writeFileSync(path.join(fresh, 'full.jpg'), 'its row is being written');
  t.deepEqual((await sweepMedia(server.running.services)).removed, []);
  t.true(fs.existsSync(fresh));
});
