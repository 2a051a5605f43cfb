import { Media, MediaFile, Slideshow, SlideshowItem, StationSlideshow, User, type Transaction } from '../db/index.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { canManageNetwork } from '../policies/network.js';
import { authorize, isAdmin } from '../policies/user.js';
import { actorId, type Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import { recordEvent } from './events.js';
import { canSeeMedia, type StoredMedia } from './media.js';
import { isActive, playOrder, slideCaption } from './playback.js';

/** Play rules an admin sets on a slideshow. */
export interface SlideshowRules {
  intervalSeconds?: number;
  newForDays?: number;
  activeFrom?: string | null;
  activeUntil?: string | null;
}

/** A slideshow item with its media and who added it. */
export interface SlideshowEntry {
  item: SlideshowItem;
  stored: StoredMedia;
  addedBy: User | null;
}

/** One slide of a station's playlist. */
export interface Slide {
  entry: SlideshowEntry;
  slideshowId: string;
  intervalSeconds: number;
  caption: string;
}

const defaults = { intervalSeconds: 10, newForDays: 3 };

async function changed(ctx: ServiceContext, transaction: Transaction, actor: Actor, slideshowId: string, what: string): Promise<void> {
  // The whole family sees slideshows; stations refresh their playlist on this event.
  await recordEvent(ctx, transaction, { type: 'slideshow.changed', actorId: actorId(actor), audience: { all: true }, payload: { slideshowId, what } });
}

async function findSlideshow(slideshowId: string): Promise<Slideshow> {
  const slideshow = await Slideshow.findByPk(slideshowId);
  if (!slideshow) throw notFound('Slideshow');
  return slideshow;
}

/** Creates a slideshow (admins). */
export async function createSlideshow(ctx: ServiceContext, input: { actor: Actor; name: string } & SlideshowRules): Promise<Slideshow> {
  authorize(canManageNetwork(input.actor), 'Only an admin can create slideshows.');
  return ctx.db.write(async (transaction) => {
    const slideshow = await Slideshow.create(
      {
        name: input.name,
        intervalSeconds: input.intervalSeconds ?? defaults.intervalSeconds,
        newForDays: input.newForDays ?? defaults.newForDays,
        activeFrom: input.activeFrom ?? null,
        activeUntil: input.activeUntil ?? null,
      },
      { transaction },
    );
    await changed(ctx, transaction, input.actor, slideshow.id, 'created');
    return slideshow;
  });
}

/** Renames a slideshow or changes its play rules (admins). */
export async function updateSlideshow(ctx: ServiceContext, input: { actor: Actor; slideshowId: string; name?: string } & SlideshowRules): Promise<Slideshow> {
  authorize(canManageNetwork(input.actor), 'Only an admin can change slideshows.');
  const slideshow = await findSlideshow(input.slideshowId);
  const { actor: _actor, slideshowId: _id, ...changes } = input;
  return ctx.db.write(async (transaction) => {
    await slideshow.update(Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)), { transaction });
    await changed(ctx, transaction, input.actor, slideshow.id, 'rules');
    return slideshow;
  });
}

/** Deletes a slideshow; its photos stay where else they are (admins). */
export async function deleteSlideshow(ctx: ServiceContext, input: { actor: Actor; slideshowId: string }): Promise<void> {
  authorize(canManageNetwork(input.actor), 'Only an admin can delete slideshows.');
  const slideshow = await findSlideshow(input.slideshowId);
  await ctx.db.write(async (transaction) => {
    await slideshow.destroy({ transaction });
    await changed(ctx, transaction, input.actor, slideshow.id, 'deleted');
  });
}

/**
 * The station people whose screens play each slideshow, by name. The family sees them, so a
 * relative adding a photo knows it goes to "Oma Riet's screen".
 */
export async function screensOf(slideshowIds: string[]): Promise<Map<string, User[]>> {
  const result = new Map<string, User[]>(slideshowIds.map((id) => [id, []]));
  if (slideshowIds.length === 0) return result;
  const links = await StationSlideshow.findAll({ where: { slideshowId: slideshowIds } });
  const people = await User.findAll({ where: { id: [...new Set(links.map((l) => l.stationUserId))], role: 'station' }, attributes: ['id', 'firstName'], order: [['firstName', 'ASC']] });
  for (const person of people) {
    for (const link of links) if (link.stationUserId === person.id) result.get(link.slideshowId)?.push(person);
  }
  return result;
}

/** Every slideshow, by name (the whole family sees them), with its item count and the screens that play it. */
export async function listSlideshows(): Promise<Array<{ slideshow: Slideshow; items: number; screens: User[] }>> {
  const slideshows = await Slideshow.findAll({ order: [['name', 'ASC']] });
  const [counts, screens] = await Promise.all([
    Promise.all(slideshows.map((s) => SlideshowItem.count({ where: { slideshowId: s.id } }))),
    screensOf(slideshows.map((s) => s.id)),
  ]);
  return slideshows.map((slideshow, i) => ({ slideshow, items: counts[i] ?? 0, screens: screens.get(slideshow.id) ?? [] }));
}

/** A slideshow's items in their order, with their media and who added each, and the screens that play it. */
export async function slideshowEntries(slideshowId: string): Promise<{ slideshow: Slideshow; entries: SlideshowEntry[]; screens: User[] }> {
  const slideshow = await findSlideshow(slideshowId);
  const items = await SlideshowItem.findAll({ where: { slideshowId }, order: [['position', 'ASC']] });
  const ids = items.map((i) => i.mediaId);
  const [media, files, people, screens] = await Promise.all([
    Media.findAll({ where: { id: ids } }),
    MediaFile.findAll({ where: { mediaId: ids } }),
    User.findAll({ where: { id: items.map((i) => i.addedById).filter((id): id is string => !!id) }, attributes: ['id', 'firstName'] }),
    screensOf([slideshow.id]),
  ]);
  const entries = items.flatMap((item) => {
    const found = media.find((m) => m.id === item.mediaId);
    if (!found) return [];
    return [{ item, stored: { media: found, files: files.filter((f) => f.mediaId === found.id) }, addedBy: people.find((p) => p.id === item.addedById) ?? null }];
  });
  return { slideshow, entries, screens: screens.get(slideshow.id) ?? [] };
}

/** Adds a photo or video the actor may see to the end of a slideshow (any member). */
export async function addToSlideshow(ctx: ServiceContext, input: { actor: Actor; slideshowId: string; mediaId: string }): Promise<void> {
  const slideshow = await findSlideshow(input.slideshowId);
  if (!(await canSeeMedia(input.actor, input.mediaId))) throw notFound('Photo or video');
  await ctx.db.write(async (transaction) => {
    if (await SlideshowItem.findOne({ where: { slideshowId: slideshow.id, mediaId: input.mediaId }, transaction })) return;
    const last = (await SlideshowItem.max<number | null, SlideshowItem>('position', { where: { slideshowId: slideshow.id }, transaction })) ?? 0;
    await SlideshowItem.create({ slideshowId: slideshow.id, mediaId: input.mediaId, position: last + 1, addedById: actorId(input.actor) }, { transaction });
    await changed(ctx, transaction, input.actor, slideshow.id, 'added');
  });
}

/** Removes an item: whoever added it, or an admin. */
export async function removeFromSlideshow(ctx: ServiceContext, input: { actor: Actor; slideshowId: string; mediaId: string }): Promise<void> {
  const item = await SlideshowItem.findOne({ where: { slideshowId: input.slideshowId, mediaId: input.mediaId } });
  if (!item) throw notFound('Photo or video');
  if (!isAdmin(input.actor) && item.addedById !== actorId(input.actor)) throw forbidden('Only whoever added it or an admin can take it out.');
  await ctx.db.write(async (transaction) => {
    await item.destroy({ transaction });
    await changed(ctx, transaction, input.actor, input.slideshowId, 'removed');
  });
}

/** Puts the items in a new order (admins); the list must name every item once. */
export async function reorderSlideshow(ctx: ServiceContext, input: { actor: Actor; slideshowId: string; mediaIds: string[] }): Promise<void> {
  authorize(canManageNetwork(input.actor), 'Only an admin can change the order.');
  await findSlideshow(input.slideshowId);
  await ctx.db.write(async (transaction) => {
    const items = await SlideshowItem.findAll({ where: { slideshowId: input.slideshowId }, transaction });
    const current = new Set(items.map((i) => i.mediaId));
    if (input.mediaIds.length !== current.size || new Set(input.mediaIds).size !== current.size || !input.mediaIds.every((id) => current.has(id))) {
      throw new AppError(400, 'invalid_input', 'mediaIds: must name every item of the slideshow once', { details: { issues: [{ field: 'mediaIds', problem: 'must name every item of the slideshow once', code: 'invalid_value' }] } });
    }
    for (const [index, mediaId] of input.mediaIds.entries()) {
      await SlideshowItem.update({ position: index + 1 }, { where: { slideshowId: input.slideshowId, mediaId }, transaction });
    }
    await changed(ctx, transaction, input.actor, input.slideshowId, 'reordered');
  });
}

async function findStationPerson(stationUserId: string): Promise<User> {
  const person = await User.findOne({ where: { id: stationUserId, role: 'station' } });
  if (!person) throw notFound('Station person');
  return person;
}

/** Chooses the slideshows a station person's screen plays (admins). */
export async function assignSlideshows(ctx: ServiceContext, input: { actor: Actor; stationUserId: string; slideshowIds: string[] }): Promise<string[]> {
  authorize(canManageNetwork(input.actor), 'Only an admin can choose what the station plays.');
  const person = await findStationPerson(input.stationUserId);
  const ids = [...new Set(input.slideshowIds)];
  if ((await Slideshow.count({ where: { id: ids } })) !== ids.length) throw notFound('Slideshow');
  return ctx.db.write(async (transaction) => {
    await StationSlideshow.destroy({ where: { stationUserId: person.id }, transaction });
    await StationSlideshow.bulkCreate(ids.map((slideshowId) => ({ stationUserId: person.id, slideshowId })), { transaction });
    await recordEvent(ctx, transaction, { type: 'slideshow.changed', actorId: actorId(input.actor), audience: { admins: true, users: [person.id] }, payload: { stationUserId: person.id, what: 'assigned' } });
    return ids;
  });
}

/** The slideshows a station person's screen plays. */
export async function assignedSlideshows(stationUserId: string): Promise<string[]> {
  return (await StationSlideshow.findAll({ where: { stationUserId } })).map((s) => s.slideshowId);
}

/**
 * What a station person's screen plays now: the items of its slideshows that are active at this
 * hour, new ones first and the rest shuffled, each with its interval and a caption in the
 * station person's language ("van Anna, gisteren").
 */
export async function playlist(ctx: ServiceContext, input: { actor: Actor; stationUserId: string; now?: Date; seed?: number }): Promise<Slide[]> {
  authorize(isAdmin(input.actor) || actorId(input.actor) === input.stationUserId, 'Only the station and admins see its playlist.');
  const person = await findStationPerson(input.stationUserId);
  const now = input.now ?? new Date();
  const language = person.language ?? ctx.config.family.language;
  const timeZone = ctx.config.family.timeZone;
  const slides: Array<Slide & { addedAt: Date; newForDays: number }> = [];
  const seen = new Set<string>();
  for (const slideshowId of await assignedSlideshows(person.id)) {
    const { slideshow, entries } = await slideshowEntries(slideshowId);
    if (!isActive(slideshow, now, timeZone)) continue;
    for (const entry of entries) {
      if (seen.has(entry.stored.media.id)) continue;
      seen.add(entry.stored.media.id);
      slides.push({
        entry,
        slideshowId,
        intervalSeconds: slideshow.intervalSeconds,
        caption: slideCaption(language, entry.addedBy?.firstName ?? ctx.config.family.name, entry.item.createdAt, now, timeZone),
        addedAt: entry.item.createdAt,
        newForDays: slideshow.newForDays,
      });
    }
  }
  return playOrder(slides, now, input.seed ?? Math.floor(Math.random() * 2 ** 32));
}
