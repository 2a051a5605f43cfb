import fs from 'node:fs';
import { AppError } from '../errors.js';
import type { AppContext } from '../middleware/types.js';

/** A stored file to send. */
export interface FileToSend {
  path: string;
  bytes: number;
  mime: string;
  etag: string;
}

/** Parses a single `bytes=` range against a size; null when absent, 'invalid' when unsatisfiable. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'invalid';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'invalid';
  return { start, end };
}

/**
 * Sends a stored media file: an ETag and a long, private cache lifetime (stored files never
 * change under their URL), 304 for a matching If-None-Match, and single byte ranges (206, or
 * 416 past the end) so videos seek on the station and in browsers.
 */
export function sendFile(ctx: AppContext, file: FileToSend): void {
  const etag = `"${file.etag}"`;
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', 'private, max-age=31536000, immutable');
  ctx.set('Accept-Ranges', 'bytes');
  ctx.type = file.mime;
  if (ctx.get('if-none-match') === etag) {
    ctx.status = 304;
    return;
  }
  const range = parseRange(ctx.get('range') || undefined, file.bytes);
  if (range === 'invalid') {
    ctx.set('Content-Range', `bytes */${file.bytes}`);
    throw new AppError(416, 'range_not_satisfiable', 'That part of the file does not exist.', { headers: { 'Content-Range': `bytes */${file.bytes}` } });
  }
  if (range) {
    ctx.status = 206;
    ctx.set('Content-Range', `bytes ${range.start}-${range.end}/${file.bytes}`);
    ctx.length = range.end - range.start + 1;
    ctx.body = ctx.method === 'HEAD' ? null : fs.createReadStream(file.path, { start: range.start, end: range.end });
    return;
  }
  ctx.status = 200;
  ctx.length = file.bytes;
  ctx.body = ctx.method === 'HEAD' ? null : fs.createReadStream(file.path);
}
