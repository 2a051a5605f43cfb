/**
 * `npm run bench -- calls`: how fast a call rings, and how fast it connects. 50 live clients
 * over loopback (a paired Home Station and 49 relatives with the web app open); relatives call
 * the station one after another through the HTTP API, and each call is timed from sending POST
 * /api/v1/calls to the station's socket receiving call.ringing (p50, p99); the caller then hangs
 * up. Then two of the relatives call each other in the web app in headless chromium with fake
 * media (bench/callConnect.ts): connect_ms is the median time from the tap that sends POST
 * /api/v1/calls to both RTCPeerConnections connected, the other's banner answered at once.
 * Options: --calls N (timed calls, default 300), --clients N (live clients, default 50),
 * --connects N (timed built-in calls, default 5).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Agent, request } from 'undici';
import { ensureWebBuild } from '../test/helpers/browser.js';
import WebSocket from 'ws';
import { openServices } from '../server/boot.js';
import { loadConfig } from '../server/config/index.js';
import { User } from '../server/db/index.js';
import { createLogger } from '../server/logger.js';
import { createSession } from '../server/services/accounts.js';
import { systemActor } from '../server/services/actor.js';
import { applyMigrations } from '../server/services/database.js';
import { createStationPerson } from '../server/services/network.js';
import { updateStationSettings } from '../server/services/stationSettings.js';
import { approvePairing, checkPairing, createPairing } from '../server/services/stations.js';
import { timeConnects } from './callConnect.js';
import { makeTempDir, numericOptions, percentile, removeDir, requireBuild, round, runCli, startServer, stopServer, summarize, type Benchmark } from './support.js';

interface Options {
  calls: number;
  clients: number;
  connects: number;
}

function parseOptions(args: string[]): Options {
  return numericOptions(args, { calls: 300, clients: 50, connects: 5 }, (value) => Number.isInteger(value) && value >= 2);
}

interface Family {
  /** Session cookies of the relatives. */
  relatives: string[];
  /** The paired screen's cookie. */
  screen: string;
  stationPersonId: string;
}

/** Seeds the family straight into the database: relatives with sessions, a station person and a paired screen. */
async function seed(dataDir: string, options: Options): Promise<Family> {
  const config = loadConfig(dataDir);
  const services = await openServices({ dataDir, config, logger: createLogger('warn', { pretty: false }) });
  try {
    await applyMigrations(services);
    const client = { address: '127.0.0.1', userAgent: 'bench' };
    const relatives: string[] = [];
    for (let i = 0; i < options.clients - 1; i += 1) {
      const user = await services.db.write((transaction) =>
        User.create(
          { role: i === 0 ? 'admin' : 'member', username: `bench${i}`, firstName: `Bench${i}`, lastName: 'Family', email: `bench${i}@example.org`, mobile: '+31 6 12345678', language: 'en', passwordHash: null, signInMethod: 'magic' },
          { transaction },
        ),
      );
      const { token } = await services.db.write((transaction) => createSession(services, transaction, user, client, 'password'));
      relatives.push(`prifora_session=${token}`);
    }
    const { user: oma } = await createStationPerson(services, {
      actor: systemActor,
      profile: { username: 'oma', firstName: 'Oma', lastName: 'Family', email: 'oma@example.org', mobile: '+31 6 22222222' },
    });
    // The benchmark runs at any hour: Oma's screen must not be in its night (22:00–07:00), when calls do not ring.
    await updateStationSettings(services, { actor: systemActor, stationUserId: oma.id, changes: { nightMode: { enabled: false } } });
    const pairing = await createPairing(services, { client });
    await approvePairing(services, { actor: systemActor, code: pairing.code, name: 'Living room', stationUserId: oma.id });
    const paired = await checkPairing(services, { secret: pairing.secret, client });
    if (paired.status !== 'paired') throw new Error('the screen was not paired');
    return { relatives, screen: `prifora_station=${paired.credential}`, stationPersonId: oma.id };
  } finally {
    await services.close();
  }
}

interface Listener {
  socket: WebSocket;
  /** call id → when its call.ringing frame arrived (performance.now + timeOrigin) */
  rang: Map<string, number>;
}

const ringingPattern = /"event":"call\.ringing","payload":\{"call":\{"id":"([0-9a-f-]{36})"/;

function connect(url: string, cookie: string, origin: string): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/v1/live`, { headers: { cookie, origin } });
    const listener: Listener = { socket, rang: new Map() };
    socket.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('{"type":"ready"')) resolve(listener);
      const id = ringingPattern.exec(text)?.[1];
      if (id) listener.rang.set(id, performance.timeOrigin + performance.now());
    });
    socket.once('error', reject);
  });
}

async function waitFor<T>(check: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined || performance.now() > deadline) return value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

interface Timed {
  latencies: number[];
  failed: number;
  missing: number;
}

/** Relatives call the station one at a time; each call is timed to the screen's ringing, then cancelled. */
async function ringStation(url: string, family: Family, station: Listener, origin: string, agent: Agent, calls: number): Promise<Timed> {
  const timed: Timed = { latencies: [], failed: 0, missing: 0 };
  const post = (cookie: string, pathname: string, body: unknown) =>
    request(`${url}${pathname}`, { method: 'POST', dispatcher: agent, headers: { cookie, origin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  for (let i = 0; i < calls; i += 1) {
    const cookie = family.relatives[i % family.relatives.length] as string;
    const sentAt = performance.timeOrigin + performance.now();
    const response = await post(cookie, '/api/v1/calls', { userId: family.stationPersonId });
    const body = (await response.body.json()) as { call?: { id: string } };
    if (response.statusCode !== 201 || !body.call) {
      timed.failed += 1;
      continue;
    }
    const id = body.call.id;
    const at = await waitFor(() => station.rang.get(id), 5_000);
    if (at === undefined) timed.missing += 1;
    else timed.latencies.push(at - sentAt);
    await (await post(cookie, `/api/v1/calls/${id}/hangup`, {})).body.dump();
  }
  return timed;
}

const benchmark: Benchmark = {
  description: 'calls: time from POST /api/v1/calls to the station’s call.ringing with 50 live clients (p50, p99), and to an established built-in call in chromium',
  async run(args) {
    if (!requireBuild()) return 1;
    const options = parseOptions(args);
    // The web app as the sources are now (the build is skipped when dist/web is newer).
    await ensureWebBuild();
    const dataDir = makeTempDir();
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    try {
      runCli(['init', '--yes', '--data', dataDir, '--public-url', 'http://127.0.0.1:1']);
      // Quiet logs: one line per request would measure the terminal. Night mode and hours do not
      // apply: every relative may call at any time (the checks still run on every call).
      const configFile = path.join(dataDir, 'config.json');
      const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
      config.log.level = 'warn';
      fs.writeFileSync(configFile, JSON.stringify(config));
      const family = await seed(dataDir, options);
      server = await startServer(dataDir);
      const url = `http://127.0.0.1:${server.port}`;
      const origin = 'http://127.0.0.1:1';
      const agent = new Agent({ connections: 8, pipelining: 1, keepAliveTimeout: 30_000 });

      const station = await connect(url, family.screen, origin);
      const relatives = await Promise.all(family.relatives.map((cookie) => connect(url, cookie, origin)));
      process.stdout.write(`${relatives.length + 1} live clients connected (a paired screen and ${relatives.length} relatives)\n`);

      // Warm-up, not measured.
      await ringStation(url, family, station, origin, agent, 30);
      const timed = await ringStation(url, family, station, origin, agent, options.calls);
      const p50 = percentile(timed.latencies, 50);
      const p99 = percentile(timed.latencies, 99);
      process.stdout.write(
        `${options.calls} calls to the station: ${timed.latencies.length} rang, ${timed.failed} refused, ${timed.missing} never rang; POST → call.ringing p50 ${round(p50, 2)} ms, p99 ${round(p99, 2)} ms, max ${round(Math.max(...timed.latencies), 2)} ms\n`,
      );
      for (const listener of [station, ...relatives]) listener.socket.close();
      await agent.close();

      const connects = await timeConnects({ url, caller: family.relatives[0] as string, callee: family.relatives[1] as string, calleeName: 'Bench1', runs: options.connects });
      const connected = summarize(connects.runs.map((run) => run.connectedMs));
      const rang = summarize(connects.runs.map((run) => run.rangMs));
      process.stdout.write(
        `${connects.runs.length} built-in calls between two relatives in chromium ${connects.version} (fake camera and microphone, answered at once): tap → both RTCPeerConnections connected median ${Math.round(connected.median)} ms (${Math.round(connected.min)}–${Math.round(connected.max)}); of which tap → the other's banner ${Math.round(rang.median)} ms\n`,
      );
      process.stdout.write(`targets: ring p99 <= 50 ms (${round(p99, 2)}) ${p99 <= 50 ? 'met' : 'MISSED'}; connected <= 1500 ms (${Math.round(connected.median)}) ${connected.median <= 1500 ? 'met' : 'MISSED'}\n`);
      process.stdout.write(`${JSON.stringify({ bench: 'calls', ring_p50_ms: round(p50, 2), ring_p99_ms: round(p99, 2), connect_ms: Math.round(connected.median) })}\n`);
      return timed.failed === 0 && timed.missing === 0 ? 0 : 1;
    } finally {
      if (server) await stopServer(server);
      removeDir(dataDir);
    }
  },
};

export default benchmark;
