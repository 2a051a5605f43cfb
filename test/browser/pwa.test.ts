import path from 'node:path';
import test from 'ava';
import sharp from 'sharp';
import { closeBrowser, openPage, resultsDir } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';

/**
 * The web app is installable: a manifest with real icons, and a service worker that keeps the
 * app shell so the app opens without a network (its data stays live and is never cached).
 */

test.after.always(() => closeBrowser());

test('the manifest names the app and its icons, which are real PNGs of the sizes it says', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const response = await fetch(`${server.url}/manifest.webmanifest`);
  t.is(response.status, 200);
  t.regex(response.headers.get('content-type') ?? '', /^application\/manifest\+json/);
  const manifest = (await response.json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };
  t.is(manifest.name, 'prifora');
  t.is(manifest.start_url, '/');
  t.is(manifest.display, 'standalone');
  for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
    const image = await fetch(`${server.url}${icon.src}`);
    t.is(image.status, 200, icon.src);
    const { width, height, format } = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    t.is(format, 'png');
    t.is(`${width}x${height}`, icon.sizes, icon.src);
  }
  t.true(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'));
  t.true(manifest.icons.some((i) => i.sizes === '192x192'));
});

test('the service worker keeps the app shell: the app opens offline, and the API is never served from its cache', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const { context, page, problems } = await openPage(t, server);
  await page.goto('/signin');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  t.is(await page.locator('link[rel="manifest"]').getAttribute('href'), '/manifest.webmanifest');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first visit installed the worker; from the next page on it answers the requests.
  await page.reload();
  t.true(await page.evaluate(() => navigator.serviceWorker.controller !== null));
  const cached = await page.evaluate(async () => {
    const keys = await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname)));
    return keys.flat();
  });
  t.true(cached.includes('/'), cached.join(' '));
  t.true(cached.some((p) => p.startsWith('/assets/') && p.endsWith('.js')), cached.join(' '));
  t.false(cached.some((p) => p.startsWith('/api/')), cached.join(' '));

  await context.setOffline(true);
  await page.reload();
  // The shell still renders and says, in words, that the server cannot be reached.
  await page.locator('h1').first().waitFor();
  await page.screenshot({ path: path.join(resultsDir, 'pwa-offline-390x844.png') });
  t.regex(await page.locator('body').innerText(), /server|connection|internet/i);
  await context.setOffline(false);
  t.deepEqual(problems, []);
});
