import { z } from 'zod';
import { limits } from '../limits.js';
import { presentSlide, presentSlideshow } from '../presenters/slideshow.js';
import { line, uuidField } from '../schemas.js';
import {
  addToSlideshow,
  assignSlideshows,
  assignedSlideshows,
  createSlideshow,
  deleteSlideshow,
  listSlideshows,
  playlist,
  removeFromSlideshow,
  reorderSlideshow,
  slideshowEntries,
  updateSlideshow,
} from '../services/slideshows.js';
import { route } from './define.js';

const id = z.strictObject({ id: uuidField });
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:30');
const rules = {
  intervalSeconds: z.number({ message: 'must be a number' }).int('must be a whole number').min(3, 'must be at least 3').max(3600, 'must be at most 3600').optional(),
  newForDays: z.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more').max(365, 'must be at most 365').optional(),
  activeFrom: clock.nullable().optional(),
  activeUntil: clock.nullable().optional(),
};

export const slideshowRoutes = [
  route({
    method: 'get',
    path: '/api/v1/slideshows',
    summary: 'The family’s slideshows, with their item counts and the screens that play them',
    access: 'user',
    handle: async (_ctx, { actor }) => ({ slideshows: (await listSlideshows()).map(({ slideshow, items, screens }) => presentSlideshow(slideshow, actor, { itemCount: items, screens })) }),
  }),
  route({
    method: 'post',
    path: '/api/v1/slideshows',
    summary: 'Create a slideshow with its play rules (admins)',
    access: 'admin',
    status: 201,
    body: z.strictObject({ name: line(limits.nameLength), ...rules }),
    handle: async (ctx, { actor, body }) => ({ slideshow: presentSlideshow(await createSlideshow(ctx.services, { actor, ...body }), actor, { itemCount: 0 }) }),
  }),
  route({
    method: 'get',
    path: '/api/v1/slideshows/:id',
    summary: 'A slideshow with its items in order and the screens that play it',
    access: 'user',
    params: id,
    handle: async (_ctx, { actor, params }) => {
      const { slideshow, entries, screens } = await slideshowEntries(params.id);
      return { slideshow: presentSlideshow(slideshow, actor, { entries, screens }) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/v1/slideshows/:id',
    summary: 'Rename a slideshow or change its rules (admins)',
    access: 'admin',
    params: id,
    body: z.strictObject({ name: line(limits.nameLength).optional(), ...rules }),
    handle: async (ctx, { actor, params, body }) => ({ slideshow: presentSlideshow(await updateSlideshow(ctx.services, { actor, slideshowId: params.id, ...body }), actor) }),
  }),
  route({
    method: 'delete',
    path: '/api/v1/slideshows/:id',
    summary: 'Delete a slideshow (admins); its photos stay elsewhere',
    access: 'admin',
    params: id,
    handle: async (ctx, { actor, params }) => {
      await deleteSlideshow(ctx.services, { actor, slideshowId: params.id });
      return undefined;
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/slideshows/:id/items',
    summary: 'Add a photo or video one may see to the end of a slideshow',
    access: 'user',
    params: id,
    body: z.strictObject({ mediaId: uuidField }),
    handle: async (ctx, { actor, params, body }) => {
      await addToSlideshow(ctx.services, { actor, slideshowId: params.id, mediaId: body.mediaId });
      return undefined;
    },
  }),
  route({
    method: 'delete',
    path: '/api/v1/slideshows/:id/items/:mediaId',
    summary: 'Take an item out of a slideshow (whoever added it, or an admin)',
    access: 'user',
    params: z.strictObject({ id: uuidField, mediaId: uuidField }),
    handle: async (ctx, { actor, params }) => {
      await removeFromSlideshow(ctx.services, { actor, slideshowId: params.id, mediaId: params.mediaId });
      return undefined;
    },
  }),
  route({
    method: 'put',
    path: '/api/v1/slideshows/:id/order',
    summary: 'Put the items in a new order (admins)',
    access: 'admin',
    params: id,
    body: z.strictObject({ mediaIds: z.array(uuidField, { message: 'must be a list of ids' }).max(10_000) }),
    handle: async (ctx, { actor, params, body }) => {
      await reorderSlideshow(ctx.services, { actor, slideshowId: params.id, mediaIds: body.mediaIds });
      return undefined;
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/station-people/:id/slideshows',
    summary: 'The slideshows a station person’s screen plays (admins)',
    access: 'admin',
    params: id,
    handle: async (_ctx, { params }) => ({ slideshowIds: await assignedSlideshows(params.id) }),
  }),
  route({
    method: 'put',
    path: '/api/v1/station-people/:id/slideshows',
    summary: 'Choose the slideshows a station person’s screen plays (admins)',
    access: 'admin',
    params: id,
    body: z.strictObject({ slideshowIds: z.array(uuidField, { message: 'must be a list of ids' }).max(100) }),
    handle: async (ctx, { actor, params, body }) => ({ slideshowIds: await assignSlideshows(ctx.services, { actor, stationUserId: params.id, slideshowIds: body.slideshowIds }) }),
  }),
  route({
    method: 'get',
    path: '/api/v1/station-people/:id/playlist',
    summary: 'What the station plays now: new first, the rest shuffled, with captions (admins; the station itself later)',
    access: 'admin',
    params: id,
    handle: async (ctx, { actor, params }) => ({ slides: (await playlist(ctx.services, { actor, stationUserId: params.id })).map(presentSlide) }),
  }),
];
