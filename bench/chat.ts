/**
 * `npm run bench -- chat`: live chat under load. 50 live listeners (members of one family group)
 * over loopback, senders through the HTTP API. Measures send-to-receive latency at 200
 * messages/s for 30 s (p50, p99), the highest rate at which every message is stored and delivered
 * to all 50 listeners, the server's peak RSS, and history reads with one million messages.
 * Options: --seconds N (steady phase, default 30), --listeners N (default 50), --history N
 * (messages seeded for history reads, default 1000000).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Agent, request } from 'undici';
import WebSocket from 'ws';
import { openServices } from '../server/boot.js';
import { loadConfig } from '../server/config/index.js';
import { Conversation, Participant, User } from '../server/db/index.js';
import { createLogger } from '../server/logger.js';
import { createSession } from '../server/services/accounts.js';
import { applyMigrations } from '../server/services/database.js';
import { createGroup } from '../server/services/network.js';
import { systemActor } from '../server/services/actor.js';
import { makeTempDir, numericOptions, percentile, removeDir, requireBuild, round, runCli, sleep, startServer, stopServer, type Benchmark } from './support.js';

interface Options {
  seconds: number;
  listeners: number;
  history: number;
}

function parseOptions(args: string[]): Options {
  return numericOptions(args, { seconds: 30, listeners: 50, history: 1_000_000 }, (value) => Number.isFinite(value) && value > 0);
}

interface Family {
  tokens: string[];
  conversationId: string;
  historyConversationId: string;
}

/** Seeds the family straight into the database: people with sessions, one group, and the history. */
async function seed(dataDir: string, options: Options): Promise<Family> {
  const config = loadConfig(dataDir);
  const services = await openServices({ dataDir, config, logger: createLogger('warn', { pretty: false }) });
  try {
    await applyMigrations(services);
    const users = await services.db.write(async (transaction) =>
      Promise.all(
        Array.from({ length: options.listeners }, (_, i) =>
          User.create(
            { role: i === 0 ? 'admin' : 'member', username: `bench${i}`, firstName: `Bench${i}`, lastName: 'Family', email: `bench${i}@example.org`, mobile: '+31 6 12345678', language: 'en', passwordHash: null, signInMethod: 'magic' },
            { transaction },
          ),
        ),
      ),
    );
    const tokens: string[] = [];
    for (const user of users) {
      const { token } = await services.db.write((transaction) => createSession(services, transaction, user, { address: '127.0.0.1', userAgent: 'bench' }, 'password'));
      tokens.push(token);
    }
    const group = await createGroup(services, { actor: systemActor, name: 'Everyone', memberIds: users.map((u) => u.id) });
    const history = await createGroup(services, { actor: systemActor, name: 'History', memberIds: [users[0]!.id] });
    // One statement inside SQLite: a million rows (and their search index) in seconds.
    const started = performance.now();
    await services.db.sequelize.query(
      `INSERT INTO messages (id, conversationId, authorId, body, createdAt)
       WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < :count)
       SELECT lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12)),
              :conversationId, :authorId, 'History message number ' || x || ' about the weekend at grandma''s',
              strftime('%Y-%m-%d %H:%M:%f +00:00', 'now', '-' || (:count - x) || ' seconds')
         FROM (SELECT x, hex(randomblob(16)) AS h FROM n)`,
      { replacements: { count: options.history, conversationId: history.conversationId, authorId: users[0]!.id } },
    );
    process.stdout.write(`seeded ${options.listeners} people and ${options.history.toLocaleString('en')} history messages in ${round((performance.now() - started) / 1000)} s\n`);
    void Conversation;
    void Participant;
    return { tokens, conversationId: group.conversationId, historyConversationId: history.conversationId };
  } finally {
    await services.close();
  }
}

interface Listener {
  socket: WebSocket;
  /** message id → arrival time (performance.now + timeOrigin) */
  received: Map<string, number>;
}

const idPattern = /"message":\{"id":"([0-9a-f-]{36})"/;

function connect(url: string, token: string, origin: string): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/v1/live`, { headers: { cookie: `prifora_session=${token}`, origin } });
    const listener: Listener = { socket, received: new Map() };
    socket.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('{"type":"ready"')) resolve(listener);
      if (!text.includes('"event":"message.created"')) return;
      const id = idPattern.exec(text)?.[1];
      if (id) listener.received.set(id, performance.timeOrigin + performance.now());
    });
    socket.once('error', reject);
  });
}

interface Sent {
  id: string;
  sentAt: number;
}

/** Sends `rate` messages a second for `seconds`, spread evenly, each as its own HTTP request. */
async function sendAtRate(url: string, family: Family, origin: string, agent: Agent, rate: number, seconds: number): Promise<{ sent: Sent[]; failed: number; achieved: number }> {
  const sent: Sent[] = [];
  let failed = 0;
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const token = family.tokens[1 + (i % (family.tokens.length - 1))] as string;
    const sentAt = performance.timeOrigin + performance.now();
    const job = request(`${url}/api/v1/conversations/${family.conversationId}/messages`, {
      method: 'POST',
      dispatcher: agent,
      headers: { cookie: `prifora_session=${token}`, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ body: `Load message ${i} at ${sentAt}` }),
    })
      .then(async (response) => {
        const body = (await response.body.json()) as { message?: { id: string } };
        if (response.statusCode === 201 && body.message) sent.push({ id: body.message.id, sentAt });
        else failed += 1;
      })
      .catch(() => {
        failed += 1;
      });
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  return { sent, failed, achieved: sent.length / elapsed };
}

/** Waits until every listener has every message (or the timeout); returns the latencies and misses. */
async function collect(listeners: Listener[], sent: Sent[], timeoutMs = 10_000): Promise<{ latencies: number[]; missing: number }> {
  const deadline = performance.now() + timeoutMs;
  const complete = () => listeners.every((l) => sent.every((s) => l.received.has(s.id)));
  while (!complete() && performance.now() < deadline) await sleep(50);
  const latencies: number[] = [];
  let missing = 0;
  for (const listener of listeners) {
    for (const message of sent) {
      const at = listener.received.get(message.id);
      if (at === undefined) missing += 1;
      else latencies.push(at - message.sentAt);
    }
  }
  return { latencies, missing };
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0) / 1024;
}

async function historyReads(url: string, family: Family, origin: string, agent: Agent, reads = 300): Promise<number[]> {
  const token = family.tokens[0] as string;
  const times: number[] = [];
  let before: string | null = null;
  for (let i = 0; i < reads; i += 1) {
    // Every 20 reads jump back to the newest page, so both fresh and deep pages are read.
    const query: string = before && i % 20 !== 0 ? `?limit=50&before=${before}` : '?limit=50';
    const started = performance.now();
    const response = await request(`${url}/api/v1/conversations/${family.historyConversationId}/messages${query}`, {
      dispatcher: agent,
      headers: { cookie: `prifora_session=${token}`, origin },
    });
    const body = (await response.body.json()) as { messages: unknown[]; nextBefore: string | null };
    times.push(performance.now() - started);
    if (body.messages.length !== 50) throw new Error(`a history page held ${body.messages.length} messages`);
    before = body.nextBefore;
  }
  return times;
}

const benchmark: Benchmark = {
  description: 'live chat: latency at 200 msg/s, the highest fully delivered rate, peak RSS, history pages',
  async run(args) {
    if (!requireBuild()) return 1;
    const options = parseOptions(args);
    const dataDir = makeTempDir();
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    try {
      runCli(['init', '--yes', '--data', dataDir, '--public-url', 'http://127.0.0.1:1']);
      // Quiet logs: one line per request would measure the terminal.
      const configFile = path.join(dataDir, 'config.json');
      const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
      config.log.level = 'warn';
      fs.writeFileSync(configFile, JSON.stringify(config));
      const family = await seed(dataDir, options);
      server = await startServer(dataDir);
      const url = `http://127.0.0.1:${server.port}`;
      const origin = 'http://127.0.0.1:1';
      const agent = new Agent({ connections: 64, pipelining: 1, keepAliveTimeout: 30_000 });

      const listeners = await Promise.all(family.tokens.map((token) => connect(url, token, origin)));
      process.stdout.write(`${listeners.length} listeners connected\n`);

      // Warm-up, not measured.
      const warm = await sendAtRate(url, family, origin, agent, 100, 2);
      await collect(listeners, warm.sent);

      const steady = await sendAtRate(url, family, origin, agent, 200, options.seconds);
      const steadyResult = await collect(listeners, steady.sent);
      const p50 = percentile(steadyResult.latencies, 50);
      const p99 = percentile(steadyResult.latencies, 99);
      process.stdout.write(
        `200 msg/s for ${options.seconds} s: ${steady.sent.length} stored, ${steady.failed} failed, ${steadyResult.missing} deliveries missing; latency p50 ${round(p50)} ms, p99 ${round(p99)} ms\n`,
      );

      let maxRate = 0;
      for (const rate of [400, 600, 800, 1000, 1200, 1500, 2000, 2500]) {
        const step = await sendAtRate(url, family, origin, agent, rate, 5);
        const result = await collect(listeners, step.sent);
        const ok = step.failed === 0 && result.missing === 0 && step.achieved >= rate * 0.95;
        process.stdout.write(
          `  ${rate} msg/s for 5 s: achieved ${round(step.achieved, 0)}/s, ${step.failed} failed, ${result.missing} deliveries missing, p99 ${round(percentile(result.latencies, 99))} ms ${ok ? 'ok' : 'NOT sustained'}\n`,
        );
        if (!ok) break;
        maxRate = Math.max(maxRate, Math.round(step.achieved));
      }

      const rss = peakRssMb(server.pid);
      for (const listener of listeners) listener.socket.close();
      const history = await historyReads(url, family, origin, agent);
      const historyP50 = percentile(history, 50);
      process.stdout.write(`history: page of 50 from ${options.history.toLocaleString('en')} messages: p50 ${round(historyP50, 2)} ms, p99 ${round(percentile(history, 99), 2)} ms\n`);
      process.stdout.write(`server peak RSS ${round(rss)} MB\n`);
      process.stdout.write(
        `targets: p99 <= 25 ms at 200/s (${round(p99)}), >= 1000 msg/s (${maxRate}), RSS <= 250 MB (${round(rss)}), history page <= 10 ms (${round(historyP50, 2)})\n`,
      );
      await agent.close();
      process.stdout.write(
        `${JSON.stringify({ bench: 'chat', p50_ms: round(p50, 2), p99_ms: round(p99, 2), max_msgs_per_s: maxRate, rss_mb: round(rss), history_page_ms: round(historyP50, 2) })}\n`,
      );
      return 0;
    } finally {
      if (server) await stopServer(server);
      removeDir(dataDir);
    }
  },
};

export default benchmark;
