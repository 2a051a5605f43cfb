import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Op, UniqueConstraintError } from 'sequelize';
import { Media, MediaFile, MediaUpload, Message, MessageAttachment, Participant, SlideshowItem, User, type Transaction } from '../db/index.js';
import type { MediaSize } from '../db/models/Media.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { MediaError } from '../media/errors.js';
import { processPhoto } from '../media/photo.js';
import type { SniffedType } from '../media/sniff.js';
import { processVideo } from '../media/video.js';
import { isAdmin } from '../policies/user.js';
import { actorId, type Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import { recordEvent } from './events.js';

/** A media item with its stored files. */
export interface StoredMedia {
  media: Media;
  files: MediaFile[];
}

/** Where photos and videos live: DATA/media, one folder per item, and tmp/ for uploads in progress. */
export function mediaRoot(ctx: ServiceContext): string {
  return path.join(ctx.dataDir, 'media');
}

/** A fresh name for an upload in progress, in DATA/media/tmp. */
export async function newUploadPath(ctx: ServiceContext): Promise<string> {
  const dir = path.join(mediaRoot(ctx), 'tmp');
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  return path.join(dir, `upload-${crypto.randomBytes(12).toString('hex')}`);
}

/** Bytes stored for all media together. */
export async function mediaUsage(): Promise<{ bytes: number; items: number }> {
  const [bytes, items] = await Promise.all([Media.sum('bytes'), Media.count()]);
  return { bytes: Number(bytes ?? 0), items };
}

/** The upload limit for a kind of media, from config. */
export function uploadLimit(ctx: ServiceContext, kind: 'photo' | 'video'): number {
  return kind === 'photo' ? ctx.config.media.maxPhotoBytes : ctx.config.media.maxVideoBytes;
}

/** Refuses with 507 when storing `bytes` more would pass the instance's quota. */
export async function assertQuota(ctx: ServiceContext, bytes: number): Promise<void> {
  const quota = ctx.config.media.quotaBytes;
  if (quota === null) return;
  const { bytes: used } = await mediaUsage();
  if (used + bytes > quota) {
    throw new AppError(507, 'storage_full', 'The family’s storage is full.', {
      hint: 'Ask the family admin to delete old photos and videos or to raise the storage limit.',
      params: { usedMb: Math.round(used / 1e6), quotaMb: Math.round(quota / 1e6) },
      report: false,
    });
  }
}

function fromMediaError(error: unknown): unknown {
  if (!(error instanceof MediaError)) return error;
  const code = error.code === 'unsupported_type' || error.code === 'heic_unsupported' ? 'unsupported_file' : error.code === 'tool_failed' ? 'internal' : 'unprocessable_media';
  return new AppError(error.status, code, error.message, { hint: error.hint, cause: error, params: { reason: error.code }, report: error.status >= 500 });
}

/**
 * The ETag of a stored file. Stored files never change under their media id (new content is a new
 * item), so the id, the size and the length name the bytes; reading a 1 GB video back to hash
 * it would cost a second on every upload.
 */
function fileEtag(mediaId: string, size: MediaSize, bytes: number): string {
  return crypto.createHash('sha256').update(`${mediaId}:${size}:${bytes}`).digest('base64url').slice(0, 32);
}

/**
 * Stores an upload that has arrived whole at `uploadPath`: the same content is stored once (the
 * existing item is returned and the upload removed); otherwise it is processed in a temporary
 * folder (metadata removed, sizes made), the folder is renamed into place, and only then the rows
 * are written. A crash leaves at most a folder with no row, which `sweepMedia` removes.
 */
export async function ingestUpload(
  ctx: ServiceContext,
  input: { actor: Actor; uploadPath: string; sha256: string; bytes: number; type: SniffedType },
): Promise<StoredMedia> {
  const userId = actorId(input.actor);
  if (!userId) throw forbidden();
  try {
    const existing = await Media.findOne({ where: { sha256: input.sha256 } });
    if (existing) {
      await ctx.db.write((transaction) => MediaUpload.findOrCreate({ where: { mediaId: existing.id, userId }, transaction }));
      return { media: existing, files: await MediaFile.findAll({ where: { mediaId: existing.id } }) };
    }
    await assertQuota(ctx, input.bytes);
    const id = crypto.randomUUID();
    const work = path.join(mediaRoot(ctx), 'tmp', `work-${id}`);
    await fs.mkdir(work, { recursive: true });
    try {
      const described = await inSlot(() => describe(ctx, input.uploadPath, work, input.type));
      const final = path.join(mediaRoot(ctx), id.slice(0, 2), id);
      await fs.mkdir(path.dirname(final), { recursive: true });
      await fs.rename(work, final);
      const files = described.files.map((f) => ({
        mediaId: id,
        size: f.size,
        file: path.relative(mediaRoot(ctx), path.join(final, path.basename(f.path))),
        bytes: f.bytes,
        width: f.width,
        height: f.height,
        mime: f.mime,
        etag: fileEtag(id, f.size, f.bytes),
      }));
      const total = files.reduce((sum, f) => sum + f.bytes, 0);
      try {
        return await ctx.db.write(async (transaction) => {
          const media = await Media.create({ id, sha256: input.sha256, kind: input.type.kind, sourceMime: input.type.mime, ...described.meta, bytes: total }, { transaction });
          const rows = await MediaFile.bulkCreate(files, { transaction });
          await MediaUpload.create({ mediaId: id, userId }, { transaction });
          await recordEvent(ctx, transaction, { type: 'media.created', actorId: userId, audience: { users: [userId] }, payload: { mediaId: id } });
          return { media, files: rows };
        });
      } catch (error) {
        await fs.rm(final, { recursive: true, force: true });
        // The same content finished first in another request: hand that one back.
        if (error instanceof UniqueConstraintError) return ingestUpload(ctx, { ...input });
        throw error;
      }
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  } catch (error) {
    throw fromMediaError(error);
  } finally {
    await fs.rm(input.uploadPath, { force: true });
  }
}

/**
 * At most two photos or videos are processed at once: on two cores that is the fastest
 * (the media core measured 5.6 photos/s two at a time against 4.4/s four at a time), and it
 * bounds memory.
 */
const slots = { free: 2, waiting: [] as Array<() => void> };

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (slots.free === 0) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.free -= 1;
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free += 1;
  }
}

interface Described {
  meta: { width: number | null; height: number | null; duration: number | null; placeholder: string | null };
  files: Array<{ size: MediaSize; path: string; bytes: number; width: number | null; height: number | null; mime: string }>;
}

async function describe(ctx: ServiceContext, uploadPath: string, work: string, type: SniffedType): Promise<Described> {
  if (type.kind === 'photo') {
    const photo = await processPhoto(uploadPath, work, { maxPixels: ctx.config.media.maxPixels });
    return {
      meta: { width: photo.width, height: photo.height, duration: null, placeholder: photo.placeholder },
      files: (['thumb', 'station', 'full'] as const).map((size) => ({ size, ...photo.sizes[size] })),
    };
  }
  const video = await processVideo(uploadPath, work);
  return {
    meta: { width: video.width, height: video.height, duration: video.duration, placeholder: null },
    files: [
      { size: 'video', path: video.file.path, bytes: video.file.bytes, width: video.width, height: video.height, mime: video.file.mime },
      ...(video.poster ? [{ size: 'poster' as const, path: video.poster.path, bytes: video.poster.bytes, width: null, height: null, mime: 'image/jpeg' }] : []),
    ],
  };
}

/**
 * Whether the actor may see a media item: they uploaded it, or it is attached to a message in a
 * conversation they are in, or it is in a slideshow or someone's profile photo (the family's).
 */
export async function canSeeMedia(actor: Actor, mediaId: string, transaction?: Transaction): Promise<boolean> {
  const userId = actorId(actor);
  if (!userId) return false;
  if (await MediaUpload.findOne({ where: { mediaId, userId }, transaction })) return true;
  // Slideshows and profile photos belong to the whole family.
  if ((await SlideshowItem.count({ where: { mediaId }, transaction })) > 0) return true;
  if ((await User.count({ where: { photoMediaId: mediaId }, transaction })) > 0) return true;
  const seqs = (await MessageAttachment.findAll({ where: { mediaId }, attributes: ['messageSeq'], transaction })).map((a) => a.messageSeq);
  if (seqs.length === 0) return false;
  const conversations = (await Message.findAll({ where: { seq: seqs, deletedAt: null }, attributes: ['conversationId'], transaction })).map((m) => m.conversationId);
  return (await Participant.count({ where: { conversationId: conversations, userId }, transaction })) > 0;
}

/** A media item the actor may see; otherwise 404, the same as one that does not exist. */
export async function loadMedia(actor: Actor, mediaId: string): Promise<StoredMedia> {
  const media = await Media.findByPk(mediaId);
  if (!media || !(await canSeeMedia(actor, mediaId))) throw notFound('Photo or video');
  return { media, files: await MediaFile.findAll({ where: { mediaId } }) };
}

/** The absolute path of a stored file. */
export function storedPath(ctx: ServiceContext, file: MediaFile): string {
  return path.join(mediaRoot(ctx), file.file);
}

/** Deletes a media item and every file of it (an uploader or an admin). Messages lose the attachment. */
export async function deleteMedia(ctx: ServiceContext, input: { actor: Actor; mediaId: string }): Promise<void> {
  const { media } = await loadMedia(input.actor, input.mediaId);
  const userId = actorId(input.actor);
  const uploaded = userId ? await MediaUpload.findOne({ where: { mediaId: media.id, userId } }) : null;
  if (!uploaded && !isAdmin(input.actor)) throw forbidden('Only whoever shared it or an admin can delete a photo or video.');
  const files = await MediaFile.findAll({ where: { mediaId: media.id } });
  await ctx.db.write(async (transaction) => {
    await media.destroy({ transaction });
    await recordEvent(ctx, transaction, { type: 'media.deleted', actorId: userId, audience: { all: true }, payload: { mediaId: media.id } });
  });
  const dirs = new Set(files.map((f) => path.dirname(storedPath(ctx, f))));
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
}

/**
 * Removes what no row points at: media folders left by a crash between rename and insert (older
 * than ten minutes, so an upload finishing right now is never touched), and uploads in progress
 * older than an hour. Returns what was (or, dry, would be) removed.
 */
export async function sweepMedia(ctx: ServiceContext, input: { dryRun?: boolean; now?: number } = {}): Promise<{ removed: string[]; bytes: number }> {
  const root = mediaRoot(ctx);
  const now = input.now ?? Date.now();
  const removed: string[] = [];
  let bytes = 0;
  const sizeOf = async (target: string): Promise<number> => {
    const stat = await fs.stat(target);
    if (!stat.isDirectory()) return stat.size;
    let sum = 0;
    for (const entry of await fs.readdir(target)) sum += await sizeOf(path.join(target, entry));
    return sum;
  };
  const remove = async (target: string) => {
    bytes += await sizeOf(target);
    removed.push(path.relative(root, target));
    if (!input.dryRun) await fs.rm(target, { recursive: true, force: true });
  };
  const known = new Set((await Media.findAll({ attributes: ['id'] })).map((m) => m.id));
  let shards: string[] = [];
  try {
    shards = await fs.readdir(root);
  } catch {
    return { removed, bytes };
  }
  for (const shard of shards) {
    const shardPath = path.join(root, shard);
    if (shard === 'tmp') {
      for (const entry of await fs.readdir(shardPath)) {
        const target = path.join(shardPath, entry);
        if (now - (await fs.stat(target)).mtimeMs > 60 * 60 * 1000) await remove(target);
      }
      continue;
    }
    if (!(await fs.stat(shardPath)).isDirectory()) continue;
    for (const entry of await fs.readdir(shardPath)) {
      const target = path.join(shardPath, entry);
      // A folder is renamed into place just before its row is written: only old orphans go.
      if (!known.has(entry) && now - (await fs.stat(target)).mtimeMs > 10 * 60 * 1000) await remove(target);
    }
  }
  return { removed, bytes };
}

/** Media of several messages, in order, by message seq (for presenting history). */
export async function attachmentsOf(seqs: readonly number[], transaction?: Transaction): Promise<Map<number, StoredMedia[]>> {
  const result = new Map<number, StoredMedia[]>();
  if (seqs.length === 0) return result;
  const links = await MessageAttachment.findAll({ where: { messageSeq: { [Op.in]: [...seqs] } }, order: [['position', 'ASC']], transaction });
  if (links.length === 0) return result;
  const ids = [...new Set(links.map((l) => l.mediaId))];
  const [media, files] = await Promise.all([Media.findAll({ where: { id: ids }, transaction }), MediaFile.findAll({ where: { mediaId: ids }, transaction })]);
  for (const link of links) {
    const item = media.find((m) => m.id === link.mediaId);
    if (!item) continue;
    const list = result.get(link.messageSeq) ?? [];
    list.push({ media: item, files: files.filter((f) => f.mediaId === item.id) });
    result.set(link.messageSeq, list);
  }
  return result;
}

/** Sets (or, with null, removes) the actor's own profile photo: a photo they may see. */
export async function setProfilePhoto(ctx: ServiceContext, input: { actor: Actor; mediaId: string | null }): Promise<User> {
  const userId = actorId(input.actor);
  if (!userId) throw forbidden();
  if (input.mediaId) {
    const media = await Media.findByPk(input.mediaId);
    if (!media || !(await canSeeMedia(input.actor, media.id))) throw notFound('Photo or video');
    if (media.kind !== 'photo') throw new AppError(400, 'invalid_input', 'mediaId: must be a photo', { details: { issues: [{ field: 'mediaId', problem: 'must be a photo', code: 'invalid_value' }] } });
  }
  return ctx.db.write(async (transaction) => {
    const user = await User.findByPk(userId, { transaction, rejectOnEmpty: true });
    await user.update({ photoMediaId: input.mediaId }, { transaction });
    await recordEvent(ctx, transaction, { type: 'network.changed', actorId: userId, audience: { all: true }, payload: { what: 'person', userId } });
    return user;
  });
}

function mediaSignature(ctx: ServiceContext, mediaId: string, size: string, expires: number): string {
  return crypto.createHmac('sha256', ctx.config.secrets.session).update(`media:${mediaId}:${size}:${expires}`).digest('base64url');
}

/**
 * A short-lived link to one stored size that needs no session (for a player or a station that
 * cannot send the cookie). It stops working when it expires and when the item is deleted.
 */
export async function signedMediaUrl(ctx: ServiceContext, input: { actor: Actor; mediaId: string; size: MediaSize; seconds?: number }): Promise<{ url: string; expiresAt: Date }> {
  const { files } = await loadMedia(input.actor, input.mediaId);
  if (!files.some((f) => f.size === input.size)) throw notFound('Photo or video');
  const expires = Math.floor(Date.now() / 1000) + (input.seconds ?? 300);
  const signature = mediaSignature(ctx, input.mediaId, input.size, expires);
  return { url: `/api/v1/media/${input.mediaId}/${input.size}?expires=${expires}&signature=${signature}`, expiresAt: new Date(expires * 1000) };
}

/** The stored file behind a signed link, or 404 when the link is forged, expired or its item gone. */
export async function fileBySignature(ctx: ServiceContext, input: { mediaId: string; size: MediaSize; expires: number; signature: string }): Promise<MediaFile> {
  const expected = Buffer.from(mediaSignature(ctx, input.mediaId, input.size, input.expires));
  const given = Buffer.from(input.signature);
  const valid = expected.length === given.length && crypto.timingSafeEqual(expected, given) && input.expires * 1000 > Date.now();
  const file = valid ? await MediaFile.findOne({ where: { mediaId: input.mediaId, size: input.size } }) : null;
  if (!file) throw notFound('Photo or video');
  return file;
}
