/**
 * Processing of one photo: type from content, pixel limit from the header before decoding,
 * orientation applied, metadata gone from every copy, three sizes and a placeholder.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import { stripGifMetadata, stripPngMetadata, stripWebpMetadata } from './containers.js';
import { MediaError } from './errors.js';
import { stripJpegMetadata } from './jpeg.js';
import { sniff, sniffBytes } from './sniff.js';
import { findTool, runTool } from './tools.js';

// Each photo is decoded once, so libvips' operation cache only holds memory: a server kept
// 350-480 MB resident after 100 photos with it on.
sharp.cache(false);

/** Limits a photo must stay within; the upload route takes them from config. */
export interface PhotoLimits {
  /** Width × height the header may declare; larger photos are refused before decoding. */
  maxPixels: number;
}

/** The long side of each smaller size, in pixels. */
export const photoSizes = {
  /** Thumbnail grids; WebP. */
  thumb: 400,
  /** The Home Station's screen; JPEG (WebP for photos with transparency), never upscaled. */
  station: 1920,
  /** The image the placeholder hash is computed from (thumbhash wants at most 100). */
  placeholder: 100,
} as const;

/** One stored copy of a photo. */
export interface PhotoFile {
  path: string;
  bytes: number;
  width: number;
  height: number;
  mime: string;
}

/** What `processPhoto` made. */
export interface ProcessedPhoto {
  /** Size of the full image as displayed (orientation applied). */
  width: number;
  height: number;
  /** The type the original's content had (image/heic for an iPhone photo even though `full` is JPEG). */
  sourceMime: string;
  sizes: { thumb: PhotoFile; station: PhotoFile; full: PhotoFile };
  /** ThumbHash of the photo, base64. */
  placeholder: string;
  /** SHA-256 (hex) of the original file's bytes, to store the same upload once. */
  sha256: string;
  /** How the full size was made: the original's pixels untouched, or decoded and encoded again. */
  full: 'lossless' | 'lossless-trimmed' | 're-encoded';
}

/** Overrides for tests: a tool path, or null to act as if it were not installed. */
export interface PhotoToolOverrides {
  jpegtran?: string | null;
  heifConvert?: string | null;
}

/** The jpegtran switches that undo each EXIF orientation (2..8). */
const jpegtranTransforms: Record<number, string[]> = {
  2: ['-flip', 'horizontal'],
  3: ['-rotate', '180'],
  4: ['-flip', 'vertical'],
  5: ['-transpose'],
  6: ['-rotate', '90'],
  7: ['-transverse'],
  8: ['-rotate', '270'],
};

const corruptImage = (mime: string, cause: unknown): MediaError =>
  new MediaError('corrupt', `The photo could not be read: it says it is ${mime} but its content is damaged.`, {
    hint: 'Upload the photo again, or export it anew.',
    cause,
  });

interface FullSize {
  data: Buffer;
  width: number;
  height: number;
  mime: string;
  ext: string;
  how: ProcessedPhoto['full'];
}

/**
 * Rotates a stripped JPEG losslessly with jpegtran. `-trim` changes nothing when the image is
 * whole MCU blocks along the edges the transform moves; otherwise it drops the partial blocks (at
 * most 15 pixels of one edge) instead of leaving them untransformed. One run either way.
 * Returns null when jpegtran fails.
 */
async function rotateLosslessly(jpegtran: string, stripped: { data: Buffer; width: number; height: number }, orientation: number): Promise<FullSize | null> {
  const transform = jpegtranTransforms[orientation];
  if (!transform) return null;
  const result = await runTool(jpegtran, ['-copy', 'icc', ...transform, '-trim'], stripped.data);
  if (result.code !== 0 || result.stdout.length === 0) return null;
  // jpegtran writes a fresh JFIF header; stripping again also proves its output parses.
  const out = stripJpegMetadata(result.stdout);
  const swapped = orientation >= 5;
  const whole = out.width === (swapped ? stripped.height : stripped.width) && out.height === (swapped ? stripped.width : stripped.height);
  return { data: out.data, width: out.width, height: out.height, mime: 'image/jpeg', ext: 'jpg', how: whole ? 'lossless' : 'lossless-trimmed' };
}

/** Decodes an HEVC-coded HEIC with Debian's heif-convert into a high-quality JPEG. */
async function heicToJpeg(heifConvert: string | null, input: Buffer): Promise<Buffer> {
  if (!heifConvert) {
    throw new MediaError('heic_unsupported', 'HEIC photos cannot be converted on this server: no HEVC decoder is installed.', {
      hint: 'Install Debian\'s libheif-examples (heif-convert), or set the phone to save photos as "Most Compatible" (JPEG).',
    });
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'prifora-heic-'));
  try {
    const source = path.join(dir, 'in.heic');
    await writeFile(source, input);
    const result = await runTool(heifConvert, ['-q', '92', source, path.join(dir, 'out.jpg')]);
    // With several top-level images heif-convert numbers its outputs; the first is the primary.
    for (const name of ['out.jpg', 'out-1.jpg']) {
      const converted = await readFile(path.join(dir, name)).catch(() => null);
      if (converted && result.code === 0) return converted;
    }
    throw new MediaError('corrupt', 'The HEIC photo could not be converted: its content is damaged.', {
      hint: 'Upload the photo again, or export it as JPEG.',
      cause: new Error(result.stderr.trim()),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes every file under a temporary name, then renames them all into place. */
async function writeAll(files: { target: string; data: Buffer }[]): Promise<void> {
  const pending = files.map((f) => ({ ...f, temp: `${f.target}.${randomUUID()}.tmp` }));
  try {
    await Promise.all(pending.map((f) => writeFile(f.temp, f.data, { flag: 'wx' })));
    for (const f of pending) await rename(f.temp, f.target);
  } catch (error) {
    await Promise.all(pending.map((f) => unlink(f.temp).catch(() => undefined)));
    throw error;
  }
}

/**
 * Processes one photo into `outDir`: `thumb.webp`, `station.jpg` (or `.webp` with transparency)
 * and `full.<ext>`, each written to a temporary name and renamed into place once all are made.
 *
 * The pixel count is checked from the header before anything is decoded. The original is decoded
 * once, shrunk on load, for the thumbnail, the station size and the placeholder. The full size
 * keeps the original's pixels where the format allows: a JPEG loses its metadata segment by
 * segment and is rotated with jpegtran when installed; PNG, WebP and GIF lose their metadata
 * chunks. HEIC/HEIF is converted to JPEG (with heif-convert: sharp's own libvips has no HEVC
 * decoder).
 *
 * @param inputPath the uploaded file
 * @param outDir an existing directory for this photo's files
 * @param limits the pixel limit
 * @param tools overrides of tool detection, for tests
 * @throws MediaError `unsupported_type` (not a photo), `too_many_pixels`, `corrupt`,
 *   `heic_unsupported` (HEIC and no decoder); file system errors as they are
 */
export async function processPhoto(inputPath: string, outDir: string, limits: PhotoLimits, tools: PhotoToolOverrides = {}): Promise<ProcessedPhoto> {
  const input = await readFile(inputPath);
  const sha256 = createHash('sha256').update(input).digest('hex');
  const type = sniff(input.subarray(0, sniffBytes));
  if (!type || type.kind !== 'photo') {
    throw new MediaError('unsupported_type', 'This file is not a photo prifora accepts (JPEG, PNG, WebP, GIF or HEIC).', {
      hint: 'Only the content counts, not the file name.',
    });
  }

  // Header only: sharp reads the dimensions without decoding pixels.
  const meta = await sharp(input, { limitInputPixels: false }).metadata().catch((cause: unknown) => {
    throw corruptImage(type.mime, cause);
  });
  const pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  if (!pixels) throw corruptImage(type.mime, new Error('no dimensions in the header'));
  if (pixels > limits.maxPixels) {
    throw new MediaError('too_many_pixels', `The photo is ${meta.width} × ${meta.pageHeight ?? meta.height} pixels; the limit is ${Math.round(limits.maxPixels / 1e6)} megapixels.`, {
      hint: 'Scale the photo down before sharing it.',
    });
  }

  // The source of the smaller sizes, whether sharp must apply the EXIF orientation, and the full size.
  let source: Buffer = input;
  let autoOrient = true;
  // The full size (jpegtran runs in its own process) is made while sharp makes the smaller sizes.
  let fullPending: Promise<FullSize>;
  if (type.mime === 'image/jpeg' || type.ext === 'heic' || type.ext === 'heif') {
    const isHeif = type.mime !== 'image/jpeg';
    // libheif applies the HEIF transforms itself; any EXIF orientation left in its JPEG is stale.
    const jpeg = isHeif ? await heicToJpeg(tools.heifConvert === undefined ? await findTool('heif-convert') : tools.heifConvert, input) : input;
    const stripped = stripJpegMetadata(jpeg);
    const orientation = isHeif ? 1 : (stripped.orientation ?? 1);
    if (isHeif) {
      source = stripped.data;
      autoOrient = false;
    }
    const plain: FullSize = { data: stripped.data, width: stripped.width, height: stripped.height, mime: 'image/jpeg', ext: 'jpg', how: isHeif ? 're-encoded' : 'lossless' };
    if (orientation === 1) {
      fullPending = Promise.resolve(plain);
    } else fullPending = (async (): Promise<FullSize> => {
      const jpegtran = tools.jpegtran === undefined ? await findTool('jpegtran') : tools.jpegtran;
      const rotated = jpegtran ? await rotateLosslessly(jpegtran, stripped, orientation) : null;
      if (rotated) return rotated;
      // No jpegtran, or it failed: a high-quality re-encode keeps the colour profile.
      const { data, info } = await sharp(input, { limitInputPixels: limits.maxPixels })
        .rotate()
        .keepIccProfile()
        .jpeg({ quality: 92, chromaSubsampling: '4:4:4' })
        .toBuffer({ resolveWithObject: true })
        .catch((cause: unknown) => {
          throw corruptImage(type.mime, cause);
        });
      return { data, width: info.width, height: info.height, mime: 'image/jpeg', ext: 'jpg', how: 're-encoded' };
    })();
  } else {
    const stripped = type.ext === 'png' ? stripPngMetadata(input) : type.ext === 'webp' ? stripWebpMetadata(input) : stripGifMetadata(input);
    const width = meta.width ?? 0;
    const height = meta.pageHeight ?? meta.height ?? 0;
    if ((meta.orientation ?? 1) === 1) {
      fullPending = Promise.resolve<FullSize>({ data: stripped.data, width, height, mime: type.mime, ext: type.ext, how: 'lossless' });
    } else fullPending = (async (): Promise<FullSize> => {
      // Rare: an EXIF orientation inside a PNG/WebP/GIF. Rotate by re-encoding without loss.
      const animated = (meta.pages ?? 1) > 1;
      let pipeline = sharp(input, { limitInputPixels: limits.maxPixels, animated }).rotate().keepIccProfile();
      pipeline = type.ext === 'png' ? pipeline.png() : type.ext === 'webp' ? pipeline.webp({ lossless: true }) : pipeline.gif();
      const { data, info } = await pipeline.toBuffer({ resolveWithObject: true }).catch((cause: unknown) => {
        throw corruptImage(type.mime, cause);
      });
      return { data, width: info.width, height: info.pageHeight ?? info.height, mime: type.mime, ext: type.ext, how: 're-encoded' };
    })();
  }
  // Awaited below; until then a failure must not count as unhandled.
  fullPending.catch(() => undefined);

  // One decode, shrunk on load, feeds the station size, the thumbnail and the placeholder.
  let base = sharp(source, { limitInputPixels: limits.maxPixels, failOn: 'error' });
  if (autoOrient) base = base.rotate();
  const station = await base
    .resize(photoSizes.station, photoSizes.station, { fit: 'inside', withoutEnlargement: true, fastShrinkOnLoad: true })
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch((cause: unknown) => {
      throw corruptImage(type.mime, cause);
    });
  const raw = { raw: { width: station.info.width, height: station.info.height, channels: station.info.channels } };
  const hasAlpha = station.info.channels === 4 || station.info.channels === 2;
  const [stationFile, thumbFile, tiny] = await Promise.all([
    hasAlpha ? sharp(station.data, raw).webp({ quality: 85 }).toBuffer({ resolveWithObject: true }) : sharp(station.data, raw).jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true }),
    sharp(station.data, raw).resize(photoSizes.thumb, photoSizes.thumb, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer({ resolveWithObject: true }),
    sharp(station.data, raw).resize(photoSizes.placeholder, photoSizes.placeholder, { fit: 'inside' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true }),
  ]);
  const full = await fullPending;
  const placeholder = Buffer.from(rgbaToThumbHash(tiny.info.width, tiny.info.height, tiny.data)).toString('base64');

  const stationExt = hasAlpha ? 'webp' : 'jpg';
  const files = {
    thumb: { target: path.join(outDir, 'thumb.webp'), data: thumbFile.data, width: thumbFile.info.width, height: thumbFile.info.height, mime: 'image/webp' },
    station: { target: path.join(outDir, `station.${stationExt}`), data: stationFile.data, width: stationFile.info.width, height: stationFile.info.height, mime: hasAlpha ? 'image/webp' : 'image/jpeg' },
    full: { target: path.join(outDir, `full.${full.ext}`), data: full.data, width: full.width, height: full.height, mime: full.mime },
  };
  await writeAll(Object.values(files));
  const describe = (f: { target: string; data: Buffer; width: number; height: number; mime: string }): PhotoFile => ({ path: f.target, bytes: f.data.length, width: f.width, height: f.height, mime: f.mime });
  return {
    width: full.width,
    height: full.height,
    sourceMime: type.mime,
    sizes: { thumb: describe(files.thumb), station: describe(files.station), full: describe(files.full) },
    placeholder,
    sha256,
    full: full.how,
  };
}
