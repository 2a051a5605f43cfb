/**
 * `npm run bench -- web [--runs N]`: what the relatives' web app costs a phone. Against a built
 * server (`prifora start`) in headless Debian chromium with the CPU slowed 4× over the DevTools
 * protocol, on a cold cache each run:
 *  - the JavaScript and CSS the sign-in and the Home screen load, gzipped (as a proxy would send
 *    them);
 *  - first contentful paint of the sign-in screen;
 *  - Home interactive: navigation start → the later of the last API answer Home waits for and
 *    the end of the last long task (a Time-to-Interactive in the spirit of Lighthouse's: the
 *    screen shows its data and the main thread is free to answer a tap).
 * Medians of N runs (default 5). Last line one JSON object.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { chromiumArgs, chromiumPath } from '../test/helpers/browser.js';
import { makeTempDir, removeDir, requireBuild, runCli, sleep, startServer, stopServer, summarize, type Benchmark } from './support.js';

const targets = { jsKbGz: 150, fcpMs: 1_000, homeInteractiveMs: 2_000 };
const cpuSlowdown = 4;

interface Loaded {
  jsBytesGz: number;
  cssBytesGz: number;
}

/** Signs the first admin in through the set-up link the server printed. */
async function signInAdmin(url: string, output: string): Promise<{ cookie: string; id: string }> {
  const token = /\/setup#([A-Za-z0-9_-]+)/.exec(output)?.[1];
  if (!token) throw new Error(`prifora start printed no set-up link:\n${output}`);
  const response = await fetch(`${url}/api/v1/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ token, username: 'pieter', firstName: 'Pieter', lastName: 'de Vries', mobile: '+31 6 12345678', email: 'pieter@example.org', password: 'correct horse battery', language: 'en' }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('prifora_session='))?.split(';')[0];
  if (response.status !== 201 || !cookie) throw new Error(`set-up failed: ${response.status} ${await response.text()}`);
  return { cookie, id: ((await response.json()) as { user: { id: string } }).user.id };
}

async function call(url: string, cookie: string, path: string, body: unknown): Promise<any> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url, cookie }, body: JSON.stringify(body) });
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** A Home with something on it: photos in a group chat, a station person, a notice. */
async function seed(url: string, { cookie, id }: { cookie: string; id: string }): Promise<void> {
  await call(url, cookie, '/api/v1/station-people', { username: 'omariet', firstName: 'Riet', lastName: 'de Vries', mobile: '+31 6 55554444', email: 'riet@example.org' });
  const group = await call(url, cookie, '/api/v1/groups', { name: 'Family', memberIds: [id] });
  const mediaIds: string[] = [];
  for (const colour of ['#4a7f6a', '#c4573a', '#1d5a55', '#e0b050', '#7b6b5e', '#305070']) {
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: colour } }).jpeg().toBuffer();
    const form = new FormData();
    form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'photo.jpg');
    const response = await fetch(`${url}/api/v1/media`, { method: 'POST', body: form, headers: { cookie, origin: url } });
    if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
    mediaIds.push(((await response.json()) as { media: { id: string } }).media.id);
  }
  const conversationId: string = group.group.conversationId;
  await call(url, cookie, `/api/v1/conversations/${conversationId}/messages`, { body: 'Photos from the weekend', attachments: mediaIds });
  await call(url, cookie, '/api/v1/notices', { title: 'Birthday on Sunday', body: 'Oma turns 90. Coffee at 15:00.' });
}

function gzipped(body: Buffer): number {
  return zlib.gzipSync(body, { level: 9 }).length;
}

/** Opens a page in a fresh context (cold cache) with the CPU slowed down. */
async function coldPage(browser: Browser, url: string, cookie?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 390, height: 844 }, locale: 'en-GB', serviceWorkers: 'block' });
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url }]);
  }
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  // Long tasks are recorded from the first byte on (the observer cannot see earlier ones).
  await page.addInitScript(() => {
    const w = window as unknown as { longTaskEnds: number[] };
    w.longTaskEnds = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTaskEnds.push(entry.startTime + entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  return page;
}

/** Gzipped bytes of the scripts and stylesheets a page loads until it is settled. */
async function loadedBytes(page: Page, path: string, ready: (page: Page) => Promise<void>): Promise<Loaded> {
  const bodies: Promise<{ type: string; bytes: number }>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet') bodies.push(response.body().then((body) => ({ type, bytes: gzipped(body) })));
  });
  await page.goto(path);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const all = await Promise.all(bodies);
  const sum = (type: string) => all.filter((b) => b.type === type).reduce((total, b) => total + b.bytes, 0);
  return { jsBytesGz: sum('script'), cssBytesGz: sum('stylesheet') };
}

async function signInReady(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
}

async function homeReady(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening)/ }).waitFor();
}

async function firstContentfulPaint(browser: Browser, url: string): Promise<number> {
  const page = await coldPage(browser, url);
  try {
    await page.goto('/signin');
    await signInReady(page);
    return await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
  } finally {
    await page.context().close();
  }
}

async function homeInteractive(browser: Browser, url: string, cookie: string): Promise<number> {
  const page = await coldPage(browser, url, cookie);
  try {
    await page.goto('/');
    await homeReady(page);
    await page.waitForLoadState('networkidle');
    return await page.evaluate(() => {
      const api = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/api/'));
      const lastAnswer = Math.max(0, ...api.map((e) => (e as PerformanceResourceTiming).responseEnd));
      const lastLongTask = Math.max(0, ...(window as unknown as { longTaskEnds: number[] }).longTaskEnds);
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      return Math.max(fcp, lastAnswer, lastLongTask);
    });
  } finally {
    await page.context().close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const verdict = (value: number, target: number) => (value <= target ? 'ok' : 'MISSED');

const web: Benchmark = {
  description: 'the web app: gzipped JS/CSS of the first screens, FCP and Home interactive at 4× CPU slowdown',
  async run(args) {
    const { values } = parseArgs({ args, options: { runs: { type: 'string', default: '5' } } });
    const runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1) {
      process.stderr.write(`--runs: must be a whole number of at least 1, got "${values.runs}"\n`);
      return 2;
    }
    if (!requireBuild()) return 1;
    const dataDir = makeTempDir();
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    let browser: Browser | undefined;
    try {
      runCli(['init', '--yes', '--data', dataDir]);
      server = await startServer(dataDir);
      const url = `http://127.0.0.1:${server.port}`;
      await sleep(200);
      const admin = await signInAdmin(url, server.output());
      await seed(url, admin);
      const { cookie } = admin;
      browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });

      const signInPage = await coldPage(browser, url);
      const signIn = await loadedBytes(signInPage, '/signin', signInReady);
      await signInPage.context().close();
      const homePage = await coldPage(browser, url, cookie);
      const home = await loadedBytes(homePage, '/', homeReady);
      await homePage.context().close();

      const fcps: number[] = [];
      const homes: number[] = [];
      for (let i = 1; i <= runs; i++) {
        fcps.push(await firstContentfulPaint(browser, url));
        homes.push(await homeInteractive(browser, url, cookie));
        console.log(`run ${i}/${runs}: FCP ${ms(fcps.at(-1)!)}, Home interactive ${ms(homes.at(-1)!)}`);
      }
      const fcp = summarize(fcps);
      const interactive = summarize(homes);
      const firstScreenJs = Math.max(signIn.jsBytesGz, home.jsBytesGz);
      console.log('');
      console.log(`web app, chromium ${browser.version()}, CPU slowed ${cpuSlowdown}×, cold cache, 390×844:`);
      console.log(`  sign-in loads JS ${kb(signIn.jsBytesGz)} + CSS ${kb(signIn.cssBytesGz)} gzipped; Home loads JS ${kb(home.jsBytesGz)} + CSS ${kb(home.cssBytesGz)}`);
      console.log(`  first-screen JS ${kb(firstScreenJs)}  target ≤ ${targets.jsKbGz} KB: ${verdict(firstScreenJs / 1024, targets.jsKbGz)}`);
      console.log(`  FCP (sign-in) ${ms(fcp.median)} (${ms(fcp.min)}–${ms(fcp.max)})  target ≤ ${ms(targets.fcpMs)}: ${verdict(fcp.median, targets.fcpMs)}`);
      console.log(`  Home interactive ${ms(interactive.median)} (${ms(interactive.min)}–${ms(interactive.max)})  target ≤ ${ms(targets.homeInteractiveMs)}: ${verdict(interactive.median, targets.homeInteractiveMs)}`);
      console.log(`  load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.availableParallelism()} cores`);
      console.log(
        JSON.stringify({
          bench: 'web',
          first_screen_js_kb_gz: Math.round((firstScreenJs / 1024) * 10) / 10,
          first_screen_css_kb_gz: Math.round((Math.max(signIn.cssBytesGz, home.cssBytesGz) / 1024) * 10) / 10,
          fcp_ms: Math.round(fcp.median),
          home_interactive_ms: Math.round(interactive.median),
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

export default web;
