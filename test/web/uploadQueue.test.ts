import { resolveObjectURL } from 'node:buffer';
import test from 'ava';
import type { MediaJson } from '../../web/common/types.js';
import type { UploadProgress } from '../../web/common/upload.js';
import { UploadQueue, type QueuedUpload } from '../../web/common/uploadQueue.js';

/**
 * The web app's one upload queue with a scripted upload starter in place of the XHR: the order
 * files go up in, cancel, retry, previews and batches, which the browser journeys only see in
 * passing.
 */

/** One upload the queue started, finished by the test when it chooses. */
interface Started {
  file: File;
  progress(sent: number, total: number): void;
  arrive(media: MediaJson): void;
  fail(error: unknown): void;
  cancelled: boolean;
}

function fakeStarter() {
  const started: Started[] = [];
  const start = (file: File, onProgress: (progress: UploadProgress) => void) => {
    let arrive!: (media: MediaJson) => void;
    let fail!: (error: unknown) => void;
    const done = new Promise<MediaJson>((resolve, reject) => {
      arrive = resolve;
      fail = reject;
    });
    const run: Started = { file, progress: (sent, total) => onProgress({ sent, total }), arrive, fail, cancelled: false };
    started.push(run);
    return {
      done,
      cancel() {
        run.cancelled = true;
        fail(new DOMException('The upload was cancelled.', 'AbortError'));
      },
    };
  };
  return { started, start };
}

function media(id: string, kind: MediaJson['kind'] = 'photo'): MediaJson {
  return { id, kind, mime: 'image/jpeg', width: 10, height: 10, duration: null, placeholder: null, urls: { thumb: `/api/v1/media/${id}/thumb` }, createdAt: '2026-11-25T10:00:00.000Z' };
}

function photo(name: string): File {
  return new File(['jpeg bytes'], name, { type: 'image/jpeg' });
}

/** Lets the queue's promise handlers run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function states(queue: UploadQueue): Record<string, QueuedUpload['state']> {
  return Object.fromEntries(queue.snapshot().map((item) => [item.name, item.state]));
}

test('two files go up at a time, the next starting as one arrives, with progress in whole percents', async (t) => {
  const fake = fakeStarter();
  const queue = new UploadQueue(fake.start);
  queue.add([photo('a.jpg'), photo('b.jpg'), photo('c.jpg')], 'photos');
  t.deepEqual(
    fake.started.map((run) => run.file.name),
    ['a.jpg', 'b.jpg'],
  );
  t.deepEqual(states(queue), { 'a.jpg': 'uploading', 'b.jpg': 'uploading', 'c.jpg': 'waiting' });

  fake.started[0]!.progress(333, 1000);
  t.is(queue.snapshot()[0]!.percent, 33);
  fake.started[0]!.arrive(media('m-a'));
  await settle();
  t.deepEqual(states(queue), { 'a.jpg': 'done', 'b.jpg': 'uploading', 'c.jpg': 'uploading' });
  t.is(queue.snapshot()[0]!.percent, 100);
  t.is(queue.snapshot()[0]!.media?.id, 'm-a');
  t.is(fake.started.length, 3);
});

test('cancelling an upload stops it, takes it off the list, and lets a waiting file start', async (t) => {
  const fake = fakeStarter();
  const queue = new UploadQueue(fake.start);
  queue.add([photo('a.jpg'), photo('b.jpg'), photo('c.jpg')], 'photos');
  const [a] = queue.snapshot();
  queue.remove(a!.key);
  await settle();
  t.true(fake.started[0]!.cancelled);
  t.deepEqual(states(queue), { 'b.jpg': 'uploading', 'c.jpg': 'uploading' }, 'the cancellation is not taken for a failure');

  // A waiting file that is cancelled never starts.
  queue.add([photo('d.jpg')], 'photos');
  queue.remove(queue.snapshot().find((item) => item.name === 'd.jpg')!.key);
  fake.started[1]!.arrive(media('m-b'));
  await settle();
  t.deepEqual(
    fake.started.map((run) => run.file.name),
    ['a.jpg', 'b.jpg', 'c.jpg'],
  );
});

test('a failed file keeps its error for the screen and uploads again on retry', async (t) => {
  const fake = fakeStarter();
  const queue = new UploadQueue(fake.start);
  queue.add([photo('a.jpg')], 'photos');
  const refused = Object.assign(new Error('too large'), { code: 'body_too_large' });
  fake.started[0]!.fail(refused);
  await settle();
  const [failed] = queue.snapshot();
  t.is(failed!.state, 'failed');
  t.is(failed!.error, refused);

  queue.retry(failed!.key);
  t.is(fake.started.length, 2);
  t.is(fake.started[1]!.file, fake.started[0]!.file, 'the same file goes up again');
  t.like(queue.snapshot()[0], { state: 'uploading', error: null, percent: 0 });
  fake.started[1]!.arrive(media('m-a'));
  await settle();
  t.like(queue.snapshot()[0], { state: 'done', error: null });
});

test('previews are made for photos only when asked, and removing or dropping the file revokes them', async (t) => {
  const fake = fakeStarter();
  const queue = new UploadQueue(fake.start);
  queue.add([photo('a.jpg'), new File(['mp4'], 'b.mp4', { type: 'video/mp4' })], 'chat', { previews: true });
  queue.add([photo('c.jpg')], 'photos');
  const [a, b, c] = queue.snapshot();
  t.regex(a!.previewUrl ?? '', /^blob:/);
  t.truthy(resolveObjectURL(a!.previewUrl!), 'the preview shows the picked file');
  t.like(b, { kind: 'video', previewUrl: null });
  t.is(c!.previewUrl, null);

  queue.remove(a!.key);
  t.is(resolveObjectURL(a!.previewUrl!), undefined);

  queue.add([photo('d.jpg')], 'chat', { previews: true });
  const d = queue.snapshot().find((item) => item.name === 'd.jpg')!;
  queue.drop('chat');
  t.is(resolveObjectURL(d.previewUrl!), undefined);
  t.deepEqual(states(queue), { 'c.jpg': 'uploading' });
});

test('batches are kept apart: each screen clears and drops only its own files', async (t) => {
  const fake = fakeStarter();
  const queue = new UploadQueue(fake.start, 4);
  queue.add([photo('p1.jpg'), photo('p2.jpg')], 'photos');
  queue.add([photo('s1.jpg'), photo('s2.jpg')], 'slideshow-1');
  for (const run of fake.started) run.arrive(media(`m-${run.file.name}`));
  await settle();

  queue.clear('photos');
  t.deepEqual(
    queue.snapshot().map((item) => item.name),
    ['s1.jpg', 's2.jpg'],
  );

  queue.add([photo('p3.jpg')], 'photos');
  queue.drop('slideshow-1');
  t.deepEqual(
    queue.snapshot().map((item) => [item.batch, item.name]),
    [['photos', 'p3.jpg']],
  );
  t.false(fake.started.at(-1)!.cancelled, 'the other batch keeps uploading');

  // clear() leaves the files still on their way.
  queue.clear('photos');
  t.deepEqual(states(queue), { 'p3.jpg': 'uploading' });
});

test('afterUpload gets the stored item, and its failure fails the file without announcing it as arrived', async (t) => {
  const fake = fakeStarter();
  const queue = new UploadQueue(fake.start);
  const arrived: string[] = [];
  queue.onDone((item) => arrived.push(item.name));
  const given: string[] = [];
  const full = new Error('slideshow gone');
  queue.add([photo('a.jpg')], 'slideshow-1', {
    afterUpload: async (stored) => {
      given.push(stored.id);
      throw full;
    },
  });
  queue.add([photo('b.jpg')], 'photos');
  fake.started[0]!.arrive(media('m-a'));
  fake.started[1]!.arrive(media('m-b'));
  await settle();

  t.deepEqual(given, ['m-a']);
  t.like(queue.snapshot()[0], { name: 'a.jpg', state: 'failed', error: full });
  t.like(queue.snapshot()[1], { name: 'b.jpg', state: 'done' });
  t.deepEqual(arrived, ['b.jpg']);
});

test('listeners hear every change until they unsubscribe', (t) => {
  const fake = fakeStarter();
  const queue = new UploadQueue(fake.start);
  let heard = 0;
  const stop = queue.subscribe(() => (heard += 1));
  const before = queue.snapshot();
  queue.add([photo('a.jpg')], 'photos');
  t.true(heard > 0);
  t.not(queue.snapshot(), before, 'a new array after a change');
  stop();
  const now = heard;
  fake.started[0]!.progress(5, 10);
  t.is(heard, now);
});
