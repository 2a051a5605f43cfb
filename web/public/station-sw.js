/*
 * The Home Station's service worker (scope /station). A screen must keep working when the
 * network does not: the clock keeps running and the slideshow keeps playing from what it kept.
 *
 * It keeps
 *  - the station UI: the /station page (network first, so a new build shows at once) and the
 *    hashed files it names (cache first: they never change under their name);
 *  - the screen's last answers to /api/v1/station/me and to its playlist, used only when the
 *    server cannot be reached (an answer of the server, 401 included, always wins; the page
 *    tells the worker to drop them once it is sure the screen was revoked);
 *  - the station-size photos of the newest slides of the playlist (at least the 200 newest, by
 *    when they were shared), fetched in the background after each playlist and served from the
 *    cache first (a stored photo never changes under its URL); photos that drop out of the
 *    newest are deleted.
 * Everything else (chats, notices, the live socket, videos) always goes to the network.
 */
const SHELL = 'prifora-station-shell-v1';
const DATA = 'prifora-station-data-v1';
const PAGE = '/station';
/** How many of the playlist's newest photos stay on the screen for when the server is away. */
const KEEP_PHOTOS = 200;
const SAVED_ANSWERS = [/^\/api\/v1\/station\/me$/, /^\/api\/v1\/station-people\/[^/]+\/playlist$/, /^\/api\/v1\/station\/playlist$/];
const PLAYLISTS = SAVED_ANSWERS.slice(1);
const PHOTO = /^\/api\/v1\/media\/[^/]+\/station$/;

/** The /assets/ files a page loads, read from its script and link tags. */
function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
}

/** Caches the page and everything it names, then drops assets no longer named. */
async function keepShell(response) {
  const cache = await caches.open(SHELL);
  const html = await response.clone().text();
  const assets = assetsOf(html);
  await cache.put(PAGE, response);
  await Promise.all(assets.map(async (asset) => (await cache.match(asset)) ?? cache.add(asset)));
  const wanted = new Set([...assets, PAGE]);
  for (const request of await cache.keys()) {
    if (!wanted.has(new URL(request.url).pathname)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const page = await fetch(PAGE, { cache: 'no-cache' });
      if (page.ok) await keepShell(page);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Only the station's own older caches: the web app's live beside them on the same origin.
      for (const name of await caches.keys()) {
        if (name.startsWith('prifora-station-') && name !== SHELL && name !== DATA) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** Network first for the station's page; the kept page when the network fails. */
async function page(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html')) {
      await keepShell(response.clone()).catch(() => undefined);
    }
    return response;
  } catch (error) {
    const cached = await caches.match(PAGE, { cacheName: SHELL });
    if (cached) return cached;
    throw error;
  }
}

/** Cache first for files that never change under their name. */
async function asset(request) {
  const cached = await caches.match(request, { cacheName: SHELL });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

/** The URLs of the station-size photos of the newest slides, newest first. */
function newestPhotos(slides) {
  return slides
    .filter((slide) => slide?.media?.kind === 'photo' && typeof slide.media.urls?.station === 'string')
    .sort((a, b) => String(b.media.createdAt).localeCompare(String(a.media.createdAt)))
    .slice(0, KEEP_PHOTOS)
    .map((slide) => slide.media.urls.station);
}

let keep = null;
let fetching = false;

/**
 * Fetches the kept photos that are missing, one at a time (the screen shows photos meanwhile),
 * and deletes the ones no longer kept. Stops at the first network failure: the next playlist
 * starts it again.
 */
async function keepPhotos(wanted) {
  keep = new Set(wanted);
  const cache = await caches.open(DATA);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (PHOTO.test(path) && !keep.has(path)) await cache.delete(request);
  }
  if (fetching) return;
  fetching = true;
  try {
    for (;;) {
      const missing = [];
      for (const path of keep) if (!(await cache.match(path))) missing.push(path);
      const next = missing[0];
      if (!next) return;
      const response = await fetch(next, { credentials: 'same-origin' });
      if (!response.ok) {
        keep.delete(next);
        continue;
      }
      await cache.put(next, response);
    }
  } catch {
    // Offline again: what is kept stays kept.
  } finally {
    fetching = false;
  }
}

/**
 * Network first for the answers the screen starts from; the kept one when the server is away.
 * Resolves to the response and the background work it started (keeping a playlist's photos).
 */
async function savedAnswer(request, path) {
  const cache = await caches.open(DATA);
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const cached = await cache.match(path);
    if (cached) return { response: cached, background: Promise.resolve() };
    throw error;
  }
  let background = Promise.resolve();
  if (response.ok) {
    await cache.put(path, response.clone());
    if (PLAYLISTS.some((pattern) => pattern.test(path))) {
      background = response
        .clone()
        .json()
        .then((body) => keepPhotos(newestPhotos(body.slides ?? [])), () => undefined);
    }
  }
  return { response, background };
}

/** Cache first for kept photos; others go to the network and are kept only if among the newest. */
async function photo(request, path) {
  const cache = await caches.open(DATA);
  const cached = await cache.match(path);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && keep?.has(path)) await cache.put(path, response.clone());
  return response;
}

/** Drops everything kept of this screen's person (the page found the screen revoked). */
async function forget() {
  keep = null;
  await caches.delete(DATA);
}

self.addEventListener('message', (event) => {
  if (event.data?.type === 'forget') event.waitUntil(forget());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (request.mode === 'navigate') {
    if (path === PAGE || path.startsWith(`${PAGE}/`)) event.respondWith(page(request));
    return;
  }
  if (path.startsWith('/assets/')) event.respondWith(asset(request));
  else if (SAVED_ANSWERS.some((pattern) => pattern.test(path))) {
    const answer = savedAnswer(request, path);
    event.respondWith(answer.then((a) => a.response));
    // Keeps the worker alive while it fetches the photos; must be asked for during the event.
    event.waitUntil(answer.then((a) => a.background, () => undefined));
  }
  else if (PHOTO.test(path) && !request.headers.has('range')) event.respondWith(photo(request, path));
});
