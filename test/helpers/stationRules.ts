import fs from 'node:fs';
import type { Page } from 'playwright-core';

// A plain script, run as it is: a function compiled by the TypeScript loader would carry its
// helpers (__name), which the page does not have.
const check = fs.readFileSync(new URL('./stationRules.page.js', import.meta.url), 'utf8');

/**
 * The Home Station's own rules (../shared/UX.md), which axe-core does not check: text at least
 * 28 px, text contrast at least 7:1 (axe's enhanced rule asks only 4.5:1 of text this large),
 * and touch targets at least 64 × 64 px. Returns one line per offender, [] when the screen
 * keeps them. Text inside a video call's frames and the QR code are not text to read.
 */
export async function stationRuleBreaks(page: Page): Promise<string[]> {
  return page.evaluate(check) as Promise<string[]>;
}
