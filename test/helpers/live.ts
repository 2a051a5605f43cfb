import { WebSocket } from 'ws';
import type { TestServer } from './server.js';

/** How a live socket ended: the close code and reason the client saw (1006: no close frame). */
export interface LiveClosed {
  code: number;
  reason: string;
}

/** A websocket to a test server's /api/v1/live that records what it receives. */
export interface LiveClient {
  socket: WebSocket;
  /** Every message received, parsed, oldest first. */
  messages: any[];
  /**
   * The next message (after those already taken by next) that matches; fails when the socket
   * closes first or nothing matches within timeoutMs.
   */
  next(predicate?: (message: any) => boolean, timeoutMs?: number): Promise<any>;
  /** Sends a value as JSON, or a string or Buffer as it is. */
  send(message: unknown): void;
  /** Closes the socket and waits until it is closed. */
  close(): Promise<LiveClosed>;
  closed: Promise<LiveClosed>;
}

export interface LiveOptions {
  /** Resume after this event id (the ?after= query parameter). */
  after?: number;
  /** The Origin header; the server's public origin unless given (null sends none). */
  origin?: string | null;
  /** Answer the server's pings (default true); false plays a dead client. */
  autoPong?: boolean;
  /** Another path, for the refused-upgrade tests. */
  path?: string;
}

/** An upgrade the server refused, with its HTTP status and JSON body. */
export class LiveRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: any,
  ) {
    super(`live upgrade refused with ${status}`);
  }
}

function liveUrl(server: TestServer, options: LiveOptions): string {
  const url = new URL(options.path ?? '/api/v1/live', server.url.replace(/^http/, 'ws'));
  if (options.after !== undefined) url.searchParams.set('after', String(options.after));
  return url.toString();
}

/**
 * Opens a live socket as someone (their cookie, or none) and resolves once it is open. Rejects
 * with LiveRefused when the server answers the upgrade with an HTTP error.
 */
export function connectLive(server: TestServer, cookie: string | undefined, options: LiveOptions = {}): Promise<LiveClient> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  const origin = options.origin === undefined ? new URL(server.config.server.publicUrl).origin : options.origin;
  const socket = new WebSocket(liveUrl(server, options), { headers, autoPong: options.autoPong ?? true, ...(origin ? { origin } : {}) });
  const messages: any[] = [];
  let taken = 0;
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((waiter) => waiter());
  let ended: LiveClosed | undefined;
  const closed = new Promise<LiveClosed>((resolve) =>
    socket.once('close', (code, reason) => {
      ended = { code, reason: reason.toString() };
      resolve(ended);
      wake();
    }),
  );
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    wake();
  });
  socket.on('error', () => undefined);

  const next = (predicate: (message: any) => boolean = () => true, timeoutMs = 5000): Promise<any> =>
    new Promise((resolve, reject) => {
      const check = () => {
        for (let index = taken; index < messages.length; index += 1) {
          if (!predicate(messages[index])) continue;
          taken = index + 1;
          done();
          resolve(messages[index]);
          return;
        }
        if (ended) {
          done();
          reject(new Error(`socket closed (${ended.code}) before the message came; got ${JSON.stringify(messages.slice(taken))}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(messages.slice(taken))}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  const client: LiveClient = {
    socket,
    messages,
    next,
    send: (message) => socket.send(typeof message === 'string' || Buffer.isBuffer(message) ? message : JSON.stringify(message)),
    close: () => {
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close();
      return closed;
    },
    closed,
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_request, response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        reject(new LiveRefused(response.statusCode ?? 0, body));
      });
    });
    socket.once('close', () => reject(new Error('socket closed before it opened')));
  });
}
