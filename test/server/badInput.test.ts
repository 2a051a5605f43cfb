import test from 'ava';
import { Event, Invitation, User } from '../../server/db/index.js';
import { buildAdmin, tokenOf } from '../helpers/family.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Row counts of the tables a bad request could touch. */
async function snapshot() {
  return { users: await User.count(), invitations: await Invitation.count(), events: await Event.count() };
}

async function withAdmin(t: { teardown(fn: () => unknown): void }): Promise<{ server: TestServer; cookie: string }> {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  return { server, cookie: admin.cookie };
}

test('malformed JSON is refused with 400 malformed_json and changes nothing', async (t) => {
  const { server, cookie } = await withAdmin(t);
  const before = await snapshot();
  const response = await server.api('/api/v1/invitations', { cookie, rawBody: '{"email": "a@example.org"', headers: { 'content-type': 'application/json' } });
  t.is(response.status, 400);
  t.is(response.body.error.code, 'malformed_json');
  t.deepEqual(await snapshot(), before);
});

test('a wrong type is refused naming the field', async (t) => {
  const { server, cookie } = await withAdmin(t);
  const before = await snapshot();
  const response = await server.api('/api/v1/invitations', { cookie, body: { email: 42 } });
  t.is(response.status, 400);
  t.is(response.body.error.message, 'email: must be text');
  t.deepEqual(await snapshot(), before);
});

test('an unknown field is refused naming the field', async (t) => {
  const { server, cookie } = await withAdmin(t);
  const before = await snapshot();
  const response = await server.api('/api/v1/invitations', { cookie, body: { email: 'a@example.org', isAdmin: true } });
  t.is(response.status, 400);
  t.is(response.body.error.message, 'isAdmin: is not a known field');
  t.deepEqual(await snapshot(), before);
});

test('a 2 MB JSON body is refused with 413 before it is read whole', async (t) => {
  const { server, cookie } = await withAdmin(t);
  const before = await snapshot();
  const response = await server.api('/api/v1/invitations', { cookie, body: { email: 'a@example.org', padding: 'x'.repeat(2 * 1024 * 1024) } });
  t.is(response.status, 413);
  t.is(response.body.error.code, 'body_too_large');
  t.deepEqual(await snapshot(), before);
});

test('a body that is not JSON is refused with 415', async (t) => {
  const { server, cookie } = await withAdmin(t);
  const response = await server.api('/api/v1/invitations', { cookie, rawBody: 'email=a@example.org', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  t.is(response.status, 415);
});

test('a state-changing request from another origin is refused', async (t) => {
  const { server, cookie } = await withAdmin(t);
  const before = await snapshot();
  const response = await server.api('/api/v1/invitations', { cookie, body: { email: 'a@example.org' }, headers: { origin: 'https://evil.example' } });
  t.is(response.status, 403);
  t.is(response.body.error.code, 'bad_origin');
  t.deepEqual(await snapshot(), before);
});

test('HTML and SQL-looking text in names is stored verbatim and returned as JSON data', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const token = tokenOf(server.running.setupLink?.link as string);
  const firstName = `<script>alert("x")</script>`;
  const lastName = `Robert'); DROP TABLE users;--`;
  const response = await server.api('/api/v1/invitations/accept', {
    body: { token, email: 'bobby@example.org', username: 'bobby', firstName, lastName, mobile: '0612345678', password: 'long enough pw' },
  });
  t.is(response.status, 201);
  t.is(response.headers.get('content-type'), 'application/json; charset=utf-8');
  t.is(response.body.user.firstName, firstName);
  t.is(response.body.user.lastName, lastName);
  const stored = await User.findOne({ where: { username: 'bobby' } });
  t.is(stored?.lastName, lastName);
  t.is(await User.count(), 1);
});

test('over-long fields are refused with their limit', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const token = tokenOf(server.running.setupLink?.link as string);
  const before = await snapshot();
  const response = await server.api('/api/v1/invitations/accept', {
    body: { token, email: 'long@example.org', username: 'longname', firstName: 'A'.repeat(101), lastName: 'B', mobile: '0612345678', password: 'long enough pw' },
  });
  t.is(response.status, 400);
  t.is(response.body.error.message, 'firstName: must be at most 100 characters');
  t.deepEqual(await snapshot(), before);
});

test('control characters in a name are refused', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const token = tokenOf(server.running.setupLink?.link as string);
  const response = await server.api('/api/v1/invitations/accept', {
    body: { token, email: 'nul@example.org', username: 'nul', firstName: 'An\u0000na', lastName: 'B', mobile: '0612345678', password: 'long enough pw' },
  });
  t.is(response.status, 400);
  t.is(response.body.error.message, 'firstName: must not contain control characters');
});

test('required profile fields are enforced', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const token = tokenOf(server.running.setupLink?.link as string);
  const response = await server.api('/api/v1/invitations/accept', { body: { token, email: 'x@example.org', username: 'xx1', firstName: 'X', lastName: 'Y' } });
  t.is(response.status, 400);
  t.is(response.body.error.message, 'mobile: is required');
  t.is(await User.count(), 0);
});

test('a short password is refused with the minimum length', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const token = tokenOf(server.running.setupLink?.link as string);
  const response = await server.api('/api/v1/invitations/accept', {
    body: { token, email: 'x@example.org', username: 'xx1', firstName: 'X', lastName: 'Y', mobile: '0612345678', password: 'short' },
  });
  t.is(response.status, 400);
  t.is(response.body.error.message, 'password: must be at least 10 characters');
});

test('a forged session cookie is treated as signed out', async (t) => {
  const { server } = await withAdmin(t);
  const response = await server.api('/api/v1/me', { cookie: 'prifora_session=forged-token-value' });
  t.is(response.status, 401);
  t.is(response.body.error.code, 'unauthenticated');
});

test('a path id that is not an id is refused naming the parameter', async (t) => {
  const { server, cookie } = await withAdmin(t);
  const response = await server.api('/api/v1/users/not-an-id', { method: 'DELETE', cookie });
  t.is(response.status, 400);
  t.is(response.body.error.message, 'params.id: must be an id');
});

test('an unknown API address is 404 in JSON and errors never carry a stack trace', async (t) => {
  const { server } = await withAdmin(t);
  const response = await server.api('/api/v1/nothing-here');
  t.is(response.status, 404);
  t.is(response.body.error.code, 'not_found');
  t.false(JSON.stringify(response.body).includes('    at '));
});

test('errors are answered in the language the browser asks for', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const response = await server.api('/api/v1/me', { headers: { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.8' } });
  t.is(response.body.error.message, 'Log eerst in.');
});

test('the OpenAPI document lists every route with its request schema', async (t) => {
  const server = await startTestServer();
  t.teardown(() => server.stop());
  const response = await server.api('/api/v1/openapi.json');
  t.is(response.status, 200);
  t.is(response.body.openapi, '3.1.0');
  const accept = response.body.paths['/api/v1/invitations/accept'].post;
  t.deepEqual(accept.requestBody.content['application/json'].schema.required.sort(), ['firstName', 'lastName', 'mobile', 'token', 'username']);
  t.truthy(response.body.paths['/api/v1/users/{id}'].delete);
});
