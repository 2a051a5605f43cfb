import type { Member } from './family.js';
import type { ApiResponse, TestServer } from './server.js';

/** A paired Home Station as a test holds it: its id and the cookie it sends. */
export interface PairedStation {
  id: string;
  /** "prifora_station=…", ready to send back. */
  cookie: string;
  stationPersonId: string;
}

let people = 0;

/** The screen cookie a response set, as "name=value", or undefined. */
export function stationCookieOf(response: ApiResponse): string | undefined {
  return response.headers.getSetCookie().find((c) => c.startsWith('prifora_station='))?.split(';')[0];
}

function must(response: ApiResponse, status: number, what: string): ApiResponse {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

/** Adds a station person (as an admin) and returns their id. */
export async function buildStationPerson(server: TestServer, admin: Member, overrides: Record<string, unknown> = {}): Promise<string> {
  people += 1;
  const body = { username: `oma${people}`, firstName: 'Oma', lastName: 'de Vries', mobile: '+31 6 22222222', email: `oma${people}@example.org`, ...overrides };
  return must(await server.api('/api/v1/station-people', { cookie: admin.cookie, body }), 201, 'add a station person').body.stationPerson.id;
}

/**
 * Turns a station person's night mode off. A new screen sleeps from 22:00 to 07:00 in the
 * family's time zone, and tests run at whatever hour CI does: a test that is not about night
 * calls this, so it never finds the screen asleep (or calls to it refused) because it ran late.
 */
export async function keepAwake(server: TestServer, admin: Member, stationPersonId: string): Promise<void> {
  must(await server.api(`/api/v1/station-people/${stationPersonId}/settings`, { method: 'PATCH', cookie: admin.cookie, body: { nightMode: { enabled: false } } }), 200, 'turn night mode off');
}

/** A screen asks for a pairing code, as the station UI does. */
export async function requestPairing(server: TestServer): Promise<{ code: string; secret: string; expiresAt: string; approvalUrl: string }> {
  return must(await server.api('/api/v1/stations/pairing', { method: 'POST' }), 201, 'ask for a pairing code').body.pairing;
}

/** Pairs a screen end to end over the API: code, an admin's approval, the screen collecting its cookie. */
export async function pairStation(server: TestServer, admin: Member, stationPersonId: string, name = 'Woonkamer'): Promise<PairedStation> {
  const pairing = await requestPairing(server);
  const approved = must(await server.api('/api/v1/stations', { cookie: admin.cookie, body: { code: pairing.code, name, stationPersonId } }), 201, 'approve the code');
  const collected = must(await server.api('/api/v1/stations/pairing/check', { body: { secret: pairing.secret } }), 200, 'collect the cookie');
  const cookie = stationCookieOf(collected);
  if (collected.body.status !== 'paired' || !cookie) throw new Error(`not paired: ${JSON.stringify(collected.body)}`);
  return { id: approved.body.station.id, cookie, stationPersonId };
}
