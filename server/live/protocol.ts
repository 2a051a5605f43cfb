/**
 * The live protocol: one websocket per client at `/api/v1/live`, JSON text frames both ways.
 *
 * Connecting
 *   GET /api/v1/live[?after=N] with the session cookie (or a paired Home Station's cookie) and
 *   the app's Origin. Refused before the upgrade with a JSON error body: 404 (another path), 400
 *   (`after` is not a whole number), 403 (foreign or missing Origin), 401 (no valid session or
 *   screen), 503 (the server is stopping). A screen receives what its station person would.
 *
 * Server -> client
 *   {"type":"presence","online":["<userId>",...]}
 *       on connect, then whenever the set of online principals changes (online = at least one
 *       open socket; a Home Station counts like a person).
 *   {"type":"event","id":N,"event":"<type>","payload":{...},"at":"<ISO time>"}
 *       a persisted event the principal may see. Ids increase; each is sent once per catch-up.
 *   {"type":"ready","lastEventId":N}
 *       the catch-up is done: every visible event up to N has been sent. Remember the id of the
 *       last event (or N) and reconnect with ?after= it to receive what was missed.
 *   {"type":"typing","conversationId":"<uuid>","userId":"<uuid>"}
 *       someone else in a conversation is typing (not persisted, not replayed).
 *   {"type":"pong"}
 *       the answer to a client ping.
 *   {"type":"signal","callId":"<uuid>","from":"<userId>","data":{"sdp":{...}}|{"candidate":{...}|null}}
 *       WebRTC signalling of a built-in call from the other person in it (not persisted).
 *   {"type":"error","code":"malformed_json"|"unknown_event"|"invalid_input","message":"..."}
 *       a frame was refused; the socket stays open. More than 20 in a minute close it (1008).
 *   {"type":"error","code":"not_allowed"|"rate_limited","message":"...","callId":"<uuid>"}
 *       a signal was not passed on: the call is not a built-in call between these two people
 *       that rings or is active (it may just have ended), or the socket sent more than 100
 *       signals in 10 s. These do not count towards the 20 refused frames.
 *
 * Client -> server
 *   {"type":"ping"}                               answered with pong
 *   {"type":"typing","conversationId":"<uuid>"}   relayed to the other participants, at most
 *                                                 once a second per conversation
 *   {"type":"resume","after":N}                   (re)starts the catch-up after event N, like
 *                                                 ?after=N; ends with a new ready
 *   {"type":"signal","callId":"<uuid>","to":"<userId>","data":D}
 *       WebRTC signalling for a built-in call, relayed as a signal frame to every open app or
 *       screen of `to`. D is {"sdp":{"type":"offer"|"answer"|"pranswer"|"rollback","sdp":"..."}}
 *       (sdp at most 32,000 characters) or {"candidate":{"candidate":"...","sdpMid":...,
 *       "sdpMLineIndex":...,"usernameFragment":...}}, with {"candidate":null} for the end of
 *       candidates. Passed only between the caller and someone called while the call rings,
 *       and between the two people in it once it is active; at most 100 per 10 s per socket.
 *   {"type":"inCall","callId":"<uuid>"}
 *       the call screen's "still here", every 10 s while its person is in a call (the caller
 *       from the start, a callee once answered). Someone silent for calls.aliveSeconds (30 s)
 *       has left the call: a ringing call whose caller went silent is missed, an active call
 *       with fewer than two people left ends (endReason "lost").
 *
 * Call events (type "event"; each payload holds {"call":{...}} as GET /api/v1/calls/:id
 * answers it, so a client can replace what it knows; sent to the people of the call only)
 *   call.ringing            a call started: the caller's apps and every app or screen of the
 *                           people called. Replayed on catch-up: ring only while call.state is
 *                           "ringing" and ringUntil is ahead (or ask GET /api/v1/calls?filter=live)
 *   call.answered           someone answered: the caller and the one who answered (a group call:
 *                           everyone in it). call.answeredBy says who
 *   call.answeredElsewhere  when the whole family was rung: the others, with call.answeredBy
 *   call.updated            someone declined, joined or left, and the call goes on
 *   call.ended              the call is over: call.state is ended, missed, declined or failed,
 *                           call.endReason says why
 *   call.lookedIn           {"callId","stationUserId","userId","at"}: a station answered a
 *                           look-in on its own (the admins and the station)
 *   call.missedSeen         {"userId","at"}: the person's missed calls were seen (their apps)
 *   call.settingsChanged    {"recordingAllowed"}: an admin changed the family's call settings (admins)
 *
 * Close codes
 *   1001 the server is stopping; 1008 too many refused frames; 1009 a frame over 64 KiB;
 *   1011 the catch-up failed; 4001 signed out (session revoked or person removed); 4002 the
 *   screen is no longer paired (revoked, or its station person removed): show pairing again.
 *   A socket that does not answer the server's pings is dropped without a close frame.
 */
import { z } from 'zod';
import { limits } from '../limits.js';
import { fromZodError } from '../middleware/errors.js';
import { uuidField } from '../schemas.js';
import type { PublishedEvent } from '../services/events.js';

/** The largest frame a client may send; ws closes the socket with 1009 beyond it. */
export const maxFrameBytes = limits.liveFrameBytes;

/** Close codes the hub uses besides the standard ones ws sends itself. */
export const closeCodes = {
  goingAway: 1001,
  policyViolation: 1008,
  internalError: 1011,
  signedOut: 4001,
  unpaired: 4002,
} as const;

const afterField = z
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

/** Characters of an SDP a signal may carry: real offers with audio and video are 3 to 10 thousand. */
export const maxSdpLength = 32_000;

const nullableText = (max: number) => z.string().max(max, `must be at most ${max} characters`).nullable().optional();

/** What a WebRTC signal carries: a session description, or an ICE candidate (null: the end of them). */
const signalData = z.union(
  [
    z.strictObject({
      sdp: z.strictObject({ type: z.enum(['offer', 'answer', 'pranswer', 'rollback'], { message: 'must be offer, answer, pranswer or rollback' }), sdp: z.string().max(maxSdpLength, `must be at most ${maxSdpLength} characters`) }),
    }),
    z.strictObject({
      candidate: z
        .strictObject({
          candidate: z.string().max(2000, 'must be at most 2000 characters'),
          sdpMid: nullableText(64),
          sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
          usernameFragment: nullableText(256),
        })
        .nullable(),
    }),
  ],
  { message: 'must be {"sdp":{...}} or {"candidate":{...}}' },
);

/** The messages a client may send, by type. */
export const clientSchemas = {
  /** Asks for a pong: lets a client notice a dead connection itself. */
  ping: z.strictObject({ type: z.literal('ping') }),
  /** The person is typing in a conversation. */
  typing: z.strictObject({ type: z.literal('typing'), conversationId: uuidField }),
  /** Sends the events after `after` (the last id the client saw), then `ready`. */
  resume: z.strictObject({ type: z.literal('resume'), after: afterField }),
  /** WebRTC signalling for a built-in call, to the other person in it. */
  signal: z.strictObject({ type: z.literal('signal'), callId: uuidField, to: uuidField, data: signalData }),
  /** The call screen's "still here" while its person is in a call. */
  inCall: z.strictObject({ type: z.literal('inCall'), callId: uuidField }),
};

export type ClientMessage = { [K in keyof typeof clientSchemas]: z.infer<(typeof clientSchemas)[K]> }[keyof typeof clientSchemas];

/** Why a frame was refused. */
export type ErrorCode = 'malformed_json' | 'unknown_event' | 'invalid_input';

/** Why a signal was not passed on (the frame itself was fine). */
export type SignalRefusal = 'not_allowed' | 'rate_limited';

export type Parsed = { ok: true; message: ClientMessage } | { ok: false; code: ErrorCode; message: string };

/**
 * Reads one text frame: JSON, then a known `type`, then that type's fields.
 * Messages read "<field>: <problem>", like the HTTP API's.
 */
export function parseClientFrame(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, code: 'malformed_json', message: 'frame: is not valid JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, code: 'invalid_input', message: 'frame: must be a JSON object' };
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(clientSchemas, type)) {
    return { ok: false, code: 'unknown_event', message: 'type: is not a known message type' };
  }
  const result = clientSchemas[type as keyof typeof clientSchemas].safeParse(value);
  if (!result.success) return { ok: false, code: 'invalid_input', message: fromZodError(result.error, [], value).message };
  return { ok: true, message: result.data };
}

/** The frame of a persisted event, serialised once and shared by every socket that gets it. */
export function eventFrame(event: PublishedEvent): string {
  return JSON.stringify({ type: 'event', id: event.id, event: event.type, payload: event.payload, at: event.createdAt.toISOString() });
}

export const readyFrame = (lastEventId: number): string => JSON.stringify({ type: 'ready', lastEventId });
export const presenceFrame = (online: string[]): string => JSON.stringify({ type: 'presence', online });
export const typingFrame = (conversationId: string, userId: string): string => JSON.stringify({ type: 'typing', conversationId, userId });
export const pongFrame = JSON.stringify({ type: 'pong' });
export const errorFrame = (code: ErrorCode, message: string): string => JSON.stringify({ type: 'error', code, message });

/** A WebRTC signal as the other person receives it. */
export const signalFrame = (callId: string, from: string, data: unknown): string => JSON.stringify({ type: 'signal', callId, from, data });

/** A signal that was not passed on, naming its call. */
export const signalRefusedFrame = (code: SignalRefusal, callId: string): string =>
  JSON.stringify({
    type: 'error',
    code,
    message: code === 'rate_limited' ? 'signal: too many signals, slow down' : 'callId: is not a built-in call you can signal in now',
    callId,
  });
