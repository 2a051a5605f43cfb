/**
 * The calls of the Photos, Slideshows and Home screens: the photo grid (server/routes/media.ts)
 * and slideshows (server/routes/slideshows.ts). Errors arrive as ApiError (web/common/api.ts).
 */
import { request } from '../../common/api.js';
import type { MediaJson } from '../../common/types.js';

/** One item of the grid (server/presenters/mediaGrid.ts). */
export interface GridItemJson {
  media: MediaJson;
  sharedBy: { id: string; name: string } | null;
  sharedAt: string;
  cursor: string;
  abilities: { delete: boolean };
}

/** One page of the grid, newest first. */
export interface GridPageJson {
  items: GridItemJson[];
  nextBefore: string | null;
}

/** An item of a slideshow (server/presenters/slideshow.ts). */
export interface SlideshowItemJson {
  media: MediaJson;
  addedBy: { id: string; name: string } | null;
  addedAt: string;
  abilities: { remove: boolean };
}

/** A slideshow; `items` in the detail, `itemCount` in the list, `screens` in both. */
export interface SlideshowJson {
  id: string;
  name: string;
  intervalSeconds: number;
  newForDays: number;
  activeFrom: string | null;
  activeUntil: string | null;
  items?: SlideshowItemJson[];
  itemCount?: number;
  /** The station people whose screens play it. */
  screens?: Array<{ id: string; name: string }>;
  abilities: { manage: boolean; reorder: boolean };
}

const enc = encodeURIComponent;

/** A page of the photos and videos the person may see; pass `nextBefore` for the next one. */
export async function listMedia(options: { before?: string; limit?: number } = {}): Promise<GridPageJson> {
  const query = new URLSearchParams();
  if (options.before) query.set('before', options.before);
  if (options.limit) query.set('limit', String(options.limit));
  const text = query.toString();
  return request<GridPageJson>(`/api/v1/media${text ? `?${text}` : ''}`);
}

/** Deletes a photo or video everywhere (its uploader or an admin). */
export async function deleteMedia(id: string): Promise<void> {
  await request(`/api/v1/media/${enc(id)}`, { method: 'DELETE' });
}

export async function listSlideshows(): Promise<SlideshowJson[]> {
  return (await request<{ slideshows: SlideshowJson[] }>('/api/v1/slideshows')).slideshows;
}

export async function getSlideshow(id: string): Promise<SlideshowJson> {
  return (await request<{ slideshow: SlideshowJson }>(`/api/v1/slideshows/${enc(id)}`)).slideshow;
}

export async function createSlideshow(name: string): Promise<SlideshowJson> {
  return (await request<{ slideshow: SlideshowJson }>('/api/v1/slideshows', { body: { name } })).slideshow;
}

export async function renameSlideshow(id: string, name: string): Promise<SlideshowJson> {
  return (await request<{ slideshow: SlideshowJson }>(`/api/v1/slideshows/${enc(id)}`, { method: 'PATCH', body: { name } })).slideshow;
}

/** Adds a photo or video to the end of a slideshow (nothing changes when it is in it already). */
export async function addToSlideshow(id: string, mediaId: string): Promise<void> {
  await request(`/api/v1/slideshows/${enc(id)}/items`, { body: { mediaId } });
}

export async function removeFromSlideshow(id: string, mediaId: string): Promise<void> {
  await request(`/api/v1/slideshows/${enc(id)}/items/${enc(mediaId)}`, { method: 'DELETE' });
}

/** Saves a new order; `mediaIds` names every item once. */
export async function reorderSlideshow(id: string, mediaIds: string[]): Promise<void> {
  await request(`/api/v1/slideshows/${enc(id)}/order`, { method: 'PUT', body: { mediaIds } });
}

/** The slideshows a station person's screen plays (admins). */
export async function screenSlideshows(stationId: string): Promise<string[]> {
  return (await request<{ slideshowIds: string[] }>(`/api/v1/station-people/${enc(stationId)}/slideshows`)).slideshowIds;
}

/** Chooses the slideshows a station person's screen plays (admins). */
export async function setScreenSlideshows(stationId: string, slideshowIds: string[]): Promise<string[]> {
  return (await request<{ slideshowIds: string[] }>(`/api/v1/station-people/${enc(stationId)}/slideshows`, { method: 'PUT', body: { slideshowIds } })).slideshowIds;
}
