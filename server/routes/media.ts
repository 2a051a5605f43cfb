import { z } from 'zod';
import { AppError, notFound, unauthenticated } from '../errors.js';
import { limits } from '../limits.js';
import { presentMedia } from '../presenters/media.js';
import { gridCursorOf, gridPositionOf, presentGridItem } from '../presenters/mediaGrid.js';
import { uuidField } from '../schemas.js';
import { deleteMedia, fileBySignature, ingestUpload, loadMedia, mediaUsage, signedMediaUrl, storedPath } from '../services/media.js';
import { listGrid, type GridPosition } from '../services/mediaGrid.js';
import { alreadySent, route } from './define.js';
import { sendFile } from './sendFile.js';
import { receiveUpload } from './upload.js';

const id = z.strictObject({ id: uuidField });
const sizeField = z.enum(['thumb', 'station', 'full', 'video', 'poster'], { message: 'must be thumb, station, full, video or poster' });

function gridBefore(cursor: string | undefined): GridPosition | undefined {
  if (cursor === undefined) return undefined;
  const position = gridPositionOf(cursor);
  if (!position) throw new AppError(400, 'invalid_input', 'query.before: is not a valid cursor', { details: { issues: [{ field: 'query.before', problem: 'is not a valid cursor' }] } });
  return position;
}

export const mediaRoutes = [
  route({
    method: 'get',
    path: '/api/v1/media',
    summary: 'Every photo and video the person may see (profile photos aside), newest first; pass nextBefore as before for the next page',
    access: 'user',
    query: z.strictObject({
      before: z.string().max(120, 'is not a valid cursor').optional(),
      limit: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(limits.pageSizeMax, `must be at most ${limits.pageSizeMax}`).optional(),
    }),
    handle: async (ctx, { actor, query }) => {
      const page = await listGrid(ctx.services, { actor, before: gridBefore(query.before), limit: query.limit });
      return { items: page.entries.map(presentGridItem), nextBefore: page.nextBefore ? gridCursorOf(page.nextBefore) : null };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/media/usage',
    summary: 'Storage used by photos and videos, and the quota (admins)',
    access: 'admin',
    handle: async (ctx) => ({ usage: { ...(await mediaUsage()), quotaBytes: ctx.services.config.media.quotaBytes } }),
  }),
  route({
    method: 'post',
    path: '/api/v1/media',
    summary: 'Upload one photo or video (multipart/form-data, field "file"); metadata is removed and sizes are made',
    access: 'user',
    status: 201,
    handle: async (ctx, { actor }) => {
      const upload = await receiveUpload(ctx);
      return { media: presentMedia(await ingestUpload(ctx.services, { actor, ...upload })) };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/media/:id',
    summary: 'One photo or video the person may see',
    access: 'user',
    station: true,
    params: id,
    handle: async (_ctx, { actor, params }) => ({ media: presentMedia(await loadMedia(actor, params.id)) }),
  }),
  route({
    method: 'get',
    path: '/api/v1/media/:id/link',
    summary: 'A signed link to one size that works without a session for 5 minutes',
    access: 'user',
    station: true,
    params: id,
    query: z.strictObject({ size: sizeField }),
    handle: async (ctx, { actor, params, query }) => {
      const { url, expiresAt } = await signedMediaUrl(ctx.services, { actor, mediaId: params.id, size: query.size });
      return { url, expiresAt: expiresAt.toISOString() };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/media/:id/:size',
    summary: 'A stored size of a photo or video (ETag, HTTP Range); a session, or a signed link',
    access: 'public',
    station: true,
    params: z.strictObject({ id: uuidField, size: sizeField }),
    query: z.strictObject({
      expires: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').optional(),
      signature: z.string().max(100, 'is not a valid signature').optional(),
    }),
    handle: async (ctx, { actor, params, query }) => {
      let file;
      if (query.signature !== undefined && query.expires !== undefined) {
        file = await fileBySignature(ctx.services, { mediaId: params.id, size: params.size, expires: query.expires, signature: query.signature });
      } else {
        if (!actor) throw unauthenticated();
        file = (await loadMedia(actor, params.id)).files.find((f) => f.size === params.size);
      }
      if (!file) throw notFound('Photo or video');
      sendFile(ctx, { path: storedPath(ctx.services, file), bytes: Number(file.bytes), mime: file.mime, etag: file.etag });
      return alreadySent;
    },
  }),
  route({
    method: 'delete',
    path: '/api/v1/media/:id',
    summary: 'Delete a photo or video and every file of it (whoever shared it, or an admin)',
    access: 'user',
    params: id,
    handle: async (ctx, { actor, params }) => {
      await deleteMedia(ctx.services, { actor, mediaId: params.id });
      return undefined;
    },
  }),
];
