import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildConfig, writeConfig, type Config } from '../../server/config/index.js';
import { startServer, type RunningServer } from '../../server/http.js';
import type { LiveHubOptions } from '../../server/live/hub.js';
import { createLogger } from '../../server/logger.js';

/**
 * A real prifora server on port 0 with its own data directory, for one test. The models are
 * bound to one database per process, so tests in a file run one after another (ava "serial").
 */
export interface TestServer {
  running: RunningServer;
  url: string;
  dataDir: string;
  config: Config;
  /** fetch against the server, sending its own Origin and JSON by default. */
  api(pathname: string, init?: ApiInit): Promise<ApiResponse>;
  stop(): Promise<void>;
}

export interface ApiInit {
  method?: string;
  body?: unknown;
  /** A raw body sent as it is (for malformed-input tests). */
  rawBody?: string | Buffer;
  cookie?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
  /** The session cookie the response set, as "name=value" ready to send back. */
  cookie: string | undefined;
}

const made = new Set<string>();
process.once('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed when the test process exits. */
export function tempDir(prefix = 'prifora-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/**
 * Starts a server; `config` overrides keys by dotted path (e.g. 'mail.smtp.host'); `options.live`
 * tunes the websocket hub (a short heartbeat, say).
 */
export async function startTestServer(config: Record<string, unknown> = {}, options: { live?: LiveHubOptions } = {}): Promise<TestServer> {
  const dataDir = tempDir();
  // No LAN announcement unless a test asks for one (discovery.test.ts): test servers are not for stations to find.
  const full = buildConfig({ 'family.name': 'Test', 'family.language': 'en', 'log.level': 'silent', 'discovery.mdns': false, ...config }, 'test');
  writeConfig(dataDir, full);
  const running = await startServer({ dataDir, config: full, logger: createLogger('silent', { pretty: false }), port: 0, host: '127.0.0.1', live: options.live });
  const url = `http://127.0.0.1:${running.port}`;
  const origin = new URL(full.server.publicUrl).origin;
  const api = async (pathname: string, init: ApiInit = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { origin, ...init.headers };
    if (init.cookie) headers.cookie = init.cookie;
    let body: string | Buffer | undefined = init.rawBody;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${url}${pathname}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body: body as BodyInit | undefined });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('prifora_session='));
    return { status: response.status, headers: response.headers, body: parsed, cookie: setCookie?.split(';')[0] };
  };
  return { running, url, dataDir, config: full, api, stop: () => running.stop(1000) };
}
