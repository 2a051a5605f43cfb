/**
 * The calls of the admins' screens for Home Stations: pairing, renaming and removing screens
 * (server/routes/stations.ts) and a station person's screen settings
 * (server/routes/stationSettings.ts). Errors arrive as ApiError (web/common/api.ts). The
 * slideshows a screen plays are chosen with ../photos/api.ts.
 */
import { request } from '../../common/api.js';
import type { DayPartsJson, StationSettingsJson } from '../../common/types.js';

/** A person as a screen shows them (server/presenters/station.ts). */
export interface StationFaceJson {
  id: string;
  firstName: string;
  lastName: string;
  displayName: string;
  photoUrl: string | null;
}

/** A paired screen as admins see it (server/presenters/station.ts). */
export interface StationJson {
  id: string;
  name: string;
  stationPerson: StationFaceJson;
  pairedAt: string;
  /** Its last request or live check-in, kept to the minute; null before the first. */
  lastSeenAt: string | null;
  /** Connected now; null when the server cannot tell. */
  online: boolean | null;
  /** Approved, but the screen has not collected its credential yet. */
  waiting: boolean;
}

/** Any part of the settings; quickReplies null goes back to the defaults. */
export interface StationSettingsChanges {
  clock?: { hours?: 12 | 24; dayParts?: Partial<DayPartsJson> };
  nightMode?: Partial<StationSettingsJson['nightMode']>;
  quickReplies?: string[] | null;
  readAloud?: boolean;
  videoSound?: boolean;
  ringVolume?: number;
}

const enc = encodeURIComponent;

/** Every paired screen of the family, by name (admins). */
export async function listStations(): Promise<StationJson[]> {
  return (await request<{ stations: StationJson[] }>('/api/v1/stations')).stations;
}

/**
 * Approves the code a new screen shows and says whose screen it is (admins).
 * @throws ApiError pairing_unknown, pairing_expired, pairing_used, not_found (the person), rate_limited
 */
export async function addStation(input: { code: string; name: string; stationPersonId: string }): Promise<StationJson> {
  return (await request<{ station: StationJson }>('/api/v1/stations', { body: input })).station;
}

export async function renameStation(id: string, name: string): Promise<StationJson> {
  return (await request<{ station: StationJson }>(`/api/v1/stations/${enc(id)}`, { method: 'PATCH', body: { name } })).station;
}

/** Revokes a screen: it stops working at once and shows a new pairing code. */
export async function revokeStation(id: string): Promise<void> {
  await request(`/api/v1/stations/${enc(id)}`, { method: 'DELETE' });
}

export async function getStationSettings(personId: string): Promise<StationSettingsJson> {
  return (await request<{ settings: StationSettingsJson }>(`/api/v1/station-people/${enc(personId)}/settings`)).settings;
}

/**
 * Changes part of a station person's screen settings; the screen applies them live.
 * @throws ApiError invalid_input naming the field (`clock.dayParts.afternoon`, `quickReplies.2`)
 */
export async function changeStationSettings(personId: string, changes: StationSettingsChanges): Promise<StationSettingsJson> {
  return (await request<{ settings: StationSettingsJson }>(`/api/v1/station-people/${enc(personId)}/settings`, { method: 'PATCH', body: changes })).settings;
}
