import { z } from 'zod';
import { presentStationContact, presentStationPerson } from '../presenters/stationPerson.js';
import { dateField, emailField, languageField, line, profileFields, uuidField } from '../schemas.js';
import { limits } from '../limits.js';
import { createStationPerson, listStationContacts, listStationPeople, setStationContact, updateStationPerson } from '../services/network.js';
import { weekdays } from '../services/callHours.js';
import { route } from './define.js';

const optionalText = (max: number) => line(max).nullable().optional();
const stationFields = {
  birthDate: dateField.nullable().optional(),
  otherDate: dateField.nullable().optional(),
  otherDateLabel: optionalText(limits.nameLength),
  address: optionalText(limits.addressLength),
  notes: z.string().max(limits.notesLength, `must be at most ${limits.notesLength} characters`).nullable().optional(),
};
const id = z.strictObject({ id: uuidField });
const flag = z.boolean({ message: 'must be true or false' });
const time = z.string({ message: 'must be a time like 08:00' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:00');
const weekday = z.enum(weekdays, { message: `must be one of ${weekdays.join(', ')}` });
/** Time windows in the family's time zone: [{"from":"08:00","until":"21:00"}] for "never between 21:00 and 08:00". */
const windowsField = z
  .array(
    z.strictObject({ from: time, until: time, days: z.array(weekday).min(1, 'must name at least one day').max(7).optional() }).refine((w) => w.from !== w.until, { message: 'until must differ from from', path: ['until'] }),
  )
  .min(1, 'must hold at least one window (use null for any time, or mayCall false for never)')
  .max(14, 'must hold at most 14 windows');

export const stationPeopleRoutes = [
  route({
    method: 'get',
    path: '/api/v1/station-people',
    summary: 'The station people of the family (admins also see their records)',
    access: 'user',
    handle: async (_ctx, { actor }) => ({
      stationPeople: (await listStationPeople()).map(({ user, profile }) => presentStationPerson(user, profile, actor)),
    }),
  }),
  route({
    method: 'post',
    path: '/api/v1/station-people',
    summary: 'Add a station person (admins)',
    access: 'admin',
    status: 201,
    body: z.strictObject({ ...profileFields, email: emailField, language: languageField.optional(), ...stationFields }),
    handle: async (ctx, { actor, body }) => {
      const { user, profile } = await createStationPerson(ctx.services, { actor, profile: body });
      return { stationPerson: presentStationPerson(user, profile, actor) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/v1/station-people/:id',
    summary: 'Correct a station person’s record (admins)',
    access: 'admin',
    params: id,
    body: z.strictObject({
      username: profileFields.username.optional(),
      firstName: profileFields.firstName.optional(),
      lastName: profileFields.lastName.optional(),
      mobile: profileFields.mobile.optional(),
      email: emailField.optional(),
      language: languageField.optional(),
      ...stationFields,
    }),
    handle: async (ctx, { actor, params, body }) => {
      const { user, profile } = await updateStationPerson(ctx.services, { actor, userId: params.id, changes: body });
      return { stationPerson: presentStationPerson(user, profile, actor) };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/station-people/:id/contacts',
    summary: 'Who may message and call this station person (admins)',
    access: 'admin',
    params: id,
    handle: async (ctx, { actor, params }) => ({
      contacts: (await listStationContacts(ctx.services, { actor, stationUserId: params.id })).map(presentStationContact),
    }),
  }),
  route({
    method: 'put',
    path: '/api/v1/station-people/:id/contacts/:userId',
    summary: 'Set whether one relative may message, call and look in on this station person, and at what times (admins)',
    access: 'admin',
    params: z.strictObject({ id: uuidField, userId: uuidField }),
    body: z.strictObject({
      mayMessage: flag.optional(),
      mayCall: flag.optional(),
      mayLookIn: flag.optional(),
      callHours: windowsField.nullable().optional(),
      lookInHours: windowsField.nullable().optional(),
      callAtNight: flag.optional(),
      lookInAtNight: flag.optional(),
    }),
    handle: async (ctx, { actor, params, body }) => ({
      contact: presentStationContact(await setStationContact(ctx.services, { actor, stationUserId: params.id, userId: params.userId, ...body })),
    }),
  }),
];
