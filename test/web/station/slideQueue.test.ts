import test from 'ava';
import { SlideQueue } from '../../../web/station/slideshow/queue.js';

/** The slideshow's order: rounds of the playlist, and a photo shared mid-round played next. */

const slide = (id: string) => ({ media: { id } });
const ids = (queue: SlideQueue<{ media: { id: string } }>, count: number) =>
  Array.from({ length: count }, () => {
    const next = queue.next();
    return next ? `${next.slide.media.id}${next.wrapped ? '*' : ''}` : '-';
  });

test('plays the playlist in its order, round after round, marking where a new round begins', (t) => {
  const queue = new SlideQueue();
  queue.update(['a', 'b', 'c'].map(slide));
  t.deepEqual(ids(queue, 7), ['a', 'b', 'c', 'a*', 'b', 'c', 'a*']);
});

test('has nothing to play without slides', (t) => {
  const queue = new SlideQueue();
  t.is(queue.next(), undefined);
  queue.update([]);
  t.is(queue.next(), undefined);
  t.is(queue.size, 0);
});

test('plays a photo shared mid-round next, then the rest of the round, less what was taken out', (t) => {
  const queue = new SlideQueue();
  queue.update(['a', 'b', 'c', 'd'].map(slide));
  t.deepEqual(ids(queue, 2), ['a', 'b']);
  queue.update(['new', 'a', 'b', 'd'].map(slide));
  t.deepEqual(ids(queue, 4), ['new', 'd', 'new*', 'a']);
  t.is(queue.size, 4);
});

test('starts a fresh round from a newly fetched playlist', (t) => {
  const queue = new SlideQueue();
  queue.update(['a', 'b'].map(slide));
  t.deepEqual(ids(queue, 1), ['a']);
  queue.start(['c', 'a', 'b'].map(slide));
  t.deepEqual(ids(queue, 4), ['c', 'a', 'b', 'c*']);
});

test('keeps the same slide objects as the newest playlist (captions change with the day)', (t) => {
  const queue = new SlideQueue<{ media: { id: string }; caption: string }>();
  queue.update([{ media: { id: 'a' }, caption: 'today' }, { media: { id: 'b' }, caption: 'today' }]);
  queue.next();
  queue.update([{ media: { id: 'a' }, caption: 'yesterday' }, { media: { id: 'b' }, caption: 'yesterday' }]);
  t.is(queue.next()?.slide.caption, 'yesterday');
});
