import { buildAdmin, buildMember, type Member } from './family.js';
import type { LiveClient } from './live.js';
import { startTestServer, type TestServer } from './server.js';
import { buildStationPerson, keepAwake, pairStation, type PairedStation } from './station.js';

/** A family for call tests: an admin (Pieter), two relatives (Anna, Bob) and Oma with a paired screen. */
export interface CallFamily {
  server: TestServer;
  admin: Member;
  anna: Member;
  bob: Member;
  omaId: string;
  screen: PairedStation;
}

/**
 * Builds a call family on a fresh server; `config` overrides keys by dotted path. Oma's screen
 * never sleeps unless `options.night` keeps the default night mode (22:00–07:00): calls in tests
 * happen at the real hour, and a test about night sets its own clock.
 */
export async function buildCallFamily(t: { teardown(fn: () => unknown): void }, config: Record<string, unknown> = {}, options: { night?: boolean } = {}): Promise<CallFamily> {
  const server = await startTestServer(config);
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const anna = await buildMember(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  const omaId = await buildStationPerson(server, admin, { firstName: 'Riet' });
  if (!options.night) await keepAwake(server, admin, omaId);
  const screen = await pairStation(server, admin, omaId);
  return { server, admin, anna, bob, omaId, screen };
}

/** A live event of a type about one call. */
export const callEvent = (type: string, callId?: string) => (m: any) => m.type === 'event' && m.event === type && (callId === undefined || m.payload.call?.id === callId);

/** Waits for the catch-up of every socket, so what follows is live. */
export async function ready(...clients: LiveClient[]): Promise<void> {
  await Promise.all(clients.map((c) => c.next((m) => m.type === 'ready')));
}
