import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { languageFromHeader, t } from '../i18n/index.js';
import type { ServiceContext } from '../services/context.js';
import { resolvePrincipal, type LivePrincipal } from './principal.js';

/** Where the websocket lives. */
export const livePath = '/api/v1/live';

/** An upgrade that may go ahead, or the HTTP answer that refuses it. */
export type UpgradeCheck =
  | { ok: true; principal: LivePrincipal; after: number | null }
  | { ok: false; status: number; code: string; message: string };

function firstHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(',')[0]?.trim() || undefined;
}

/**
 * The origin the browser used to reach prifora, worked out the way Koa does for ctx.protocol and
 * ctx.host: X-Forwarded-* only when the proxy is trusted.
 */
export function ownOrigin(request: IncomingMessage, trustProxy: boolean): string {
  const encrypted = !!(request.socket as TLSSocket).encrypted;
  const protocol = (trustProxy && firstHeader(request, 'x-forwarded-proto')) || (encrypted ? 'https' : 'http');
  const host = (trustProxy && firstHeader(request, 'x-forwarded-host')) || request.headers.host;
  return `${protocol}://${host}`;
}

/**
 * Checks an upgrade request before any websocket exists: the path, `?after=N`, the Origin
 * (browsers always send one on a websocket; any other page's is refused, which stops
 * cross-site websocket hijacking with the cookie) and then the principal.
 */
export async function checkUpgrade(services: ServiceContext, request: IncomingMessage): Promise<UpgradeCheck> {
  const language = languageFromHeader(request.headers['accept-language'], services.config.family.language);
  const refuse = (status: number, code: string, message: string): UpgradeCheck => ({ ok: false, status, code, message });
  const translated = (status: number, code: 'not_found' | 'bad_origin' | 'unauthenticated') => refuse(status, code, t(language, `error.${code}`));

  const url = new URL(request.url ?? '/', 'http://prifora.invalid');
  if (url.pathname !== livePath) return translated(404, 'not_found');
  const afterText = url.searchParams.get('after');
  if (afterText !== null && !/^\d{1,15}$/.test(afterText)) return refuse(400, 'invalid_input', 'after: must be a whole number of 0 or more');

  const origin = request.headers.origin;
  const allowed = [new URL(services.config.server.publicUrl).origin, ownOrigin(request, services.config.server.trustProxy)];
  if (!origin || !allowed.includes(origin)) return translated(403, 'bad_origin');

  const principal = await resolvePrincipal(services, request);
  if (!principal) return translated(401, 'unauthenticated');
  return { ok: true, principal, after: afterText === null ? null : Number(afterText) };
}

/** Answers a refused upgrade with a JSON error, as the API would, and closes the connection. */
export function refuseUpgrade(socket: Duplex, refusal: { status: number; code: string; message: string }): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      '\r\n' +
      body,
  );
}
