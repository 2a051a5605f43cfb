import type { Page } from 'playwright-core';
import { until } from './family.js';

/**
 * Reading a call's media in a browser test. The page must keep its RTCPeerConnections on
 * `window.__pcs` (an init script that wraps the constructor, as the call tests add).
 */

/** The bytes of video received so far over the page's open peer connections. */
export function inboundVideoBytes(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let total = 0;
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((stat: { type: string; kind?: string; bytesReceived?: number }) => {
        if (stat.type === 'inbound-rtp' && stat.kind === 'video') total += stat.bytesReceived ?? 0;
      });
    }
    return total;
  });
}

/** Waits until the page's received video bytes grow by a clear margin (frames keep arriving). */
export async function videoKeepsArriving(page: Page, timeoutMs = 20_000): Promise<{ before: number; after: number }> {
  const before = await until(async () => {
    const bytes = await inboundVideoBytes(page);
    return bytes > 0 ? bytes : undefined;
  }, timeoutMs);
  const after = await until(async () => {
    const bytes = await inboundVideoBytes(page);
    return bytes > before + 20_000 ? bytes : undefined;
  }, timeoutMs);
  return { before, after };
}
