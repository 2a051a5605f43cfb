import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { roles, type Role } from '../db/models/User.js';
import { languageFromHeader, t } from '../i18n/index.js';
import { canSeeEvent } from '../policies/event.js';
import type { ServiceContext } from '../services/context.js';
import type { PublishedEvent } from '../services/events.js';
import { stillPaired } from '../services/stations.js';
import { catchUp } from './catchUp.js';
import { LiveConnection } from './connection.js';
import { principalId, type LivePrincipal } from './principal.js';
import { closeCodes, errorFrame, eventFrame, maxFrameBytes, parseClientFrame, pongFrame, presenceFrame, signalFrame, signalRefusedFrame, typingFrame, type Parsed } from './protocol.js';
import { checkUpgrade, refuseUpgrade, type UpgradeCheck } from './upgrade.js';

/**
 * Who should see that someone is typing in a conversation: user ids, or null to drop the notice
 * (no such conversation, or the typist is not in it). The chat service provides it.
 */
export type TypingAudience = (services: ServiceContext, userId: string, conversationId: string) => Promise<string[] | null>;

/**
 * What the hub asks about calls: whether a WebRTC signal may pass between two people, and who
 * reports being in a call. The calls runtime provides it (services/callRuntime.ts).
 */
export interface CallSignalling {
  mayRelay(fromUserId: string, toUserId: string, callId: string): boolean;
  alive(userId: string, callId: string): void;
}

export interface LiveHubOptions {
  /** Milliseconds between heartbeat pings (default 25 s); a socket that misses one is dropped. */
  heartbeatMs?: number;
  /** Milliseconds sockets get on stop to finish their closing handshake (default 2 s). */
  closeGraceMs?: number;
  /**
   * Milliseconds between checks that connected screens are still paired (default 5 s): a screen
   * revoked by another process (the CLI) is cut off within this.
   */
  stationCheckMs?: number;
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/**
 * The websocket hub: accepts authenticated sockets at /api/v1/live, brings each up to date from
 * the event log, fans committed events out to the principals who may see them, keeps presence,
 * relays typing and drops dead sockets. Protocol: server/live/protocol.ts.
 */
export class LiveHub {
  /** Who gets a typing notice; until the chat service sets it, typing is dropped. */
  typingAudience: TypingAudience = async () => null;
  /** Calls: until the calls runtime is plugged in, no signal passes. */
  calls: CallSignalling = { mayRelay: () => false, alive: () => undefined };

  readonly #services: ServiceContext;
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes, clientTracking: false });
  readonly #connections = new Set<LiveConnection>();
  /** Open sockets per principal id: online while at least one. */
  readonly #online = new Map<string, number>();
  readonly #unsubscribe: () => void;
  readonly #heartbeat: NodeJS.Timeout;
  readonly #stationCheck: NodeJS.Timeout;
  #checkingStations = false;
  readonly #closeGraceMs: number;
  #stopping: Promise<void> | undefined;

  constructor(services: ServiceContext, options: LiveHubOptions = {}) {
    this.#services = services;
    this.#closeGraceMs = options.closeGraceMs ?? 2000;
    this.#unsubscribe = services.bus.on('*', (event) => this.#publish(event));
    this.#heartbeat = setInterval(() => this.#beat(), options.heartbeatMs ?? 25_000);
    this.#heartbeat.unref();
    this.#stationCheck = setInterval(() => void this.#checkStations(), options.stationCheckMs ?? 5_000);
    this.#stationCheck.unref();
    services.stationPresence.track();
  }

  /** Whether a principal (a person, or a station person through a screen) has an open socket. */
  isOnline(id: string): boolean {
    return this.#online.has(id);
  }

  /** The ids of the principals with at least one open socket, in the order they came online. */
  online(): string[] {
    return [...this.#online.keys()];
  }

  /** Takes an HTTP upgrade (the server's 'upgrade' event): checks it, then opens the socket. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // A client that goes away during the checks must not crash the process.
    const onError = () => socket.destroy();
    socket.on('error', onError);
    void this.#upgrade(request, socket, head).finally(() => socket.off('error', onError));
  }

  /** Closes every socket as "going away" (1001) and stops the heartbeat; idempotent. */
  close(): Promise<void> {
    this.#stopping ??= this.#closeAll();
    return this.#stopping;
  }

  async #upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    let check: UpgradeCheck;
    try {
      check = await checkUpgrade(this.#services, request);
    } catch (error) {
      this.#services.logger.error({ err: error }, 'checking a live upgrade failed');
      check = { ok: false, status: 500, code: 'internal', message: this.#message(request, 'error.internal') };
    }
    if (check.ok && this.#stopping) check = { ok: false, status: 503, code: 'unavailable', message: this.#message(request, 'error.internal') };
    if (!check.ok) return refuseUpgrade(socket, check);
    const { principal, after } = check;
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, principal, after));
  }

  #message(request: IncomingMessage, key: 'error.internal'): string {
    return t(languageFromHeader(request.headers['accept-language'], this.#services.config.family.language), key);
  }

  #accept(ws: WebSocket, principal: LivePrincipal, after: number | null): void {
    ws.on('error', (error) => this.#services.logger.debug({ err: error }, 'live socket error'));
    if (this.#stopping) {
      ws.close(closeCodes.goingAway, 'going away');
      return;
    }
    const connection = new LiveConnection(ws, principal);
    this.#connections.add(connection);
    ws.on('pong', () => {
      connection.alive = true;
    });
    ws.on('message', (data, isBinary) => this.#receive(connection, data, isBinary));
    ws.on('close', () => this.#leave(connection));
    this.#join(connection);
    this.#catchUp(connection, after);
  }

  #join(connection: LiveConnection): void {
    if (connection.principal.kind === 'station') this.#services.stationPresence.connected(connection.principal.stationId);
    const id = principalId(connection.principal);
    const sockets = this.#online.get(id) ?? 0;
    this.#online.set(id, sockets + 1);
    const frame = presenceFrame(this.online());
    if (sockets === 0) this.#broadcast(frame);
    else connection.send(frame);
  }

  #leave(connection: LiveConnection): void {
    if (!this.#connections.delete(connection)) return;
    if (connection.principal.kind === 'station') this.#services.stationPresence.disconnected(connection.principal.stationId);
    const id = principalId(connection.principal);
    const sockets = (this.#online.get(id) ?? 1) - 1;
    if (sockets > 0) {
      this.#online.set(id, sockets);
      return;
    }
    this.#online.delete(id);
    this.#broadcast(presenceFrame(this.online()));
  }

  #broadcast(frame: string): void {
    for (const connection of this.#connections) connection.send(frame);
  }

  #catchUp(connection: LiveConnection, after: number | null): void {
    connection.queue(() => catchUp(connection, after)).catch((error: unknown) => {
      // On stop the database closes under a catch-up; that socket is closing anyway.
      if (this.#stopping || !connection.open) return;
      this.#services.logger.error({ err: error }, 'live catch-up failed');
      connection.socket.close(closeCodes.internalError, 'catch-up failed');
    });
  }

  #receive(connection: LiveConnection, data: RawData, isBinary: boolean): void {
    const parsed: Parsed = isBinary ? { ok: false, code: 'malformed_json', message: 'frame: must be JSON text' } : parseClientFrame(textOf(data));
    if (!parsed.ok) {
      if (connection.refused()) connection.socket.close(closeCodes.policyViolation, 'too many refused frames');
      else connection.send(errorFrame(parsed.code, parsed.message));
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case 'ping':
        connection.send(pongFrame);
        break;
      case 'typing':
        void this.#relayTyping(connection, message.conversationId);
        break;
      case 'resume':
        this.#catchUp(connection, message.after);
        break;
      case 'signal':
        this.#relaySignal(connection, message.callId, message.to, message.data);
        break;
      case 'inCall':
        this.calls.alive(principalId(connection.principal), message.callId);
        break;
    }
  }

  async #relayTyping(connection: LiveConnection, conversationId: string): Promise<void> {
    if (!connection.mayRelayTyping(conversationId)) return;
    const userId = principalId(connection.principal);
    let recipients: string[] | null;
    try {
      recipients = await this.typingAudience(this.#services, userId, conversationId);
    } catch (error) {
      this.#services.logger.warn({ err: error }, 'finding who sees typing failed');
      return;
    }
    const others = new Set(recipients ?? []);
    others.delete(userId);
    if (others.size === 0) return;
    const frame = typingFrame(conversationId, userId);
    for (const other of this.#connections) if (others.has(principalId(other.principal))) other.send(frame);
  }

  /** Passes a WebRTC signal to every socket of the other person, if the call allows it. */
  #relaySignal(connection: LiveConnection, callId: string, to: string, data: unknown): void {
    const from = principalId(connection.principal);
    if (!connection.maySignal()) {
      connection.send(signalRefusedFrame('rate_limited', callId));
      return;
    }
    if (!this.calls.mayRelay(from, to, callId)) {
      connection.send(signalRefusedFrame('not_allowed', callId));
      return;
    }
    const frame = signalFrame(callId, from, data);
    for (const other of this.#connections) if (principalId(other.principal) === to) other.send(frame);
  }

  /** Fan-out of one committed event: serialised once, then sent or held per socket. */
  #publish(event: PublishedEvent): void {
    let frame: string | undefined;
    for (const connection of this.#connections) {
      if (!canSeeEvent(connection.principal, event.audience)) continue;
      frame ??= eventFrame(event);
      connection.deliver(event.id, frame);
    }
    this.#follow(event);
  }

  /** Events that change who a socket belongs to: sign-outs, revoked screens, removals and role changes. */
  #follow(event: PublishedEvent): void {
    const { sessionId, stationId, userId, role } = event.payload;
    const matches = (connection: LiveConnection) => {
      const principal = connection.principal;
      if (event.type === 'session.revoked') return principal.kind === 'user' && principal.sessionId === sessionId;
      if (event.type === 'station.revoked') return principal.kind === 'station' && principal.stationId === stationId;
      return principalId(principal) === userId;
    };
    if (event.type === 'session.revoked' || event.type === 'member.removed' || event.type === 'station.revoked') {
      for (const connection of this.#connections) if (matches(connection)) this.#cutOff(connection);
    } else if (event.type === 'member.roleChanged' && roles.includes(role as Role)) {
      for (const connection of this.#connections) {
        if (matches(connection)) connection.principal = { ...connection.principal, user: { ...connection.principal.user, role: role as Role } };
      }
    }
  }

  /** Closes a socket whose session or screen ended: 4001 for a person, 4002 for a screen. */
  #cutOff(connection: LiveConnection): void {
    if (connection.principal.kind === 'station') connection.socket.close(closeCodes.unpaired, 'screen no longer paired');
    else connection.socket.close(closeCodes.signedOut, 'signed out');
  }

  /** Cuts off connected screens that were revoked where this process did not see it. */
  async #checkStations(): Promise<void> {
    const screens = [...this.#connections].filter((c) => c.open && c.principal.kind === 'station');
    if (screens.length === 0 || this.#checkingStations || this.#stopping) return;
    this.#checkingStations = true;
    try {
      const paired = await stillPaired(this.#services, screens.map((c) => (c.principal as { stationId: string }).stationId));
      for (const connection of screens) {
        if (connection.principal.kind === 'station' && !paired.has(connection.principal.stationId)) this.#cutOff(connection);
      }
    } catch (error) {
      if (!this.#stopping) this.#services.logger.warn({ err: error }, 'checking the connected screens failed');
    } finally {
      this.#checkingStations = false;
    }
  }

  #beat(): void {
    for (const connection of this.#connections) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      // A closing socket gets no ping: unless its handshake ends first, the next beat ends it.
      if (connection.open) connection.socket.ping();
    }
  }

  async #closeAll(): Promise<void> {
    clearInterval(this.#heartbeat);
    clearInterval(this.#stationCheck);
    this.#unsubscribe();
    const sockets = [...this.#connections].map((connection) => connection.socket);
    const closed = sockets.map((ws) => new Promise<void>((resolve) => (ws.readyState === WebSocket.CLOSED ? resolve() : ws.once('close', () => resolve()))));
    for (const ws of sockets) ws.close(closeCodes.goingAway, 'going away');
    // A client that never answers the close frame is cut off after the grace period.
    const timer = setTimeout(() => sockets.forEach((ws) => ws.terminate()), this.#closeGraceMs);
    await Promise.all(closed);
    clearTimeout(timer);
    this.#wss.close();
  }
}

/** Creates the live hub of an instance; server/http.ts routes upgrades to it and closes it on stop. */
export function createLiveHub(services: ServiceContext, options: LiveHubOptions = {}): LiveHub {
  return new LiveHub(services, options);
}
