/**
 * Registers the app-shell service worker (web/public/sw.js) so the web app can be installed and
 * opens without a network. Browsers allow service workers only in secure contexts (https, or
 * localhost); elsewhere the app simply runs without one.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without a service worker the app still works; it just is not installable offline.
    });
  });
}
