import { EventEmitter } from 'node:events';
import { Op } from 'sequelize';
import { Event, type Transaction } from '../db/index.js';
import type { Audience } from '../db/models/Event.js';
import type { ServiceContext } from './context.js';

export type { Audience };

/** An event as subscribers see it, after its transaction committed. */
export interface PublishedEvent {
  id: number;
  type: string;
  actorId: string | null;
  audience: Audience;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * The in-process bus: hands each committed event to subscribers by type ('*' for all).
 * A subscriber that throws is logged by the caller's listener wrapper, never breaks the writer.
 */
export class EventBus {
  readonly #emitter = new EventEmitter({ captureRejections: false });

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  /** Subscribes to one type, or '*' for every event. Returns the unsubscribe function. */
  on(type: string, listener: (event: PublishedEvent) => void): () => void {
    this.#emitter.on(type, listener);
    return () => this.#emitter.off(type, listener);
  }

  publish(event: PublishedEvent): void {
    this.#emitter.emit(event.type, event);
    this.#emitter.emit('*', event);
  }
}

function toPublished(row: Event): PublishedEvent {
  return {
    id: row.id,
    type: row.type,
    actorId: row.actorId,
    audience: row.audience,
    payload: row.payload,
    createdAt: row.createdAt,
  };
}

/**
 * Writes an event row in the caller's transaction and publishes it on the bus after commit, so
 * subscribers never see a change that was rolled back.
 */
export async function recordEvent(
  ctx: ServiceContext,
  transaction: Transaction,
  input: { type: string; actorId: string | null; audience: Audience; payload: Record<string, unknown> },
): Promise<PublishedEvent> {
  const row = await Event.create(input, { transaction, validate: false, hooks: false });
  const published = toPublished(row);
  transaction.afterCommit(() => ctx.bus.publish(published));
  return published;
}

/** Events after an id, oldest first: how a reconnecting client or a restarted subscriber catches up. */
export async function eventsAfter(afterId: number, limit = 500): Promise<PublishedEvent[]> {
  const rows = await Event.findAll({ where: { id: { [Op.gt]: afterId } }, order: [['id', 'ASC']], limit });
  return rows.map(toPublished);
}

/** Deletes events older than the retention period; returns how many went. */
export async function pruneEvents(ctx: ServiceContext): Promise<number> {
  const cutoff = new Date(Date.now() - ctx.config.events.retentionDays * 24 * 60 * 60 * 1000);
  return Event.destroy({ where: { createdAt: { [Op.lt]: cutoff } } });
}

/** The id of the newest event, or 0 when the log is empty. */
export async function latestEventId(): Promise<number> {
  return (await Event.max<number | null, Event>('id')) ?? 0;
}
