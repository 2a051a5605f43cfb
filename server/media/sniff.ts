/**
 * Decides what a file is from its first bytes (magic numbers), never from its name or the
 * Content-Type a client claims.
 */
import { open } from 'node:fs/promises';

/** What the content of a file turned out to be. */
export interface SniffedType {
  kind: 'photo' | 'video';
  mime: string;
  /** File name extension without the dot, for stored copies. */
  ext: string;
}

/** How many leading bytes `sniff` needs to decide; read at least this many. */
export const sniffBytes = 256;

/** ISO-BMFF brands of HEIC (HEVC-coded) images and image sequences. */
const heicBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
/** Generic HEIF brands; with no HEVC or AV1 brand beside them the file is still HEIF. */
const heifBrands = new Set(['mif1', 'msf1']);
/** AV1-coded HEIF (AVIF): not an accepted upload format. */
const avifBrands = new Set(['avif', 'avis']);
const quickTimeBrands = new Set(['qt  ']);
const mp4Brands = new Set([
  'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9',
  'mp41', 'mp42', 'mp71', 'avc1', 'hvc1', 'hev1', 'av01', 'dash', 'M4V ', 'M4VH', 'M4VP', 'mmp4', 'MSNV', 'f4v ',
]);

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

/** The brands of an ISO-BMFF `ftyp` box at the start of `bytes`, major brand first, or null. */
function ftypBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 12 || ascii(bytes, 4, 4) !== 'ftyp') return null;
  const size = ((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!;
  if (size < 16) return null;
  const brands = [ascii(bytes, 8, 4)];
  // Bytes 12..15 are the minor version; compatible brands follow, as far as we have read.
  for (let at = 16; at + 4 <= Math.min(size, bytes.length); at += 4) brands.push(ascii(bytes, at, 4));
  return brands;
}

function sniffIsoBmff(brands: string[]): SniffedType | null {
  if (brands.some((b) => heicBrands.has(b))) return { kind: 'photo', mime: 'image/heic', ext: 'heic' };
  if (brands.some((b) => avifBrands.has(b))) return null;
  if (brands.some((b) => heifBrands.has(b))) return { kind: 'photo', mime: 'image/heif', ext: 'heif' };
  // The major brand decides between QuickTime and MP4; compatible brands are only a fallback.
  const [major] = brands;
  if (major && quickTimeBrands.has(major)) return { kind: 'video', mime: 'video/quicktime', ext: 'mov' };
  if (major && mp4Brands.has(major)) return { kind: 'video', mime: 'video/mp4', ext: 'mp4' };
  if (brands.some((b) => quickTimeBrands.has(b))) return { kind: 'video', mime: 'video/quicktime', ext: 'mov' };
  if (brands.some((b) => mp4Brands.has(b))) return { kind: 'video', mime: 'video/mp4', ext: 'mp4' };
  return null;
}

/**
 * Decides the type of a file from its leading bytes.
 *
 * @param head the first bytes of the file; `sniffBytes` of them are enough (fewer for a short file)
 * @returns the photo or video type, or null for anything prifora does not accept (including an
 *   empty file, a script, AVIF and Matroska that is not WebM)
 */
export function sniff(head: Uint8Array): SniffedType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'photo', mime: 'image/jpeg', ext: 'jpg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'photo', mime: 'image/png', ext: 'png' };
  if (head.length >= 6 && (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')) {
    return { kind: 'photo', mime: 'image/gif', ext: 'gif' };
  }
  if (head.length >= 16 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') {
    return { kind: 'photo', mime: 'image/webp', ext: 'webp' };
  }
  const brands = ftypBrands(head);
  if (brands) return sniffIsoBmff(brands);
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML is shared with Matroska; only the DocType "webm" (in the EBML header) is accepted.
    const header = ascii(head, 4, Math.min(head.length - 4, 60));
    if (header.includes('webm')) return { kind: 'video', mime: 'video/webm', ext: 'webm' };
  }
  return null;
}

/**
 * Reads the first bytes of a file and decides its type with `sniff`.
 *
 * @throws the file system's error when the file cannot be read
 */
export async function sniffFile(path: string): Promise<SniffedType | null> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(sniffBytes);
    const { bytesRead } = await handle.read(head, 0, sniffBytes, 0);
    return sniff(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
