/**
 * Walks every API route with every kind of caller: signed out, the admin, a member who is in the
 * conversation or owns the thing (A), a member who is not (B), and a paired Home Station (of the
 * station person Oma, who is in none of A's things). One row per route in
 * `apiRoutes`, so a route added without a row fails the guard test below.
 *
 * The rules the rows follow: signed out gets 401 on user and admin routes; a member gets 403 on
 * admin routes; a member asking for a conversation, message or other thing that is not theirs
 * gets 404, the same answer as for one that does not exist (never 403, never 200). A paired
 * screen gets 403 on every user and admin route not marked for stations, 404 for what is not
 * its station person's, and is nobody (no actor) on public routes.
 */
import { randomUUID } from 'node:crypto';
import test from 'ava';
import sharp from 'sharp';
import { apiRoutes } from '../../server/routes/index.js';
import { RateLimiter } from '../../server/services/rateLimits.js';
import { buildAdmin, buildMember, type Member } from '../helpers/family.js';
import { startTestServer, type ApiResponse, type TestServer } from '../helpers/server.js';
import { pairStation, requestPairing, type PairedStation } from '../helpers/station.js';

type Principal = 'signedOut' | 'admin' | 'memberIn' | 'memberOut' | 'station';
const principals: Principal[] = ['signedOut', 'admin', 'memberIn', 'memberOut', 'station'];
type Expectations = Record<Principal, number>;

/** The family every row works on, built once through the API. */
interface Fixture {
  server: TestServer;
  admin: Member;
  /** Member A: in the group and the direct conversation, asker of the help request. */
  anna: Member;
  /** Member B: in none of it. */
  bob: Member;
  stationPersonId: string;
  /** A screen paired to the station person. */
  screen: PairedStation;
  /** A group of the admin and A, and its conversation. */
  groupId: string;
  groupConversationId: string;
  /** The direct conversation between A and the admin. */
  conversationId: string;
  /** A's message in that conversation. */
  messageId: string;
  /** A notice to the group. */
  noticeId: string;
  /** A's help request. */
  helpRequestId: string;
  /** A photo A uploaded and showed in the direct conversation with the admin. */
  mediaId: string;
  /** A slideshow with one photo A added. */
  slideshowId: string;
  invitationId: string;
}

/** What one call sends. */
interface Call {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A cookie to send instead of the principal's own (a fresh session for sign-out). */
  cookie?: string;
}

interface Row {
  /** Fills the call from the fixture. */
  call?: (fx: Fixture) => Call;
  /** Destructive rows: makes a fresh target for each principal, so no later row loses its own. */
  setup?: (fx: Fixture, who: Principal) => Promise<Call>;
  expect: Expectations;
}

/** Public routes: everyone gets the same answer. */
const everyone = (status: number): Expectations => ({ signedOut: status, admin: status, memberIn: status, memberOut: status, station: status });
/** Routes about the caller themself: any signed-in person. */
const signedIn = (status: number): Expectations => ({ signedOut: 401, admin: status, memberIn: status, memberOut: status, station: 403 });
/** Admin routes: members are refused with 403. */
const adminOnly = (status: number): Expectations => ({ signedOut: 401, admin: status, memberIn: 403, memberOut: 403, station: 403 });
/** Things of A (and the admin where the admin is in it): B is told they do not exist. */
const theirs = (status: number, admin = status): Expectations => ({ signedOut: 401, admin, memberIn: status, memberOut: 404, station: 403 });
/** Routes a paired screen may call too: as its station person, who is in none of A's things. */
const screenToo = (expectations: Expectations, station: number): Expectations => ({ ...expectations, station });
/** A paired screen's own routes: persons are refused. */
const screenOnly = (status: number): Expectations => ({ signedOut: 401, admin: 403, memberIn: 403, memberOut: 403, station: status });

/** A token of the right shape that matches no link. */
const dummyToken = 'x'.repeat(43);

function must(response: ApiResponse, status: number, what: string): ApiResponse {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

function memberOf(fx: Fixture, who: Principal): Member | null {
  return { signedOut: null, admin: fx.admin, memberIn: fx.anna, memberOut: fx.bob, station: null }[who];
}

async function signIn(fx: Fixture, member: Member): Promise<string> {
  const response = must(await fx.server.api('/api/v1/auth/signin', { body: { email: member.email, password: member.password } }), 200, 'sign in');
  return response.cookie as string;
}

async function freshMessage(fx: Fixture): Promise<string> {
  const sent = await fx.server.api(`/api/v1/conversations/${fx.conversationId}/messages`, { cookie: fx.anna.cookie, body: { body: 'Weg ermee' } });
  return must(sent, 201, 'send a message').body.message.id;
}

let photoCounter = 0;

/** Uploads a photo of its own colour (the same content is stored once) as A and shows it to the admin. */
async function freshMedia(server: TestServer, anna: Member, conversationId: string): Promise<string> {
  photoCounter += 1;
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: photoCounter % 256, g: 40, b: 90 } } }).png().toBuffer();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)]), 'photo.png');
  const response = await fetch(`${server.url}/api/v1/media`, { method: 'POST', body: form, headers: { cookie: anna.cookie, origin: 'http://localhost:8080' } });
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
  const { media } = (await response.json()) as { media: { id: string } };
  const shown = await server.api(`/api/v1/conversations/${conversationId}/messages`, { cookie: anna.cookie, body: { body: 'Foto', attachments: [media.id] } });
  must(shown, 201, 'show the photo');
  return media.id;
}

async function freshHelpRequest(fx: Fixture): Promise<string> {
  const asked = await fx.server.api('/api/v1/support', { cookie: fx.anna.cookie, body: { subject: 'Wachtwoord', body: 'Ik ben mijn wachtwoord kwijt.' } });
  return must(asked, 201, 'ask for help').body.request.id;
}

let made = 0;

/** One row per route in `apiRoutes`, keyed "METHOD path". */
const table: Record<string, Row> = {
  'GET /api/v1/family': { expect: everyone(200) },

  'POST /api/v1/auth/signin': { call: (fx) => ({ body: { email: fx.anna.email, password: fx.anna.password } }), expect: everyone(200) },
  'POST /api/v1/auth/magic-link': { call: (fx) => ({ body: { email: fx.anna.email } }), expect: everyone(202) },
  'POST /api/v1/auth/magic-link/consume': { call: () => ({ body: { token: dummyToken } }), expect: everyone(400) },
  'POST /api/v1/auth/signout': {
    // Signing out ends the session of the cookie: each caller signs out of a session of their own.
    setup: async (fx, who) => {
      const member = memberOf(fx, who);
      return member ? { cookie: await signIn(fx, member) } : {};
    },
    expect: signedIn(204),
  },

  'GET /api/v1/session': { expect: everyone(200) },
  'GET /api/v1/me': { expect: signedIn(200) },
  'PATCH /api/v1/me': { call: () => ({ body: { language: 'en' } }), expect: signedIn(200) },
  // The same password again: each caller proves and keeps theirs, so later rows still sign in.
  'PUT /api/v1/me/password': {
    setup: async (fx, who) => {
      const password = memberOf(fx, who)?.password ?? 'correct horse battery';
      return { body: { currentPassword: password, newPassword: password } };
    },
    expect: signedIn(200),
  },

  'GET /api/v1/sessions': { expect: signedIn(200) },
  'DELETE /api/v1/sessions/:id': {
    // A fresh session of A each time; the admin and B are told it does not exist.
    setup: async (fx) => {
      const cookie = await signIn(fx, fx.anna);
      const sessions = must(await fx.server.api('/api/v1/sessions', { cookie }), 200, 'list sessions').body.sessions;
      return { params: { id: sessions.find((s: { current: boolean }) => s.current).id } };
    },
    expect: theirs(204, 404),
  },

  'GET /api/v1/invitations': { expect: adminOnly(200) },
  'POST /api/v1/invitations': { call: () => ({ body: { email: 'neef@example.org' } }), expect: adminOnly(201) },
  // The fixture's invitation is withdrawn here and used by no other row; members are refused before it is looked up.
  'DELETE /api/v1/invitations/:id': { call: (fx) => ({ params: { id: fx.invitationId } }), expect: adminOnly(200) },
  'POST /api/v1/invitations/inspect': { call: () => ({ body: { token: dummyToken } }), expect: everyone(404) },
  'POST /api/v1/invitations/accept': {
    call: () => ({ body: { token: dummyToken, username: 'nieuwkomer', firstName: 'Nina', lastName: 'Bakker', mobile: '+31 6 87654321', password: 'correct horse battery' } }),
    expect: everyone(404),
  },

  'GET /api/v1/users': { expect: signedIn(200) },
  'PATCH /api/v1/users/:id/role': { call: (fx) => ({ params: { id: fx.bob.id }, body: { role: 'member' } }), expect: adminOnly(200) },
  'DELETE /api/v1/users/:id': {
    setup: async (fx) => ({ params: { id: (await buildMember(fx.server)).id } }),
    expect: adminOnly(204),
  },

  'GET /api/v1/station-people': { expect: signedIn(200) },
  'POST /api/v1/station-people': {
    call: () => ({ body: { username: 'opa', firstName: 'Opa', lastName: 'de Vries', mobile: '+31 6 11111111', email: 'opa@example.org' } }),
    expect: adminOnly(201),
  },
  'PATCH /api/v1/station-people/:id': { call: (fx) => ({ params: { id: fx.stationPersonId }, body: { notes: 'Houdt van tulpen' } }), expect: adminOnly(200) },
  'GET /api/v1/station-people/:id/contacts': { call: (fx) => ({ params: { id: fx.stationPersonId } }), expect: adminOnly(200) },
  'PUT /api/v1/station-people/:id/contacts/:userId': {
    call: (fx) => ({ params: { id: fx.stationPersonId, userId: fx.anna.id }, body: { mayMessage: true } }),
    expect: adminOnly(200),
  },

  'GET /api/v1/groups': { expect: signedIn(200) },
  'POST /api/v1/groups': { call: (fx) => ({ body: { name: 'Neven', memberIds: [fx.admin.id] } }), expect: adminOnly(201) },
  'GET /api/v1/groups/:id': { call: (fx) => ({ params: { id: fx.groupId } }), expect: theirs(200) },
  'PATCH /api/v1/groups/:id': { call: (fx) => ({ params: { id: fx.groupId }, body: { name: 'Kleinkinderen' } }), expect: adminOnly(200) },
  'PUT /api/v1/groups/:id/members': { call: (fx) => ({ params: { id: fx.groupId }, body: { memberIds: [fx.admin.id, fx.anna.id] } }), expect: adminOnly(200) },
  'DELETE /api/v1/groups/:id': {
    setup: async (fx) => {
      const created = await fx.server.api('/api/v1/groups', { cookie: fx.admin.cookie, body: { name: `Weg ${++made}`, memberIds: [fx.admin.id, fx.anna.id] } });
      return { params: { id: must(created, 201, 'create a group').body.group.id } };
    },
    expect: adminOnly(204),
  },

  'GET /api/v1/conversations': { expect: screenToo(signedIn(200), 200) },
  // Opening a conversation with the station person is allowed by default (network.defaultMayMessage).
  'POST /api/v1/conversations/direct': { call: (fx) => ({ body: { userId: fx.stationPersonId } }), expect: signedIn(200) },
  'GET /api/v1/conversations/:id': { call: (fx) => ({ params: { id: fx.conversationId } }), expect: screenToo(theirs(200), 404) },
  'GET /api/v1/conversations/:id/messages': { call: (fx) => ({ params: { id: fx.conversationId } }), expect: screenToo(theirs(200), 404) },
  // One of the screen's quick replies, so the screen is refused for the conversation, not the text.
  'POST /api/v1/conversations/:id/messages': { call: (fx) => ({ params: { id: fx.conversationId }, body: { body: 'Thank you!' } }), expect: screenToo(theirs(201), 404) },
  'POST /api/v1/conversations/:id/read': { call: (fx) => ({ params: { id: fx.conversationId }, body: { messageId: fx.messageId } }), expect: screenToo(theirs(204), 404) },
  // The admin is in the conversation and sees the message, but only its author changes it.
  'PATCH /api/v1/messages/:id': { call: (fx) => ({ params: { id: fx.messageId }, body: { body: 'Hoi, verbeterd' } }), expect: theirs(200, 403) },
  // An admin deletes any message of a conversation they are in.
  'DELETE /api/v1/messages/:id': { setup: async (fx) => ({ params: { id: await freshMessage(fx) } }), expect: theirs(204) },
  'GET /api/v1/search': { call: () => ({ query: { q: 'hoi' } }), expect: signedIn(200) },

  'GET /api/v1/notices': { expect: screenToo(signedIn(200), 200) },
  'POST /api/v1/notices': { call: () => ({ body: { title: 'Verjaardag', body: 'Opa wordt 80!' } }), expect: adminOnly(201) },
  'POST /api/v1/notices/:id/read': { call: (fx) => ({ params: { id: fx.noticeId } }), expect: screenToo(theirs(204), 404) },

  'GET /api/v1/support': { expect: signedIn(200) },
  'POST /api/v1/support': { call: () => ({ body: { subject: 'Foto’s', body: 'Hoe stuur ik een foto?' } }), expect: signedIn(201) },
  'GET /api/v1/support/:id': { call: (fx) => ({ params: { id: fx.helpRequestId } }), expect: theirs(200) },
  'POST /api/v1/support/:id/replies': { call: (fx) => ({ params: { id: fx.helpRequestId }, body: { body: 'Nog een vraag.' } }), expect: theirs(201) },
  'POST /api/v1/support/:id/close': { setup: async (fx) => ({ params: { id: await freshHelpRequest(fx) } }), expect: adminOnly(200) },

  'GET /api/v1/media/usage': { expect: adminOnly(200) },
  // Everyone gets their own grid; B's holds none of A's photos (the leak check below reads it).
  'GET /api/v1/media': { expect: signedIn(200) },
  // Without a multipart body every signed-in person gets the same refusal; uploads have their own tests.
  'POST /api/v1/media': { expect: signedIn(415) },
  'GET /api/v1/media/:id': { call: (fx) => ({ params: { id: fx.mediaId } }), expect: screenToo(theirs(200), 404) },
  'GET /api/v1/media/:id/link': { call: (fx) => ({ params: { id: fx.mediaId }, query: { size: 'thumb' } }), expect: screenToo(theirs(200), 404) },
  'PUT /api/v1/me/photo': { call: () => ({ body: { mediaId: null } }), expect: signedIn(200) },
  'GET /api/v1/media/:id/:size': { call: (fx) => ({ params: { id: fx.mediaId, size: 'thumb' } }), expect: screenToo(theirs(200), 404) },
  'DELETE /api/v1/media/:id': { setup: async (fx) => ({ params: { id: await freshMedia(fx.server, fx.anna, fx.conversationId) } }), expect: theirs(204) },

  // Slideshows are the whole family's: every member sees them; admins shape them.
  'GET /api/v1/slideshows': { expect: signedIn(200) },
  'POST /api/v1/slideshows': { call: () => ({ body: { name: 'Vakantie' } }), expect: adminOnly(201) },
  'GET /api/v1/slideshows/:id': { call: (fx) => ({ params: { id: fx.slideshowId } }), expect: signedIn(200) },
  'PATCH /api/v1/slideshows/:id': { call: (fx) => ({ params: { id: fx.slideshowId }, body: { intervalSeconds: 15 } }), expect: adminOnly(200) },
  'DELETE /api/v1/slideshows/:id': { setup: async (fx) => ({ params: { id: await freshSlideshow(fx) } }), expect: adminOnly(204) },
  // B may not add A's photo that B cannot see: it is absent for B.
  'POST /api/v1/slideshows/:id/items': { setup: async (fx) => ({ params: { id: fx.slideshowId }, body: { mediaId: await freshMedia(fx.server, fx.anna, fx.conversationId) } }), expect: theirs(204) },
  'DELETE /api/v1/slideshows/:id/items/:mediaId': {
    setup: async (fx) => {
      const mediaId = await freshMedia(fx.server, fx.anna, fx.conversationId);
      must(await fx.server.api(`/api/v1/slideshows/${fx.slideshowId}/items`, { cookie: fx.anna.cookie, body: { mediaId } }), 204, 'add to slideshow');
      return { params: { id: fx.slideshowId, mediaId } };
    },
    expect: { signedOut: 401, admin: 204, memberIn: 204, memberOut: 403, station: 403 },
  },
  'PUT /api/v1/slideshows/:id/order': { setup: async (fx) => ({ params: { id: await freshSlideshow(fx) }, body: { mediaIds: [] } }), expect: adminOnly(204) },
  'GET /api/v1/station-people/:id/slideshows': { call: (fx) => ({ params: { id: fx.stationPersonId } }), expect: adminOnly(200) },
  'PUT /api/v1/station-people/:id/slideshows': { call: (fx) => ({ params: { id: fx.stationPersonId }, body: { slideshowIds: [fx.slideshowId] } }), expect: adminOnly(200) },
  'GET /api/v1/station-people/:id/playlist': { call: (fx) => ({ params: { id: fx.stationPersonId } }), expect: adminOnly(200) },

  // Pairing is where a screen starts: anyone may ask for a code and ask after it.
  'POST /api/v1/stations/pairing': { expect: everyone(201) },
  'POST /api/v1/stations/pairing/check': { setup: async (fx) => ({ body: { secret: (await requestPairing(fx.server)).secret } }), expect: everyone(200) },
  'GET /api/v1/stations': { expect: adminOnly(200) },
  'POST /api/v1/stations': {
    setup: async (fx) => ({ body: { code: (await requestPairing(fx.server)).code, name: 'Keuken', stationPersonId: fx.stationPersonId } }),
    expect: adminOnly(201),
  },
  'PATCH /api/v1/stations/:id': { call: (fx) => ({ params: { id: fx.screen.id }, body: { name: 'Woonkamer' } }), expect: adminOnly(200) },
  'DELETE /api/v1/stations/:id': { setup: async (fx) => ({ params: { id: (await pairStation(fx.server, fx.admin, fx.stationPersonId, 'Weg')).id } }), expect: adminOnly(204) },
  'GET /api/v1/station-people/:id/settings': { call: (fx) => ({ params: { id: fx.stationPersonId } }), expect: adminOnly(200) },
  'PATCH /api/v1/station-people/:id/settings': { call: (fx) => ({ params: { id: fx.stationPersonId }, body: { readAloud: true } }), expect: adminOnly(200) },
  'GET /api/v1/station/me': { expect: screenOnly(200) },
  'GET /api/v1/station/playlist': { expect: screenOnly(200) },
  'GET /api/v1/station/weather': { expect: screenOnly(200) },

  // Calls: everyone calls someone else (B calls A); a screen calls as its station person.
  'POST /api/v1/calls': { setup: async (fx, who) => ({ body: { userId: who === 'memberOut' ? fx.anna.id : fx.bob.id } }), expect: screenToo(signedIn(201), 201) },
  'GET /api/v1/calls': { expect: screenToo(signedIn(200), 200) },
  'POST /api/v1/calls/missed/seen': { expect: screenToo(signedIn(204), 204) },
  // A call between A and the admin: B and the screen are told it does not exist.
  'GET /api/v1/calls/:id': { setup: async (fx) => ({ params: { id: await freshCall(fx, fx.anna, fx.admin) } }), expect: screenToo(theirs(200), 404) },
  // Whoever answers or declines is the one it rings for.
  'POST /api/v1/calls/:id/answer': { setup: async (fx, who) => ({ params: { id: await freshCall(fx, who === 'admin' ? fx.anna : fx.admin, who === 'admin' ? fx.admin : fx.anna) }, body: {} }), expect: screenToo(theirs(200), 404) },
  'POST /api/v1/calls/:id/decline': { setup: async (fx, who) => ({ params: { id: await freshCall(fx, who === 'admin' ? fx.anna : fx.admin, who === 'admin' ? fx.admin : fx.anna) } }), expect: screenToo(theirs(200), 404) },
  'POST /api/v1/calls/:id/hangup': { setup: async (fx) => ({ params: { id: await freshCall(fx, fx.anna, fx.admin) }, body: {} }), expect: screenToo(theirs(200), 404) },
  'GET /api/v1/calls/:id/join': { setup: async (fx) => ({ params: { id: await freshCall(fx, fx.anna, fx.admin, true) } }), expect: screenToo(theirs(200), 404) },
  'GET /api/v1/call-options/:userId': { call: (fx) => ({ params: { userId: fx.stationPersonId } }), expect: screenToo(signedIn(200), 200) },
  'GET /api/v1/look-ins': { expect: screenToo(signedIn(200), 200) },
  'GET /api/v1/call-settings': { expect: adminOnly(200) },
  'PUT /api/v1/call-settings': { call: () => ({ body: { recordingAllowed: false } }), expect: adminOnly(200) },
};

/** A new call from one person to another, answered or still ringing; returns its id. */
async function freshCall(fx: Fixture, from: Member, to: Member, answered = false): Promise<string> {
  const id = must(await fx.server.api('/api/v1/calls', { cookie: from.cookie, body: { userId: to.id } }), 201, 'call').body.call.id;
  if (answered) must(await fx.server.api(`/api/v1/calls/${id}/answer`, { cookie: to.cookie, body: {} }), 200, 'answer');
  return id;
}

async function freshSlideshow(fx: Fixture): Promise<string> {
  const created = await fx.server.api('/api/v1/slideshows', { cookie: fx.admin.cookie, body: { name: 'Tijdelijk' } });
  return must(created, 201, 'create a slideshow').body.slideshow.id;
}

const routeKeys = apiRoutes.map((spec) => `${spec.method.toUpperCase()} ${spec.path}`);
const methodOf = (key: string) => key.slice(0, key.indexOf(' '));
const pathOf = (key: string) => key.slice(key.indexOf(' ') + 1);

function urlOf(key: string, call: Call): string {
  const path = pathOf(key).replace(/:(\w+)/g, (_, name: string) => {
    const value = call.params?.[name];
    if (value === undefined) throw new Error(`${key}: no value for :${name}`);
    return value;
  });
  return call.query ? `${path}?${new URLSearchParams(call.query)}` : path;
}

async function send(fx: Fixture, key: string, who: Principal, call: Call): Promise<ApiResponse> {
  const member = memberOf(fx, who);
  const own = who === 'station' ? fx.screen.cookie : member?.cookie;
  const cookie = own ? (call.cookie ?? own) : undefined;
  return fx.server.api(urlOf(key, call), { method: methodOf(key), body: call.body, cookie });
}

let fixture: Fixture | undefined;

test.before(async () => {
  const server = await startTestServer();
  const admin = await buildAdmin(server);
  const anna = await buildMember(server, { firstName: 'Anna' });
  const bob = await buildMember(server, { firstName: 'Bob' });
  const post = (member: Member, path: string, body: unknown, status: number) => server.api(path, { cookie: member.cookie, body }).then((r) => must(r, status, path));
  const station = await post(admin, '/api/v1/station-people', { username: 'oma', firstName: 'Oma', lastName: 'de Vries', mobile: '+31 6 22222222', email: 'oma@example.org' }, 201);
  const group = await post(admin, '/api/v1/groups', { name: 'Kleinkinderen', memberIds: [admin.id, anna.id] }, 201);
  const direct = await post(anna, '/api/v1/conversations/direct', { userId: admin.id }, 200);
  const conversationId = direct.body.conversation.id;
  const message = await post(anna, `/api/v1/conversations/${conversationId}/messages`, { body: 'Hoi Pieter' }, 201);
  const notice = await post(admin, '/api/v1/notices', { title: 'Oppassen', body: 'Wie past zaterdag op?', groupId: group.body.group.id }, 201);
  const help = await post(anna, '/api/v1/support', { subject: 'Bellen', body: 'Hoe bel ik oma?' }, 201);
  const invitation = await post(admin, '/api/v1/invitations', { email: 'tante@example.org' }, 201);
  const mediaId = await freshMedia(server, anna, conversationId);
  const slideshow = await post(admin, '/api/v1/slideshows', { name: 'Familie' }, 201);
  // Its own photo: anything in a slideshow is the family's, so the fixture's photo stays out.
  await post(anna, `/api/v1/slideshows/${slideshow.body.slideshow.id}/items`, { mediaId: await freshMedia(server, anna, conversationId) }, 204);
  fixture = {
    server,
    admin,
    anna,
    bob,
    stationPersonId: station.body.stationPerson.id,
    screen: await pairStation(server, admin, station.body.stationPerson.id),
    groupId: group.body.group.id,
    groupConversationId: group.body.group.conversationId,
    conversationId,
    messageId: message.body.message.id,
    noticeId: notice.body.notice.id,
    helpRequestId: help.body.request.id,
    invitationId: invitation.body.invitation.id,
    mediaId,
    slideshowId: slideshow.body.slideshow.id,
  };
});

test.after.always(async () => {
  await fixture?.server.stop();
});

function fx(): Fixture {
  if (!fixture) throw new Error('the family fixture was not built');
  return fixture;
}

/**
 * Every request comes from 127.0.0.1, and this table signs in and presents link tokens more often
 * than the sign-in limits allow in 15 minutes. Those limits have their own tests (auth.test.ts),
 * so each call here starts with fresh counts.
 */
function forgetRateLimits(f: Fixture): void {
  f.server.running.services.limiter = new RateLimiter();
}

test('every API route has a row in the policy table, and every row names a real route', (t) => {
  t.is(new Set(routeKeys).size, routeKeys.length, 'no route is declared twice');
  t.deepEqual(routeKeys.filter((key) => !(key in table)), [], 'routes without a row');
  t.deepEqual(Object.keys(table).filter((key) => !routeKeys.includes(key)), [], 'rows without a route');
});

test('every route of a user or admin is refused signed out, and every admin route is refused to members', (t) => {
  for (const spec of apiRoutes) {
    const key = `${spec.method.toUpperCase()} ${spec.path}`;
    const row = table[key];
    if (!row) continue;
    if (spec.access !== 'public') t.is(row.expect.signedOut, 401, key);
    if (spec.access === 'admin') t.deepEqual([row.expect.memberIn, row.expect.memberOut], [403, 403], key);
    // A screen reaches only the routes marked for it; persons never reach a screen's own.
    if ((spec.access === 'user' || spec.access === 'admin') && !spec.station) t.is(row.expect.station, 403, key);
    if (spec.access === 'station') t.deepEqual([row.expect.signedOut, row.expect.admin, row.expect.memberIn, row.expect.memberOut], [401, 403, 403, 403], key);
    // On a user route a member is never forbidden: someone else's thing is absent for them (404).
    // (415: the upload row sends no file, which is refused before anything is looked up. The one
    // 403: B sees the slideshow and its items, but only who added an item or an admin takes it out.)
    if (spec.access === 'user') t.true([200, 201, 204, 404, 415].includes(row.expect.memberOut) || key === 'DELETE /api/v1/slideshows/:id/items/:mediaId', key);
  }
});

/** What B and a signed-out caller must never read in a successful answer: the ids and texts of A's things. */
function privateOf(f: Fixture): string[] {
  return [f.groupId, f.groupConversationId, f.conversationId, f.messageId, f.noticeId, f.helpRequestId, f.mediaId, 'Hoi Pieter', 'Wie past zaterdag op?', 'Hoe bel ik oma?'];
}

const names: Record<Principal, string> = { signedOut: 'signed out', admin: 'the admin', memberIn: 'a member in it', memberOut: 'a member not in it', station: 'a paired screen' };

for (const [key, row] of Object.entries(table)) {
  const summary = principals.map((who) => `${row.expect[who]} for ${names[who]}`).join(', ');
  test(`${key} answers ${summary}`, async (t) => {
    const f = fx();
    for (const who of principals) {
      forgetRateLimits(f);
      const call = { ...row.call?.(f), ...(await row.setup?.(f, who)) };
      const response = await send(f, key, who, call);
      t.is(response.status, row.expect[who], `${names[who]}: ${JSON.stringify(response.body)}`);
      if (response.status < 300 && (who === 'memberOut' || who === 'signedOut' || who === 'station')) {
        const text = JSON.stringify(response.body ?? null);
        t.deepEqual(privateOf(f).filter((secret) => text.includes(secret)), [], `${names[who]}: nothing of A's leaks`);
      }
      if (response.status >= 400) t.deepEqual(Object.keys(response.body ?? {}), ['error'], `${names[who]}: a refusal carries nothing but the error`);
      // "Not yours" must read exactly like "not there": the same call with random ids.
      if (row.expect[who] === 404 && who !== 'signedOut' && call.params) {
        const random = Object.fromEntries(Object.entries(call.params).map(([name, value]) => [name, /^[0-9a-f-]{36}$/.test(value) ? randomUUID() : value]));
        const absent = await send(f, key, who, { ...call, params: random });
        t.deepEqual(response.body, absent.body, `${names[who]}: the 404 matches the one for a random id`);
      }
    }
  });
}

test('a member gets the same 404 for someone else’s conversation, message or help request as for one that does not exist', async (t) => {
  const f = fx();
  const cases: Array<[string, (id: string) => string, { method?: string; body?: unknown }, string]> = [
    ['the conversation', (id) => `/api/v1/conversations/${id}`, {}, f.conversationId],
    ['its messages', (id) => `/api/v1/conversations/${id}/messages`, {}, f.conversationId],
    ['editing a message', (id) => `/api/v1/messages/${id}`, { method: 'PATCH', body: { body: 'van mij' } }, f.messageId],
    ['deleting a message', (id) => `/api/v1/messages/${id}`, { method: 'DELETE' }, f.messageId],
    ['the help request', (id) => `/api/v1/support/${id}`, {}, f.helpRequestId],
  ];
  for (const [what, path, init, id] of cases) {
    const theirs = await f.server.api(path(id), { ...init, cookie: f.bob.cookie });
    const missing = await f.server.api(path(randomUUID()), { ...init, cookie: f.bob.cookie });
    t.is(theirs.status, 404, what);
    t.is(missing.status, 404, what);
    t.deepEqual(theirs.body, missing.body, what);
  }
  const kept = await f.server.api(`/api/v1/conversations/${f.conversationId}/messages`, { cookie: f.anna.cookie });
  t.true(kept.body.messages.some((m: { id: string; deletedAt: string | null }) => m.id === f.messageId && !m.deletedAt), 'B’s attempts changed nothing');
});

test('the admin is told a direct conversation between two members does not exist, and cannot delete its messages', async (t) => {
  const f = fx();
  const opened = must(await f.server.api('/api/v1/conversations/direct', { cookie: f.anna.cookie, body: { userId: f.bob.id } }), 200, 'open');
  const id = opened.body.conversation.id;
  const sent = must(await f.server.api(`/api/v1/conversations/${id}/messages`, { cookie: f.anna.cookie, body: { body: 'Onder ons' } }), 201, 'send');
  const messageId = sent.body.message.id;
  const attempts: Array<[string, string, { method?: string; body?: unknown }]> = [
    ['the conversation', `/api/v1/conversations/${id}`, {}],
    ['its messages', `/api/v1/conversations/${id}/messages`, {}],
    ['writing in it', `/api/v1/conversations/${id}/messages`, { body: { body: 'Ik lees mee' } }],
    ['editing a message', `/api/v1/messages/${messageId}`, { method: 'PATCH', body: { body: 'Ik lees mee' } }],
    ['deleting a message', `/api/v1/messages/${messageId}`, { method: 'DELETE' }],
  ];
  for (const [what, path, init] of attempts) {
    t.is((await f.server.api(path, { ...init, cookie: f.admin.cookie })).status, 404, what);
  }
  const search = await f.server.api('/api/v1/search?q=onder', { cookie: f.admin.cookie });
  t.deepEqual(search.body.messages, [], 'nor does search find its messages');
  const history = await f.server.api(`/api/v1/conversations/${id}/messages`, { cookie: f.bob.cookie });
  t.deepEqual(history.body.messages.map((m: { body: string }) => m.body), ['Onder ons']);
});
