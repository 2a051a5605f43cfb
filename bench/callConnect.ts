/**
 * The time to an established built-in call, for `npm run bench -- calls`: two relatives in
 * headless Debian chromium with its fake camera and microphone, both with the web app open and
 * its live connection up. The caller taps "Call …" on the Family page (which sends POST
 * /api/v1/calls); the other's incoming-call banner is answered as soon as it shows; the time
 * runs until both sides' RTCPeerConnection reports connectionState "connected" (an
 * init script notes the moment in each page; the app itself is unchanged). The caller then
 * hangs up and the next run starts from the pages as they are.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath, fakeMediaArgs } from '../test/helpers/browser.js';

/** One established call, in ms from the tap that sends POST /api/v1/calls. */
export interface ConnectRun {
  /** The callee's banner showed the call. */
  rangMs: number;
  /** Both peer connections connected. */
  connectedMs: number;
}

/** Notes, in the page, when its peer connections first connected (wall-clock ms). */
function noteConnections(): void {
  const Native = window.RTCPeerConnection;
  const state = window as unknown as { __connectedAt: number[] };
  state.__connectedAt = [];
  window.RTCPeerConnection = class extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      this.addEventListener('connectionstatechange', () => {
        if (this.connectionState === 'connected') state.__connectedAt.push(performance.timeOrigin + performance.now());
      });
    }
  } as typeof RTCPeerConnection;
}

async function signedInPage(browser: Browser, url: string, cookie: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  const [name, ...value] = cookie.split('=');
  await context.addCookies([{ name: name as string, value: value.join('='), url }]);
  await context.addInitScript(noteConnections);
  return { context, page: await context.newPage() };
}

/** Resolves when the page's live connection has caught up (call before navigating). */
function liveReady(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"type":"ready"')) resolve();
      });
    });
  });
}

const connectedAt = (page: Page) => page.evaluate(() => (window as unknown as { __connectedAt: number[] }).__connectedAt.at(-1) ?? null);

/**
 * Times `runs` calls (after one that warms up both pages, not counted).
 * @param input.caller / input.callee - session cookies ("prifora_session=…") of two relatives
 */
export async function timeConnects(input: { url: string; caller: string; callee: string; calleeName: string; runs: number }): Promise<{ runs: ConnectRun[]; version: string }> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...fakeMediaArgs], headless: true });
  try {
    const caller = await signedInPage(browser, input.url, input.caller);
    const callee = await signedInPage(browser, input.url, input.callee);
    const calleeLive = liveReady(callee.page);
    await callee.page.goto('/');
    await calleeLive;
    const runs: ConnectRun[] = [];
    for (let i = 0; i <= input.runs; i += 1) {
      const callerLive = liveReady(caller.page);
      await caller.page.goto('/family');
      await callerLive;
      const button = caller.page.getByRole('button', { name: `Call ${input.calleeName}`, exact: true });
      await button.waitFor();
      const before = await Promise.all([connectedAt(caller.page), connectedAt(callee.page)]);
      const tapped = Date.now();
      await button.click();
      const answer = callee.page.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' });
      await answer.waitFor({ timeout: 10_000 });
      const rang = Date.now();
      await answer.click();
      const both = await Promise.all(
        [caller.page, callee.page].map((page, index) =>
          page.waitForFunction((known) => {
            const at = (window as unknown as { __connectedAt: number[] }).__connectedAt.at(-1);
            return at !== undefined && at !== known ? at : false;
          }, before[index] ?? null, { timeout: 15_000 }),
        ),
      );
      const connected = Math.max(...(await Promise.all(both.map((handle) => handle.jsonValue() as Promise<number>))));
      if (i > 0) runs.push({ rangMs: rang - tapped, connectedMs: connected - tapped });
      await caller.page.getByRole('button', { name: 'Hang up' }).click();
      await Promise.all([caller.page, callee.page].map((page) => page.locator('[data-phase="ended"]').waitFor()));
      // Back to where the callee waits for the next call.
      const calleeBack = liveReady(callee.page);
      await callee.page.goto('/');
      await calleeBack;
    }
    return { runs, version: browser.version() };
  } finally {
    await browser.close();
  }
}
