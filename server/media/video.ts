/**
 * Processing of one video with Debian's ffmpeg and ffprobe where they are installed: duration,
 * a poster frame, and a remux that drops every metadata tag (location included).
 */
import { randomUUID } from 'node:crypto';
import { copyFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MediaError } from './errors.js';
import { stripJpegMetadata } from './jpeg.js';
import { sniffFile } from './sniff.js';
import type { SniffedType } from './sniff.js';
import { findTool, runTool } from './tools.js';

/** The ffmpeg and ffprobe paths, or null when either is missing. */
async function videoTools(): Promise<{ ffmpeg: string; ffprobe: string } | null> {
  const [ffmpeg, ffprobe] = await Promise.all([findTool('ffmpeg'), findTool('ffprobe')]);
  return ffmpeg && ffprobe ? { ffmpeg, ffprobe } : null;
}

/**
 * Whether ffmpeg and ffprobe are installed (looked up once per process). Without them videos are
 * stored as uploaded: no poster, no duration, no metadata removal; the server says so at start.
 */
export async function videoToolsAvailable(): Promise<boolean> {
  return (await videoTools()) !== null;
}

/** What `processVideo` made. */
export interface ProcessedVideo {
  /** The type the original's content had. */
  sourceMime: string;
  /** The video to store: remuxed without metadata, or the original when ffmpeg is missing. */
  file: { path: string; bytes: number; mime: string };
  /** Whether metadata was removed (false only without ffmpeg). */
  stripped: boolean;
  /** Seconds, or null without ffprobe. */
  duration: number | null;
  /** Size of the first video stream, or null without ffprobe or without a video stream. */
  width: number | null;
  height: number | null;
  /** A JPEG frame, at most 1920 pixels wide, or null when posters are off. */
  poster: { path: string; bytes: number } | null;
}

interface Probe {
  format?: { duration?: string };
  streams?: { codec_type?: string; width?: number; height?: number }[];
}

const toolFailed = (what: string, stderr: string): MediaError =>
  new MediaError('corrupt', `The video could not be read: ${what}.`, {
    hint: 'Upload the video again; the copy that arrived may be incomplete.',
    cause: new Error(stderr.trim().split('\n').slice(-3).join('\n')),
  });

/**
 * Processes one video into `outDir`: `video.mp4` (MP4 and MOV) or `video.webm`, remuxed with
 * `-c copy` (no re-encoding) without global, stream or chapter metadata and without data or
 * subtitle tracks (iPhones keep location in timed metadata tracks), moov atom first for quick
 * starts; and `poster.jpg`. Every file is written to a temporary name and renamed into place.
 * Without ffmpeg the original is copied as `video.<ext>` and nothing else is made.
 *
 * @param inputPath the uploaded file
 * @param outDir an existing directory for this video's files
 * @throws MediaError `unsupported_type` (not a video), `corrupt` (ffprobe or ffmpeg cannot read it)
 */
export async function processVideo(inputPath: string, outDir: string): Promise<ProcessedVideo> {
  const type: SniffedType | null = await sniffFile(inputPath);
  if (!type || type.kind !== 'video') {
    throw new MediaError('unsupported_type', 'This file is not a video prifora accepts (MP4, MOV or WebM).', {
      hint: 'Only the content counts, not the file name.',
    });
  }
  const tools = await videoTools();
  const temp = (name: string): string => path.join(outDir, `${name}.${randomUUID()}.tmp`);
  if (!tools) {
    const target = path.join(outDir, `video.${type.ext}`);
    const t = temp(`video.${type.ext}`);
    await copyFile(inputPath, t);
    await rename(t, target);
    const { size } = await stat(target);
    return { sourceMime: type.mime, file: { path: target, bytes: size, mime: type.mime }, stripped: false, duration: null, width: null, height: null, poster: null };
  }

  const probe = await runTool(tools.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', inputPath]);
  if (probe.code !== 0) throw toolFailed('ffprobe does not recognise it', probe.stderr);
  let info: Probe;
  try {
    info = JSON.parse(probe.stdout.toString('utf8')) as Probe;
  } catch (cause) {
    throw toolFailed('ffprobe gave no description', String(cause));
  }
  const durationValue = Number(info.format?.duration);
  const duration = Number.isFinite(durationValue) ? durationValue : null;
  const video = info.streams?.find((s) => s.codec_type === 'video');

  const webm = type.ext === 'webm';
  const outExt = webm ? 'webm' : 'mp4';
  const outMime = webm ? 'video/webm' : 'video/mp4';
  const target = path.join(outDir, `video.${outExt}`);
  const remuxTemp = temp(`video.${outExt}`);
  const posterTarget = path.join(outDir, 'poster.jpg');
  const posterTemp = temp('poster.jpg');
  try {
    const remux = await runTool(tools.ffmpeg, [
      '-nostdin', '-v', 'error', '-i', inputPath,
      '-map', '0:v?', '-map', '0:a?',
      '-map_metadata', '-1', '-map_metadata:s', '-1', '-map_chapters', '-1',
      '-c', 'copy', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact',
      ...(webm ? [] : ['-movflags', '+faststart']),
      '-f', webm ? 'webm' : 'mp4', remuxTemp,
    ]);
    if (remux.code !== 0) throw toolFailed('ffmpeg cannot copy its streams', remux.stderr);

    let poster: ProcessedVideo['poster'] = null;
    if (video) {
      // A frame a little way in says more than the first (often black) one.
      const at = duration ? Math.min(1, duration / 3) : 0;
      const frame = await runTool(tools.ffmpeg, [
        '-nostdin', '-v', 'error', '-ss', at.toFixed(3), '-i', inputPath,
        '-frames:v', '1', '-vf', "scale='min(1920,iw)':-2", '-q:v', '3', '-f', 'image2', '-c:v', 'mjpeg', 'pipe:1',
      ]);
      if (frame.code !== 0 || frame.stdout.length === 0) throw toolFailed('ffmpeg cannot take a poster frame', frame.stderr);
      const jpeg = stripJpegMetadata(frame.stdout).data;
      await writeFile(posterTemp, jpeg, { flag: 'wx' });
      poster = { path: posterTarget, bytes: jpeg.length };
    }
    await rename(remuxTemp, target);
    if (poster) await rename(posterTemp, posterTarget);
    const { size } = await stat(target);
    return {
      sourceMime: type.mime,
      file: { path: target, bytes: size, mime: outMime },
      stripped: true,
      duration,
      width: video?.width ?? null,
      height: video?.height ?? null,
      poster,
    };
  } finally {
    await Promise.all([unlink(remuxTemp).catch(() => undefined), unlink(posterTemp).catch(() => undefined)]);
  }
}
