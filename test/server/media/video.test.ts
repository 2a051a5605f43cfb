import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import sharp from 'sharp';
import { MediaError } from '../../../server/media/errors.js';
import { processVideo, videoToolsAvailable } from '../../../server/media/video.js';
import { tempDir } from './fixtures.js';

const tags = (file: string): Record<string, string> => {
  const probe = spawnSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { encoding: 'utf8' });
  const info = JSON.parse(probe.stdout) as { format: { tags?: Record<string, string> }; streams: { tags?: Record<string, string> }[] };
  return Object.assign({}, info.format.tags, ...info.streams.map((s) => s.tags ?? {}));
};

test('a video with a location tag loses the tag and gets a duration and a poster frame', async (t) => {
  if (!(await videoToolsAvailable())) return t.pass('ffmpeg is not installed; .ci/run installs it');
  const dir = await tempDir();
  const input = path.join(dir, 'IMG_0003.MOV');
  const made = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=1:size=160x120:rate=25', '-c:v', 'libx264', '-pix_fmt', 'yuv420p',
    '-metadata', 'location=+52.37+004.89/', '-metadata', 'com.apple.quicktime.location.ISO6709=+52.37+004.89/', '-metadata', 'title=Beach', '-movflags', 'use_metadata_tags', input]);
  t.is(made.status, 0, made.stderr?.toString());
  t.regex(tags(input).location ?? '', /^\+52\.37/);
  const out = path.join(dir, 'out');
  await mkdir(out);
  const video = await processVideo(input, out);
  t.like(video, { sourceMime: 'video/quicktime', stripped: true, width: 160, height: 120 });
  t.is(video.file.mime, 'video/mp4');
  t.true(Math.abs(video.duration! - 1) < 0.1);
  const left = tags(video.file.path);
  t.false(Object.keys(left).some((k) => /location|title/i.test(k)), JSON.stringify(left));
  t.false((await readFile(video.file.path)).includes('+52.37'));
  t.like(await sharp(video.poster!.path).metadata(), { format: 'jpeg', width: 160, height: 120 });
  t.deepEqual((await readdir(out)).sort(), ['poster.jpg', 'video.mp4']);
});

test('a photo handed to processVideo is refused as unsupported_type', async (t) => {
  const dir = await tempDir();
  const input = path.join(dir, 'clip.mp4');
  await writeFile(input, await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().toBuffer());
  const error = await processVideo(input, dir).catch((e: unknown) => e);
  t.true(error instanceof MediaError);
  t.is((error as MediaError).code, 'unsupported_type');
});

test('a file that starts like an MP4 but is cut off is refused as corrupt', async (t) => {
  if (!(await videoToolsAvailable())) return t.pass('ffmpeg is not installed; .ci/run installs it');
  const dir = await tempDir();
  const input = path.join(dir, 'broken.mp4');
  const header = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\x02\0isomiso2', 'latin1'), Buffer.alloc(64)]);
  await writeFile(input, header);
  const error = await processVideo(input, dir).catch((e: unknown) => e);
  t.is((error as MediaError).code, 'corrupt');
  t.deepEqual(await readdir(dir), ['broken.mp4']);
});
