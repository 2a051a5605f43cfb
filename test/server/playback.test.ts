import test from 'ava';
import { isActive, playOrder, relativeDay, slideCaption } from '../../server/services/playback.js';

const zone = 'Europe/Amsterdam';
const now = new Date('2026-11-25T13:05:00Z'); // Wednesday 14:05 in Amsterdam

test('captions name who shared a photo and when, in Dutch and English', (t) => {
  const yesterday = new Date('2026-11-24T09:00:00Z');
  t.is(slideCaption('en', 'Anna', yesterday, now, zone), 'from Anna, yesterday');
  t.is(slideCaption('nl', 'Anna', yesterday, now, zone), 'van Anna, gisteren');
  t.is(slideCaption('nl', 'Anna', new Date('2026-11-25T06:00:00Z'), now, zone), 'van Anna, vandaag');
});

test('older days read as a weekday within a week, then as a date', (t) => {
  t.is(relativeDay('en', new Date('2026-11-21T12:00:00Z'), now, zone), 'Saturday');
  t.is(relativeDay('nl', new Date('2026-11-21T12:00:00Z'), now, zone), 'zaterdag');
  t.is(relativeDay('en', new Date('2026-11-12T12:00:00Z'), now, zone), '12 November');
  t.is(relativeDay('nl', new Date('2026-11-12T12:00:00Z'), now, zone), '12 november');
});

test('days are counted in the family’s time zone, not UTC', (t) => {
  // 23:30 UTC on the 24th is already the 25th in Amsterdam.
  t.is(relativeDay('en', new Date('2026-11-24T23:30:00Z'), now, zone), 'today');
});

test('active hours include the start, exclude the end, and may cross midnight', (t) => {
  const at = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00+01:00`);
  const day = { activeFrom: '08:00', activeUntil: '21:00' };
  t.true(isActive(day, at('08:00'), zone));
  t.false(isActive(day, at('21:00'), zone));
  t.false(isActive(day, at('07:59'), zone));
  const night = { activeFrom: '21:00', activeUntil: '07:00' };
  t.true(isActive(night, at('23:30'), zone));
  t.true(isActive(night, at('06:59'), zone));
  t.false(isActive(night, at('12:00'), zone));
  t.true(isActive({ activeFrom: null, activeUntil: null }, at('03:00'), zone));
});

test('new items play first, newest first, and the rest are shuffled the same way for the same seed', (t) => {
  const day = 86_400_000;
  const slides = Array.from({ length: 10 }, (_, i) => ({ name: `s${i}`, addedAt: new Date(now.getTime() - i * day), newForDays: 3 }));
  const order = playOrder(slides, now, 42).map((s) => s.name);
  t.deepEqual(order.slice(0, 3), ['s0', 's1', 's2']);
  t.deepEqual([...order.slice(3)].sort(), ['s3', 's4', 's5', 's6', 's7', 's8', 's9']);
  t.deepEqual(playOrder(slides, now, 42).map((s) => s.name), order);
  t.notDeepEqual(playOrder(slides, now, 7).slice(3).map((s) => s.name), order.slice(3));
});
