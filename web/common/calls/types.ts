/**
 * The JSON shapes of calls as the web app and the station read them. They mirror
 * server/presenters/call.ts, server/services/callJoin.ts and callPermissions.ts (the browser
 * talks to the server over HTTP and the websocket only, so it does not import them).
 */

export type CallState = 'ringing' | 'active' | 'ended' | 'missed' | 'declined' | 'failed';
export type CallKind = 'direct' | 'group' | 'family';
export type CallEngine = 'builtin' | 'jitsi';
export type ParticipantState = 'ringing' | 'joined' | 'left' | 'declined' | 'missed' | 'answeredElsewhere';
export type EndReason = 'hangup' | 'cancelled' | 'unanswered' | 'declined' | 'lost' | 'failed';

/** A person in a call: the name the station person knows them by, and their photo. */
export interface CallPersonJson {
  id: string;
  displayName: string;
  photoUrl: string | null;
  role: 'admin' | 'member' | 'station';
}

export interface CallParticipantJson {
  user: CallPersonJson;
  role: 'caller' | 'callee';
  state: ParticipantState;
  joinedAt: string | null;
  leftAt: string | null;
}

/** A call, the same for everyone in it. */
export interface CallJson {
  id: string;
  kind: CallKind;
  engine: CallEngine;
  state: CallState;
  lookIn: boolean;
  autoAnswered: boolean;
  caller: CallPersonJson | null;
  group: { id: string; name: string } | null;
  participants: CallParticipantJson[];
  answeredBy: CallPersonJson | null;
  createdAt: string;
  ringUntil: string;
  answeredAt: string | null;
  endedAt: string | null;
  endReason: EndReason | null;
  autoAnswerAfterSeconds: number | null;
}

/** A call in someone's history. */
export interface CallHistoryJson {
  call: CallJson;
  direction: 'incoming' | 'outgoing';
  myState: ParticipantState;
  missed: boolean;
  unseen: boolean;
  cursor: string;
}

/** One page of history (GET /api/v1/calls). */
export interface CallHistoryPageJson {
  calls: CallHistoryJson[];
  nextBefore: string | null;
  missedUnseen: number;
}

/** What one participant needs to be in a call (GET /api/v1/calls/:id/join). */
export interface CallJoinJson {
  callId: string;
  engine: CallEngine;
  room: string;
  domain: string | null;
  token: string | null;
  recording: boolean;
  iceServers: RTCIceServer[];
  peers: CallPersonJson[];
  polite: boolean;
}

/** Whether the person may call someone now, and look in (GET /api/v1/call-options/:userId). */
export interface CallOptionsJson {
  userId: string;
  call: boolean;
  lookIn: boolean;
  refusal: 'notAllowed' | 'notNow' | null;
  online: boolean;
}

/** Who to call. */
export type CallTarget = { userId: string; lookIn?: boolean } | { groupId: string } | { family: true };

/** The live events whose payload is `{ call }`. */
export const callEventTypes = ['call.ringing', 'call.answered', 'call.answeredElsewhere', 'call.updated', 'call.ended'] as const;

/** Whether a call can change no more. */
export function isFinished(state: CallState): boolean {
  return state !== 'ringing' && state !== 'active';
}

/** Someone's place in a call, or undefined when they are not in it. */
export function participantOf(call: CallJson, userId: string): CallParticipantJson | undefined {
  return call.participants.find((p) => p.user.id === userId);
}

/** The call in a live event's payload, when it is one of the call events. */
export function callOfEvent(event: { event: string; payload: Record<string, unknown> }): CallJson | null {
  if (!(callEventTypes as readonly string[]).includes(event.event)) return null;
  const call = event.payload.call as CallJson | undefined;
  return call && typeof call.id === 'string' ? call : null;
}
