import type { GridEntry, GridPosition } from '../services/mediaGrid.js';
import { presentMedia, type MediaJson } from './media.js';

/** A photo or video in the grid: the item, who shared it with the viewer and when, and what the viewer may do. */
export interface GridItemJson {
  media: MediaJson;
  sharedBy: { id: string; name: string } | null;
  sharedAt: string;
  /** Pass as `before` to read the items after this one. */
  cursor: string;
  abilities: { delete: boolean };
}

/** Encodes a grid position as an opaque cursor. */
export function gridCursorOf(position: GridPosition): string {
  return Buffer.from(`g${position.createdAt}|${position.id}`).toString('base64url');
}

/** Decodes a grid cursor; undefined when it is not one of ours. */
export function gridPositionOf(cursor: string): GridPosition | undefined {
  const match = /^g([0-9 :.+TZ-]{10,40})\|([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? { createdAt: match[1] as string, id: match[2] as string } : undefined;
}

/** Presents one grid entry. */
export function presentGridItem(entry: GridEntry): GridItemJson {
  return {
    media: presentMedia(entry.stored),
    sharedBy: entry.sharedBy ? { id: entry.sharedBy.id, name: entry.sharedBy.firstName } : null,
    sharedAt: entry.sharedAt.toISOString(),
    cursor: gridCursorOf(entry.position),
    abilities: { delete: entry.deletable },
  };
}
