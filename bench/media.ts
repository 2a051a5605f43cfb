/**
 * `npm run bench -- media`: photos and videos through the HTTP API, end to end. Ingests 100
 * generated 12-megapixel JPEGs with camera EXIF and GPS (70 % orientation 1, 30 % orientation 6)
 * through `POST /api/v1/media`, 4 requests in flight; each answer comes once the photo is stored,
 * stripped and all its sizes are made. Then uploads one ~1 GB MP4 (a real H.264 stream, stream-
 * copied from a short encode), streamed from disk, to a freshly started server (same data
 * directory) whose VmRSS is sampled every 50 ms. Everything is generated up front, outside the timings, and removed at the end.
 * Options: --photos N (default 100), --concurrency N (default 4), --video-mb N (default 1000),
 * --noise (photos of pure noise, the worst case for JPEG decoding, instead of photo-like scenes).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Agent, FormData, request } from 'undici';
import sharp from 'sharp';
import { openServices } from '../server/boot.js';
import { loadConfig } from '../server/config/index.js';
import { User } from '../server/db/index.js';
import { createLogger } from '../server/logger.js';
import { createSession } from '../server/services/accounts.js';
import { applyMigrations } from '../server/services/database.js';
import { makeTempDir, percentile, removeDir, requireBuild, round, runCli, startServer, stopServer, type Benchmark, type StartedServer } from './support.js';

/** Targets from the media issue, for the 2-core reference machine. */
const targets = { photosPerS: 6, videoRssGrowthMb: 64, videoMbPerS: 150 };

interface Options {
  photos: number;
  concurrency: number;
  videoMb: number;
  noise: boolean;
}

function parseOptions(args: string[]): Options {
  const options: Options = { photos: 100, concurrency: 4, videoMb: 1000, noise: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--noise') {
      options.noise = true;
      continue;
    }
    const key = { '--photos': 'photos', '--concurrency': 'concurrency', '--video-mb': 'videoMb' }[arg ?? ''] as 'photos' | 'concurrency' | 'videoMb' | undefined;
    const value = Number(args[i + 1]);
    if (!key || !Number.isInteger(value) || value <= 0) throw new Error(`unknown option ${arg} ${args[i + 1] ?? ''}`);
    options[key] = value;
    i += 1;
  }
  return options;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

/** One member with a session, straight through the services. */
async function seed(dataDir: string): Promise<string> {
  const config = loadConfig(dataDir);
  const services = await openServices({ dataDir, config, logger: createLogger('warn', { pretty: false }) });
  try {
    await applyMigrations(services);
    const user = await services.db.write((transaction) =>
      User.create(
        { role: 'member', username: 'anna', firstName: 'Anna', lastName: 'Family', email: 'anna@example.org', mobile: '+31 6 12345678', language: 'en', passwordHash: null, signInMethod: 'magic' },
        { transaction },
      ),
    );
    const { token } = await services.db.write((transaction) => createSession(services, transaction, user, { address: '127.0.0.1', userAgent: 'bench' }, 'password'));
    return token;
  } finally {
    await services.close();
  }
}

const width = 4000;
const height = 3000;

/**
 * The pixels every photo starts from (raw RGB). Photo-like: coarse random blobs upscaled and
 * blurred (smooth areas and edges, as in a real scene) with sensor grain on top, about 2–3 MB as
 * a JPEG at quality 90, like a phone's 12 MP photo. Noise: Gaussian noise (sigma 40), ~4 MB, the
 * worst case for decoding.
 */
async function basePixels(noise: boolean): Promise<Buffer> {
  if (noise) {
    return sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).raw().toBuffer();
  }
  const coarse = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .png()
    .toBuffer();
  const scene = await sharp(coarse).resize(width, height, { kernel: 'cubic' }).blur(2).raw().toBuffer();
  const grain = await sharp({ create: { width, height, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 8, sigma: 8 } } }).raw().toBuffer();
  for (let i = 0; i < scene.length; i += 1) scene[i] = Math.min(255, Math.max(0, scene[i]! + grain[i]! - 8));
  return scene;
}

const gps = { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 53/1 0/1' };

/** Photo i: the base with its own coloured rectangle (so every file differs), camera EXIF, GPS, orientation. */
async function writePhoto(base: Buffer, i: number, file: string): Promise<number> {
  const pixels = Buffer.from(base);
  const rectW = 240;
  const rectH = 160;
  const left = (i * 373) % (width - rectW);
  const top = (i * 211) % (height - rectH);
  const colour = [(i * 53) % 256, (i * 97) % 256, (i * 151) % 256];
  for (let y = top; y < top + rectH; y += 1) {
    for (let x = left; x < left + rectW; x += 1) {
      const at = (y * width + x) * 3;
      pixels[at] = colour[0]!;
      pixels[at + 1] = colour[1]!;
      pixels[at + 2] = colour[2]!;
    }
  }
  // 30 % orientation 6 (a phone held upright), spread over the run.
  const orientation = i % 10 < 3 ? 6 : 1;
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'Phone', Model: 'Camera 1', DateTime: '2026:11:25 10:00:00' }, IFD3: gps })
    .withMetadata({ orientation })
    .toBuffer();
  await fs.promises.writeFile(file, jpeg);
  return jpeg.length;
}

async function makePhotos(dir: string, count: number, noise: boolean): Promise<{ files: string[]; bytes: number }> {
  const base = await basePixels(noise);
  const files = Array.from({ length: count }, (_, i) => path.join(dir, `IMG_${String(i).padStart(4, '0')}.jpg`));
  let bytes = 0;
  let next = 0;
  // Two at a time: sharp's encoder on both cores.
  await Promise.all(
    [0, 1].map(async () => {
      while (next < count) {
        const i = next++;
        bytes += await writePhoto(base, i, files[i]!);
      }
    }),
  );
  return { files, bytes };
}

function ffmpeg(args: string[]): void {
  const result = spawnSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ffmpeg ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
}

/**
 * A real MP4 of at least `targetBytes`: 2 s of 1280×720 H.264 (testsrc2 with temporal noise, so it
 * hardly compresses: ~40 MB/s of video) encoded once, then joined to itself with the concat demuxer
 * and `-c copy` (no re-encoding), with a location tag as a phone writes one.
 */
function makeVideo(dir: string, targetBytes: number): string {
  const segment = path.join(dir, 'segment.mp4');
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=2,noise=alls=40:allf=t', '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '8', '-pix_fmt', 'yuv420p', segment]);
  const copies = Math.max(1, Math.ceil(targetBytes / fs.statSync(segment).size));
  const list = path.join(dir, 'segments.txt');
  fs.writeFileSync(list, `file '${segment}'\n`.repeat(copies));
  const video = path.join(dir, 'VID_0001.mp4');
  ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', '-metadata', 'location=+52.3676+004.9041/', '-metadata', 'make=Phone', video]);
  fs.rmSync(segment);
  fs.rmSync(list);
  return video;
}

interface Uploaded {
  status: number;
  ms: number;
  media?: { id: string; kind: string; duration: number | null; urls: Record<string, string> };
  body: string;
}

/** One upload of a file from disk (a file-backed Blob: streamed, never read whole into memory). */
async function upload(url: string, token: string, agent: Agent, file: string): Promise<Uploaded> {
  const form = new FormData();
  form.append('file', await fs.openAsBlob(file), path.basename(file));
  const started = performance.now();
  const response = await request(`${url}/api/v1/media`, {
    method: 'POST',
    dispatcher: agent,
    headers: { cookie: `prifora_session=${token}`, origin: 'http://127.0.0.1:1' },
    body: form,
    headersTimeout: 600_000,
    bodyTimeout: 600_000,
  });
  const body = await response.body.text();
  const ms = performance.now() - started;
  const media = response.statusCode === 201 ? (JSON.parse(body) as { media: Uploaded['media'] }).media : undefined;
  return { status: response.statusCode, ms, media, body };
}

/** Uploads every file with `concurrency` requests in flight; each request timed on its own. */
async function uploadAll(url: string, token: string, agent: Agent, files: string[], concurrency: number): Promise<{ results: Uploaded[]; wallMs: number }> {
  const results: Uploaded[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < files.length) {
        const file = files[next++]!;
        results.push(await upload(url, token, agent, file));
      }
    }),
  );
  return { results, wallMs: performance.now() - started };
}

function statusField(pid: number, name: string): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0; // gone
  }
}

/** CPU seconds a process has used, its waited-for children (jpegtran, ffmpeg) included. */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // utime, stime, cutime, cstime are fields 14–17; after the name they are at 11–14.
    return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds this benchmark process has used. */
const ownCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** The pids of a process's children (ffmpeg, ffprobe while a video is processed). */
function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' '))
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

interface VideoRun {
  upload: Uploaded;
  bytes: number;
  rssBefore: number;
  rssMax: number;
  childRssMax: number;
  /** ms from the request's start until the whole file was on the server's disk (a work folder appeared). */
  transferMs: number | null;
  /** ms the work folder existed: ffprobe, the ffmpeg remux and the poster frame. */
  remuxMs: number | null;
  samples: number;
  /** CPU seconds of the server and of this benchmark while the file was transferred. */
  transferCpu: { server: number; bench: number } | null;
}

/**
 * Uploads the video while sampling, every 50 ms, the server's VmRSS, its children's VmRSS and
 * DATA/media/tmp: the upload file grows there until it is whole, then `work-<id>` holds the remux
 * until it is renamed into place (the rest is hashing the stored copy and the rows).
 */
async function uploadVideo(url: string, token: string, agent: Agent, server: StartedServer, dataDir: string, file: string): Promise<VideoRun> {
  const tmp = path.join(dataDir, 'media', 'tmp');
  const rssBefore = statusField(server.pid, 'VmRSS');
  let rssMax = rssBefore;
  let childRssMax = 0;
  let samples = 0;
  let transferEnd: number | null = null;
  let remuxEnd: number | null = null;
  const started = performance.now();
  const cpuAtStart = { server: cpuSeconds(server.pid), bench: ownCpuSeconds() };
  let transferCpu: VideoRun['transferCpu'] = null;
  const sample = () => {
    samples += 1;
    rssMax = Math.max(rssMax, statusField(server.pid, 'VmRSS'));
    const children = childrenOf(server.pid).reduce((sum, pid) => sum + statusField(pid, 'VmRSS'), 0);
    childRssMax = Math.max(childRssMax, children);
    let working = false;
    try {
      working = fs.readdirSync(tmp).some((name) => name.startsWith('work-'));
    } catch {
      // not made yet
    }
    const now = performance.now() - started;
    if (working && transferEnd === null) {
      transferEnd = now;
      transferCpu = { server: cpuSeconds(server.pid) - cpuAtStart.server, bench: ownCpuSeconds() - cpuAtStart.bench };
    }
    if (!working && transferEnd !== null && remuxEnd === null) remuxEnd = now;
  };
  const timer = setInterval(sample, 50);
  try {
    const result = await upload(url, token, agent, file);
    sample();
    return {
      upload: result,
      bytes: fs.statSync(file).size,
      rssBefore,
      rssMax,
      childRssMax,
      transferMs: transferEnd,
      remuxMs: transferEnd !== null && remuxEnd !== null ? remuxEnd - transferEnd : null,
      samples,
      transferCpu,
    };
  } finally {
    clearInterval(timer);
  }
}

const benchmark: Benchmark = {
  description: 'photos and video through the HTTP API: 12 MP JPEGs 4 at a time, a 1 GB video, RSS',
  async run(args) {
    if (!requireBuild()) return 1;
    const options = parseOptions(args);
    const dataDir = makeTempDir();
    const workDir = makeTempDir('prifora-bench-media-');
    let server: StartedServer | undefined;
    // Ctrl-C must not leave a gigabyte behind.
    const interrupted = () => {
      server?.child.kill('SIGKILL');
      removeDir(workDir);
      removeDir(dataDir);
      process.exit(130);
    };
    process.once('SIGINT', interrupted);
    try {
      runCli(['init', '--yes', '--data', dataDir, '--public-url', 'http://127.0.0.1:1']);
      const configFile = path.join(dataDir, 'config.json');
      const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
      config.log.level = 'warn';
      const videoBytes = options.videoMb * 1e6;
      config.media = { ...config.media, maxVideoBytes: Math.max(config.media?.maxVideoBytes ?? 2 ** 31, Math.ceil(videoBytes * 1.2)) };
      fs.writeFileSync(configFile, JSON.stringify(config));
      const token = await seed(dataDir);

      let started = performance.now();
      // One more photo than measured: the first warms the server up (sharp, libvips, jpegtran) and is not counted.
      const photos = await makePhotos(workDir, options.photos + 1, options.noise);
      say(
        `generated ${options.photos + 1} ${options.noise ? 'noise' : 'photo-like'} JPEGs ${width}×${height} with EXIF and GPS (70 % orientation 1, 30 % orientation 6), ` +
          `${round(photos.bytes / (options.photos + 1) / 1e6, 2)} MB each on average, in ${round((performance.now() - started) / 1000)} s`,
      );
      started = performance.now();
      const video = makeVideo(workDir, videoBytes);
      say(`generated ${path.basename(video)}: ${round(fs.statSync(video).size / 1e6)} MB of H.264 1280×720 MP4 in ${round((performance.now() - started) / 1000)} s`);

      const loadBefore = os.loadavg()[0]!;
      server = await startServer(dataDir);
      const url = () => `http://127.0.0.1:${server!.port}`;
      let agent = new Agent({ connections: options.concurrency, keepAliveTimeout: 30_000 });
      const rssIdle = statusField(server.pid, 'VmRSS');

      const warm = await upload(url(), token, agent, photos.files[0]!);
      if (warm.status !== 201) throw new Error(`the warm-up photo gave ${warm.status}: ${warm.body}`);

      const cpuBefore = { server: cpuSeconds(server.pid), bench: ownCpuSeconds() };
      const { results, wallMs } = await uploadAll(url(), token, agent, photos.files.slice(1), options.concurrency);
      const photoCpu = { server: cpuSeconds(server.pid) - cpuBefore.server, bench: ownCpuSeconds() - cpuBefore.bench };
      const failed = results.filter((r) => r.status !== 201 || !r.media?.urls.thumb || !r.media.urls.station || !r.media.urls.full);
      if (failed.length > 0) throw new Error(`${failed.length} photo uploads failed, e.g. ${failed[0]!.status}: ${failed[0]!.body}`);
      const ids = new Set(results.map((r) => r.media!.id));
      if (ids.size !== results.length) throw new Error(`${results.length} photos were stored as ${ids.size} items: the generated photos are not distinct`);
      const photosPerS = results.length / (wallMs / 1000);
      const times = results.map((r) => r.ms);
      const photoP50 = percentile(times, 50);
      const photoP99 = percentile(times, 99);
      const rssPhotos = statusField(server.pid, 'VmHWM');
      say(
        `photos: ${results.length} in ${round(wallMs / 1000, 2)} s, ${options.concurrency} in flight: ${round(photosPerS, 2)} photos/s; ` +
          `per request p50 ${round(photoP50, 0)} ms, p99 ${round(photoP99, 0)} ms, max ${round(Math.max(...times), 0)} ms`,
      );
      say(
        `  CPU: server ${round(photoCpu.server, 1)} s (${round((photoCpu.server / results.length) * 1000, 0)} ms a photo, jpegtran included), this benchmark ${round(photoCpu.bench, 1)} s, ` +
          `of ${round((2 * wallMs) / 1000, 1)} core-seconds on 2 cores; server RSS ${round(rssIdle)} MB idle after start, peak ${round(rssPhotos)} MB`,
      );

      // The video on a fresh server, so its RSS growth is measured from a server that has not just made 100 photos.
      await agent.close();
      const photoExit = await stopServer(server);
      server = undefined;
      if (photoExit !== 0) throw new Error(`prifora start exited with ${photoExit} on SIGTERM`);
      server = await startServer(dataDir);
      agent = new Agent({ connections: 1, keepAliveTimeout: 30_000 });
      const benchRssBefore = process.memoryUsage().rss / 1e6;
      const videoRun = await uploadVideo(url(), token, agent, server, dataDir, video);
      if (videoRun.upload.status !== 201 || videoRun.upload.media?.kind !== 'video') throw new Error(`the video upload gave ${videoRun.upload.status}: ${videoRun.upload.body}`);
      const mb = videoRun.bytes / 1e6;
      const videoMbPerS = mb / (videoRun.upload.ms / 1000);
      const growth = videoRun.rssMax - videoRun.rssBefore;
      const transfer = videoRun.transferMs;
      say(
        `video: ${round(mb)} MB (${round(videoRun.upload.media.duration ?? 0)} s) answered in ${round(videoRun.upload.ms / 1000, 2)} s: ${round(videoMbPerS)} MB/s end to end (received, remuxed, stored)`,
      );
      if (transfer !== null) {
        const remux = videoRun.remuxMs;
        const rest = remux !== null ? videoRun.upload.ms - transfer - remux : null;
        say(
          `  transfer to the server's disk ~${round(transfer / 1000, 2)} s (${round(mb / (transfer / 1000))} MB/s), ` +
            `ffprobe + ffmpeg remux + poster ~${remux === null ? '?' : round(remux / 1000, 2)} s, ` +
            `hashing the stored copy and the rows ~${rest === null ? '?' : round(rest / 1000, 2)} s (50 ms resolution)`,
        );
      }
      if (videoRun.transferCpu) {
        say(`  CPU during the transfer: server ${round(videoRun.transferCpu.server, 2)} s, this benchmark ${round(videoRun.transferCpu.bench, 2)} s`);
      }
      const rssVideo = statusField(server.pid, 'VmHWM');
      say(
        `  server VmRSS ${round(videoRun.rssBefore)} MB before, ${round(videoRun.rssMax)} MB at most during the upload (+${round(growth)} MB, ${videoRun.samples} samples), peak ${round(rssVideo)} MB; ` +
          `its ffmpeg/ffprobe children at most ${round(videoRun.childRssMax)} MB; this benchmark ${round(benchRssBefore)} MB before, ${round(process.memoryUsage().rss / 1e6)} MB after`,
      );
      const rssPeak = Math.max(rssPhotos, rssVideo);
      say(`load average (1 min): ${round(loadBefore, 2)} before the uploads, ${round(os.loadavg()[0]!, 2)} after (2 cores; figures are only comparable below ~1.2)`);
      say(
        `targets: >= ${targets.photosPerS} photos/s (${round(photosPerS, 2)}: ${photosPerS >= targets.photosPerS ? 'met' : 'MISSED'}), ` +
          `video RSS growth <= ${targets.videoRssGrowthMb} MB (${round(growth)}: ${growth <= targets.videoRssGrowthMb ? 'met' : 'MISSED'}), ` +
          `video >= ${targets.videoMbPerS} MB/s (${round(videoMbPerS)}: ${videoMbPerS >= targets.videoMbPerS ? 'met' : 'MISSED'})`,
      );
      await agent.close();
      say(
        JSON.stringify({
          bench: 'media',
          photos: options.noise ? 'noise' : 'photo-like',
          photos_per_s: round(photosPerS, 2),
          photo_p50_ms: round(photoP50, 0),
          photo_p99_ms: round(photoP99, 0),
          video_mb_per_s: round(videoMbPerS),
          video_transfer_mb_per_s: transfer === null ? null : round(mb / (transfer / 1000)),
          video_processing_ms: transfer === null ? null : round(videoRun.upload.ms - transfer, 0),
          video_rss_growth_mb: round(growth),
          rss_mb: round(rssPeak),
        }),
      );
      return 0;
    } finally {
      process.removeListener('SIGINT', interrupted);
      if (server) await stopServer(server);
      removeDir(workDir);
      removeDir(dataDir);
    }
  },
};

export default benchmark;
