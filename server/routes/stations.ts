import { z } from 'zod';
import { limits } from '../limits.js';
import { setStationCookie } from '../middleware/stationCookie.js';
import { presentOwnStation, presentStation } from '../presenters/station.js';
import { line, uuidField } from '../schemas.js';
import { approvePairing, checkPairing, codeLength, createPairing, listStations, renameStation, revokeStation } from '../services/stations.js';
import { clientInfo } from './auth.js';
import { route } from './define.js';

/** A pairing code as people type it: spaces and dashes are fine, case does not matter. */
const codeField = z
  .string({ message: 'must be text' })
  .max(20, 'must be the code shown on the screen')
  .regex(/^[A-Za-z0-9\s-]+$/, 'must be the code shown on the screen');
/** The secret a waiting screen keeps: opaque and URL-safe. */
const secretField = z
  .string({ message: 'must be text' })
  .min(20, 'is not a pairing secret')
  .max(200, 'is not a pairing secret')
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a pairing secret');
const id = z.strictObject({ id: uuidField });

/**
 * Pairing a Home Station and the admins' list of screens. The screen asks for a code (public),
 * an admin approves it naming the station person, and the screen then collects its cookie.
 */
export const stationRoutes = [
  route({
    method: 'post',
    path: '/api/v1/stations/pairing',
    summary: 'A new screen asks for a pairing code to show (and a secret to ask after it with); valid 10 minutes',
    access: 'public',
    status: 201,
    handle: async (ctx) => {
      const pairing = await createPairing(ctx.services, { client: clientInfo(ctx) });
      return {
        pairing: {
          code: pairing.code,
          codeLength,
          secret: pairing.secret,
          expiresAt: pairing.expiresAt.toISOString(),
          approvalUrl: pairing.approvalUrl,
          checkAfterSeconds: 3,
        },
      };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/stations/pairing/check',
    summary: 'A waiting screen asks whether its code was approved; once it is, the answer sets the screen’s cookie',
    access: 'public',
    body: z.strictObject({ secret: secretField }),
    handle: async (ctx, { body }) => {
      const state = await checkPairing(ctx.services, { secret: body.secret, client: clientInfo(ctx) });
      if (state.status === 'waiting') return { status: 'waiting', expiresAt: state.expiresAt.toISOString() };
      setStationCookie(ctx, state.credential);
      return { status: 'paired', station: presentOwnStation(state.station) };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/stations',
    summary: 'The paired screens: name, station person, paired at, last seen, online (admins)',
    access: 'admin',
    handle: async (ctx, { actor }) => ({ stations: (await listStations(ctx.services, { actor })).map(presentStation) }),
  }),
  route({
    method: 'post',
    path: '/api/v1/stations',
    summary: 'Approve the code a screen shows and say whose screen it is (admins)',
    access: 'admin',
    status: 201,
    body: z.strictObject({ code: codeField, name: line(limits.nameLength), stationPersonId: uuidField }),
    handle: async (ctx, { actor, body }) => {
      const { station, user } = await approvePairing(ctx.services, { actor, code: body.code, name: body.name, stationUserId: body.stationPersonId, client: clientInfo(ctx) });
      return { station: presentStation({ station, user, online: false }) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/v1/stations/:id',
    summary: 'Rename a screen (admins)',
    access: 'admin',
    params: id,
    body: z.strictObject({ name: line(limits.nameLength) }),
    handle: async (ctx, { actor, params, body }) => ({ station: presentStation(await renameStation(ctx.services, { actor, stationId: params.id, name: body.name })) }),
  }),
  route({
    method: 'delete',
    path: '/api/v1/stations/:id',
    summary: 'Revoke a screen (admins): its cookie stops working and it shows the pairing screen again',
    access: 'admin',
    params: id,
    handle: async (ctx, { actor, params }) => {
      await revokeStation(ctx.services, { actor, stationId: params.id });
      return undefined;
    },
  }),
];
