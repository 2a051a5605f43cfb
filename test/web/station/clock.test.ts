import test from 'ava';
import { dayClock, defaultPartStarts, formatClockTime, msUntilNextMinute, partOfDay, withinDailyWindow, type ClockOptions, type PartOfDay } from '../../../web/station/clock.js';

/**
 * The day clock reads the way UX.md writes it, in both languages: the part of the day in words
 * from fixed moments, the 12- and 24-hour clock, the family's time zone, and the boundaries
 * across midnight. 25 November 2025 is a Tuesday; Amsterdam is then at UTC+1.
 */

const amsterdam = (language: 'nl' | 'en', hour12 = false): ClockOptions => ({ language, timeZone: 'Europe/Amsterdam', hour12, partStarts: defaultPartStarts });
const at = (iso: string) => new Date(iso);

test('reads the Dutch line of UX.md for a Tuesday afternoon in Amsterdam', (t) => {
  t.is(dayClock(at('2025-11-25T13:05:00Z'), amsterdam('nl')).line, 'dinsdagmiddag, 25 november, 14:05');
});

test('reads the English line of UX.md on a 12-hour clock', (t) => {
  t.is(dayClock(at('2025-11-25T13:05:00Z'), amsterdam('en', true)).line, 'Tuesday afternoon, 25 November, 2:05 PM');
});

const everyPart: Array<{ utc: string; part: PartOfDay; nl: string; en: string }> = [
  { utc: '2025-11-25T08:30:00Z', part: 'morning', nl: 'dinsdagochtend, 25 november, 09:30', en: 'Tuesday morning, 25 November, 09:30' },
  { utc: '2025-11-25T13:05:00Z', part: 'afternoon', nl: 'dinsdagmiddag, 25 november, 14:05', en: 'Tuesday afternoon, 25 November, 14:05' },
  { utc: '2025-11-25T18:45:00Z', part: 'evening', nl: 'dinsdagavond, 25 november, 19:45', en: 'Tuesday evening, 25 November, 19:45' },
  { utc: '2025-11-25T22:10:00Z', part: 'night', nl: 'dinsdagnacht, 25 november, 23:10', en: 'Tuesday night, 25 November, 23:10' },
  { utc: '2025-11-26T02:00:00Z', part: 'night', nl: 'woensdagnacht, 26 november, 03:00', en: 'Wednesday night, 26 November, 03:00' },
  { utc: '2025-11-23T09:00:00Z', part: 'morning', nl: 'zondagochtend, 23 november, 10:00', en: 'Sunday morning, 23 November, 10:00' },
  { utc: '2025-11-24T19:30:00Z', part: 'evening', nl: 'maandagavond, 24 november, 20:30', en: 'Monday evening, 24 November, 20:30' },
];

for (const { utc, part, nl, en } of everyPart) {
  test(`names ${utc} in Amsterdam "${nl}" and "${en}"`, (t) => {
    const dutch = dayClock(at(utc), amsterdam('nl'));
    t.is(dutch.part, part);
    t.is(dutch.line, nl);
    t.is(dayClock(at(utc), amsterdam('en')).line, en);
  });
}

test('splits the line into the pieces the screen shows', (t) => {
  const clock = dayClock(at('2025-11-25T13:05:00Z'), amsterdam('nl'));
  t.is(clock.dayPart, 'dinsdagmiddag');
  t.is(clock.date, '25 november');
  t.is(clock.time, '14:05');
  t.is(clock.minuteOfDay, 14 * 60 + 5);
});

const boundaries: Array<[string, PartOfDay]> = [
  ['06:59', 'night'],
  ['07:00', 'morning'],
  ['11:59', 'morning'],
  ['12:00', 'afternoon'],
  ['16:59', 'afternoon'],
  ['17:00', 'evening'],
  ['21:59', 'evening'],
  ['22:00', 'night'],
  ['23:59', 'night'],
  ['00:00', 'night'],
];

for (const [time, part] of boundaries) {
  test(`puts ${time} in the ${part} with the default boundaries`, (t) => {
    const [h, m] = time.split(':').map(Number) as [number, number];
    t.is(partOfDay(h * 60 + m), part);
  });
}

test('uses the boundaries an admin moved, night included, across midnight', (t) => {
  const starts = { morning: '06:30', afternoon: '12:30', evening: '18:00', night: '23:00' };
  t.is(partOfDay(6 * 60 + 29, starts), 'night');
  t.is(partOfDay(6 * 60 + 30, starts), 'morning');
  t.is(partOfDay(12 * 60 + 15, starts), 'morning');
  t.is(partOfDay(22 * 60 + 59, starts), 'evening');
  t.is(partOfDay(2 * 60, starts), 'night');
  const options = { ...amsterdam('nl'), partStarts: starts };
  t.is(dayClock(at('2025-11-25T11:15:00Z'), options).line, 'dinsdagochtend, 25 november, 12:15');
});

test('lets the night begin after midnight: before it, the evening goes on', (t) => {
  const starts = { morning: '08:00', afternoon: '12:00', evening: '18:00', night: '00:30' };
  t.is(partOfDay(0, starts), 'evening');
  t.is(partOfDay(23 * 60 + 50, starts), 'evening');
  t.is(partOfDay(30, starts), 'night');
  t.is(partOfDay(7 * 60 + 59, starts), 'night');
  t.is(dayClock(at('2025-11-25T23:10:00Z'), { ...amsterdam('en'), partStarts: starts }).line, 'Wednesday evening, 26 November, 00:10');
});

test('falls back to the default boundaries when the starts are unreadable', (t) => {
  t.is(partOfDay(14 * 60, { morning: 'x', afternoon: '', evening: '25:00', night: '7' }), 'afternoon');
});

test('counts 12-hour time from 12 at midnight and noon, with AM and PM in English only', (t) => {
  t.is(formatClockTime(0, 5, 'en', true), '12:05 AM');
  t.is(formatClockTime(11, 59, 'en', true), '11:59 AM');
  t.is(formatClockTime(12, 0, 'en', true), '12:00 PM');
  t.is(formatClockTime(23, 7, 'en', true), '11:07 PM');
  t.is(formatClockTime(14, 5, 'nl', true), '2:05');
  t.is(formatClockTime(0, 0, 'nl', false), '00:00');
  t.is(dayClock(at('2025-11-25T23:05:00Z'), amsterdam('en', true)).line, 'Wednesday night, 26 November, 12:05 AM');
  t.is(dayClock(at('2025-11-25T13:05:00Z'), amsterdam('nl', true)).line, 'dinsdagmiddag, 25 november, 2:05');
});

test('reads the clock in the family’s time zone, not the machine’s', (t) => {
  const moment = at('2025-11-25T13:05:00Z');
  t.is(dayClock(moment, { ...amsterdam('en'), timeZone: 'America/New_York' }).line, 'Tuesday morning, 25 November, 08:05');
  t.is(dayClock(at('2025-11-25T20:00:00Z'), { ...amsterdam('nl'), timeZone: 'Asia/Tokyo' }).line, 'woensdagnacht, 26 november, 05:00');
  t.is(dayClock(moment, { ...amsterdam('en'), timeZone: 'UTC' }).line, 'Tuesday afternoon, 25 November, 13:05');
});

test('follows summer time: 13:05 UTC in July is 15:05 in Amsterdam', (t) => {
  t.is(dayClock(at('2025-07-15T13:05:00Z'), amsterdam('nl')).line, 'dinsdagmiddag, 15 juli, 15:05');
});

test('refuses a time zone that does not exist', (t) => {
  t.throws(() => dayClock(new Date(), { ...amsterdam('en'), timeZone: 'Mars/Olympus' }), { instanceOf: RangeError });
});

test('tells whether a minute lies in a daily window, across midnight too', (t) => {
  t.true(withinDailyWindow(23 * 60, '22:00', '07:00'));
  t.true(withinDailyWindow(3 * 60, '22:00', '07:00'));
  t.false(withinDailyWindow(7 * 60, '22:00', '07:00'));
  t.true(withinDailyWindow(22 * 60, '22:00', '07:00'));
  t.false(withinDailyWindow(12 * 60, '22:00', '07:00'));
  t.true(withinDailyWindow(13 * 60, '12:30', '14:00'));
  t.false(withinDailyWindow(14 * 60, '12:30', '14:00'));
  t.false(withinDailyWindow(13 * 60, '12:00', '12:00'));
  t.false(withinDailyWindow(13 * 60, 'noon', '14:00'));
});

test('waits until the next whole minute to change the clock', (t) => {
  t.is(msUntilNextMinute(at('2025-11-25T13:05:00.000Z')), 60_000);
  t.is(msUntilNextMinute(at('2025-11-25T13:05:59.250Z')), 750);
});
