import test from 'ava';
import { decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { newRoomName, roomNamePattern } from '../../bridges/jitsi/room.js';
import { callTokenClaims, mintCallToken, tokenSubject, type JitsiTokenSettings } from '../../bridges/jitsi/token.js';

const settings: JitsiTokenSettings = {
  domain: 'meet.devries.example.org',
  appId: 'prifora',
  appSecret: 'a-test-secret-of-well-over-thirty-two-characters',
  sub: null,
  tokenMinutes: 240,
  recording: false,
};

const anna = { id: 'u_anna', name: 'Anna de Vries', avatar: 'https://devries.example.org/api/v1/users/u_anna/photo', email: 'anna@example.org' };
const now = new Date('2026-11-25T10:00:00Z');
const nowSeconds = now.getTime() / 1000;

/**
 * What Prosody's token_verification checks (jitsi-meet resources/prosody-plugins/token/util.lib.lua
 * and luajwtjitsi.lib.lua, summarised in shared/reference/bridges.md C.1-C.2), with jose doing the
 * signature and time checks: header typ JWT and alg HS256, HMAC with the app secret, iss in the
 * accepted issuers, aud a string in the accepted audiences, numeric nbf and exp with no leeway,
 * the room claim equal to the lowercase room, and every context.user value a string.
 */
async function prosodyAccepts(token: string, expect: { room: string; secret?: string; at?: Date }): Promise<JWTPayload> {
  const header = decodeProtectedHeader(token);
  if (header.typ !== 'JWT') throw new Error('Invalid typ');
  if (header.alg !== 'HS256') throw new Error('Invalid or incorrect alg');
  const { payload } = await jwtVerify(token, new TextEncoder().encode(expect.secret ?? settings.appSecret), {
    algorithms: ['HS256'],
    typ: 'JWT',
    issuer: settings.appId,
    audience: settings.appId,
    currentDate: expect.at ?? now,
    clockTolerance: 0,
    requiredClaims: ['iss', 'aud', 'room', 'nbf', 'exp'],
  });
  if (typeof payload.aud !== 'string') throw new Error('aud must be a string');
  if (typeof payload.exp !== 'number' || typeof payload.nbf !== 'number') throw new Error('exp and nbf must be numbers');
  const room = payload.room as string;
  if (room !== '*' && expect.room !== room.toLowerCase()) throw new Error(`room mismatch: token for ${room}, joining ${expect.room}`);
  const user = (payload.context as { user?: Record<string, unknown> } | undefined)?.user ?? {};
  for (const [field, value] of Object.entries(user)) {
    if (typeof value !== 'string') throw new Error(`context.user.${field} is not a string`);
  }
  return payload;
}

test('a correct token verifies against every claim rule Prosody applies', async (t) => {
  const room = newRoomName();
  const token = mintCallToken(settings, { room, participant: anna, now });
  t.deepEqual(decodeProtectedHeader(token), { alg: 'HS256', typ: 'JWT' });
  const payload = await prosodyAccepts(token, { room });
  t.like(payload, {
    iss: 'prifora',
    aud: 'prifora',
    sub: 'meet.devries.example.org',
    room,
    nbf: nowSeconds - 60,
    exp: nowSeconds + 240 * 60,
    context: { user: { id: 'u_anna', name: 'Anna de Vries', avatar: anna.avatar, email: 'anna@example.org' } },
  });
});

test('a token for one room is refused for another room', async (t) => {
  const token = mintCallToken(settings, { room: newRoomName(), participant: anna, now });
  const error = await t.throwsAsync(prosodyAccepts(token, { room: newRoomName() }));
  t.regex(error.message, /room mismatch/);
});

test('an expired token is rejected, from the second exp is reached', async (t) => {
  const token = mintCallToken(settings, { room: 'prifora-room', participant: anna, now });
  const exp = nowSeconds + 240 * 60;
  await t.notThrowsAsync(prosodyAccepts(token, { room: 'prifora-room', at: new Date((exp - 1) * 1000) }));
  const atExp = await t.throwsAsync(prosodyAccepts(token, { room: 'prifora-room', at: new Date(exp * 1000) }));
  t.is((atExp as { code?: string }).code, 'ERR_JWT_EXPIRED');
  const later = mintCallToken(settings, { room: 'prifora-room', participant: anna, now: new Date(now.getTime() - 5 * 3600_000) });
  t.is(((await t.throwsAsync(prosodyAccepts(later, { room: 'prifora-room' }))) as { code?: string }).code, 'ERR_JWT_EXPIRED');
});

test('nbf lies a minute in the past, so a verifier whose clock is up to a minute behind accepts', async (t) => {
  const token = mintCallToken(settings, { room: 'prifora-room', participant: anna, now });
  const payload = await prosodyAccepts(token, { room: 'prifora-room' });
  t.is(payload.nbf, nowSeconds - 60);
  t.is(payload.iat, nowSeconds);
  await t.notThrowsAsync(prosodyAccepts(token, { room: 'prifora-room', at: new Date(now.getTime() - 59_000) }));
  const early = await t.throwsAsync(prosodyAccepts(token, { room: 'prifora-room', at: new Date(now.getTime() - 61_000) }));
  t.is((early as { code?: string }).code, 'ERR_JWT_CLAIM_VALIDATION_FAILED');
});

test('context.user never holds anything but strings: a numeric id becomes a string, missing fields are left out', async (t) => {
  const cases = [
    { participant: { id: 42, name: 'Opa Jan' }, user: { id: '42', name: 'Opa Jan' } },
    { participant: { id: 7, name: 'Oma', avatar: null, email: null }, user: { id: '7', name: 'Oma' } },
    { participant: { id: 'u_1', name: '  ', avatar: '', email: undefined }, user: { id: 'u_1' } },
    { participant: { id: 0, name: 'Kees', email: 'kees@example.org' }, user: { id: '0', name: 'Kees', email: 'kees@example.org' } },
  ];
  for (const { participant, user } of cases) {
    const token = mintCallToken(settings, { room: 'prifora-room', participant, now });
    const payload = await prosodyAccepts(token, { room: 'prifora-room' });
    t.deepEqual((payload.context as { user: unknown }).user, user);
  }
  // Values that are not text or numbers at all (from an untyped caller) are left out, not sent.
  const odd = { id: 5, name: 'Piet', avatar: { url: 'x' }, email: true } as unknown as typeof anna;
  t.deepEqual(callTokenClaims(settings, { room: 'prifora-room', participant: odd, now }).context.user, { id: '5', name: 'Piet' });
});

test('a token signed with another secret is rejected', async (t) => {
  const token = mintCallToken({ ...settings, appSecret: 'another-secret-that-is-also-long-enough-here' }, { room: 'prifora-room', participant: anna, now });
  const error = await t.throwsAsync(prosodyAccepts(token, { room: 'prifora-room' }));
  t.is((error as { code?: string }).code, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
});

test('recording is in the features only where the family and the call both allow it; streaming never', (t) => {
  const features = (config: boolean, call: boolean) => callTokenClaims({ ...settings, recording: config }, { room: 'prifora-room', participant: anna, allowRecording: call, now }).context.features;
  t.is(features(false, false).recording, 'false');
  t.is(features(false, true).recording, 'false');
  t.is(features(true, false).recording, 'false');
  t.is(features(true, true).recording, 'true');
  for (const on of [features(true, true), features(false, false)]) {
    t.is(on.livestreaming, 'false');
    t.is(on.transcription, 'false');
    t.true(Object.values(on).every((value) => value === 'true' || value === 'false'));
  }
  // Without recording allowed the token must still list it, as false: absent would mean "moderators may".
  t.true('recording' in features(false, false));
});

test('sub is the configured one, or the host of jitsi.domain without its port', (t) => {
  t.is(tokenSubject({ domain: 'Meet.Example.org:8443', sub: null }), 'meet.example.org');
  t.is(tokenSubject({ domain: 'meet.example.org', sub: 'meet.jitsi' }), 'meet.jitsi');
  t.is(callTokenClaims({ ...settings, sub: '*' }, { room: 'prifora-room', participant: anna, now }).sub, '*');
});

test('room names are unguessable lowercase ASCII: 128 random bits in base32', (t) => {
  const names = new Set(Array.from({ length: 2000 }, () => newRoomName()));
  t.is(names.size, 2000);
  for (const name of names) t.regex(name, roomNamePattern);
  t.is(newRoomName((size) => new Uint8Array(size)), 'prifora-aaaaaaaaaaaaaaaaaaaaaaaaaa');
  // RFC 4648: sixteen 0xff bytes are "77777777777777777777777774======" in base32.
  t.is(newRoomName((size) => new Uint8Array(size).fill(0xff)), 'prifora-77777777777777777777777774');
  t.throws(() => callTokenClaims(settings, { room: 'Kamer-Oma', participant: anna, now }), { message: /lowercase ASCII/ });
  t.throws(() => callTokenClaims(settings, { room: 'kamer-\u00e9', participant: anna, now }), { message: /lowercase ASCII/ });
});
