import test from 'ava';
import { startTestServer } from '../helpers/server.js';

/**
 * The camera and microphone are prifora's own, and the family's Jitsi's in its iframe: the
 * Permissions-Policy names the Jitsi origin exactly where the Content-Security-Policy lets its
 * script and frame in, and nowhere else.
 */

test('without Jitsi the camera and microphone are for prifora’s own pages only', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const response = await server.api('/api/v1/family');
  t.is(response.headers.get('permissions-policy'), 'camera=(self), microphone=(self), geolocation=()');
  t.notRegex(response.headers.get('content-security-policy') ?? '', /https:\/\//);
});

test('with jitsi.domain the Jitsi origin may use the camera and microphone in its iframe, and load its script and frame', async (t) => {
  const server = await startTestServer({ 'jitsi.domain': 'meet.devries.example.org:8443' });
  t.teardown(() => server.stop());
  const response = await server.api('/api/v1/family');
  t.is(response.headers.get('permissions-policy'), 'camera=(self "https://meet.devries.example.org:8443"), microphone=(self "https://meet.devries.example.org:8443"), geolocation=()');
  const csp = response.headers.get('content-security-policy') ?? '';
  t.regex(csp, /script-src 'self' https:\/\/meet\.devries\.example\.org:8443;/);
  t.regex(csp, /frame-src 'self' https:\/\/meet\.devries\.example\.org:8443;/);
});
