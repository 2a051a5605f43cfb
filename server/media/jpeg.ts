/**
 * A JPEG segment parser: removes metadata without touching the compressed pixels, and reads the
 * EXIF orientation before it goes.
 */
import { MediaError } from './errors.js';

/** One piece of a JPEG file, as byte offsets into it. */
export interface JpegSegment {
  /** The marker byte after 0xFF (0xE1 for APP1, 0xDA for SOS); 0 for entropy-coded data. */
  marker: number;
  /** Offset of the segment's 0xFF (or of the first entropy-coded byte). */
  start: number;
  /** Offset just past the segment. */
  end: number;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;
const COM = 0xfe;

const truncated = (): MediaError =>
  new MediaError('corrupt', 'The JPEG file is truncated: it ends before its end-of-image marker.', {
    hint: 'Upload the photo again; the copy that arrived is incomplete.',
  });

const corrupt = (what: string, at: number): MediaError =>
  new MediaError('corrupt', `The JPEG file is damaged: ${what} at byte ${at}.`, { hint: 'Upload the photo again, or export it anew.' });

/** Whether a marker stands alone, without a length (SOI, EOI, RSTn, TEM). */
const standalone = (marker: number): boolean => marker === SOI || marker === EOI || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01;

/**
 * Splits a JPEG file into its segments, up to and including the end-of-image marker; anything
 * after EOI (trailers that some cameras append) is not part of the result.
 *
 * @throws MediaError `corrupt` for a file that is not a JPEG, is cut short or has a broken segment
 */
export function readJpegSegments(data: Uint8Array): JpegSegment[] {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== SOI) throw corrupt('no start-of-image marker', 0);
  const segments: JpegSegment[] = [{ marker: SOI, start: 0, end: 2 }];
  let seenFrame = false;
  let seenScan = false;
  let at = 2;
  for (;;) {
    if (at >= data.length) throw truncated();
    if (data[at] !== 0xff) throw corrupt('a segment does not start with 0xFF', at);
    const start = at;
    // Any number of 0xFF fill bytes may precede a marker.
    while (at < data.length && data[at] === 0xff) at++;
    if (at >= data.length) throw truncated();
    const marker = data[at]!;
    at++;
    if (marker === EOI) {
      if (!seenFrame || !seenScan) throw corrupt('the image ends before any frame or scan', start);
      segments.push({ marker, start, end: at });
      return segments;
    }
    if (standalone(marker)) {
      segments.push({ marker, start, end: at });
      continue;
    }
    if (at + 2 > data.length) throw truncated();
    const length = (data[at]! << 8) | data[at + 1]!;
    if (length < 2) throw corrupt(`segment 0xFF${marker.toString(16).toUpperCase()} has length ${length}`, start);
    const end = at + length;
    if (end > data.length) throw truncated();
    segments.push({ marker, start, end });
    at = end;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) seenFrame = true;
    if (marker === SOS) {
      if (!seenFrame) throw corrupt('a scan comes before the frame header', start);
      seenScan = true;
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
      const dataStart = at;
      for (;;) {
        const ff = data.indexOf(0xff, at);
        if (ff < 0 || ff + 1 >= data.length) throw truncated();
        const next = data[ff + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
          at = next === 0xff ? ff + 1 : ff + 2;
          continue;
        }
        at = ff;
        break;
      }
      segments.push({ marker: 0, start: dataStart, end: at });
    }
  }
}

const startsWithText = (data: Uint8Array, segment: JpegSegment, text: string): boolean => {
  const from = segment.start + 4;
  if (segment.end - from < text.length) return false;
  for (let i = 0; i < text.length; i++) if (data[from + i] !== text.charCodeAt(i)) return false;
  return true;
};

/**
 * Reads the EXIF Orientation (tag 0x0112 of IFD0) from an APP1 "Exif" segment.
 *
 * @returns 1..8, or null when there is no EXIF, no orientation or a value out of range
 */
function exifOrientation(data: Uint8Array, segment: JpegSegment): number | null {
  const tiff = segment.start + 10; // 0xFFE1, length (2), "Exif\0\0"
  const end = segment.end;
  if (tiff + 8 > end) return null;
  const little = data[tiff] === 0x49 && data[tiff + 1] === 0x49;
  const big = data[tiff] === 0x4d && data[tiff + 1] === 0x4d;
  if (!little && !big) return null;
  const u16 = (at: number): number => (little ? data[at]! | (data[at + 1]! << 8) : (data[at]! << 8) | data[at + 1]!);
  const u32 = (at: number): number => (little ? u16(at) + u16(at + 2) * 0x10000 : u16(at) * 0x10000 + u16(at + 2));
  if (u16(tiff + 2) !== 42) return null;
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return null;
    if (u16(entry) !== 0x0112) continue;
    // Type SHORT (3), count 1: the value sits in the first two bytes of the value field.
    if (u16(entry + 2) !== 3) return null;
    const value = u16(entry + 8);
    return value >= 1 && value <= 8 ? value : null;
  }
  return null;
}

/** A JPEG with its metadata removed. */
export interface StrippedJpeg {
  /** The file without EXIF, XMP, IPTC, comments or foreign APPn segments. */
  data: Buffer;
  /** The EXIF orientation the original carried (1..8), or null when it had none. */
  orientation: number | null;
  /** Width and height from the frame header, as stored (before orientation). */
  width: number;
  height: number;
  /** Bytes removed. */
  removedBytes: number;
}

/** A JFIF APP0 with no thumbnail: the original's may show what a crop removed. */
function cleanJfif(data: Uint8Array, segment: JpegSegment): Buffer {
  const jfif = Buffer.from(data.subarray(segment.start, segment.start + 18));
  if (jfif.length < 18) return Buffer.from(data.subarray(segment.start, segment.end));
  jfif.writeUInt16BE(16, 2);
  jfif[16] = 0; // thumbnail width
  jfif[17] = 0; // thumbnail height
  return jfif;
}

/**
 * Removes metadata from a JPEG losslessly: keeps the JFIF header (without its thumbnail), ICC
 * colour profiles (APP2 ICC_PROFILE) and the Adobe APP14 segment (it says how CMYK/YCCK is to be
 * decoded); drops APP1 (EXIF, XMP), APP13 (IPTC, Photoshop), comments, every other APPn and
 * anything after the end of the image. Quantisation and Huffman tables, frame and scan headers
 * and the entropy-coded data are copied byte for byte.
 *
 * @throws MediaError `corrupt` for a truncated or broken JPEG
 */
export function stripJpegMetadata(data: Uint8Array): StrippedJpeg {
  const segments = readJpegSegments(data);
  const parts: Uint8Array[] = [];
  let orientation: number | null = null;
  let width = 0;
  let height = 0;
  for (const segment of segments) {
    const { marker } = segment;
    if (marker === APP1 && orientation === null && startsWithText(data, segment, 'Exif\0')) {
      orientation = exifOrientation(data, segment);
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc && width === 0) {
      height = (data[segment.start + 5]! << 8) | data[segment.start + 6]!;
      width = (data[segment.start + 7]! << 8) | data[segment.start + 8]!;
    }
    if (marker === APP0) {
      if (startsWithText(data, segment, 'JFIF\0')) parts.push(cleanJfif(data, segment));
      continue;
    }
    if (marker === APP2) {
      if (startsWithText(data, segment, 'ICC_PROFILE\0')) parts.push(data.subarray(segment.start, segment.end));
      continue;
    }
    if (marker === APP14) {
      if (startsWithText(data, segment, 'Adobe')) parts.push(data.subarray(segment.start, segment.end));
      continue;
    }
    if ((marker >= APP0 && marker <= APP15) || marker === COM) continue;
    parts.push(data.subarray(segment.start, segment.end));
  }
  const out = Buffer.concat(parts);
  return { data: out, orientation, width, height, removedBytes: data.length - out.length };
}

/**
 * The compressed pixels of a JPEG: every scan header and its entropy-coded data, concatenated.
 * Two files with the same scan data hold the same pixels; used to prove a copy was not re-encoded.
 *
 * @throws MediaError `corrupt` for a truncated or broken JPEG
 */
export function jpegScanData(data: Uint8Array): Buffer {
  return Buffer.concat(
    readJpegSegments(data)
      .filter((s) => s.marker === SOS || s.marker === 0)
      .map((s) => data.subarray(s.start, s.end)),
  );
}
