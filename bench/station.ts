/**
 * `npm run bench -- station [--runs N] [--cpu-seconds S] [--slides N]`: what the Home Station UI
 * costs the screen. Against a built server (`prifora start`) with a paired screen whose slideshow
 * holds 40 photos, in headless Debian chromium at 1280 × 800:
 *  - first paint of /station (paired): navigation start → the day clock painted (the frame after
 *    it is in the page), with the CPU slowed 4× over the DevTools protocol and a cold cache, so
 *    the screen's cookie, /api/v1/station/me and the scripts are all in it; median of N runs
 *    (default 5); the browser's own first-contentful-paint is printed beside it;
 *  - CPU while the slideshow runs as a family sets it (6 s per photo, the 1 s crossfade, no
 *    slowdown): the renderer's TaskDuration (Performance.getMetrics) over S seconds (default 60)
 *    as a share of one core;
 *  - JS heap after 100 and after 1,000 slides (used size after a forced garbage collection). To
 *    show 1,000 slides in minutes the page is opened with `?slideMs=150`, the station UI's
 *    documented pace parameter (web/station/Station.tsx): each slide stays 150 ms and fades in
 *    0.1 s; every slide is still loaded, decoded, captioned, faded in and removed as at the
 *    normal pace.
 * The last line is one JSON object with first_paint_ms, slideshow_cpu_pct, heap_growth_mb.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import sharp from 'sharp';
import { chromiumArgs, chromiumPath, ensureWebBuild } from '../test/helpers/browser.js';
import { makeTempDir, removeDir, requireBuild, runCli, sleep, startServer, stopServer, summarize, type Benchmark } from './support.js';

const targets = { firstPaintMs: 1_000, slideshowCpuPct: 10, heapGrowthMb: 20 };
const cpuSlowdown = 4;
const viewport = { width: 1280, height: 800 };
const photoCount = 40;
/** A lively but real interval: slideshows allow 3 s to an hour. */
const intervalSeconds = 6;
const benchPaceMs = 150;

interface Seeded {
  credential: string;
}

async function call(url: string, cookie: string | undefined, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ body: any; headers: Headers }> {
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', origin: url, ...(cookie ? { cookie } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return { body: response.status === 204 ? undefined : await response.json(), headers: response.headers };
}

/** The first admin, a station person with a slideshow of photos, and a paired screen. */
async function seed(url: string, output: string): Promise<Seeded> {
  const token = /\/setup#([A-Za-z0-9_-]+)/.exec(output)?.[1];
  if (!token) throw new Error(`prifora start printed no set-up link:\n${output}`);
  const accepted = await fetch(`${url}/api/v1/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ token, username: 'pieter', firstName: 'Pieter', lastName: 'de Vries', mobile: '+31 6 12345678', email: 'pieter@example.org', password: 'correct horse battery', language: 'nl' }),
  });
  const cookie = accepted.headers.getSetCookie().find((c) => c.startsWith('prifora_session='))?.split(';')[0];
  if (accepted.status !== 201 || !cookie) throw new Error(`set-up failed: ${accepted.status} ${await accepted.text()}`);
  const { body: person } = await call(url, cookie, '/api/v1/station-people', { body: { username: 'omariet', firstName: 'Riet', lastName: 'de Vries', mobile: '+31 6 55554444', email: 'riet@example.org' } });
  // The benchmark runs at any hour: the screen must show the slideshow, not its night (22:00–07:00).
  await call(url, cookie, `/api/v1/station-people/${person.stationPerson.id}/settings`, { method: 'PATCH', body: { nightMode: { enabled: false } } });
  const { body: show } = await call(url, cookie, '/api/v1/slideshows', { body: { name: 'Familie', intervalSeconds } });
  for (let i = 0; i < photoCount; i++) {
    // Photo-like content (a gradient with noise) so decoding costs what a real photo does.
    const { data, info } = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: (i * 53) % 255, g: (i * 97) % 255, b: (i * 31) % 255 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const jpeg = await sharp(data, { raw: info }).resize(2400, 1800).jpeg({ quality: 85 }).toBuffer();
    const form = new FormData();
    form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), `photo-${i}.jpg`);
    const uploaded = await fetch(`${url}/api/v1/media`, { method: 'POST', body: form, headers: { cookie, origin: url } });
    if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
    const mediaId = ((await uploaded.json()) as { media: { id: string } }).media.id;
    await call(url, cookie, `/api/v1/slideshows/${show.slideshow.id}/items`, { body: { mediaId } });
  }
  await call(url, cookie, `/api/v1/station-people/${person.stationPerson.id}/slideshows`, { method: 'PUT', body: { slideshowIds: [show.slideshow.id] } });
  const { body: started } = await call(url, undefined, '/api/v1/stations/pairing', { method: 'POST', body: {} });
  await call(url, cookie, '/api/v1/stations', { body: { code: started.pairing.code, name: 'Woonkamer', stationPersonId: person.stationPerson.id } });
  const checked = await call(url, undefined, '/api/v1/stations/pairing/check', { body: { secret: started.pairing.secret } });
  const credential = checked.headers.getSetCookie().find((c) => c.startsWith('prifora_station='))?.split(';')[0]?.slice('prifora_station='.length);
  if (!credential) throw new Error('the screen got no cookie');
  return { credential };
}

/** A fresh context (cold cache, no service worker) holding the screen's cookie. */
async function screenContext(browser: Browser, url: string, seeded: Seeded): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: url, viewport, locale: 'nl-NL', serviceWorkers: 'block', reducedMotion: 'no-preference' });
  await context.addCookies([{ name: 'prifora_station', value: seeded.credential, url, httpOnly: true, sameSite: 'Strict' }]);
  return context;
}

/** Navigation start → the frame after the day clock entered the page; and the browser's FCP. */
async function firstPaint(browser: Browser, url: string, seeded: Seeded): Promise<{ clock: number; fcp: number }> {
  const context = await screenContext(browser, url, seeded);
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.addInitScript(() => {
      const w = window as unknown as { clockPaintedAt?: number };
      new MutationObserver((_records, observer) => {
        if (!document.querySelector('.day-clock__day')) return;
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame((at) => (w.clockPaintedAt = at)));
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/station');
    await page.waitForFunction(() => (window as unknown as { clockPaintedAt?: number }).clockPaintedAt !== undefined, undefined, { timeout: 30_000 });
    return await page.evaluate(() => ({
      clock: (window as unknown as { clockPaintedAt: number }).clockPaintedAt,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    }));
  } finally {
    await context.close();
  }
}

async function taskSeconds(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

/** The renderer's busy time over a window of the slideshow at the family's pace, as % of a core. */
async function slideshowCpu(browser: Browser, url: string, seeded: Seeded, seconds: number): Promise<{ pct: number; slides: number }> {
  const context = await screenContext(browser, url, seeded);
  try {
    const page = await context.newPage();
    await countSlides(page);
    await page.goto('/station');
    await page.waitForFunction(() => (window as unknown as { slides: number }).slides >= 2, undefined, { timeout: 60_000 });
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    const before = await taskSeconds(session);
    const slidesBefore = await page.evaluate(() => (window as unknown as { slides: number }).slides);
    const started = performance.now();
    await sleep(seconds * 1000);
    const busy = (await taskSeconds(session)) - before;
    const elapsed = (performance.now() - started) / 1000;
    const slides = (await page.evaluate(() => (window as unknown as { slides: number }).slides)) - slidesBefore;
    return { pct: (busy / elapsed) * 100, slides };
  } finally {
    await context.close();
  }
}

/** Counts slides as they become visible (a slide gets `slide--visible` once, when it fades in). */
async function countSlides(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { slides: number };
    w.slides = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as Element;
        if (record.type === 'attributes' && target.classList.contains('slide--visible') && !(record.oldValue ?? '').includes('slide--visible')) w.slides += 1;
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'], attributeOldValue: true });
  });
}

async function usedHeapAfterGc(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize;
}

/** JS heap (after GC) once 100 and once `last` slides have been shown at the benchmark pace. */
async function heapOverSlides(browser: Browser, url: string, seeded: Seeded, last: number): Promise<{ at100: number; atLast: number; seconds: number }> {
  const context = await screenContext(browser, url, seeded);
  try {
    const page = await context.newPage();
    await countSlides(page);
    const session = await context.newCDPSession(page);
    await session.send('HeapProfiler.enable');
    await page.goto(`/station?slideMs=${benchPaceMs}`);
    const reach = (count: number) => page.waitForFunction((n) => (window as unknown as { slides: number }).slides >= n, count, { timeout: count * 2_000, polling: 250 });
    const started = performance.now();
    await reach(100);
    const at100 = await usedHeapAfterGc(session);
    await reach(last);
    const atLast = await usedHeapAfterGc(session);
    return { at100, atLast, seconds: (performance.now() - started) / 1000 };
  } finally {
    await context.close();
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const verdict = (value: number, target: number) => (value <= target ? 'ok' : 'MISSED');
const round1 = (value: number) => Math.round(value * 10) / 10;

const station: Benchmark = {
  description: 'the station UI: first paint (paired, 4× CPU slowdown), slideshow CPU, JS heap from slide 100 to 1,000',
  async run(args) {
    const { values } = parseArgs({ args, options: { runs: { type: 'string', default: '5' }, 'cpu-seconds': { type: 'string', default: '60' }, slides: { type: 'string', default: '1000' } } });
    const runs = Number(values.runs);
    const cpuSeconds = Number(values['cpu-seconds']);
    const slides = Number(values.slides);
    for (const [flag, value, min] of [['--runs', runs, 1], ['--cpu-seconds', cpuSeconds, 5], ['--slides', slides, 101]] as const) {
      if (!Number.isInteger(value) || value < min) {
        process.stderr.write(`${flag}: must be a whole number of at least ${min}, got "${String(value)}"\n`);
        return 2;
      }
    }
    if (!requireBuild()) return 1;
    // The station UI as the sources are now (the build is skipped when dist/web is newer).
    await ensureWebBuild();
    const dataDir = makeTempDir();
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    let browser: Browser | undefined;
    try {
      runCli(['init', '--yes', '--data', dataDir, '--language', 'nl', '--time-zone', 'Europe/Amsterdam']);
      server = await startServer(dataDir);
      const url = `http://127.0.0.1:${server.port}`;
      await sleep(200);
      const seeded = await seed(url, server.output());
      browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });

      const paints: number[] = [];
      const fcps: number[] = [];
      for (let i = 1; i <= runs; i++) {
        const { clock, fcp } = await firstPaint(browser, url, seeded);
        paints.push(clock);
        fcps.push(fcp);
        console.log(`run ${i}/${runs}: day clock painted ${ms(clock)} (FCP ${ms(fcp)})`);
      }
      const paint = summarize(paints);
      const fcp = summarize(fcps);
      const cpu = await slideshowCpu(browser, url, seeded, cpuSeconds);
      console.log(`slideshow at ${intervalSeconds} s per photo for ${cpuSeconds} s: ${cpu.pct.toFixed(2)} % of a core (${cpu.slides} slides)`);
      const heap = await heapOverSlides(browser, url, seeded, slides);
      const growth = heap.atLast - heap.at100;
      console.log(`heap after 100 slides ${mb(heap.at100)}, after ${slides} ${mb(heap.atLast)} (${Math.round(heap.seconds)} s at ${benchPaceMs} ms per slide)`);
      console.log('');
      console.log(`station UI, chromium ${browser.version()}, ${viewport.width}×${viewport.height}, ${photoCount} photos in the slideshow:`);
      console.log(`  first paint (day clock, paired, CPU ${cpuSlowdown}× slower, cold) ${ms(paint.median)} (${ms(paint.min)}–${ms(paint.max)}), FCP ${ms(fcp.median)}  target ≤ ${ms(targets.firstPaintMs)}: ${verdict(paint.median, targets.firstPaintMs)}`);
      console.log(`  slideshow CPU ${cpu.pct.toFixed(2)} % of one core  target ≤ ${targets.slideshowCpuPct} %: ${verdict(cpu.pct, targets.slideshowCpuPct)}`);
      console.log(`  JS heap growth from slide 100 to ${slides}: ${mb(growth)}  target ≤ ${targets.heapGrowthMb} MB: ${verdict(growth / 1024 / 1024, targets.heapGrowthMb)}`);
      console.log(`  load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.availableParallelism()} cores`);
      console.log(
        JSON.stringify({
          bench: 'station',
          first_paint_ms: Math.round(paint.median),
          fcp_ms: Math.round(fcp.median),
          slideshow_cpu_pct: round1(cpu.pct),
          heap_growth_mb: round1(growth / 1024 / 1024),
          heap_at_100_mb: round1(heap.at100 / 1024 / 1024),
        }),
      );
      return 0;
    } finally {
      await browser?.close();
      if (server) await stopServer(server);
      removeDir(dataDir);
    }
  },
};

export default station;
