/**
 * LAN discovery: the server announces `_prifora._tcp` with its public URL over mDNS and says
 * goodbye on stop. Multicast works on this machine's loopback interface, so the real thing is
 * tested there (a server on 127.0.0.1 announces on loopback only): no packet leaves the host.
 */
import dgram from 'node:dgram';
import { Writable } from 'node:stream';
import test from 'ava';
import pino from 'pino';
import { createMdnsDiscovery, foundServer, instanceName, txtRecord } from '../../bridges/mdns/index.js';
import { buildConfig, writeConfig } from '../../server/config/index.js';
import { announceInterface, startServer } from '../../server/http.js';
import type { LanDiscovery, ServerAnnouncement } from '../../server/services/ports.js';
import { until } from '../helpers/family.js';
import { startTestServer, tempDir } from '../helpers/server.js';

const loopback = createMdnsDiscovery({ interface: '127.0.0.1' });

test('an instance name carries host and port and fits DNS-SD; the TXT record carries the URL', (t) => {
  t.is(instanceName('nas.fritz.box', 8080), 'prifora on nas:8080');
  t.true(Buffer.byteLength(instanceName('x'.repeat(80), 8080)) <= 63);
  t.deepEqual(txtRecord({ port: 8080, url: 'https://devries.example.org', version: '0.1.0' }), { url: 'https://devries.example.org', version: '0.1.0', path: '/station' });
});

test('a service seen on the LAN reads as a server: the address it answered from first, URL only when it is one', (t) => {
  const seen = { name: 'prifora on nas:8080', host: 'nas.local', port: 8080, addresses: ['fe80::1', '192.168.1.20'], txt: { url: 'https://devries.example.org', version: '0.1.0' }, referer: { address: '192.168.1.20' } };
  t.deepEqual(foundServer(seen), { name: 'prifora on nas:8080', url: 'https://devries.example.org', version: '0.1.0', host: '192.168.1.20', port: 8080, addresses: ['192.168.1.20', 'fe80::1'] });
  t.is(foundServer({ ...seen, txt: { url: 'javascript:alert(1)' } })?.url, null);
  t.is(foundServer({ ...seen, txt: {} })?.version, null);
  t.is(foundServer({ ...seen, referer: undefined, addresses: ['fe80::1'] })?.host, 'fe80::1');
  t.is(foundServer({ ...seen, referer: undefined, addresses: [] })?.host, 'nas.local');
  t.is(foundServer({ ...seen, port: 0 }), null);
});

test('the server announces where it listens: one address, or every interface for a wildcard', (t) => {
  t.is(announceInterface('127.0.0.1'), '127.0.0.1');
  t.is(announceInterface('localhost'), '127.0.0.1');
  t.is(announceInterface('192.168.1.20'), '192.168.1.20');
  t.is(announceInterface('0.0.0.0'), undefined);
  t.is(announceInterface('::'), undefined);
});

test('a running server is found with its public URL, and is gone after it stops', async (t) => {
  const server = await startTestServer({ 'discovery.mdns': true, 'server.publicUrl': 'http://oma.example:8080' });
  let stopped = false;
  t.teardown(() => (stopped ? undefined : server.stop()));
  const ours = (list: Awaited<ReturnType<LanDiscovery['browse']>>) => list.find((s) => s.port === server.running.port && s.name.endsWith(`:${server.running.port}`));
  const found = ours(await loopback.browse(1500));
  t.truthy(found, 'announced on loopback');
  t.like(found, { url: 'http://oma.example:8080', host: '127.0.0.1', port: server.running.port });
  await server.stop();
  stopped = true;
  t.is(ours(await loopback.browse(1500)), undefined, 'gone once stopped');
});

test('with discovery.mdns false nothing is announced', async (t) => {
  const announced: ServerAnnouncement[] = [];
  const counting: LanDiscovery = {
    announce: (announcement) => {
      announced.push(announcement);
      return { stop: async () => undefined };
    },
    browse: async () => [],
  };
  for (const mdns of [false, true]) {
    const dataDir = tempDir();
    const config = buildConfig({ 'log.level': 'silent', 'discovery.mdns': mdns }, 'test');
    writeConfig(dataDir, config);
    const running = await startServer({ dataDir, config, logger: pino({ level: 'silent' }), port: 0, host: '127.0.0.1', discovery: counting });
    await running.stop(500);
  }
  t.is(announced.length, 1, 'only the server with discovery on announced');
  t.is(announced[0]?.url, 'http://localhost:8080');
});

test('where multicast does not work the server warns once and runs on', async (t) => {
  // Holding the mDNS port without sharing it makes the announcement's socket fail, as on a host without multicast.
  const holder = dgram.createSocket({ type: 'udp4', reuseAddr: false });
  await new Promise<void>((resolve) => holder.bind(0, '0.0.0.0', () => resolve()));
  t.teardown(() => holder.close());
  const lines: Array<{ level: number; msg: string; reason?: string }> = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  const dataDir = tempDir();
  const config = buildConfig({ 'discovery.mdns': true }, 'test');
  writeConfig(dataDir, config);
  const running = await startServer({ dataDir, config, logger, port: 0, host: '127.0.0.1', discovery: createMdnsDiscovery({ interface: '127.0.0.1', port: holder.address().port }) });
  t.teardown(() => running.stop(500));
  const warnings = () => lines.filter((l) => l.level === 40 && l.msg.startsWith('multicast is not available'));
  await until(() => warnings().length > 0, 5000);
  t.regex(warnings()[0]?.reason ?? '', /EADDRINUSE/);
  t.is((await fetch(`http://127.0.0.1:${running.port}/healthz`)).status, 200, 'the server runs on');
  await new Promise((resolve) => setTimeout(resolve, 500));
  t.is(warnings().length, 1, 'said once');
});
