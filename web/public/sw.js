/*
 * The web app's service worker: it keeps the app shell (the page, its hashed scripts and styles,
 * the manifest and icons) so prifora opens fast and opens at all on a flaky phone connection.
 * Data stays live: the API, the live socket and photos always go to the network.
 *
 * Pages are fetched network-first (a new build shows at once) and fall back to the cached page;
 * hashed files under /assets/ never change, so they come from the cache first. After each fresh
 * page the cache keeps only the assets that page names, so old builds do not pile up.
 */
const CACHE = 'prifora-shell-v1';
const SHELL_PAGE = '/';
const STATIC_FILES = ['/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png', '/icons/apple-touch-icon.png'];

/** The /assets/ files a page loads, read from its script and link tags. */
function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
}

/** Caches the page and everything it names, then drops assets no longer named. */
async function keepShell(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const assets = assetsOf(html);
  await cache.put(SHELL_PAGE, response);
  await Promise.all(assets.map(async (asset) => (await cache.match(asset)) ?? cache.add(asset)));
  const wanted = new Set([...assets, ...STATIC_FILES, SHELL_PAGE]);
  for (const request of await cache.keys()) {
    if (!wanted.has(new URL(request.url).pathname)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(STATIC_FILES);
      const page = await fetch(SHELL_PAGE, { cache: 'no-cache' });
      if (page.ok) await keepShell(page);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Only the app's own older caches: the station's live beside them on the same origin.
      for (const name of await caches.keys()) if (name.startsWith('prifora-shell-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** Network first for the app's pages; the cached shell when the network fails. */
async function page(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html')) {
      await keepShell(response.clone()).catch(() => undefined);
    }
    return response;
  } catch (error) {
    const cached = await caches.match(SHELL_PAGE);
    if (cached) return cached;
    throw error;
  }
}

/** Cache first for files that never change under their name. */
async function asset(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The station UI has its own offline rules; the API, the live socket and media stay live.
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/station')) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/') || STATIC_FILES.includes(url.pathname)) event.respondWith(asset(request));
});
