import type { StationContact, StationProfile, User } from '../db/index.js';
import type { ContactWindow } from '../db/models/StationContact.js';
import { isAdmin } from '../policies/user.js';
import type { Actor } from '../services/actor.js';
import { presentUser, type UserJson } from './user.js';

/** A station person: the family sees the name; admins see the whole record. */
export interface StationPersonJson extends UserJson {
  birthDate?: string | null;
  otherDate?: string | null;
  otherDateLabel?: string | null;
  address?: string | null;
  notes?: string | null;
}

/** Presents a station person for a viewer. */
export function presentStationPerson(user: User, profile: StationProfile | null, viewer: Actor): StationPersonJson {
  const base = presentUser(user, viewer);
  if (!isAdmin(viewer)) return base;
  return {
    ...base,
    birthDate: profile?.birthDate ?? null,
    otherDate: profile?.otherDate ?? null,
    otherDateLabel: profile?.otherDateLabel ?? null,
    address: profile?.address ?? null,
    notes: profile?.notes ?? null,
  };
}

/** Whether one relative may message, call and look in on a station person, and when. */
export interface StationContactJson {
  stationUserId: string;
  userId: string;
  mayMessage: boolean;
  mayCall: boolean;
  /** Calls from this relative are answered by the station on its own, after a countdown. */
  mayLookIn: boolean;
  /** When calls may ring, in the family's time zone; null: any time. */
  callHours: ContactWindow[] | null;
  /** When the relative may look in; null: whenever they may call. */
  lookInHours: ContactWindow[] | null;
  /** Whether calls ring during the station's night mode. */
  callAtNight: boolean;
  /** Whether look-ins happen during the station's night mode. */
  lookInAtNight: boolean;
}

/** Presents a station permission row. */
export function presentStationContact(contact: StationContact): StationContactJson {
  return {
    stationUserId: contact.stationUserId,
    userId: contact.userId,
    mayMessage: contact.mayMessage,
    mayCall: contact.mayCall,
    mayLookIn: contact.mayLookIn ?? false,
    callHours: contact.callHours ?? null,
    lookInHours: contact.lookInHours ?? null,
    callAtNight: contact.callAtNight ?? false,
    lookInAtNight: contact.lookInAtNight ?? false,
  };
}
