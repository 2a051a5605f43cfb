import test from 'ava';
import sharp from 'sharp';
import { buildAdmin, buildMember, type Member } from '../helpers/family.js';
import { connectLive } from '../helpers/live.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let shade = 0;

async function uploadPhoto(server: TestServer, who: Member): Promise<string> {
  shade += 1;
  const png = await sharp({ create: { width: 16, height: 12, channels: 3, background: { r: shade, g: 120, b: 60 } } }).png().toBuffer();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)]), 'p.png');
  const response = await fetch(`${server.url}/api/v1/media`, { method: 'POST', body: form, headers: { cookie: who.cookie, origin: 'http://localhost:8080' } });
  return ((await response.json()) as { media: { id: string } }).media.id;
}

async function family(t: { teardown(fn: () => unknown): void }) {
  const server = await startTestServer({ 'family.language': 'nl' });
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const anna = await buildMember(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  const station = await server.api('/api/v1/station-people', {
    cookie: admin.cookie,
    body: { username: 'omariet', firstName: 'Riet', lastName: 'de Vries', email: 'riet@example.org', mobile: '+31 6 99999999', language: 'nl' },
  });
  const slideshow = await server.api('/api/v1/slideshows', { cookie: admin.cookie, body: { name: 'Familie', intervalSeconds: 12 } });
  return { server, admin, anna, bob, stationId: station.body.stationPerson.id as string, slideshowId: slideshow.body.slideshow.id as string };
}

test('members add their photos, the station plays the assigned slideshows with a Dutch caption', async (t) => {
  const f = await family(t);
  const photo = await uploadPhoto(f.server, f.anna);
  t.is((await f.server.api(`/api/v1/slideshows/${f.slideshowId}/items`, { cookie: f.anna.cookie, body: { mediaId: photo } })).status, 204);
  t.is((await f.server.api(`/api/v1/station-people/${f.stationId}/slideshows`, { method: 'PUT', cookie: f.admin.cookie, body: { slideshowIds: [f.slideshowId] } })).status, 200);
  const played = await f.server.api(`/api/v1/station-people/${f.stationId}/playlist`, { cookie: f.admin.cookie });
  t.is(played.body.slides.length, 1);
  t.like(played.body.slides[0], { intervalSeconds: 12, caption: 'van Anna, vandaag', addedBy: { id: f.anna.id, name: 'Anna' } });
  t.is(played.body.slides[0].media.id, photo);
  t.is((await f.server.api(`/api/v1/media/${photo}`, { cookie: f.bob.cookie })).status, 200, 'a slideshow photo is the family’s');
  t.is((await f.server.api(`/api/v1/station-people/${f.stationId}/playlist`, { cookie: f.anna.cookie })).status, 403);
});

test('a photo that is not yours to share cannot be added; only its adder or an admin takes it out', async (t) => {
  const f = await family(t);
  const annas = await uploadPhoto(f.server, f.anna);
  t.is((await f.server.api(`/api/v1/slideshows/${f.slideshowId}/items`, { cookie: f.bob.cookie, body: { mediaId: annas } })).status, 404);
  await f.server.api(`/api/v1/slideshows/${f.slideshowId}/items`, { cookie: f.anna.cookie, body: { mediaId: annas } });
  t.is((await f.server.api(`/api/v1/slideshows/${f.slideshowId}/items/${annas}`, { method: 'DELETE', cookie: f.bob.cookie })).status, 403);
  t.is((await f.server.api(`/api/v1/slideshows/${f.slideshowId}/items/${annas}`, { method: 'DELETE', cookie: f.anna.cookie })).status, 204);
  const detail = await f.server.api(`/api/v1/slideshows/${f.slideshowId}`, { cookie: f.bob.cookie });
  t.deepEqual(detail.body.slideshow.items, []);
});

test('admins reorder, and the order must name every item once', async (t) => {
  const f = await family(t);
  const ids = [await uploadPhoto(f.server, f.anna), await uploadPhoto(f.server, f.anna), await uploadPhoto(f.server, f.anna)];
  for (const mediaId of ids) await f.server.api(`/api/v1/slideshows/${f.slideshowId}/items`, { cookie: f.anna.cookie, body: { mediaId } });
  const reversed = [...ids].reverse();
  t.is((await f.server.api(`/api/v1/slideshows/${f.slideshowId}/order`, { method: 'PUT', cookie: f.anna.cookie, body: { mediaIds: reversed } })).status, 403);
  t.is((await f.server.api(`/api/v1/slideshows/${f.slideshowId}/order`, { method: 'PUT', cookie: f.admin.cookie, body: { mediaIds: reversed } })).status, 204);
  const detail = await f.server.api(`/api/v1/slideshows/${f.slideshowId}`, { cookie: f.anna.cookie });
  t.deepEqual(detail.body.slideshow.items.map((i: { media: { id: string } }) => i.media.id), reversed);
  const partial = await f.server.api(`/api/v1/slideshows/${f.slideshowId}/order`, { method: 'PUT', cookie: f.admin.cookie, body: { mediaIds: ids.slice(1) } });
  t.is(partial.body.error.message, 'mediaIds: must name every item of the slideshow once');
});

test('a slideshow outside its active hours plays nothing, and bad hours are refused', async (t) => {
  const f = await family(t);
  await f.server.api(`/api/v1/slideshows/${f.slideshowId}/items`, { cookie: f.anna.cookie, body: { mediaId: await uploadPhoto(f.server, f.anna) } });
  await f.server.api(`/api/v1/station-people/${f.stationId}/slideshows`, { method: 'PUT', cookie: f.admin.cookie, body: { slideshowIds: [f.slideshowId] } });
  // Active hours that leave out the three minutes around now (from two minutes ahead until one minute ago).
  const here = new Intl.DateTimeFormat('en-GB', { timeZone: f.server.config.family.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
  const [h, m] = here.split(':').map(Number) as [number, number];
  const shifted = (minutes: number) => {
    const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
    return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  };
  await f.server.api(`/api/v1/slideshows/${f.slideshowId}`, { method: 'PATCH', cookie: f.admin.cookie, body: { activeFrom: shifted(2), activeUntil: shifted(-1) } });
  t.deepEqual((await f.server.api(`/api/v1/station-people/${f.stationId}/playlist`, { cookie: f.admin.cookie })).body.slides, []);
  const bad = await f.server.api(`/api/v1/slideshows/${f.slideshowId}`, { method: 'PATCH', cookie: f.admin.cookie, body: { activeFrom: '25:00' } });
  t.is(bad.body.error.message, 'activeFrom: must be a time like 08:30');
});

test('a change to a slideshow is announced live, so a station can show a new photo within seconds', async (t) => {
  const f = await family(t);
  const live = await connectLive(f.server, f.bob.cookie);
  await live.next((m) => m.type === 'ready');
  await f.server.api(`/api/v1/slideshows/${f.slideshowId}/items`, { cookie: f.anna.cookie, body: { mediaId: await uploadPhoto(f.server, f.anna) } });
  const event = await live.next((m) => m.event === 'slideshow.changed' && m.payload.what === 'added');
  t.is(event.payload.slideshowId, f.slideshowId);
  live.close();
});
