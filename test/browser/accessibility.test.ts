import fs from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import sharp from 'sharp';
import { seriousViolations } from '../helpers/axe.js';
import { closeBrowser, launchBrowser, ensureWebBuild, resultsDir, viewports } from '../helpers/browser.js';
import { buildAdmin, buildMember, type Member } from '../helpers/family.js';
import { pairStation } from '../helpers/station.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Every screen of the web app, in Dutch and English, at the phone and the desktop size: axe-core
 * must find no serious or critical violation, and each is saved as
 * test-results/screens/<lang>/<screen>-<w>x<h>.png to be looked at. A family with content
 * (chats with photos, a group, a notice, a help request, a slideshow) makes the screens real.
 */

test.after.always(() => closeBrowser());

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

interface Family {
  server: TestServer;
  admin: Member;
  anna: Member;
  conversationId: string;
  mediaId: string;
  stationPersonId: string;
  /** A call the admin made to Anna and hung up before she answered: missed, for her. */
  callId: string;
}

async function upload(server: TestServer, member: Member, color: string): Promise<string> {
  const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: color } }).jpeg().toBuffer();
  const form = new FormData();
  form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'garden.jpg');
  const response = await fetch(`${server.url}/api/v1/media`, { method: 'POST', body: form, headers: { cookie: member.cookie, origin: new URL(server.config.server.publicUrl).origin } });
  const body = (await response.json()) as { media: { id: string } };
  if (response.status !== 201) throw new Error(`upload failed: ${JSON.stringify(body)}`);
  return body.media.id;
}

async function expectCreated(response: Promise<{ status: number; body: any }>): Promise<any> {
  const answer = await response;
  if (answer.status >= 300) throw new Error(`seeding failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A family of three with something on every screen. */
async function buildFamily(t: ExecutionContext): Promise<Family> {
  const server = await startTestServer({ 'family.name': 'De Vries' });
  t.teardown(() => server.stop());
  const admin = await buildAdmin(server);
  const anna = await buildMember(server, { firstName: 'Anna', email: 'anna@example.org' });
  const riet = await expectCreated(server.api('/api/v1/station-people', { cookie: admin.cookie, body: { username: 'omariet', firstName: 'Riet', lastName: 'de Vries', mobile: '+31 6 55554444', email: 'riet@example.org' } }));
  const stationPersonId: string = riet.stationPerson.id;
  await pairStation(server, admin, stationPersonId, 'Woonkamer');
  const direct = await expectCreated(server.api('/api/v1/conversations/direct', { cookie: admin.cookie, body: { userId: anna.id } }));
  const conversationId: string = direct.conversation.id;
  const mediaId = await upload(server, anna, '#4a7f6a');
  await expectCreated(server.api(`/api/v1/conversations/${conversationId}/messages`, { cookie: anna.cookie, body: { body: 'Look at the garden!', attachments: [mediaId] } }));
  await expectCreated(server.api(`/api/v1/conversations/${conversationId}/messages`, { cookie: admin.cookie, body: { body: 'Lovely. Oma will like it.' } }));
  await expectCreated(server.api('/api/v1/groups', { cookie: admin.cookie, body: { name: 'Cousins', memberIds: [admin.id, anna.id] } }));
  await expectCreated(server.api('/api/v1/notices', { cookie: admin.cookie, body: { title: 'Birthday on Sunday', body: 'Oma turns 90. Coffee at 15:00.' } }));
  await expectCreated(server.api('/api/v1/support', { cookie: anna.cookie, body: { subject: 'Photos', body: 'How do I add a photo to Oma’s screen?' } }));
  const slideshow = await expectCreated(server.api('/api/v1/slideshows', { cookie: admin.cookie, body: { name: 'Garden' } }));
  await server.api(`/api/v1/slideshows/${slideshow.slideshow.id}/items`, { cookie: admin.cookie, body: { mediaId } });
  const call = await expectCreated(server.api('/api/v1/calls', { cookie: admin.cookie, body: { userId: anna.id } }));
  await expectCreated(server.api(`/api/v1/calls/${call.call.id}/hangup`, { cookie: admin.cookie, body: {} }));
  return { server, admin, anna, conversationId, mediaId, stationPersonId, callId: call.call.id };
}

/** A screen: where it is, who looks at it, and its name in the screenshot files. */
interface Screen {
  name: string;
  path: string;
  as: 'guest' | 'admin' | 'member';
}

function screensOf(family: Family): Screen[] {
  return [
    { name: 'signin', path: '/signin', as: 'guest' },
    { name: 'invitation-invalid', path: '/invite#not-a-real-token', as: 'guest' },
    { name: 'setup-invalid', path: '/setup#not-a-real-token', as: 'guest' },
    { name: 'magic-link-invalid', path: '/signin/magic#not-a-real-token', as: 'guest' },
    { name: 'not-found', path: '/no-such-page', as: 'guest' },
    { name: 'home', path: '/', as: 'member' },
    { name: 'chats', path: '/chats', as: 'member' },
    { name: 'conversation', path: `/chats/${family.conversationId}`, as: 'member' },
    { name: 'photos', path: '/photos', as: 'member' },
    { name: 'slideshows', path: '/slideshows', as: 'admin' },
    { name: 'family-member', path: '/family', as: 'member' },
    { name: 'family-admin', path: '/family', as: 'admin' },
    { name: 'stations-add-admin', path: '/family/stations/add', as: 'admin' },
    { name: 'stations-add-member', path: '/family/stations/add', as: 'member' },
    { name: 'station-settings', path: `/family/stations/${family.stationPersonId}/settings`, as: 'admin' },
    { name: 'account', path: '/account', as: 'member' },
    { name: 'notices', path: '/notices', as: 'member' },
    { name: 'help-member', path: '/help', as: 'member' },
    { name: 'help-admin', path: '/help', as: 'admin' },
    { name: 'more', path: '/more', as: 'member' },
    { name: 'call-missed', path: `/calls/${family.callId}`, as: 'member' },
    { name: 'calls', path: '/calls', as: 'member' },
  ];
}

/** The page patterns of web/app/routes.tsx, read from its source (it imports React screens). */
function routePatterns(): string[] {
  const source = fs.readFileSync(path.join(root, 'web/app/routes.tsx'), 'utf8');
  return [...source.matchAll(/\{\s*path:\s*'([^']+)'/g)].map((match) => match[1] as string);
}

function matches(pattern: string, pathname: string): boolean {
  const expression = new RegExp(`^${pattern.replace(/:\w+/g, '[^/]+')}$`);
  return expression.test(pathname);
}

function cookieFor(server: TestServer, member: Member) {
  const [name, value] = member.cookie.split('=') as [string, string];
  return { name, value, url: server.url };
}

test('every route of the web app is among the screens checked here', async (t) => {
  const family = { conversationId: '00000000-0000-4000-8000-000000000000', stationPersonId: '00000000-0000-4000-8000-000000000001', callId: '00000000-0000-4000-8000-000000000002' } as Family;
  const paths = screensOf(family).map((screen) => screen.path.split('#')[0] as string);
  const unchecked = routePatterns().filter((pattern) => !paths.some((p) => matches(pattern, p)));
  t.deepEqual(unchecked, [], 'add a screen for each new route');
});

for (const language of ['en', 'nl'] as const) {
  test(`axe-core finds nothing serious on any screen in ${language === 'en' ? 'English' : 'Dutch'}, on a phone and a desktop`, async (t) => {
    t.timeout(240_000);
    await ensureWebBuild();
    const family = await buildFamily(t);
    for (const member of [family.admin, family.anna]) {
      await family.server.api('/api/v1/me', { method: 'PATCH', cookie: member.cookie, body: { language } });
    }
    const browser = await launchBrowser();
    const problems: string[] = [];
    const findings: string[] = [];
    const dir = path.join(resultsDir, 'screens', language);
    fs.mkdirSync(dir, { recursive: true });
    for (const screen of screensOf(family)) {
      const context = await browser.newContext({ baseURL: family.server.url, locale: language === 'nl' ? 'nl-NL' : 'en-GB', reducedMotion: 'reduce' });
      try {
        context.setDefaultTimeout(15_000);
        if (screen.as !== 'guest') await context.addCookies([cookieFor(family.server, screen.as === 'admin' ? family.admin : family.anna)]);
        const page = await context.newPage();
        page.on('pageerror', (error) => problems.push(`${screen.name}: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(`${screen.name}: ${message.text()}`);
        });
        for (const size of [viewports.phone, viewports.desktop]) {
          await page.setViewportSize(size);
          await page.goto(screen.path);
          await page.locator('h1').first().waitFor();
          // Let data-driven parts settle before judging them.
          await page.waitForLoadState('networkidle');
          for (const finding of await seriousViolations(page)) findings.push(`${screen.name} ${size.width}x${size.height}: ${finding}`);
          await page.screenshot({ path: path.join(dir, `${screen.name}-${size.width}x${size.height}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
        }
      } finally {
        await context.close();
      }
    }
    t.deepEqual(findings, [], findings.join('\n'));
    t.deepEqual(problems, []);
  });
}
