import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import exifr from 'exifr';
import sharp from 'sharp';
import { MediaError } from '../../../server/media/errors.js';
import { jpegScanData, readJpegSegments, stripJpegMetadata } from '../../../server/media/jpeg.js';
import { processPhoto } from '../../../server/media/photo.js';
import type { ProcessedPhoto } from '../../../server/media/photo.js';
import { cameraJpeg, pngChunk, pngClaiming, tempDir } from './fixtures.js';

const limits = { maxPixels: 100_000_000 };
const hasHeifEnc = spawnSync('heif-enc', ['--help']).error === undefined;

async function photoFrom(data: Buffer, name = 'upload.bin', tools = {}): Promise<{ photo: ProcessedPhoto; dir: string }> {
  const dir = await tempDir();
  const input = path.join(dir, name);
  await writeFile(input, data);
  const out = path.join(dir, 'out');
  await import('node:fs/promises').then((fs) => fs.mkdir(out));
  return { photo: await processPhoto(input, out, limits, tools), dir: out };
}

async function refusal(data: Buffer, name = 'upload.bin', tools = {}): Promise<MediaError> {
  const error = await Promise.reject(photoFrom(data, name, tools)).catch((p: Promise<unknown>) => p.then(() => null, (e: unknown) => e));
  if (!(error instanceof MediaError)) throw new Error(`expected a MediaError, got ${String(error)}`);
  return error;
}

/**
 * Every metadata block found in a file, or undefined: what exifr reads (EXIF, GPS, XMP, IPTC in
 * JPEG and PNG) and, for every format WebP included, what libvips finds.
 */
async function metadataOf(file: string): Promise<unknown> {
  const data = await readFile(file);
  const { exif, xmp, iptc } = await sharp(data).metadata();
  if (exif || xmp || iptc) return { exif, xmp, iptc };
  if (data.subarray(8, 12).toString('latin1') === 'WEBP') return undefined;
  return exifr.parse(data, { tiff: true, gps: true, xmp: true, iptc: true, icc: false, jfif: false, ihdr: false });
}

/** Mean absolute difference of two images' pixels, both decoded to RGB at the same size. */
async function pixelDistance(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all([a, b].map((img) => sharp(img).removeAlpha().raw().toBuffer({ resolveWithObject: true })));
  if (x!.info.width !== y!.info.width || x!.info.height !== y!.info.height) return Infinity;
  let sum = 0;
  for (let i = 0; i < x!.data.length; i++) sum += Math.abs(x!.data[i]! - y!.data[i]!);
  return sum / x!.data.length;
}

test('the generated camera JPEG carries GPS, camera EXIF and orientation 6, so the next tests mean something', async (t) => {
  const tags = (await exifr.parse(await cameraJpeg(64, 48, 6), { gps: true, xmp: true })) as Record<string, unknown>;
  t.is(tags.Orientation, 'Rotate 90 CW');
  t.is(Math.round(tags.latitude as number), 52);
  t.is(tags.Make, 'Phone');
  t.is(tags.creator, 'Anna');
});

test('no size of a JPEG with GPS and orientation 6 carries EXIF, GPS or XMP, and the full size is rotated losslessly', async (t) => {
  const original = await cameraJpeg(640, 480, 6);
  const { photo, dir } = await photoFrom(original, 'IMG_0001.JPG');
  for (const size of Object.values(photo.sizes)) t.is(await metadataOf(size.path), undefined, size.path);
  t.like(photo, { width: 480, height: 640, full: 'lossless', sourceMime: 'image/jpeg' });
  t.like(photo.sizes.full, { width: 480, height: 640, mime: 'image/jpeg' });
  t.like(photo.sizes.station, { width: 480, height: 640, mime: 'image/jpeg' });
  t.like(photo.sizes.thumb, { width: 300, height: 400, mime: 'image/webp' });
  const full = await readFile(photo.sizes.full.path);
  // APP1 (EXIF, XMP), APP13 (IPTC) and comments are gone; APP2 ICC_PROFILE keeps the colours.
  t.deepEqual(readJpegSegments(full).filter((s) => [0xe1, 0xed, 0xfe].includes(s.marker)), []);
  // The rotated copy shows what a viewer applying orientation 6 to the original shows.
  t.true((await pixelDistance(full, await sharp(original).rotate().png().toBuffer())) < 2);
  t.deepEqual((await readdir(dir)).sort(), ['full.jpg', 'station.jpg', 'thumb.webp']);
});

test('the full size of a JPEG with orientation 1 keeps its entropy-coded data byte for byte', async (t) => {
  const original = await cameraJpeg(640, 480, 1);
  const { photo } = await photoFrom(original);
  const full = await readFile(photo.sizes.full.path);
  t.is(photo.full, 'lossless');
  t.true(jpegScanData(full).equals(jpegScanData(original)));
  t.true(full.length < original.length);
  t.is(await metadataOf(photo.sizes.full.path), undefined);
  t.like(photo, { width: 640, height: 480 });
});

test('a station size is never larger than the original and the placeholder is a short thumbhash', async (t) => {
  const { photo } = await photoFrom(await cameraJpeg(640, 480, 1));
  t.like(photo.sizes.station, { width: 640, height: 480 });
  t.regex(photo.placeholder, /^[A-Za-z0-9+/]{20,40}={0,2}$/);
  t.regex(photo.sha256, /^[0-9a-f]{64}$/);
});

test('a rotation jpegtran cannot do perfectly drops the partial edge blocks instead of re-encoding', async (t) => {
  const { photo } = await photoFrom(await cameraJpeg(650, 490, 6));
  t.is(photo.full, 'lossless-trimmed');
  t.like(photo.sizes.full, { width: 480, height: 650 });
  t.is(await metadataOf(photo.sizes.full.path), undefined);
});

test('without jpegtran an oriented JPEG is rotated by a high-quality re-encode, still without metadata', async (t) => {
  const original = await cameraJpeg(640, 480, 8);
  const { photo } = await photoFrom(original, 'upload.bin', { jpegtran: null });
  t.is(photo.full, 're-encoded');
  t.like(photo.sizes.full, { width: 480, height: 640 });
  t.is(await metadataOf(photo.sizes.full.path), undefined);
  const distance = await pixelDistance(await readFile(photo.sizes.full.path), await sharp(original).rotate().png().toBuffer());
  // Gaussian noise is the worst case for JPEG; a real photo differs far less.
  t.true(distance < 5, String(distance));
});

test('a truncated JPEG is refused as corrupt and leaves no file behind', async (t) => {
  const original = await cameraJpeg(640, 480, 1);
  const error = await refusal(original.subarray(0, Math.floor(original.length / 2)));
  t.is(error.code, 'corrupt');
  t.is(error.message, 'The JPEG file is truncated: it ends before its end-of-image marker.');
  t.throws(() => stripJpegMetadata(original.subarray(0, original.length - 2)), { instanceOf: MediaError });
});

test('a shell script renamed photo.jpg is refused as unsupported_type with 415', async (t) => {
  const error = await refusal(Buffer.from('#!/bin/sh\necho hello\n'), 'photo.jpg');
  t.is(error.code, 'unsupported_type');
  t.is(error.status, 415);
});

test('a zero-byte file is refused as unsupported_type', async (t) => {
  t.is((await refusal(Buffer.alloc(0), 'empty.jpg')).code, 'unsupported_type');
});

test('a PNG whose header says 30,000 × 30,000 pixels is refused from the header without decoding', async (t) => {
  const before = process.memoryUsage().rss;
  const error = await refusal(pngClaiming(30_000, 30_000), 'huge.png');
  t.is(error.code, 'too_many_pixels');
  t.is(error.message, 'The photo is 30000 × 30000 pixels; the limit is 100 megapixels.');
  // Decoding would need 2.7 GB; reading the header needs next to nothing.
  t.true(process.memoryUsage().rss - before < 64 * 1024 * 1024);
});

test('a PNG with text and EXIF chunks keeps its image data and loses only those chunks', async (t) => {
  const clean = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 10, g: 200, b: 30, alpha: 0.5 } } }).png().toBuffer();
  const iend = clean.length - 12;
  const tagged = Buffer.concat([clean.subarray(0, 33), pngChunk('tEXt', Buffer.from('Author\0Anna')), pngChunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<x/>')), clean.subarray(33, iend), clean.subarray(iend)]);
  const { photo } = await photoFrom(tagged);
  const full = await readFile(photo.sizes.full.path);
  t.true(full.equals(clean));
  t.is(photo.sizes.station.mime, 'image/webp');
  const already = await photoFrom(clean);
  t.true((await readFile(already.photo.sizes.full.path)).equals(clean));
});

test('an HEVC-coded HEIC photo is converted to a JPEG without metadata when heif-convert is installed', async (t) => {
  if (!hasHeifEnc) return t.pass('heif-enc is not installed; .ci/run installs libheif-examples');
  const dir = await tempDir();
  await sharp(await cameraJpeg(320, 240, 1)).png().toFile(path.join(dir, 'in.png'));
  t.is(spawnSync('heif-enc', ['-q', '80', path.join(dir, 'in.png'), '-o', path.join(dir, 'in.heic')]).status, 0);
  const { photo } = await photoFrom(await readFile(path.join(dir, 'in.heic')), 'IMG_0002.HEIC');
  t.like(photo, { width: 320, height: 240, sourceMime: 'image/heic', full: 're-encoded' });
  t.is(photo.sizes.full.mime, 'image/jpeg');
  t.is(await metadataOf(photo.sizes.full.path), undefined);
});

test('an HEIC photo is refused with heic_unsupported when no HEVC decoder is installed', async (t) => {
  if (!hasHeifEnc) return t.pass('heif-enc is not installed; .ci/run installs libheif-examples');
  const dir = await tempDir();
  await sharp(await cameraJpeg(64, 48, 1)).png().toFile(path.join(dir, 'in.png'));
  spawnSync('heif-enc', [path.join(dir, 'in.png'), '-o', path.join(dir, 'in.heic')]);
  const error = await refusal(await readFile(path.join(dir, 'in.heic')), 'x.heic', { heifConvert: null });
  t.is(error.code, 'heic_unsupported');
  t.is(error.status, 415);
});
