import { t, type Language } from '../i18n/index.js';

/** The calendar date (YYYY-MM-DD) of a moment in a time zone. */
export function calendarDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * When something was shared, as a person says it, in the family's time zone: "today",
 * "yesterday", the weekday within a week ("Tuesday" / "dinsdag"), else the date ("12 November").
 */
export function relativeDay(language: Language, at: Date, now: Date, timeZone: string): string {
  const days = daysBetween(calendarDate(at, timeZone), calendarDate(now, timeZone));
  if (days <= 0) return t(language, 'day.today');
  if (days === 1) return t(language, 'day.yesterday');
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  if (days < 7) return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long' }).format(at);
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long' }).format(at);
}

/** The caption under a slide: "from Anna, yesterday" / "van Anna, gisteren". */
export function slideCaption(language: Language, name: string, addedAt: Date, now: Date, timeZone: string): string {
  return t(language, 'slideshow.caption', { name, when: relativeDay(language, addedAt, now, timeZone) });
}

/** Minutes since midnight of a moment in a time zone. */
function minuteOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether a slideshow plays at a moment: always without hours; otherwise from activeFrom up to
 * activeUntil in the family's time zone, across midnight when from > until (e.g. 21:00–07:00).
 */
export function isActive(rules: { activeFrom: string | null; activeUntil: string | null }, now: Date, timeZone: string): boolean {
  if (!rules.activeFrom || !rules.activeUntil) return true;
  const minute = minuteOfDay(now, timeZone);
  const from = minutesOf(rules.activeFrom);
  const until = minutesOf(rules.activeUntil);
  return from <= until ? minute >= from && minute < until : minute >= from || minute < until;
}

/** A deterministic shuffle (mulberry32) so a given seed always plays the same order. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** One slide before ordering: when it was added and how long "new" lasts for it. */
export interface Slide {
  addedAt: Date;
  newForDays: number;
}

/** The play order: new slides first (newest first), then the rest shuffled by the seed. */
export function playOrder<S extends Slide>(slides: readonly S[], now: Date, seed: number): S[] {
  const isNew = (s: S) => now.getTime() - s.addedAt.getTime() < s.newForDays * 86_400_000;
  const fresh = slides.filter(isNew).sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime());
  return [...fresh, ...shuffle(slides.filter((s) => !isNew(s)), seed)];
}
