import { StationSettings, User } from '../db/index.js';
import { forbidden, invalidField, notFound } from '../errors.js';
import { t, type Language } from '../i18n/index.js';
import { limits } from '../limits.js';
import { canManageNetwork } from '../policies/network.js';
import { authorize } from '../policies/user.js';
import { actorId, type Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import { recordEvent } from './events.js';

/** The start of each part of the day, "HH:MM"; each part runs until the next one starts. */
export interface DayParts {
  morning: string;
  afternoon: string;
  evening: string;
  night: string;
}

/** How a station person's screen behaves; admins set it from the web app or the API (F8, F10). */
export interface StationSettingsValues {
  clock: { hours: 12 | 24; dayParts: DayParts };
  /** Dimmed, clock only, from `from` until `until` (across midnight when until is earlier). */
  nightMode: { enabled: boolean; from: string; until: string };
  /** The one-tap answers the screen offers under a message. */
  quickReplies: string[];
  /** Whether a new message is read out by the screen's speech synthesis. */
  readAloud: boolean;
  /** Whether videos in the slideshow play with sound (muted otherwise). */
  videoSound: boolean;
  /** Loudness of the ringtone for calls, 0–100. */
  ringVolume: number;
}

/** A change to the settings: any part of them; quickReplies null goes back to the defaults. */
export interface StationSettingsChanges {
  clock?: { hours?: 12 | 24; dayParts?: Partial<DayParts> };
  nightMode?: Partial<StationSettingsValues['nightMode']>;
  quickReplies?: string[] | null;
  readAloud?: boolean;
  videoSound?: boolean;
  ringVolume?: number;
}

export const maxQuickReplies = limits.quickReplies;
export const quickReplyLength = limits.quickReplyLength;
const dayPartOrder = ['morning', 'afternoon', 'evening', 'night'] as const;

/**
 * The settings of a screen nobody changed: the day parts of dementia day clocks (UX.md), night
 * from 22:00 to 07:00, and quick replies in the screen's language. English clocks show 12 hours.
 */
export function defaultStationSettings(language: Language): StationSettingsValues {
  return {
    clock: { hours: language === 'en' ? 12 : 24, dayParts: { morning: '07:00', afternoon: '12:00', evening: '17:00', night: '22:00' } },
    nightMode: { enabled: true, from: '22:00', until: '07:00' },
    quickReplies: [t(language, 'station.quickReply.thanks'), t(language, 'station.quickReply.callMe'), '❤️'],
    readAloud: false,
    videoSound: false,
    ringVolume: 80,
  };
}

type Tree = Record<string, unknown>;

const isTree = (value: unknown): value is Tree => !!value && typeof value === 'object' && !Array.isArray(value);

/** Lays `changes` over `base`, object by object; lists and values replace; null removes. */
function overlay(base: Tree, changes: Tree): Tree {
  const result: Tree = { ...base };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) delete result[name];
    else result[name] = isTree(value) && isTree(result[name]) ? overlay(result[name], value) : value;
  }
  return result;
}

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * What the route's schema cannot see alone: the parts of the day follow each other round the
 * clock from the morning, night mode has a length, and no quick reply is offered twice.
 */
export function checkStationSettings(values: StationSettingsValues): void {
  const parts = values.clock.dayParts;
  const fromMorning = (time: string) => (minutesOf(time) - minutesOf(parts.morning) + 24 * 60) % (24 * 60);
  for (let index = 1; index < dayPartOrder.length; index += 1) {
    const part = dayPartOrder[index] as keyof DayParts;
    const before = dayPartOrder[index - 1] as keyof DayParts;
    if (fromMorning(parts[part]) <= fromMorning(parts[before])) {
      throw invalidField(`clock.dayParts.${part}`, `must come after the start of the ${before} (${parts[before]}), going round the clock from the morning`);
    }
  }
  if (values.nightMode.from === values.nightMode.until) throw invalidField('nightMode.until', 'must differ from nightMode.from');
  const seen = new Set<string>();
  values.quickReplies.forEach((reply, index) => {
    if (seen.has(reply)) throw invalidField(`quickReplies.${index}`, 'is already in the list');
    seen.add(reply);
  });
}

async function findStationPerson(stationUserId: string): Promise<User> {
  const person = await User.findOne({ where: { id: stationUserId, role: 'station' } });
  if (!person) throw notFound('Station person');
  return person;
}

function languageOf(ctx: ServiceContext, person: Pick<User, 'language'>): Language {
  return person.language ?? ctx.config.family.language;
}

/** The settings of a station person's screen in effect: what admins changed, over the defaults. */
export async function settingsOf(ctx: ServiceContext, person: Pick<User, 'id' | 'language'>): Promise<StationSettingsValues> {
  const stored = await StationSettings.findByPk(person.id);
  return overlay(defaultStationSettings(languageOf(ctx, person)) as unknown as Tree, stored?.settings ?? {}) as unknown as StationSettingsValues;
}

/** A station person's screen settings (admins). */
export async function getStationSettings(ctx: ServiceContext, input: { actor: Actor; stationUserId: string }): Promise<StationSettingsValues> {
  authorize(canManageNetwork(input.actor), 'Only an admin can see the settings of a screen.');
  return settingsOf(ctx, await findStationPerson(input.stationUserId));
}

/**
 * Changes a station person's screen settings (admins). Every screen of the person gets
 * station.settings.changed with the settings in effect and applies them at once.
 */
export async function updateStationSettings(
  ctx: ServiceContext,
  input: { actor: Actor; stationUserId: string; changes: StationSettingsChanges },
): Promise<StationSettingsValues> {
  authorize(canManageNetwork(input.actor), 'Only an admin can change the settings of a screen.');
  const person = await findStationPerson(input.stationUserId);
  return ctx.db.write(async (transaction) => {
    const [row] = await StationSettings.findOrCreate({ where: { stationUserId: person.id }, defaults: { stationUserId: person.id, settings: {} }, transaction });
    const stored = overlay(row.settings, input.changes as Tree);
    const settings = overlay(defaultStationSettings(languageOf(ctx, person)) as unknown as Tree, stored) as unknown as StationSettingsValues;
    checkStationSettings(settings);
    await row.update({ settings: stored }, { transaction });
    await recordEvent(ctx, transaction, {
      type: 'station.settings.changed',
      actorId: actorId(input.actor),
      audience: { admins: true, users: [person.id] },
      payload: { stationUserId: person.id, settings },
    });
    return settings;
  });
}

/**
 * A screen writes only what its person taps: one of the quick replies in effect, with no photos.
 * A stolen screen credential therefore cannot be used to say anything else in the family's chats.
 */
export async function assertStationMaySend(ctx: ServiceContext, input: { actor: Actor; body: string; attachmentIds?: readonly string[] }): Promise<void> {
  if (input.actor.kind !== 'user' || !input.actor.station) return;
  const { quickReplies } = await settingsOf(ctx, input.actor.user);
  if ((input.attachmentIds?.length ?? 0) > 0 || !quickReplies.includes(input.body.trim())) {
    throw forbidden('A screen sends only the quick replies an admin chose for it.');
  }
}
