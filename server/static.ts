import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext, AppMiddleware, Next } from './middleware/types.js';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

/** Where `vite build` puts the web app and the station UI. */
export function webRoot(): string {
  const here = path.dirname(new URL(import.meta.url).pathname);
  // From server/ (tsx) and from dist/server/ (compiled) alike, the build is in dist/web.
  const candidates = [path.resolve(here, '../dist/web'), path.resolve(here, '../web')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'app', 'index.html'))) ?? (candidates[0] as string);
}

interface CachedFile {
  body: Buffer;
  etag: string;
  type: string;
}

/**
 * Serves the built web app at / and the station UI at /station. Hashed assets are cached for a
 * year; HTML is revalidated every time so a new build is picked up. Files are read once and kept:
 * the build is small and never changes while the server runs.
 */
export function serveWeb(root: string): AppMiddleware {
  const cache = new Map<string, CachedFile | null>();
  const load = (file: string): CachedFile | null => {
    if (!cache.has(file)) {
      let entry: CachedFile | null = null;
      try {
        const body = fs.readFileSync(file);
        entry = {
          body,
          etag: `"${crypto.createHash('sha1').update(body).digest('base64url')}"`,
          type: types[path.extname(file)] ?? 'application/octet-stream',
        };
      } catch {
        entry = null;
      }
      cache.set(file, entry);
    }
    return cache.get(file) ?? null;
  };

  return async function serveWebMiddleware(ctx: AppContext, next: Next) {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api/')) return next();
    const relative = path.posix.normalize(decodeURIComponent(ctx.path)).replace(/^\/+/, '');
    if (relative.startsWith('..') || relative.includes('\0')) return next();
    let file = load(path.join(root, relative));
    let immutable = relative.startsWith('assets/');
    if (!file && !path.extname(relative)) {
      // Pages of the single-page apps: the station UI under /station, the web app elsewhere.
      const entry = relative === 'station' || relative.startsWith('station/') ? 'station' : 'app';
      file = load(path.join(root, entry, 'index.html'));
      immutable = false;
    }
    if (!file) return next();
    ctx.set('ETag', file.etag);
    ctx.set('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.type = file.type;
    if (ctx.get('if-none-match') === file.etag) {
      ctx.status = 304;
      return;
    }
    ctx.status = 200;
    ctx.body = file.body;
  };
}
