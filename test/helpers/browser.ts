import fs from 'node:fs';
import path from 'node:path';
import type { ExecutionContext } from 'ava';
import { simpleParser } from 'mailparser';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { TestServer } from './server.js';

/**
 * Browser tests drive Debian's chromium through playwright-core (never a downloaded browser)
 * against a real server from startTestServer(). One browser per test file, a fresh context
 * (cookies, storage) per test.
 */

/** Where Debian's chromium lives (`apt-get install chromium`). */
export const chromiumPath = process.env.PRIFORA_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a quiet, headless, sandbox-free chromium that talks to nothing but the test server. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The sizes every screen is checked at: a phone first, then a laptop. */
export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
} as const;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
/** Screenshots go here (ignored by git). */
export const resultsDir = path.join(root, 'test-results');

/**
 * Flags for calls: chromium's fake camera (a moving test pattern) and microphone (a beep), with
 * their permission prompts accepted, so two pages can call each other with real media.
 */
export const fakeMediaArgs = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/**
 * Media for a browser: `true` the fake devices with every prompt accepted; `'ask'` the fake
 * devices with the prompts answered by the context's permissions, as a person would answer them
 * (a camera left out of `permissions` is refused).
 */
export type FakeMedia = boolean | 'ask';

const browsers = new Map<string, Promise<Browser>>();

/**
 * The browser of this test file, launched on first use.
 * @param options.fakeMedia - a browser with a fake camera and microphone (launched apart)
 */
export function launchBrowser(options: { fakeMedia?: FakeMedia } = {}): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath}. Install it with "apt-get install -y chromium" (or set PRIFORA_CHROMIUM).`);
  }
  const media = options.fakeMedia === 'ask' ? fakeMediaArgs.slice(0, 1) : options.fakeMedia ? fakeMediaArgs : [];
  const key = media.join(' ');
  let launched = browsers.get(key);
  if (!launched) {
    launched = chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...media], headless: true });
    browsers.set(key, launched);
  }
  return launched;
}

/** Closes the browsers of this test file (call it from test.after.always). */
export async function closeBrowser(): Promise<void> {
  const launched = [...browsers.values()];
  browsers.clear();
  for (const one of launched) await (await one).close();
}

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

let building: Promise<void> | undefined;

function webBuildIsFresh(): boolean {
  const built = path.join(root, 'dist/web/app/index.html');
  const sources = ['web', 'server/limits.ts', 'server/i18n', 'vite.config.ts'].map((p) => path.join(root, p));
  return fs.existsSync(built) && fs.statSync(built).mtimeMs > Math.max(...sources.map(newestMtime));
}

/**
 * Takes a lock directory shared by every test process (several may run browser tests at once);
 * a lock older than five minutes is left over from a killed process and is broken.
 */
async function withBuildLock(work: () => Promise<void>): Promise<void> {
  const lock = path.join(root, 'dist/.web-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Builds the web app into dist/web (where the server serves it from) unless the build is newer
 * than every source it comes from, so the browser never tests a stale build. The build goes to a
 * folder beside it first and is swapped in whole, so a server in another test process never
 * finds half a build.
 */
export function ensureWebBuild(): Promise<void> {
  building ??= (async () => {
    if (webBuildIsFresh()) return;
    await withBuildLock(async () => {
      if (webBuildIsFresh()) return;
      const { build } = await import('vite');
      const next = path.join(root, 'dist/web.next');
      const previous = { cwd: process.cwd(), nodeEnv: process.env.NODE_ENV };
      // ava sets NODE_ENV=test, which vite would pass on to React: a development build, several
      // times larger and slower than what ships.
      process.env.NODE_ENV = 'production';
      process.chdir(root);
      try {
        await build({ configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: next, emptyOutDir: true } });
      } finally {
        process.chdir(previous.cwd);
        if (previous.nodeEnv === undefined) delete process.env.NODE_ENV;
        else process.env.NODE_ENV = previous.nodeEnv;
      }
      const old = path.join(root, 'dist/web.old');
      fs.rmSync(old, { recursive: true, force: true });
      if (fs.existsSync(path.join(root, 'dist/web'))) fs.renameSync(path.join(root, 'dist/web'), old);
      fs.renameSync(next, path.join(root, 'dist/web'));
      fs.rmSync(old, { recursive: true, force: true });
    });
  })();
  return building;
}

/** A page in its own context, and what went wrong in it that no assertion looked at. */
export interface BrowserPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and Content-Security-Policy violations, to assert empty at the end. */
  problems: string[];
}

/**
 * Opens a fresh context (no cookies) on the test server, closed when the test ends.
 * @param options.locale - the browser's language (Accept-Language and navigator.languages)
 * @param options.fakeMedia - in the browser with a fake camera and microphone
 * @param options.context - further context options (permissions, ignoreHTTPSErrors)
 */
export async function openPage(t: ExecutionContext, server: TestServer, options: { locale?: string; fakeMedia?: FakeMedia; context?: BrowserContextOptions } = {}): Promise<BrowserPage> {
  await ensureWebBuild();
  const context = await (await launchBrowser({ fakeMedia: options.fakeMedia })).newContext({
    baseURL: server.url,
    locale: options.locale ?? 'en-GB',
    viewport: viewports.phone,
    reducedMotion: 'reduce',
    ...options.context,
  });
  t.teardown(() => context.close());
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

/**
 * Saves the page at the phone and the desktop size as test-results/<name>-<w>x<h>.png (whole
 * page), then returns to the phone size.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(resultsDir, { recursive: true });
  for (const size of [viewports.phone, viewports.desktop]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(resultsDir, `${name}-${size.width}x${size.height}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
  }
  await page.setViewportSize(viewports.phone);
}

/** A link into the app made for the public URL, pointed at the test server instead. */
export function localLink(server: TestServer, link: string): string {
  const url = new URL(link);
  return `${server.url}${url.pathname}${url.search}${url.hash}`;
}

async function linkIn(file: string, to: string, page: string): Promise<string | undefined> {
  const mail = await simpleParser(await fs.promises.readFile(file));
  const recipients = [mail.to].flat().flatMap((address) => address?.value.map((v) => v.address?.toLowerCase()) ?? []);
  if (!recipients.includes(to.toLowerCase())) return undefined;
  const escaped = page.replace(/[/]/g, '\\/');
  return mail.text?.match(new RegExp(`https?://\\S+?/${escaped}#[A-Za-z0-9_-]+`))?.[0];
}

/**
 * Waits for the outbox mailer to write a mail to `to` with a link to `page` (`invite`,
 * `setup`, `signin/magic`) that `seen` does not hold yet, and returns that link pointed at the
 * test server. Watches the outbox directory instead of sleeping.
 */
export async function mailedLink(server: TestServer, input: { to: string; page: string; seen?: string[]; timeoutMs?: number }): Promise<string> {
  const outbox = path.join(server.dataDir, 'outbox');
  fs.mkdirSync(outbox, { recursive: true, mode: 0o700 });
  const seen = new Set(input.seen ?? []);
  const look = async (): Promise<string | undefined> => {
    for (const name of fs.readdirSync(outbox).filter((n) => n.endsWith('.eml')).sort()) {
      const link = await linkIn(path.join(outbox, name), input.to, input.page);
      if (link && !seen.has(localLink(server, link))) return localLink(server, link);
    }
    return undefined;
  };
  return new Promise<string>((resolve, reject) => {
    let checking = Promise.resolve();
    const finish = (error: Error | null, link?: string) => {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve(link as string);
    };
    const check = () => {
      checking = checking.then(async () => {
        const link = await look();
        if (link) finish(null, link);
      }, () => undefined);
    };
    const watcher = fs.watch(outbox, check);
    const timer = setTimeout(
      () => finish(new Error(`No mail to ${input.to} with a /${input.page} link arrived in ${outbox}.`)),
      input.timeoutMs ?? 10_000,
    );
    check();
  });
}
