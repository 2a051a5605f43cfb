import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import { createApp } from './app.js';
import { createLanDiscovery, openServices, type Services } from './boot.js';
import type { Config } from './config/index.js';
import { createLiveHub, type LiveHub, type LiveHubOptions } from './live/hub.js';
import type { Logger } from './logger.js';
import { hasAdmin } from './services/accounts.js';
import { videoToolsAvailable } from './media/video.js';
import { applyMigrations } from './services/database.js';
import { sweepMedia } from './services/media.js';
import { watchCalls } from './services/callWatch.js';
import { typingAudience } from './services/conversations.js';
import { pruneEvents } from './services/events.js';
import { createSetupLink } from './services/invitations.js';
import type { LanAnnouncement, LanDiscovery } from './services/ports.js';
import { version } from './version.js';

/** A running prifora server. */
export interface RunningServer {
  services: Services;
  server: http.Server;
  port: number;
  /** The URLs it listens on: loopback or the bound address first, then the LAN addresses. */
  urls: string[];
  /** Migrations applied while starting. */
  migrated: string[];
  /** The first-admin set-up link, while the family has no admin. */
  setupLink: { link: string; expiresAt: Date } | null;
  /** The websocket hub at /api/v1/live: presence, and where chat plugs in who sees typing. */
  live: LiveHub;
  /** Registers work to do on stop before the database closes (the live hub closes sockets). */
  onStop(hook: () => Promise<void> | void): void;
  /** Stops accepting, lets requests in flight finish (at most graceMs), closes everything. */
  stop(graceMs?: number): Promise<void>;
}

/** The non-internal IPv4 addresses of this host: where a Home Station on the LAN finds prifora. */
export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((info): info is os.NetworkInterfaceInfo => !!info && info.family === 'IPv4' && !info.internal)
    .map((info) => info.address);
}

/**
 * The interface to announce on: the address the server listens on (so a server on 127.0.0.1 is
 * announced to this host only), or every interface for a wildcard or a host name.
 */
export function announceInterface(host: string): string | undefined {
  if (host === 'localhost' || host === '::1') return '127.0.0.1';
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) && host !== '0.0.0.0' ? host : undefined;
}

/** Announces the server on the LAN; where multicast does not work it says so once and runs on. */
function announce(discovery: LanDiscovery, port: number, services: Services): LanAnnouncement {
  return discovery.announce({ port, url: services.config.server.publicUrl, version }, (reason) =>
    services.logger.warn(
      { reason },
      'multicast is not available here, so Home Stations cannot find this server by themselves (mDNS); type its address on the screen instead, or set discovery.mdns to false to silence this',
    ),
  );
}

function urlsFor(host: string, port: number): string[] {
  const wildcard = host === '0.0.0.0' || host === '::';
  const local = wildcard || host === '127.0.0.1' || host === 'localhost' ? `http://127.0.0.1:${port}` : `http://${host}:${port}`;
  const lan = wildcard ? lanAddresses().map((address) => `http://${address}:${port}`) : [];
  return [local, ...lan];
}

/**
 * Starts prifora on a data directory: applies pending migrations, starts the mail queue, listens,
 * and makes a set-up link while there is no admin.
 */
export async function startServer(options: {
  dataDir: string;
  config: Config;
  logger?: Logger;
  port?: number;
  host?: string;
  /** Options of the live hub (tests shorten its heartbeat). */
  live?: LiveHubOptions;
  /** How the server announces itself on the LAN (tests pass their own); mDNS by default. */
  discovery?: LanDiscovery;
}): Promise<RunningServer> {
  const services = await openServices({ dataDir: options.dataDir, config: options.config, logger: options.logger });
  const migrated = await applyMigrations(services);
  const app = createApp(services);
  const server = http.createServer(app.callback());
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 30_000;
  server.requestTimeout = 0;

  const sockets = new Set<Socket>();
  const busy = new WeakMap<Socket, number>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('request', (request, response) => {
    const socket = request.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    response.on('close', () => busy.set(socket, (busy.get(socket) ?? 1) - 1));
  });
  const live = createLiveHub(services, options.live);
  live.typingAudience = (context, userId, conversationId) => typingAudience(context, userId, conversationId);
  live.calls = services.calls;
  services.calls.online = (userId) => live.isOnline(userId);
  // Calls still ringing or active when the server stopped get their timers back before anyone can connect.
  const stopWatchingCalls = await watchCalls(services);
  server.on('upgrade', (request, socket, head) => {
    // An upgraded socket belongs to the hub, which closes it as "going away" on stop.
    sockets.delete(socket as Socket);
    live.handleUpgrade(request, socket, head);
  });

  const host = options.host ?? options.config.server.host;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? options.config.server.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  services.mailQueue.start();
  const prune = () => pruneEvents(services).catch((error: unknown) => services.logger.warn({ err: error }, 'pruning old events failed'));
  await prune();
  const pruneTimer = setInterval(prune, 6 * 60 * 60 * 1000).unref();

  const swept = await sweepMedia(services).catch((error: unknown) => {
    services.logger.warn({ err: error }, 'sweeping media failed');
    return { removed: [] };
  });
  if (swept.removed.length) services.logger.info({ removed: swept.removed.length }, 'removed media files no row points at');
  if (!(await videoToolsAvailable())) {
    services.logger.warn('ffmpeg is not installed: videos are stored and play, but get no poster frame and keep their metadata (apt-get install ffmpeg)');
  }
  const setupLink = (await hasAdmin()) ? null : await createSetupLink(services);
  const announcement = options.config.discovery.mdns ? announce(options.discovery ?? createLanDiscovery({ interface: announceInterface(host) }), port, services) : null;
  const hooks: Array<() => Promise<void> | void> = [() => live.close(), stopWatchingCalls, () => announcement?.stop()];
  let stopping: Promise<void> | undefined;

  const stop = (graceMs = 10_000): Promise<void> => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive sockets would hold close() open; requests in flight may finish.
      for (const socket of sockets) if (!busy.get(socket)) socket.destroy();
      server.on('request', (_request, response) => response.setHeader('Connection', 'close'));
      clearInterval(pruneTimer);
      for (const hook of hooks) await hook();
      const timer = setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, graceMs);
      await closed;
      clearTimeout(timer);
      await services.close();
    })();
    return stopping;
  };

  return {
    services,
    server,
    port,
    urls: urlsFor(host, port),
    migrated,
    setupLink,
    live,
    onStop: (hook) => hooks.push(hook),
    stop,
  };
}
