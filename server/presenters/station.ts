import type { Station, User } from '../db/index.js';
import type { StationSummary } from '../services/stations.js';

/** A person as a screen shows them: the name its user knows them by, and their photo. */
export interface StationFaceJson {
  id: string;
  firstName: string;
  lastName: string;
  displayName: string;
  photoUrl: string | null;
}

/** A paired screen as admins see it in the list. */
export interface StationJson {
  id: string;
  name: string;
  stationPerson: StationFaceJson;
  pairedAt: string;
  /** The screen's last request or live check-in (kept to the minute); null before its first. */
  lastSeenAt: string | null;
  /** Connected to the server now; null when the answer comes from where that is not known (the CLI). */
  online: boolean | null;
  /** Approved, but the screen has not collected its credential yet. */
  waiting: boolean;
}

/** Presents a person for a screen: no email, phone or other personal fields (a screen is in a living room). */
export function presentFace(user: User): StationFaceJson {
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    displayName: user.firstName,
    photoUrl: user.photoMediaId ? `/api/v1/media/${user.photoMediaId}/thumb` : null,
  };
}

/** Presents a paired screen for the admins' list. */
export function presentStation({ station, user, online }: StationSummary): StationJson {
  return {
    id: station.id,
    name: station.name,
    stationPerson: presentFace(user),
    pairedAt: station.pairedAt.toISOString(),
    lastSeenAt: station.lastSeenAt?.toISOString() ?? null,
    online,
    waiting: station.credentialHash === null,
  };
}

/** The screen itself, as it sees itself. */
export function presentOwnStation(station: Pick<Station, 'id' | 'name' | 'pairedAt'>): { id: string; name: string; pairedAt: string } {
  return { id: station.id, name: station.name, pairedAt: station.pairedAt.toISOString() };
}
