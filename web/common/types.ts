/**
 * The JSON shapes of the API, as the web app reads them. They mirror server/presenters/*.ts
 * (the web app talks to the server over HTTP only, so it does not import them).
 */
import type { Language } from './i18n.js';

export type { Language };

/** GET /api/v1/family. */
export interface FamilyJson {
  name: string;
  language: Language;
  timeZone: string;
  hasAdmin: boolean;
  /** 'jitsi' when the family's own Jitsi is set up; group calls need it. */
  callEngine: 'builtin' | 'jitsi';
}

/** A person (server/presenters/user.ts); personal fields only for themself and admins. */
export interface UserJson {
  id: string;
  role: 'admin' | 'member';
  username: string;
  firstName: string;
  lastName: string;
  displayName: string;
  /** The profile photo's thumbnail (needs the session), or null. */
  photoUrl: string | null;
  email?: string;
  mobile?: string;
  language?: Language | null;
  signInMethod?: 'password' | 'magic';
  joinedAt: string;
  abilities: { changeRole: boolean; remove: boolean };
}

/** One signed-in browser or device (server/presenters/session.ts). */
export interface SessionJson {
  id: string;
  current: boolean;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
}

/** What an invitation or set-up link is for (server/presenters/invitation.ts). */
export interface InvitationPreviewJson {
  kind: 'invitation' | 'setup';
  email: string | null;
  family: string;
  inviter: string | null;
  language: Language;
  expiresAt: string;
}

/**
 * A photo or video (server/presenters/media.ts): what an upload answers, and what the grid,
 * slideshows and messages carry.
 */
export interface MediaJson {
  id: string;
  kind: 'photo' | 'video';
  mime: string;
  width: number | null;
  height: number | null;
  /** Seconds, for videos (null when the server could not tell). */
  duration: number | null;
  /** ThumbHash (base64) to paint before the thumbnail arrives. */
  placeholder: string | null;
  /** Each stored size's URL (they need the session): thumb, station, full for photos; video, poster for videos. */
  urls: Partial<Record<'thumb' | 'station' | 'full' | 'video' | 'poster', string>>;
  createdAt: string;
}

/** The start of each part of the day, "HH:MM" (server/services/stationSettings.ts). */
export interface DayPartsJson {
  morning: string;
  afternoon: string;
  evening: string;
  night: string;
}

/** A station person's screen settings in effect, set by admins (server/services/stationSettings.ts). */
export interface StationSettingsJson {
  clock: { hours: 12 | 24; dayParts: DayPartsJson };
  nightMode: { enabled: boolean; from: string; until: string };
  quickReplies: string[];
  readAloud: boolean;
  videoSound: boolean;
  ringVolume: number;
}
