import { createHmac } from 'node:crypto';

/** The part of prifora's `jitsi` config that call tokens are made from. */
export interface JitsiTokenSettings {
  domain: string;
  appId: string;
  appSecret: string;
  /** null: the host of `domain`. */
  sub: string | null;
  tokenMinutes: number;
  /** The family allows recording at all (Jibri is set up). */
  recording: boolean;
}

/** Who a token is for, as prifora knows them. */
export interface CallParticipant {
  id: string | number;
  name: string;
  /** An absolute URL of their profile photo. */
  avatar?: string | null;
  email?: string | null;
}

/** `context.user`: Prosody throws on any value that is not a string, so only strings get in. */
export type CallTokenUser = Partial<Record<'id' | 'name' | 'avatar' | 'email', string>>;

/** The claims of a call token, as Prosody's token_verification reads them. */
export interface CallTokenClaims {
  iss: string;
  aud: string;
  sub: string;
  room: string;
  iat: number;
  nbf: number;
  exp: number;
  context: { user: CallTokenUser; features: Record<string, 'true' | 'false'> };
}

/**
 * How far back `nbf` goes. Prosody allows no clock leeway, and a token that is not yet valid
 * leaves the person behind an "Authentication failed" dialog.
 */
export const notBeforeSkewSeconds = 60;

/** Room names a token may carry: what Prosody compares after lowercasing, nothing else. */
const roomClaimPattern = /^[a-z0-9][a-z0-9-]{0,127}$/;

/**
 * The JWT `sub`: checked by Jitsi only with domain verification on, where it must be the XMPP
 * domain (meet.jitsi in docker-jitsi-meet) or a tenant; the domain's host is the right guess for
 * a Debian install, where the XMPP domain is the public one.
 */
export function tokenSubject(settings: Pick<JitsiTokenSettings, 'domain' | 'sub'>): string {
  return settings.sub ?? settings.domain.replace(/:\d+$/, '').toLowerCase();
}

function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

/** `context.user` with string values only; a missing or empty field is left out, never null. */
export function tokenUser(participant: CallParticipant): CallTokenUser {
  const user: CallTokenUser = {};
  for (const field of ['id', 'name', 'avatar', 'email'] as const) {
    const value = stringValue(participant[field]);
    if (value !== undefined) user[field] = value;
  }
  return user;
}

/**
 * `context.features`. With a features object present, Jitsi denies any feature that is missing
 * from it (Prosody for recording, the web app for its buttons), so each one a family call uses
 * is listed, and the ones it must not use are listed as "false".
 */
export function tokenFeatures(recording: boolean): Record<string, 'true' | 'false'> {
  const flag = (on: boolean) => (on ? 'true' : 'false');
  return {
    recording: flag(recording),
    livestreaming: 'false',
    transcription: 'false',
    'inbound-call': 'false',
    'outbound-call': 'false',
    'sip-inbound-call': 'false',
    'sip-outbound-call': 'false',
    'screen-sharing': 'true',
    'send-groupchat': 'true',
    'create-polls': 'false',
    flip: 'true',
  };
}

/** The claims of one participant's token for one room. */
export function callTokenClaims(
  settings: JitsiTokenSettings,
  input: { room: string; participant: CallParticipant; allowRecording?: boolean; now?: Date },
): CallTokenClaims {
  if (!roomClaimPattern.test(input.room)) {
    throw new Error(`call token: room "${input.room}" is not a lowercase ASCII room name`);
  }
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  return {
    iss: settings.appId,
    // A string, not an array: Prosody compares aud as a string against its accepted audiences.
    aud: settings.appId,
    sub: tokenSubject(settings),
    room: input.room,
    iat: now,
    nbf: now - notBeforeSkewSeconds,
    exp: now + settings.tokenMinutes * 60,
    context: {
      user: tokenUser(input.participant),
      features: tokenFeatures(settings.recording && input.allowRecording === true),
    },
  };
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** Signs claims as a compact JWS with HS256; the header says `typ: JWT`, which Prosody requires. */
export function signCallToken(claims: CallTokenClaims, secret: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** A token for one participant of one call. */
export function mintCallToken(
  settings: JitsiTokenSettings,
  input: { room: string; participant: CallParticipant; allowRecording?: boolean; now?: Date },
): string {
  return signCallToken(callTokenClaims(settings, input), settings.appSecret);
}
