import test, { type ExecutionContext } from 'ava';
import { systemActor } from '../../server/services/actor.js';
import { inviteMember } from '../../server/services/invitations.js';
import { buildAdmin, buildMember, buildProfile, tokenOf, type Member } from '../helpers/family.js';
import { connectLive } from '../helpers/live.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** PUT /api/v1/me/password: change one's password, and every other session is signed out. */

async function startFamily(t: ExecutionContext): Promise<TestServer> {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  await buildAdmin(server);
  return server;
}

async function signIn(server: TestServer, email: string, password: string) {
  return server.api('/api/v1/auth/signin', { body: { email, password } });
}

function change(server: TestServer, member: Member, body: unknown) {
  return server.api('/api/v1/me/password', { method: 'PUT', cookie: member.cookie, body });
}

test('refuses a password change signed out with 401', async (t) => {
  const server = await startFamily(t);
  const response = await server.api('/api/v1/me/password', { method: 'PUT', body: { currentPassword: 'correct horse battery', newPassword: 'a brand new sentence' } });
  t.is(response.status, 401);
  t.is(response.body.error.code, 'unauthenticated');
});

test('refuses a bad new password, a missing current password and unknown fields, each with its field and problem', async (t) => {
  const server = await startFamily(t);
  const bram = await buildMember(server);
  const cases: Array<[unknown, string]> = [
    [{ currentPassword: bram.password, newPassword: 'short' }, 'newPassword: must be at least 10 characters'],
    [{ currentPassword: bram.password, newPassword: 'x'.repeat(201) }, 'newPassword: must be at most 200 characters'],
    [{ currentPassword: bram.password, newPassword: 12345678901 }, 'newPassword: must be text'],
    [{ currentPassword: bram.password }, 'newPassword: is required'],
    [{ newPassword: 'a brand new sentence' }, 'currentPassword: is required'],
    [{ currentPassword: bram.password, newPassword: 'a brand new sentence', role: 'admin' }, 'role: is not a known field'],
  ];
  for (const [body, message] of cases) {
    const response = await change(server, bram, body);
    t.is(response.status, 400, JSON.stringify(body));
    t.is(response.body.error.code, 'invalid_input');
    t.is(response.body.error.message, message);
  }
  t.is((await signIn(server, bram.email, bram.password)).status, 200, 'the password is unchanged');
});

test('a wrong current password is refused in the person’s language and changes nothing', async (t) => {
  const server = await startFamily(t);
  const bram = await buildMember(server);
  const other = await signIn(server, bram.email, bram.password);

  const english = await change(server, bram, { currentPassword: 'not my password', newPassword: 'a brand new sentence' });
  t.is(english.status, 403);
  t.is(english.body.error.code, 'wrong_password');
  t.is(english.body.error.message, 'That is not your current password. Your password has not been changed.');
  t.is((await server.api('/api/v1/me', { method: 'PATCH', cookie: bram.cookie, body: { language: 'nl' } })).status, 200);
  const dutch = await change(server, bram, { currentPassword: 'not my password', newPassword: 'a brand new sentence' });
  t.is(dutch.body.error.message, 'Dat is niet je huidige wachtwoord. Je wachtwoord is niet veranderd.');

  t.is((await signIn(server, bram.email, bram.password)).status, 200);
  t.is((await signIn(server, bram.email, 'a brand new sentence')).status, 401);
  t.is((await server.api('/api/v1/me', { cookie: other.cookie })).status, 200, 'the other session stays');
});

test('changing the password signs out every other session, keeps this one, and only the new password signs in', async (t) => {
  const server = await startFamily(t);
  const bram = await buildMember(server, { firstName: 'Bram' });
  const anna = await buildMember(server, { firstName: 'Anna' });
  const phone = await signIn(server, bram.email, bram.password);
  const tablet = await signIn(server, bram.email, bram.password);
  const phoneLive = await connectLive(server, phone.cookie);
  t.teardown(() => phoneLive.close());
  const annaLive = await connectLive(server, anna.cookie);
  t.teardown(() => annaLive.close());

  const response = await change(server, bram, { currentPassword: bram.password, newPassword: 'drie kleine visjes in de zee' });
  t.is(response.status, 200, JSON.stringify(response.body));
  t.is(response.body.signedOut, 2);
  t.like(response.body.user, { id: bram.id, firstName: 'Bram', signInMethod: 'password' });

  t.deepEqual(await phoneLive.closed, { code: 4001, reason: 'signed out' });
  t.is((await server.api('/api/v1/me', { cookie: phone.cookie })).status, 401);
  t.is((await server.api('/api/v1/me', { cookie: tablet.cookie })).status, 401);
  t.is((await server.api('/api/v1/me', { cookie: bram.cookie })).status, 200, 'the session that changed it stays');
  const sessions = await server.api('/api/v1/sessions', { cookie: bram.cookie });
  t.deepEqual(sessions.body.sessions.map((s: { current: boolean }) => s.current), [true]);
  t.is((await server.api('/api/v1/me', { cookie: anna.cookie })).status, 200, 'someone else’s sessions are untouched');
  t.is(annaLive.socket.readyState, annaLive.socket.OPEN);

  t.is((await signIn(server, bram.email, bram.password)).status, 401);
  t.is((await signIn(server, bram.email, 'drie kleine visjes in de zee')).status, 200);
});

test('someone who signs in with emailed links chooses a first password without a current one', async (t) => {
  const server = await startFamily(t);
  const email = 'carla@example.org';
  const { link } = await inviteMember(server.running.services, { actor: systemActor, email, role: 'member' });
  const { password: _none, ...profile } = buildProfile({ firstName: 'Carla' });
  const accepted = await server.api('/api/v1/invitations/accept', { body: { token: tokenOf(link), ...profile } });
  t.is(accepted.status, 201, JSON.stringify(accepted.body));
  t.is(accepted.body.user.signInMethod, 'magic');
  const carla: Member = { id: accepted.body.user.id, cookie: accepted.cookie as string, email, password: '' };

  const response = await change(server, carla, { newPassword: 'mijn eerste wachtwoord' });
  t.is(response.status, 200, JSON.stringify(response.body));
  t.is(response.body.user.signInMethod, 'password');
  t.is((await signIn(server, email, 'mijn eerste wachtwoord')).status, 200);
  const me = await server.api('/api/v1/me', { cookie: carla.cookie });
  t.is(me.body.user.signInMethod, 'password', 'the signed-in person is read afresh');
});

test('guessing the current password is rate limited together with sign-in, with Retry-After', async (t) => {
  const server = await startFamily(t);
  const bram = await buildMember(server);
  // Five attempts per account in 15 minutes (server/services/rateLimits.ts): two sign-ins, three changes.
  for (let i = 0; i < 2; i += 1) t.is((await signIn(server, bram.email, 'a wrong guess')).status, 401);
  for (let i = 0; i < 3; i += 1) t.is((await change(server, bram, { currentPassword: 'another wrong guess', newPassword: 'a brand new sentence' })).status, 403);
  const limited = await change(server, bram, { currentPassword: bram.password, newPassword: 'a brand new sentence' });
  t.is(limited.status, 429);
  t.is(limited.body.error.code, 'rate_limited');
  t.true(Number(limited.headers.get('retry-after')) > 0);
  t.is((await signIn(server, bram.email, 'a brand new sentence')).status, 429, 'sign-in shares the count');
});
