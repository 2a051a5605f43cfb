import test from 'ava';
import { Event } from '../../server/db/index.js';
import { startServer } from '../../server/http.js';
import { createLogger } from '../../server/logger.js';
import { startTestServer } from '../helpers/server.js';

test('healthz answers 200 with the version while the database is open', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const response = await server.api('/healthz');
  t.is(response.status, 200);
  t.is(response.body.status, 'ok');
  t.regex(response.body.version, /^\d+\.\d+\.\d+/);
});

test('events older than the retention period are pruned at start', async (t) => {
  const first = await startTestServer({ 'events.retentionDays': 1 });
  await Event.bulkCreate([
    { type: 'old', actorId: null, audience: { all: true }, payload: {}, createdAt: new Date(Date.now() - 2 * 86_400_000) },
    { type: 'new', actorId: null, audience: { all: true }, payload: {}, createdAt: new Date() },
  ]);
  await first.stop();
  const second = await startServer({ dataDir: first.dataDir, config: first.config, logger: createLogger('silent', { pretty: false }), port: 0, host: '127.0.0.1' });
  t.teardown(() => second.stop(1000));
  t.deepEqual((await Event.findAll()).map((e) => e.type), ['new']);
});
