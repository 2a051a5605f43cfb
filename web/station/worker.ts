/**
 * The station's service worker (web/public/station-sw.js, scope /station): it keeps the station
 * UI and the newest photos of its playlist, so the screen starts and goes on without the server.
 * Browsers allow service workers only in secure contexts (https, or localhost).
 */

/** Registers the station's worker; without one the screen works, only not offline. */
export function registerStationWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register('/station-sw.js', { scope: '/station' }).catch(() => {
    // The screen runs without it; it just cannot start or show photos while offline.
  });
}

/** Drops what the worker kept for this screen's person (the screen was revoked). */
export async function forgetStationData(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration('/station').catch(() => undefined);
  registration?.active?.postMessage({ type: 'forget' });
}
