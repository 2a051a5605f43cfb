import type { Conversation, Session, Station, User } from '../db/index.js';

/**
 * A small map whose entries live for a fixed time. Services keep hot read-mostly lookups here
 * (who is behind a session cookie, who is in a conversation) and clear them on the events that
 * change them; the lifetime bounds staleness from changes made by another process (the CLI).
 */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, now = Date.now()): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until < now) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, now = Date.now()): void {
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(key, { value, until: now + this.ttlMs });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** The caches of one instance. */
export interface Caches {
  /** token hash → the signed-in session and person */
  sessions: TtlCache<{ session: Session; user: User }>;
  /** conversation id → participant ids */
  participants: TtlCache<string[]>;
  /** conversation id → the conversation (its kind and group never change; its last-message time may be stale) */
  conversations: TtlCache<Conversation>;
  /** credential hash → the paired screen and its station person */
  stations: TtlCache<{ station: Station; user: User }>;
}

/**
 * Fresh caches: sessions for 10 s, participants and conversations for 30 s, screens for 5 s (a
 * screen revoked from the CLI, in another process, stops working within that).
 */
export function createCaches(): Caches {
  return { sessions: new TtlCache(10_000), participants: new TtlCache(30_000), conversations: new TtlCache(30_000), stations: new TtlCache(5_000) };
}

/** Event types after which cached sessions may be wrong (someone signed out, removed, changed). */
const sessionEvents = new Set(['session.revoked', 'member.removed', 'member.roleChanged', 'member.passwordChanged', 'network.changed']);
/** Event types after which a cached screen may be wrong (revoked, renamed, its person changed or removed). */
const stationEvents = new Set(['station.revoked', 'station.changed', 'member.removed', 'network.changed']);
/** Event types after which cached conversation participants may be wrong. */
const participantEvents = new Set(['network.changed', 'member.removed']);

/** Clears what an event may have made stale. */
export function invalidateCaches(caches: Caches, eventType: string): void {
  if (sessionEvents.has(eventType)) caches.sessions.clear();
  if (stationEvents.has(eventType)) caches.stations.clear();
  if (participantEvents.has(eventType)) {
    caches.participants.clear();
    caches.conversations.clear();
  }
}
