import type { Call, CallParticipant, Group, User } from '../db/index.js';
import type { CallEngine, CallKind, CallState, EndReason, ParticipantState } from '../db/models/Call.js';
import type { Role } from '../db/models/User.js';

/** How long the station shows "Anna would like to look in" with its countdown before it answers. */
export const lookInCountdownSeconds = 10;

/** A person in a call as every screen shows them: the name the station person knows and the photo. */
export interface CallPersonJson {
  id: string;
  displayName: string;
  photoUrl: string | null;
  role: Role;
}

export interface CallParticipantJson {
  user: CallPersonJson;
  role: 'caller' | 'callee';
  state: ParticipantState;
  joinedAt: string | null;
  leftAt: string | null;
}

/**
 * A call, the same for everyone in it (one event frame serves every socket). Viewer-specific
 * facts (is it mine, did I miss it) follow from `participants`; the history adds them.
 */
export interface CallJson {
  id: string;
  kind: CallKind;
  engine: CallEngine;
  state: CallState;
  lookIn: boolean;
  autoAnswered: boolean;
  /** Null when the caller has since left the family. */
  caller: CallPersonJson | null;
  group: { id: string; name: string } | null;
  participants: CallParticipantJson[];
  answeredBy: CallPersonJson | null;
  createdAt: string;
  /** When the call stops ringing for whoever has not answered. */
  ringUntil: string;
  answeredAt: string | null;
  endedAt: string | null;
  endReason: EndReason | null;
  /** For a look-in: the station counts down this many seconds, then answers on its own. */
  autoAnswerAfterSeconds: number | null;
}

/** Everything a call is presented from. */
export interface LoadedCall {
  call: Call;
  participants: CallParticipant[];
  /** The people of the call (caller and participants) by id. */
  people: Map<string, User>;
  group: Group | null;
}

export function presentCallPerson(user: User): CallPersonJson {
  return {
    id: user.id,
    displayName: user.firstName,
    photoUrl: user.photoMediaId ? `/api/v1/media/${user.photoMediaId}/thumb` : null,
    role: user.role,
  };
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Presents a call; `ringMs` is how long calls ring (calls.ringSeconds). */
export function presentCall(loaded: LoadedCall, ringMs: number): CallJson {
  const { call, people } = loaded;
  const person = (id: string | null) => {
    const user = id ? people.get(id) : undefined;
    return user ? presentCallPerson(user) : null;
  };
  const participants = loaded.participants
    .filter((p) => people.has(p.userId))
    // The caller first, then the people called in a stable order.
    .sort((a, b) => (a.role === b.role ? a.userId.localeCompare(b.userId) : a.role === 'caller' ? -1 : 1))
    .map((p) => ({ user: presentCallPerson(people.get(p.userId) as User), role: p.role, state: p.state, joinedAt: iso(p.joinedAt), leftAt: iso(p.leftAt) }));
  return {
    id: call.id,
    kind: call.kind,
    engine: call.engine,
    state: call.state,
    lookIn: call.lookIn,
    autoAnswered: call.autoAnswered,
    caller: person(call.callerId),
    group: loaded.group ? { id: loaded.group.id, name: loaded.group.name } : null,
    participants,
    answeredBy: person(call.answeredById),
    createdAt: call.createdAt.toISOString(),
    ringUntil: new Date(call.createdAt.getTime() + ringMs).toISOString(),
    answeredAt: iso(call.answeredAt),
    endedAt: iso(call.endedAt),
    endReason: call.endReason,
    autoAnswerAfterSeconds: call.lookIn ? lookInCountdownSeconds : null,
  };
}

/** A call in someone's history: the call, and where they stood in it. */
export interface CallHistoryJson {
  call: CallJson;
  /** incoming: someone called them; outgoing: they called. */
  direction: 'incoming' | 'outgoing';
  myState: ParticipantState;
  /** A call to them that they did not pick up. */
  missed: boolean;
  /** A missed call after their missed-calls-seen marker (the station shows these on its home screen). */
  unseen: boolean;
  /** Pass as `before` to read the calls before this one. */
  cursor: string;
}

/** Encodes a history position as an opaque cursor. */
export function callCursorOf(position: { createdAt: string; id: string }): string {
  return Buffer.from(`c${position.createdAt}|${position.id}`).toString('base64url');
}

/** Decodes a history cursor; undefined when it is not one of ours. */
export function callPositionOf(cursor: string): { createdAt: string; id: string } | undefined {
  const match = /^c([0-9 :.+TZ-]{10,40})\|([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? { createdAt: match[1] as string, id: match[2] as string } : undefined;
}
