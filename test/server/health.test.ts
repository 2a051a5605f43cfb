import test from 'ava';
import { startTestServer } from '../helpers/server.js';

test('healthz answers 200 with the version while the database is open', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const response = await server.api('/healthz');
  t.is(response.status, 200);
  t.is(response.body.status, 'ok');
  t.regex(response.body.version, /^\d+\.\d+\.\d+/);
});
