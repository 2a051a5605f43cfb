import { z } from 'zod';
import { line, uuidField } from '../schemas.js';
import { getStationSettings, maxQuickReplies, quickReplyLength, updateStationSettings } from '../services/stationSettings.js';
import { route } from './define.js';

const id = z.strictObject({ id: uuidField });
const time = z.string({ message: 'must be a time like 07:00' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 07:00');
const flag = z.boolean({ message: 'must be true or false' });

/** Any part of a screen's settings; what is left out stays as it is. */
const changes = z.strictObject({
  clock: z
    .strictObject({
      hours: z.union([z.literal(12), z.literal(24)], { message: 'must be 12 or 24' }).optional(),
      dayParts: z.strictObject({ morning: time.optional(), afternoon: time.optional(), evening: time.optional(), night: time.optional() }).optional(),
    })
    .optional(),
  nightMode: z.strictObject({ enabled: flag.optional(), from: time.optional(), until: time.optional() }).optional(),
  quickReplies: z
    .array(line(quickReplyLength), { message: 'must be a list of short texts' })
    .max(maxQuickReplies, `must hold at most ${maxQuickReplies} replies`)
    .nullable()
    .optional(),
  readAloud: flag.optional(),
  videoSound: flag.optional(),
  ringVolume: z.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 to 100').max(100, 'must be 0 to 100').optional(),
});

/** A station person's screen settings, set remotely by admins and applied to the screen live. */
export const stationSettingsRoutes = [
  route({
    method: 'get',
    path: '/api/v1/station-people/:id/settings',
    summary: 'The screen settings of a station person: clock, night mode, quick replies, sound (admins)',
    access: 'admin',
    params: id,
    handle: async (ctx, { actor, params }) => ({ settings: await getStationSettings(ctx.services, { actor, stationUserId: params.id }) }),
  }),
  route({
    method: 'patch',
    path: '/api/v1/station-people/:id/settings',
    summary: 'Change any part of a station person’s screen settings; quickReplies null restores the defaults (admins)',
    access: 'admin',
    params: id,
    body: changes,
    handle: async (ctx, { actor, params, body }) => ({ settings: await updateStationSettings(ctx.services, { actor, stationUserId: params.id, changes: body }) }),
  }),
];
