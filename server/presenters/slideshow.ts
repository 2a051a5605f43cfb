import type { Slideshow, User } from '../db/index.js';
import { isAdmin } from '../policies/user.js';
import type { Actor } from '../services/actor.js';
import type { Slide, SlideshowEntry } from '../services/slideshows.js';
import { presentMedia, type MediaJson } from './media.js';

/** A slideshow and its play rules. */
export interface SlideshowJson {
  id: string;
  name: string;
  intervalSeconds: number;
  newForDays: number;
  activeFrom: string | null;
  activeUntil: string | null;
  items?: Array<{ media: MediaJson; addedBy: { id: string; name: string } | null; addedAt: string; abilities: { remove: boolean } }>;
  itemCount?: number;
  /** The station people whose screens play it (by name), when given. */
  screens?: Array<{ id: string; name: string }>;
  abilities: { manage: boolean; reorder: boolean };
}

/** Presents a slideshow, with its items, count and screens when given. */
export function presentSlideshow(
  slideshow: Slideshow,
  viewer: Actor,
  content: { entries?: SlideshowEntry[]; itemCount?: number; screens?: User[] } = {},
): SlideshowJson {
  const admin = isAdmin(viewer);
  const me = viewer.kind === 'user' ? viewer.user.id : null;
  return {
    id: slideshow.id,
    name: slideshow.name,
    intervalSeconds: slideshow.intervalSeconds,
    newForDays: slideshow.newForDays,
    activeFrom: slideshow.activeFrom,
    activeUntil: slideshow.activeUntil,
    ...(content.entries
      ? {
          items: content.entries.map((e) => ({
            media: presentMedia(e.stored),
            addedBy: e.addedBy ? { id: e.addedBy.id, name: e.addedBy.firstName } : null,
            addedAt: e.item.createdAt.toISOString(),
            abilities: { remove: admin || (me !== null && e.item.addedById === me) },
          })),
        }
      : {}),
    ...(content.itemCount !== undefined ? { itemCount: content.itemCount } : {}),
    ...(content.screens ? { screens: content.screens.map((person) => ({ id: person.id, name: person.firstName })) } : {}),
    abilities: { manage: admin, reorder: admin },
  };
}

/** One slide of a station's playlist. */
export interface SlideJson {
  media: MediaJson;
  slideshowId: string;
  intervalSeconds: number;
  caption: string;
  /** Who shared it (the caption names them): the station calls them from the slide. */
  addedBy: { id: string; name: string } | null;
}

/** Presents a playlist slide. */
export function presentSlide(slide: Slide): SlideJson {
  const addedBy = slide.entry.addedBy;
  return {
    media: presentMedia(slide.entry.stored),
    slideshowId: slide.slideshowId,
    intervalSeconds: slide.intervalSeconds,
    caption: slide.caption,
    addedBy: addedBy ? { id: addedBy.id, name: addedBy.firstName } : null,
  };
}
