/**
 * The day clock (PRODUCT.md F8) as plain functions, so every part of the day can be tested with
 * fixed moments: weekday, date, time and the part of the day in words, in the family's language
 * and time zone — "dinsdagmiddag, 25 november, 14:05" / "Tuesday afternoon, 25 November, 2:05 PM".
 *
 * The weekday and the date are the calendar's in the family's time zone, so at 02:00 on a
 * Thursday the clock says "donderdagnacht, 27 november": the words never disagree with the date
 * beside them, which matters more to someone who is losing track of the days than the everyday
 * habit of still calling it Wednesday night.
 */
import { translate, type Language } from '../common/i18n.js';

/** The parts of the day, in the order they follow each other. */
export const partsOfDay = ['morning', 'afternoon', 'evening', 'night'] as const;

/** A part of the day. */
export type PartOfDay = (typeof partsOfDay)[number];

/** When each part of the day begins ("07:00"); each lasts until the next one begins. */
export type PartStarts = Record<PartOfDay, string>;

/** The boundaries of dementia day clocks: morning 07–12, afternoon 12–17, evening 17–22, night 22–07. */
export const defaultPartStarts: PartStarts = { morning: '07:00', afternoon: '12:00', evening: '17:00', night: '22:00' };

/** What the clock needs to know besides the moment. */
export interface ClockOptions {
  language: Language;
  /** IANA time zone of the family ("Europe/Amsterdam"). */
  timeZone: string;
  /** 12-hour clock ("2:05 PM") instead of 24-hour ("14:05"). */
  hour12: boolean;
  partStarts: PartStarts;
}

/** The day clock at one moment, each piece ready to show. */
export interface DayClock {
  part: PartOfDay;
  /** "dinsdagmiddag" / "Tuesday afternoon". */
  dayPart: string;
  /** "25 november" / "25 November". */
  date: string;
  /** "14:05" / "2:05 PM". */
  time: string;
  /** Everything on one line: "dinsdagmiddag, 25 november, 14:05". */
  line: string;
  /** Minutes since midnight in the family's time zone, for schedules such as night mode. */
  minuteOfDay: number;
}

/** Minutes since midnight of "HH:MM"; NaN for anything else. */
export function minutesOf(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

/**
 * The part of the day a minute falls in: the part that began most recently, going back past
 * midnight when needed (so with night from 22:00, 03:00 is night).
 */
export function partOfDay(minuteOfDay: number, starts: PartStarts = defaultPartStarts): PartOfDay {
  const ordered = partsOfDay.map((part) => ({ part, start: minutesOf(starts[part]) })).filter((p) => !Number.isNaN(p.start)).sort((a, b) => a.start - b.start);
  const last = ordered.at(-1);
  if (!last) return partOfDay(minuteOfDay, defaultPartStarts);
  const begun = ordered.filter((p) => p.start <= minuteOfDay).at(-1);
  return (begun ?? last).part;
}

/**
 * Whether a minute lies in a daily window from `from` up to (not including) `until`, across
 * midnight when `from` is later than `until` (a night from 22:00 until 07:00).
 */
export function withinDailyWindow(minuteOfDay: number, from: string, until: string): boolean {
  const start = minutesOf(from);
  const end = minutesOf(until);
  if (Number.isNaN(start) || Number.isNaN(end) || start === end) return false;
  return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language and zone: building them is the costly part of formatting. */
function calendarFormatter(language: Language, timeZone: string): Intl.DateTimeFormat {
  const key = `${language} ${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * "14:05" on a 24-hour clock; on a 12-hour clock "2:05 PM" in English and "2:05" in Dutch, where
 * nobody says a.m. or p.m. and the part of the day in words beside it already tells which.
 */
export function formatClockTime(hour: number, minute: number, language: Language, hour12: boolean): string {
  const mm = String(minute).padStart(2, '0');
  if (!hour12) return `${String(hour).padStart(2, '0')}:${mm}`;
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return language === 'en' ? `${h}:${mm} ${hour < 12 ? 'AM' : 'PM'}` : `${h}:${mm}`;
}

/**
 * The day clock at a moment.
 * @throws RangeError when the time zone is not a known IANA zone.
 */
export function dayClock(now: Date, options: ClockOptions): DayClock {
  const parts = calendarFormatter(options.language, options.timeZone).formatToParts(now);
  const value = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const hour = Number(value('hour')) % 24;
  const minute = Number(value('minute'));
  const minuteOfDay = hour * 60 + minute;
  const part = partOfDay(minuteOfDay, options.partStarts);
  const { language } = options;
  const dayPart = translate(language, 'station.clock.dayPart', { weekday: value('weekday'), part: translate(language, `station.clock.${part}`) });
  const date = translate(language, 'station.clock.date', { day: value('day'), month: value('month') });
  const time = formatClockTime(hour, minute, language, options.hour12);
  return { part, dayPart, date, time, line: translate(language, 'station.clock.line', { dayPart, date, time }), minuteOfDay };
}

/** Milliseconds until the next whole minute, when the clock must change. */
export function msUntilNextMinute(now: Date): number {
  return 60_000 - (now.getTime() % 60_000);
}
