import http from 'node:http';
import test from 'ava';
import { startTestServer } from '../helpers/server.js';

test('stopping lets a request in flight finish and refuses new connections', async (t) => {
  const server = await startTestServer();
  const body = JSON.stringify({ email: 'nobody@example.org', password: 'not a password' });
  const answered = new Promise<number>((resolve, reject) => {
    const request = http.request(`${server.url}/api/v1/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), origin: 'http://localhost:8080' },
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    // Half the body now: the request is in flight when the server is told to stop.
    request.write(body.slice(0, 10));
    server.running.server.once('request', () => {
      const stopping = server.stop();
      setImmediate(() => request.end(body.slice(10)));
      void stopping.then(() => t.pass('stopped'));
    });
  });
  t.is(await answered, 401);
  await server.running.stop();
  await t.throwsAsync(() => fetch(`${server.url}/healthz`));
});
