import { QueryTypes } from 'sequelize';
import { Media, MediaFile, MediaUpload, SlideshowItem, User } from '../db/index.js';
import { limits } from '../limits.js';
import { isAdmin } from '../policies/user.js';
import { actorId, type Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import type { StoredMedia } from './media.js';

/** Where an item stands in the grid's order: its stored createdAt (as SQLite holds it) and its id. */
export interface GridPosition {
  createdAt: string;
  id: string;
}

/** One photo or video of the grid, with who shared it with the viewer and when. */
export interface GridEntry {
  stored: StoredMedia;
  position: GridPosition;
  /** The viewer when they uploaded it; else whoever showed it in one of their conversations or added it to a slideshow. */
  sharedBy: { id: string; firstName: string } | null;
  sharedAt: Date;
  /** Whether the viewer may delete it: they uploaded it, or they are an admin (as deleteMedia decides). */
  deletable: boolean;
}

/** One page of the grid, newest first; `nextBefore` is where the page after it starts. */
export interface GridPage {
  entries: GridEntry[];
  nextBefore: GridPosition | null;
}

/**
 * The page query (exported for checking its plan in tests). The same rule as canSeeMedia, as
 * one query over the (createdAt, id) index: the person's own uploads, anything shown in a
 * message (not deleted) of a conversation they are in, and anything in a slideshow (slideshows
 * are the whole family's). A profile photo is not one of the family's photos: an upload that is
 * someone's profile photo only shows when it was also shared. The cursor condition is left out
 * of the first page rather than OR-ed away, so SQLite seeks to it on the pages after.
 */
export function gridQuery(withCursor: boolean): string {
  return `
  SELECT m.id AS id, m.createdAt AS createdAt
    FROM media m
   WHERE ${withCursor ? '(m.createdAt, m.id) < (:beforeAt, :beforeId)' : '1'}
     AND (
       (EXISTS (SELECT 1 FROM media_uploads u WHERE u.mediaId = m.id AND u.userId = :me)
         AND NOT EXISTS (SELECT 1 FROM users p WHERE p.photoMediaId = m.id))
       OR EXISTS (SELECT 1 FROM slideshow_items s WHERE s.mediaId = m.id)
       OR EXISTS (
         SELECT 1 FROM message_attachments a
           JOIN messages g ON g.seq = a.messageSeq AND g.deletedAt IS NULL
           JOIN conversation_participants c ON c.conversationId = g.conversationId AND c.userId = :me
          WHERE a.mediaId = m.id)
     )
   ORDER BY m.createdAt DESC, m.id DESC
   LIMIT :limit`;
}

interface Sharing {
  userId: string | null;
  at: Date;
}

/** Who showed each item to the viewer in a conversation, earliest first. */
async function sharedInConversations(ctx: ServiceContext, me: string, ids: string[]): Promise<Map<string, Sharing>> {
  const rows = await ctx.db.sequelize.query<{ mediaId: string; authorId: string | null; createdAt: string }>(
    `SELECT a.mediaId AS mediaId, g.authorId AS authorId, g.createdAt AS createdAt
       FROM message_attachments a
       JOIN messages g ON g.seq = a.messageSeq AND g.deletedAt IS NULL
       JOIN conversation_participants c ON c.conversationId = g.conversationId AND c.userId = :me
      WHERE a.mediaId IN (:ids)
      ORDER BY g.seq ASC`,
    { replacements: { me, ids }, type: QueryTypes.SELECT },
  );
  const result = new Map<string, Sharing>();
  for (const row of rows) if (!result.has(row.mediaId)) result.set(row.mediaId, { userId: row.authorId, at: new Date(row.createdAt) });
  return result;
}

/**
 * The photos and videos a person may see, newest first, a page at a time (profile photos left
 * out). Each comes with who shared it with them: themself when they uploaded it, else the author
 * of the first message that showed it to them, else whoever first added it to a slideshow. An
 * uploader the viewer never saw sharing it is never named.
 */
export async function listGrid(ctx: ServiceContext, input: { actor: Actor; before?: GridPosition; limit?: number }): Promise<GridPage> {
  const me = actorId(input.actor);
  if (!me) return { entries: [], nextBefore: null };
  const limit = Math.min(input.limit ?? limits.pageSize, limits.pageSizeMax);
  const rows = await ctx.db.sequelize.query<GridPosition>(gridQuery(input.before !== undefined), {
    replacements: { me, beforeAt: input.before?.createdAt ?? '', beforeId: input.before?.id ?? '', limit: limit + 1 },
    type: QueryTypes.SELECT,
  });
  const page = rows.slice(0, limit);
  const ids = page.map((row) => row.id);
  if (ids.length === 0) return { entries: [], nextBefore: null };

  const [media, files, mine, shown, inSlideshows] = await Promise.all([
    Media.findAll({ where: { id: ids } }),
    MediaFile.findAll({ where: { mediaId: ids } }),
    MediaUpload.findAll({ where: { mediaId: ids, userId: me } }),
    sharedInConversations(ctx, me, ids),
    SlideshowItem.findAll({ where: { mediaId: ids }, order: [['createdAt', 'ASC']] }),
  ]);
  const sharing = new Map<string, Sharing>();
  for (const upload of mine) sharing.set(upload.mediaId, { userId: me, at: upload.createdAt });
  for (const [mediaId, shared] of shown) if (!sharing.has(mediaId)) sharing.set(mediaId, shared);
  for (const item of inSlideshows) if (!sharing.has(item.mediaId)) sharing.set(item.mediaId, { userId: item.addedById, at: item.createdAt });

  const peopleIds = [...new Set([...sharing.values()].map((s) => s.userId).filter((id): id is string => id !== null))];
  const people = new Map((await User.findAll({ where: { id: peopleIds }, attributes: ['id', 'firstName'] })).map((p) => [p.id, p]));
  const admin = isAdmin(input.actor);
  const uploaded = new Set(mine.map((u) => u.mediaId));

  const entries = page.flatMap((position): GridEntry[] => {
    const found = media.find((m) => m.id === position.id);
    // Deleted between the two queries: it simply is not on the page.
    if (!found) return [];
    const shared = sharing.get(found.id);
    const person = shared?.userId ? people.get(shared.userId) : undefined;
    return [
      {
        stored: { media: found, files: files.filter((f) => f.mediaId === found.id) },
        position,
        sharedBy: person ? { id: person.id, firstName: person.firstName } : null,
        sharedAt: shared?.at ?? found.createdAt,
        deletable: admin || uploaded.has(found.id),
      },
    ];
  });
  return { entries, nextBefore: rows.length > limit ? (page.at(-1) ?? null) : null };
}
