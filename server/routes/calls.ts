import { z } from 'zod';
import { invalidField } from '../errors.js';
import { limits } from '../limits.js';
import { callPositionOf } from '../presenters/call.js';
import { uuidField } from '../schemas.js';
import { getCall, listCalls, lookInLog, markMissedSeen } from '../services/callHistory.js';
import { joinCall } from '../services/callJoin.js';
import { answerCall, callOptions, declineCall, hangUpCall, startCall, type CallTarget } from '../services/calls.js';
import { getCallSettings, setCallSettings } from '../services/callSettings.js';
import { route } from './define.js';

const id = z.strictObject({ id: uuidField });
const flag = z.boolean({ message: 'must be true or false' });
const limit = z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(limits.pageSizeMax, `must be at most ${limits.pageSizeMax}`);

/** Who to call: exactly one of a person, a group, or (a station) the whole family. */
const startBody = z.strictObject({
  userId: uuidField.optional(),
  groupId: uuidField.optional(),
  family: z.literal(true, { message: 'must be true' }).optional(),
  /** Look in on a station person: the station answers on its own where the admin allowed it. */
  lookIn: flag.optional(),
});

function targetOf(body: z.output<typeof startBody>): CallTarget {
  const given = [body.userId, body.groupId, body.family].filter((v) => v !== undefined).length;
  if (given !== 1) throw invalidField('body', 'must name exactly one of userId, groupId or family');
  if (body.userId) return { userId: body.userId };
  if (body.groupId) return { groupId: body.groupId };
  return { family: true };
}

function historyBefore(cursor: string | undefined): { createdAt: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const position = callPositionOf(cursor);
  if (!position) throw invalidField('query.before', 'is not a valid cursor');
  return position;
}

/** Calls (F1, F2): ringing, answering, the history, joining on either engine. A paired screen calls them as its station person. */
export const callRoutes = [
  route({
    method: 'post',
    path: '/api/v1/calls',
    summary: 'Call someone (userId), a whole group (groupId, on Jitsi) or, from a station, every available relative (family: true); lookIn for an allowed look-in',
    access: 'user',
    station: true,
    status: 201,
    body: startBody,
    handle: async (ctx, { actor, body }) => ({ call: await startCall(ctx.services, { actor, target: targetOf(body), lookIn: body.lookIn }) }),
  }),
  route({
    method: 'get',
    path: '/api/v1/calls',
    summary: 'The person’s calls, newest first (filter: all, missed, live); pass nextBefore as before for the next page',
    access: 'user',
    station: true,
    query: z.strictObject({
      before: z.string().max(120, 'is not a valid cursor').optional(),
      limit: limit.optional(),
      filter: z.enum(['all', 'missed', 'live'], { message: 'must be all, missed or live' }).optional(),
    }),
    handle: async (ctx, { actor, query }) => listCalls(ctx.services, { actor, before: historyBefore(query.before), limit: query.limit, filter: query.filter }),
  }),
  route({
    method: 'post',
    path: '/api/v1/calls/missed/seen',
    summary: 'The person has seen their missed calls (the badge and the station’s tile go)',
    access: 'user',
    station: true,
    handle: async (ctx, { actor }) => {
      await markMissedSeen(ctx.services, { actor });
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/calls/:id',
    summary: 'One call the person is in',
    access: 'user',
    station: true,
    params: id,
    handle: async (ctx, { actor, params }) => ({ call: await getCall(ctx.services, { actor, callId: params.id }) }),
  }),
  route({
    method: 'post',
    path: '/api/v1/calls/:id/answer',
    summary: 'Answer a call; auto: a station answering an allowed look-in after its countdown',
    access: 'user',
    station: true,
    params: id,
    body: z.strictObject({ auto: flag.optional() }),
    handle: async (ctx, { actor, params, body }) => ({ call: await answerCall(ctx.services, { actor, callId: params.id, auto: body.auto }) }),
  }),
  route({
    method: 'post',
    path: '/api/v1/calls/:id/decline',
    summary: 'Decline a call that rings for the person (“Not now”)',
    access: 'user',
    station: true,
    params: id,
    handle: async (ctx, { actor, params }) => ({ call: await declineCall(ctx.services, { actor, callId: params.id }) }),
  }),
  route({
    method: 'post',
    path: '/api/v1/calls/:id/hangup',
    summary: 'Hang up or leave a call (the caller before an answer cancels it); failed: it could not be set up or broke down',
    access: 'user',
    station: true,
    params: id,
    body: z.strictObject({ failed: flag.optional() }),
    handle: async (ctx, { actor, params, body }) => ({ call: await hangUpCall(ctx.services, { actor, callId: params.id, failed: body.failed }) }),
  }),
  route({
    method: 'get',
    path: '/api/v1/calls/:id/join',
    summary: 'What this participant needs to be in the call: engine, room, Jitsi domain and a token for them, or ICE servers and whom to signal',
    access: 'user',
    station: true,
    params: id,
    handle: async (ctx, { actor, params }) => ({ join: await joinCall(ctx.services, { actor, callId: params.id }) }),
  }),
  route({
    method: 'get',
    path: '/api/v1/call-options/:userId',
    summary: 'Whether the person may call someone now, and look in on them: what call buttons show',
    access: 'user',
    station: true,
    params: z.strictObject({ userId: uuidField }),
    handle: async (ctx, { actor, params }) => ({ options: await callOptions(ctx.services, { actor, userId: params.userId }) }),
  }),
  route({
    method: 'get',
    path: '/api/v1/look-ins',
    summary: 'The look-in log, newest first: admins see every station’s (or one’s, stationUserId), a station its own, a relative their own',
    access: 'user',
    station: true,
    query: z.strictObject({ stationUserId: uuidField.optional(), limit: limit.optional() }),
    handle: async (ctx, { actor, query }) => ({
      lookIns: await lookInLog(ctx.services, { actor, language: ctx.state.language, stationUserId: query.stationUserId, limit: query.limit }),
    }),
  }),
  route({
    method: 'get',
    path: '/api/v1/call-settings',
    summary: 'The family’s call settings: whether recording is allowed and set up (admins)',
    access: 'admin',
    handle: async (ctx, { actor }) => ({ settings: await getCallSettings(ctx.services, { actor }) }),
  }),
  route({
    method: 'put',
    path: '/api/v1/call-settings',
    summary: 'Allow or stop call recording for the family; needs Jitsi with recording set up (admins)',
    access: 'admin',
    body: z.strictObject({ recordingAllowed: flag }),
    handle: async (ctx, { actor, body }) => ({ settings: await setCallSettings(ctx.services, { actor, recordingAllowed: body.recordingAllowed }) }),
  }),
];
