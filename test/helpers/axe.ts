import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core's serious and critical findings on a page as it is now, one line each ("" when
 * clean), for screens that only exist in the middle of a journey (a ringing banner, a call).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`);
}
