/**
 * `prifora station` as the tech-lead runs it, beside a running server (`prifora start` in a child
 * process): pair the code a screen shows, list, rename, revoke (the screen is cut off within
 * seconds although the CLI is another process), and discover the server over mDNS. The server
 * listens on 127.0.0.1 and so announces on loopback only; discover is told to ask there too.
 */
import test from 'ava';
import { openServices } from '../../server/boot.js';
import { loadConfig } from '../../server/config/index.js';
import { createLogger } from '../../server/logger.js';
import { systemActor } from '../../server/services/actor.js';
import { applyMigrations } from '../../server/services/database.js';
import { createStationPerson } from '../../server/services/network.js';
import { runCli, spawnStart } from '../helpers/cli.js';
import { until } from '../helpers/family.js';
import { connectLive } from '../helpers/live.js';
import { tempDir, type TestServer } from '../helpers/server.js';

/** Adds a station person straight through the services, as the web app's admin would. */
async function addStationPerson(data: string): Promise<void> {
  const services = await openServices({ dataDir: data, config: loadConfig(data), logger: createLogger('silent', { pretty: false }) });
  try {
    await applyMigrations(services);
    await createStationPerson(services, { actor: systemActor, profile: { username: 'oma', firstName: 'Riet', lastName: 'de Vries', email: 'oma@example.org', mobile: '+31 6 22222222' } });
  } finally {
    await services.close();
  }
}

test('station pair, list, rename and revoke work from the CLI with --json, and a revoked screen is cut off within seconds; discover finds the server', async (t) => {
  const data = tempDir();
  t.is((await runCli(['init', '--yes', '--data', data, '--family-name', 'De Vries', '--language', 'en', '--public-url', 'http://oma.example:8080'])).code, 0);
  await addStationPerson(data);
  const server = await spawnStart(['--data', data, '--port', '0', '--host', '127.0.0.1']);
  t.teardown(() => {
    server.child.kill('SIGTERM');
    return server.exited;
  });
  const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { ...init, headers: { origin: 'http://oma.example:8080', 'content-type': 'application/json', ...init.headers } });
  const station = (args: string[]) => runCli(['station', ...args, '--data', data]);

  const pairing = ((await (await api('/api/v1/stations/pairing', { method: 'POST' })).json()) as { pairing: { code: string; secret: string } }).pairing;
  t.is((await station(['pair', 'AAAAAA', '--name', 'Living room', '--person', 'oma'])).stderr, 'prifora: This pairing code is not known. Check the code on the screen.\n');
  t.is((await station(['pair', 'no code!', '--name', 'Living room', '--person', 'oma'])).code, 2);
  const paired = await station(['pair', pairing.code.toLowerCase(), '--name', 'Living room', '--person', 'oma', '--json']);
  t.is(paired.code, 0, paired.stderr);
  t.like(JSON.parse(paired.stdout).station, { name: 'Living room', waiting: true, stationPerson: { firstName: 'Riet' } });

  const checked = await api('/api/v1/stations/pairing/check', { method: 'POST', body: JSON.stringify({ secret: pairing.secret }) });
  const cookie = checked.headers.getSetCookie().find((c) => c.startsWith('prifora_station='))?.split(';')[0] as string;
  t.truthy(cookie);
  const live = await connectLive({ url: server.url, config: { server: { publicUrl: 'http://oma.example:8080' } } } as unknown as TestServer, cookie);
  await live.next((m) => m.type === 'ready');

  const listed = await station(['list', '--json']);
  t.is(listed.code, 0, listed.stderr);
  t.like(JSON.parse(listed.stdout).stations[0], { name: 'Living room', waiting: false, online: null, stationPerson: { firstName: 'Riet' } });
  const table = await station(['list']);
  t.regex(table.stdout, /^NAME\s+PERSON\s+PAIRED\s+LAST SEEN\s+ID\nLiving room\s+Riet de Vries\s+\d{4}-\d\d-\d\d\s+just now/);

  t.is((await station(['rename', 'Living room', 'Woonkamer'])).stdout, 'Renamed "Living room" to "Woonkamer".\n');
  t.is((await station(['rename', 'Keuken', 'Zolder'])).code, 1, 'no screen of that name');

  const discovered = await runCli(['station', 'discover', '--timeout', '1.5', '--interface', '127.0.0.1', '--json']);
  t.is(discovered.code, 0, discovered.stderr);
  const port = Number(new URL(server.url).port);
  t.like(
    JSON.parse(discovered.stdout).servers.find((s: { port: number }) => s.port === port),
    { url: 'http://oma.example:8080', host: '127.0.0.1', port },
  );
  const humane = await runCli(['station', 'discover', '--timeout', '1.5', '--interface', '127.0.0.1']);
  t.regex(humane.stdout, new RegExp(`prifora on [^\\n]*:${port}\\s+http://oma\\.example:8080\\s+127\\.0\\.0\\.1:${port}`));
  t.is((await runCli(['station', 'discover', '--timeout', 'soon'])).code, 2);

  const revoked = await station(['revoke', 'Woonkamer', '--json']);
  t.is(revoked.code, 0, revoked.stderr);
  t.like(await live.closed, { code: 4002 });
  await until(async () => (await api('/api/v1/station/me', { headers: { cookie } })).status === 401, 7000);
  t.deepEqual(JSON.parse((await station(['list', '--json'])).stdout), { stations: [] });
});
