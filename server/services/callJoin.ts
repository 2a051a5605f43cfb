import crypto from 'node:crypto';
import type { Config } from '../config/index.js';
import type { User } from '../db/index.js';
import type { CallEngine } from '../db/models/Call.js';
import { AppError, notFound } from '../errors.js';
import { presentCallPerson, type CallPersonJson } from '../presenters/call.js';
import { actorId, type Actor } from './actor.js';
import { recordingAllowed } from './callSettings.js';
import { loadCall } from './calls.js';
import { isFinalCallState } from './callState.js';
import type { ServiceContext } from './context.js';
import { signedMediaUrl } from './media.js';

/** One ICE server as RTCPeerConnection takes it. */
export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

/** What one participant needs to take part in a call, on either engine. */
export interface CallJoin {
  callId: string;
  engine: CallEngine;
  /** The Jitsi room (on the built-in engine only the call's name). */
  room: string;
  /** The family's Jitsi domain for the IFrame API (`https://<domain>/external_api.js`); null on the built-in engine. */
  domain: string | null;
  /** This participant's Jitsi token (the `jwt` option); null on the built-in engine. */
  token: string | null;
  /** Whether this call may be recorded (F2): every participant must then see a notice while it records. */
  recording: boolean;
  /** STUN/TURN servers for the built-in engine (none: a LAN needs none). */
  iceServers: IceServer[];
  /** The others in the call who are in it or still ringing: whom to send signals to (`to`). */
  peers: CallPersonJson[];
  /**
   * Perfect negotiation on the built-in engine: the polite side (the one who answered) gives way
   * when both send an offer at once; the caller makes the first offer once the call is answered.
   */
  polite: boolean;
}

/** How long TURN credentials made from calls.turnSecret stay valid. */
const turnCredentialSeconds = 12 * 60 * 60;

/**
 * The ICE servers of one participant: STUN as configured; TURN with credentials that expire
 * (coturn's use-auth-secret: user "<expiry>:<userId>", password HMAC-SHA1 of it) when a secret
 * is configured, else the fixed ones.
 */
export function iceServersFor(calls: Config['calls'], userId: string, now = new Date()): IceServer[] {
  const servers: IceServer[] = [];
  if (calls.stunUrls) servers.push({ urls: calls.stunUrls });
  if (calls.turnUrls) {
    if (calls.turnSecret) {
      const username = `${Math.floor(now.getTime() / 1000) + turnCredentialSeconds}:${userId}`;
      const credential = crypto.createHmac('sha1', calls.turnSecret).update(username).digest('base64');
      servers.push({ urls: calls.turnUrls, username, credential });
    } else if (calls.turnUsername && calls.turnPassword) {
      servers.push({ urls: calls.turnUrls, username: calls.turnUsername, credential: calls.turnPassword });
    } else {
      servers.push({ urls: calls.turnUrls });
    }
  }
  return servers;
}

/** The absolute address of someone's profile photo that Jitsi can load without a session, or null. */
async function avatarOf(ctx: ServiceContext, actor: Actor, user: User): Promise<string | null> {
  if (!user.photoMediaId) return null;
  try {
    const { url } = await signedMediaUrl(ctx, { actor, mediaId: user.photoMediaId, size: 'thumb', seconds: ctx.config.jitsi.tokenMinutes * 60 });
    return `${ctx.config.server.publicUrl}${url}`;
  } catch {
    return null;
  }
}

/**
 * What the actor needs to be in a call they are in: on Jitsi the domain, the room and a token
 * minted for them alone (recording only where the admin allowed it and Jitsi can record); on the
 * built-in engine the ICE servers and whom to signal. Only for someone in the call (the caller
 * from the start, a callee once they answered) while it rings or is active.
 */
export async function joinCall(ctx: ServiceContext, input: { actor: Actor; callId: string; now?: Date }): Promise<CallJoin> {
  const me = actorId(input.actor);
  const loaded = await loadCall(input.callId);
  const mine = loaded?.participants.find((p) => p.userId === me);
  if (!loaded || !mine || !me) throw notFound('Call');
  if (isFinalCallState(loaded.call.state)) throw new AppError(409, 'call_over', 'This call has already ended.');
  if (mine.state !== 'joined') throw new AppError(409, 'conflict', 'Answer the call first.');
  const { call } = loaded;
  const person = loaded.people.get(me) as User;
  const peers = loaded.participants
    .filter((p) => p.userId !== me && (p.state === 'joined' || p.state === 'ringing') && loaded.people.has(p.userId))
    .map((p) => presentCallPerson(loaded.people.get(p.userId) as User));
  const base = { callId: call.id, engine: call.engine, room: call.room, peers, polite: mine.role !== 'caller' };
  if (call.engine === 'jitsi') {
    const domain = ctx.config.jitsi.domain;
    if (!domain) throw new AppError(409, 'needs_jitsi', 'This call runs on Jitsi, which is no longer set up.');
    const recording = await recordingAllowed(ctx);
    const token = ctx.callBridge.mintToken({ room: call.room, person: { id: person.id, name: person.firstName, avatar: await avatarOf(ctx, input.actor, person) }, allowRecording: recording, now: input.now });
    return { ...base, domain, token, recording, iceServers: [] };
  }
  return { ...base, domain: null, token: null, recording: false, iceServers: iceServersFor(ctx.config.calls, me, input.now) };
}
