import test from 'ava';
import sharp from 'sharp';
import { QueryTypes } from 'sequelize';
import { gridQuery } from '../../server/services/mediaGrid.js';
import { buildAdmin, buildMember, type Member } from '../helpers/family.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * GET /api/v1/media: the photo grid. Everyone sees their own uploads, what was shown in their
 * conversations and what is in a slideshow, newest first in pages; never someone else's private
 * upload, never a profile photo.
 */

let shade = 0;

async function upload(server: TestServer, who: Member): Promise<string> {
  shade += 1;
  const jpeg = await sharp({ create: { width: 24, height: 16, channels: 3, background: { r: shade % 256, g: 90, b: (shade * 7) % 256 } } }).jpeg().toBuffer();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(jpeg)]), 'photo.jpg');
  const response = await fetch(`${server.url}/api/v1/media`, { method: 'POST', body: form, headers: { cookie: who.cookie, origin: 'http://localhost:8080' } });
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { media: { id: string } }).media.id;
}

interface GridItem {
  media: { id: string; kind: string; urls: Record<string, string> };
  sharedBy: { id: string; name: string } | null;
  sharedAt: string;
  cursor: string;
  abilities: { delete: boolean };
}

async function grid(server: TestServer, who: Member, query = ''): Promise<{ items: GridItem[]; nextBefore: string | null }> {
  const response = await server.api(`/api/v1/media${query}`, { cookie: who.cookie });
  if (response.status !== 200) throw new Error(`grid: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const ids = (page: { items: GridItem[] }) => page.items.map((i) => i.media.id);

async function family(t: { teardown(fn: () => unknown): void }) {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server, { firstName: 'Pieter' });
  const anna = await buildMember(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  return { server, admin, anna, bob };
}

test('each person sees their own uploads, what was shown to them and the slideshows, and no one’s private photos or profile photos', async (t) => {
  const { server, admin, anna, bob } = await family(t);
  const annasOwn = await upload(server, anna);
  const shownToBob = await upload(server, anna);
  const inSlideshow = await upload(server, anna);
  const bobsOwn = await upload(server, bob);
  const profile = await upload(server, anna);
  t.is((await server.api('/api/v1/me/photo', { method: 'PUT', cookie: anna.cookie, body: { mediaId: profile } })).status, 200);

  const direct = await server.api('/api/v1/conversations/direct', { cookie: anna.cookie, body: { userId: bob.id } });
  const sent = await server.api(`/api/v1/conversations/${direct.body.conversation.id}/messages`, { cookie: anna.cookie, body: { body: 'Kijk!', attachments: [shownToBob] } });
  t.is(sent.status, 201);
  const slideshow = await server.api('/api/v1/slideshows', { cookie: admin.cookie, body: { name: 'Familie' } });
  t.is((await server.api(`/api/v1/slideshows/${slideshow.body.slideshow.id}/items`, { cookie: anna.cookie, body: { mediaId: inSlideshow } })).status, 204);

  t.deepEqual(ids(await grid(server, anna)), [inSlideshow, shownToBob, annasOwn], 'Anna: her own, newest first, without her profile photo');
  t.deepEqual(ids(await grid(server, bob)), [bobsOwn, inSlideshow, shownToBob], 'Bob: his own, what Anna showed him, the slideshow');
  t.deepEqual(ids(await grid(server, admin)), [inSlideshow], 'the admin: only the slideshow, nothing private of the members');

  const bobs = await grid(server, bob);
  const byId = new Map(bobs.items.map((i) => [i.media.id, i]));
  t.like(byId.get(shownToBob), { sharedBy: { id: anna.id, name: 'Anna' }, sharedAt: sent.body.message.createdAt, abilities: { delete: false } });
  t.like(byId.get(bobsOwn), { sharedBy: { id: bob.id, name: 'Bob' }, abilities: { delete: true } });
  t.like(byId.get(inSlideshow), { sharedBy: { id: anna.id, name: 'Anna' }, abilities: { delete: false } });
  t.deepEqual(Object.keys(byId.get(inSlideshow)?.media.urls ?? {}).sort(), ['full', 'station', 'thumb']);
  t.like((await grid(server, admin)).items[0], { media: { id: inSlideshow }, abilities: { delete: true } });
});

test('an item another person also uploaded in private is credited to whoever showed it, never to that person', async (t) => {
  const { server, anna, bob } = await family(t);
  const carol = await buildMember(server, { firstName: 'Carol' });
  shade += 1;
  const jpeg = await sharp({ create: { width: 20, height: 20, channels: 3, background: { r: 3, g: 200, b: 9 } } }).jpeg().toBuffer();
  const send = async (who: Member) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(jpeg)]), 'same.jpg');
    const response = await fetch(`${server.url}/api/v1/media`, { method: 'POST', body: form, headers: { cookie: who.cookie, origin: 'http://localhost:8080' } });
    return ((await response.json()) as { media: { id: string } }).media.id;
  };
  const id = await send(carol);
  t.is(await send(anna), id, 'the same content is one item');
  const direct = await server.api('/api/v1/conversations/direct', { cookie: anna.cookie, body: { userId: bob.id } });
  await server.api(`/api/v1/conversations/${direct.body.conversation.id}/messages`, { cookie: anna.cookie, body: { body: 'Zie je?', attachments: [id] } });
  const bobs = await grid(server, bob);
  t.deepEqual(ids(bobs), [id]);
  t.deepEqual(bobs.items[0]?.sharedBy, { id: anna.id, name: 'Anna' });
});

test('pages come newest first with a cursor, also when items were stored in the same millisecond', async (t) => {
  const { server, anna } = await family(t);
  const made: string[] = [];
  for (let i = 0; i < 7; i += 1) made.push(await upload(server, anna));
  // Three of them share one timestamp: the id decides their order, and no page skips or repeats one.
  const db = server.running.services.db.sequelize;
  const [{ createdAt }] = await db.query<{ createdAt: string }>('SELECT createdAt FROM media WHERE id = :id', { replacements: { id: made[3] }, type: QueryTypes.SELECT }) as [{ createdAt: string }];
  await db.query('UPDATE media SET createdAt = :createdAt WHERE id IN (:ids)', { replacements: { createdAt, ids: made.slice(2, 5) } });
  const tied = made.slice(2, 5).sort().reverse();
  const expected = [made[6], made[5], ...tied, made[1], made[0]];

  const seen: string[] = [];
  let query = '?limit=3';
  const sizes: number[] = [];
  for (;;) {
    const page = await grid(server, anna, query);
    sizes.push(page.items.length);
    seen.push(...ids(page));
    if (!page.nextBefore) break;
    t.is(page.items.at(-1)?.cursor, page.nextBefore, 'nextBefore is the cursor of the last item');
    query = `?limit=3&before=${page.nextBefore}`;
  }
  t.deepEqual(sizes, [3, 3, 1]);
  t.deepEqual(seen, expected);
  t.deepEqual(ids(await grid(server, anna)), expected, 'the default page holds them all');
});

test('a deleted photo and a photo of a deleted message leave the grid', async (t) => {
  const { server, admin, anna, bob } = await family(t);
  const first = await upload(server, anna);
  const second = await upload(server, anna);
  const direct = await server.api('/api/v1/conversations/direct', { cookie: anna.cookie, body: { userId: bob.id } });
  const conversation = direct.body.conversation.id;
  await server.api(`/api/v1/conversations/${conversation}/messages`, { cookie: anna.cookie, body: { body: 'Een', attachments: [first] } });
  const message = await server.api(`/api/v1/conversations/${conversation}/messages`, { cookie: anna.cookie, body: { body: 'Twee', attachments: [second] } });
  t.deepEqual(ids(await grid(server, bob)), [second, first]);

  t.is((await server.api(`/api/v1/media/${first}`, { method: 'DELETE', cookie: bob.cookie })).status, 403, 'only whoever shared it or an admin deletes');
  t.is((await server.api(`/api/v1/media/${first}`, { method: 'DELETE', cookie: anna.cookie })).status, 204);
  t.deepEqual(ids(await grid(server, bob)), [second]);
  t.deepEqual(ids(await grid(server, anna)), [second]);

  t.is((await server.api(`/api/v1/messages/${message.body.message.id}`, { method: 'DELETE', cookie: anna.cookie })).status, 204);
  t.deepEqual(ids(await grid(server, bob)), [], 'Bob saw it only in the deleted message');
  t.deepEqual(ids(await grid(server, anna)), [second], 'Anna keeps her own upload');
  t.deepEqual(ids(await grid(server, admin)), []);
});

test('a forged cursor and a bad limit are refused with the field and the problem', async (t) => {
  const { server, anna } = await family(t);
  const forged = await server.api('/api/v1/media?before=abc', { cookie: anna.cookie });
  t.is(forged.status, 400);
  t.is(forged.body.error.message, 'query.before: is not a valid cursor');
  const zero = await server.api('/api/v1/media?limit=0', { cookie: anna.cookie });
  t.is(zero.body.error.message, 'query.limit: must be at least 1');
  const many = await server.api('/api/v1/media?limit=201', { cookie: anna.cookie });
  t.is(many.body.error.message, 'query.limit: must be at most 200');
  const unknown = await server.api('/api/v1/media?after=x', { cookie: anna.cookie });
  t.is(unknown.body.error.message, 'query.after: is not a known field');
});

test('the grid walks the (createdAt, id) index instead of sorting every photo', async (t) => {
  const { server, anna } = await family(t);
  await upload(server, anna);
  const db = server.running.services.db.sequelize;
  for (const withCursor of [false, true]) {
    const plan = await db.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${gridQuery(withCursor)}`, {
      replacements: { me: anna.id, beforeAt: '2030-01-01', beforeId: 'z', limit: 51 },
      type: QueryTypes.SELECT,
    });
    const details = plan.map((row) => row.detail);
    t.true(details.some((d) => d.includes('media_created_at_id')), details.join('\n'));
    t.false(details.some((d) => d.includes('TEMP B-TREE')), details.join('\n'));
    // Later pages seek straight to the cursor instead of walking past every newer photo.
    if (withCursor) t.true(details.some((d) => d.includes('media_created_at_id ((createdAt,id)<(?,?))')), details.join('\n'));
  }
});

test('everyone sees which screens a slideshow plays on, so they know where a photo goes', async (t) => {
  const { server, admin, bob } = await family(t);
  const station = await server.api('/api/v1/station-people', {
    cookie: admin.cookie,
    body: { username: 'omariet', firstName: 'Oma Riet', lastName: 'de Vries', email: 'riet@example.org', mobile: '+31 6 99999999' },
  });
  const stationId: string = station.body.stationPerson.id;
  const playing = await server.api('/api/v1/slideshows', { cookie: admin.cookie, body: { name: 'Voor oma' } });
  await server.api('/api/v1/slideshows', { cookie: admin.cookie, body: { name: 'Archief' } });
  await server.api(`/api/v1/station-people/${stationId}/slideshows`, { method: 'PUT', cookie: admin.cookie, body: { slideshowIds: [playing.body.slideshow.id] } });

  const list = await server.api('/api/v1/slideshows', { cookie: bob.cookie });
  t.deepEqual(
    list.body.slideshows.map((s: { name: string; screens: unknown; itemCount: number }) => [s.name, s.screens, s.itemCount]),
    [
      ['Archief', [], 0],
      ['Voor oma', [{ id: stationId, name: 'Oma Riet' }], 0],
    ],
  );
  const detail = await server.api(`/api/v1/slideshows/${playing.body.slideshow.id}`, { cookie: bob.cookie });
  t.deepEqual(detail.body.slideshow.screens, [{ id: stationId, name: 'Oma Riet' }]);
});
