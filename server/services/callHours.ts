/**
 * Time windows for calls, read in the family's time zone: when a relative may ring the station
 * and when they may look in. Pure, so they are tested with a fixed clock.
 */

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

/**
 * One window: from `from` up to (not including) `until`, "HH:MM"; across midnight when `until`
 * is earlier (21:00–08:00). With `days`, only windows that start on those days; a window across
 * midnight keeps going into the next morning.
 */
export interface CallWindow {
  from: string;
  until: string;
  days?: Weekday[];
}

/** The minute of the day and the weekday of a moment in a time zone. */
export function localTime(at: Date, timeZone: string): { minute: number; day: Weekday } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const value = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = value('weekday').toLowerCase().slice(0, 3) as Weekday;
  return { minute: Number(value('hour')) * 60 + Number(value('minute')), day };
}

export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const dayBefore = (day: Weekday): Weekday => weekdays[(weekdays.indexOf(day) + 6) % 7] as Weekday;

/** Whether a moment falls inside one window. */
export function inWindow(window: CallWindow, at: { minute: number; day: Weekday }): boolean {
  const from = minutesOf(window.from);
  const until = minutesOf(window.until);
  const on = (day: Weekday) => !window.days || window.days.length === 0 || window.days.includes(day);
  if (from < until) return on(at.day) && at.minute >= from && at.minute < until;
  // Across midnight: the evening part belongs to today, the morning part to the day before.
  return (on(at.day) && at.minute >= from) || (on(dayBefore(at.day)) && at.minute < until);
}

/** Whether a moment falls inside any of the windows; no windows (null) means any time. */
export function withinWindows(windows: readonly CallWindow[] | null, now: Date, timeZone: string): boolean {
  if (!windows) return true;
  const at = localTime(now, timeZone);
  return windows.some((window) => inWindow(window, at));
}

/** A station's night mode as its settings hold it. */
export interface NightMode {
  enabled: boolean;
  from: string;
  until: string;
}

/** Whether the station is in night mode at a moment. */
export function isNight(night: NightMode, now: Date, timeZone: string): boolean {
  return night.enabled && withinWindows([{ from: night.from, until: night.until }], now, timeZone);
}

/** What the admin decided about one relative and one station person, as far as calls go. */
export interface CallRules {
  mayCall: boolean;
  mayLookIn: boolean;
  /** When calls may ring; null: any time. */
  callHours: CallWindow[] | null;
  /** When the relative may look in; null: whenever they may call. */
  lookInHours: CallWindow[] | null;
  /** Whether calls ring during night mode. */
  callAtNight: boolean;
  /** Whether look-ins happen during night mode (calls must ring at night too). */
  lookInAtNight: boolean;
}

/** Why a call to the station may not ring now. */
export type CallRefusal = 'notAllowed' | 'notNow' | 'lookInNotAllowed';

/**
 * Whether a relative may call (or look in on) a station person now: the admin's rules, the time
 * windows in the family's time zone, and night mode. Null: allowed.
 */
export function callRefusal(rules: CallRules, input: { lookIn: boolean; now: Date; timeZone: string; night: boolean }): CallRefusal | null {
  if (!rules.mayCall) return 'notAllowed';
  if (!withinWindows(rules.callHours, input.now, input.timeZone)) return 'notNow';
  if (input.night && !rules.callAtNight) return 'notNow';
  if (!input.lookIn) return null;
  if (!rules.mayLookIn) return 'lookInNotAllowed';
  if (!withinWindows(rules.lookInHours, input.now, input.timeZone)) return 'lookInNotAllowed';
  if (input.night && !rules.lookInAtNight) return 'lookInNotAllowed';
  return null;
}
