/**
 * Lossless metadata removal for PNG, WebP and GIF: whole chunks (or extension blocks) that carry
 * text, EXIF or XMP are dropped; pixel data is copied byte for byte.
 */
import { MediaError } from './errors.js';

/** A file with its metadata chunks removed. */
export interface StrippedContainer {
  data: Buffer;
  /** Bytes removed; 0 means the input was already clean and `data` equals it. */
  removedBytes: number;
}

const truncated = (format: string): MediaError =>
  new MediaError('corrupt', `The ${format} file is truncated or damaged.`, { hint: 'Upload the photo again; the copy that arrived is incomplete.' });

const latin1 = (data: Uint8Array, start: number, length: number): string => Buffer.from(data.subarray(start, start + length)).toString('latin1');

const finish = (input: Uint8Array, parts: Uint8Array[]): StrippedContainer => {
  const data = Buffer.concat(parts);
  return { data, removedBytes: input.length - data.length };
};

/** PNG chunks that hold text, time or EXIF; everything else (colour, transparency, animation) stays. */
const pngMetadataChunks = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

/**
 * Drops the eXIf, tEXt, zTXt, iTXt and tIME chunks of a PNG (chunk CRCs cover one chunk each,
 * so the rest stays valid) and anything after IEND.
 *
 * @throws MediaError `corrupt` for a truncated PNG
 */
export function stripPngMetadata(input: Uint8Array): StrippedContainer {
  const parts: Uint8Array[] = [input.subarray(0, 8)];
  let at = 8;
  for (;;) {
    if (at + 12 > input.length) throw truncated('PNG');
    const length = Buffer.from(input.buffer, input.byteOffset + at, 4).readUInt32BE(0);
    const type = latin1(input, at + 4, 4);
    const end = at + 12 + length;
    if (end > input.length) throw truncated('PNG');
    if (!pngMetadataChunks.has(type)) parts.push(input.subarray(at, end));
    at = end;
    if (type === 'IEND') return finish(input, parts);
  }
}

/**
 * Drops the EXIF and XMP chunks of a WebP, clears their flags in the VP8X header and fixes the
 * RIFF size.
 *
 * @throws MediaError `corrupt` for a truncated WebP
 */
export function stripWebpMetadata(input: Uint8Array): StrippedContainer {
  if (input.length < 12) throw truncated('WebP');
  const view = Buffer.from(input.buffer, input.byteOffset, input.length);
  const riffEnd = Math.min(8 + view.readUInt32LE(4), input.length);
  const parts: Uint8Array[] = [];
  let at = 12;
  while (at < riffEnd) {
    if (at + 8 > riffEnd) throw truncated('WebP');
    const fourcc = latin1(input, at, 4);
    const size = view.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > riffEnd) throw truncated('WebP');
    if (fourcc === 'VP8X') {
      const chunk = Buffer.from(input.subarray(at, Math.min(end, riffEnd)));
      chunk[8] = chunk[8]! & ~(0x08 | 0x04); // EXIF and XMP present flags
      parts.push(chunk);
    } else if (fourcc !== 'EXIF' && fourcc !== 'XMP ') {
      parts.push(input.subarray(at, Math.min(end, riffEnd)));
    }
    at = end;
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  const data = Buffer.concat([header, body]);
  return { data, removedBytes: input.length - data.length };
}

/** GIF application extensions that are not metadata: looping, and the colour profile. */
const gifKeptApplications = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0', 'ICCRGBG1012']);

/**
 * Drops the comment extensions and the application extensions (XMP among them) of a GIF, except
 * the looping and ICC ones, and anything after the trailer.
 *
 * @throws MediaError `corrupt` for a truncated GIF
 */
export function stripGifMetadata(input: Uint8Array): StrippedContainer {
  if (input.length < 13) throw truncated('GIF');
  const tableSize = (packed: number): number => ((packed & 0x80) !== 0 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
  // Sub-blocks: a size byte, that many bytes, until a zero size. Returns the offset past them.
  const skipSubBlocks = (from: number): number => {
    let at = from;
    for (;;) {
      if (at >= input.length) throw truncated('GIF');
      const size = input[at]!;
      at += 1 + size;
      if (size === 0) return at;
    }
  };
  let at = 13 + tableSize(input[10]!);
  const parts: Uint8Array[] = [input.subarray(0, at)];
  for (;;) {
    if (at >= input.length) throw truncated('GIF');
    const introducer = input[at]!;
    if (introducer === 0x3b) {
      parts.push(input.subarray(at, at + 1));
      return finish(input, parts);
    }
    if (introducer === 0x2c) {
      if (at + 10 > input.length) throw truncated('GIF');
      // Descriptor (10 bytes), local colour table, LZW minimum code size, image sub-blocks.
      const end = skipSubBlocks(at + 10 + tableSize(input[at + 9]!) + 1);
      parts.push(input.subarray(at, end));
      at = end;
      continue;
    }
    if (introducer !== 0x21 || at + 2 > input.length) throw truncated('GIF');
    const label = input[at + 1]!;
    const end = skipSubBlocks(at + 2);
    const application = label === 0xff && input[at + 2] === 11 ? latin1(input, at + 3, 11) : '';
    const drop = label === 0xfe || (label === 0xff && !gifKeptApplications.has(application));
    if (!drop) parts.push(input.subarray(at, end));
    at = end;
  }
}
