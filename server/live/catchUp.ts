import { canSeeEvent } from '../policies/event.js';
import { eventsAfter, latestEventId, type PublishedEvent } from '../services/events.js';
import type { LiveConnection } from './connection.js';
import { eventFrame, readyFrame } from './protocol.js';

/** Events read from the database at a time while catching up. */
export const catchUpPageSize = 500;

/** Sends the events of a page the principal may see; resolves once they left the process. */
function sendPage(connection: LiveConnection, page: PublishedEvent[]): Promise<void> {
  const visible = page.filter((event) => canSeeEvent(connection.principal, event.audience));
  return new Promise((resolve) => {
    if (visible.length === 0) resolve();
    visible.forEach((event, index) => connection.send(eventFrame(event), index === visible.length - 1 ? resolve : undefined));
  });
}

/**
 * Brings a socket up to date and then live: every event after `after` it may see, exactly once
 * and in id order, then `ready`. Live events are held back from the start (the connection holds
 * them before this runs), the log is read page by page, and the held events the pages already
 * covered are skipped; the hand-over to live sending happens in one synchronous step.
 *
 * Without `after` (a fresh client), or with an id the log never reached (a database restored
 * from a backup), the socket starts from the newest event.
 */
export async function catchUp(connection: LiveConnection, after: number | null): Promise<void> {
  connection.hold();
  const latest = await latestEventId();
  let cursor = after === null || after > latest ? latest : after;
  while (cursor < latest && connection.open) {
    const page = await eventsAfter(cursor, catchUpPageSize);
    await sendPage(connection, page);
    cursor = page.at(-1)?.id ?? cursor;
    if (page.length < catchUpPageSize) break;
  }
  if (!connection.open) return;
  for (const held of connection.release()) {
    if (held.id <= cursor) continue;
    connection.send(held.frame);
    cursor = held.id;
  }
  connection.send(readyFrame(cursor));
}
