import test from 'ava';
import { startServer } from '../../server/http.js';
import { createLogger } from '../../server/logger.js';
import { buildCallFamily, callEvent, ready } from '../helpers/calls.js';
import { until } from '../helpers/family.js';
import { connectLive } from '../helpers/live.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a call nobody answers in calls.ringSeconds becomes missed, for the station and the caller alike', async (t) => {
  const f = await buildCallFamily(t, { 'calls.ringSeconds': 1 });
  const screen = await connectLive(f.server, f.screen.cookie);
  const anna = await connectLive(f.server, f.anna.cookie);
  await ready(screen, anna);
  const started = Date.now();
  const call = (await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.omaId } })).body.call;
  // The caller's screen keeps reporting, so only the ringing time can end it.
  const reporting = setInterval(() => anna.send({ type: 'inCall', callId: call.id }), 200);
  t.teardown(() => clearInterval(reporting));
  const [onScreen] = await Promise.all([screen.next(callEvent('call.ended', call.id), 5000), anna.next(callEvent('call.ended', call.id), 5000)]);
  t.true(Date.now() - started >= 950, 'not before its time');
  t.like(onScreen.payload.call, { state: 'missed', endReason: 'unanswered' });
  t.is(onScreen.payload.call.participants.find((p: any) => p.user.id === f.omaId).state, 'missed');
  const history = await f.server.api('/api/v1/calls?filter=missed', { cookie: f.screen.cookie });
  t.is(history.body.missedUnseen, 1);
  await screen.close();
  await anna.close();
});

test('an active call ends when someone stops reporting in (a closed tab), and not while both do', async (t) => {
  const f = await buildCallFamily(t, { 'calls.aliveSeconds': 1 });
  const screen = await connectLive(f.server, f.screen.cookie);
  const anna = await connectLive(f.server, f.anna.cookie);
  await ready(screen, anna);
  const call = (await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.omaId } })).body.call;
  await f.server.api(`/api/v1/calls/${call.id}/answer`, { cookie: f.screen.cookie, body: {} });
  let screenReports = true;
  const reporting = setInterval(() => {
    anna.send({ type: 'inCall', callId: call.id });
    if (screenReports) screen.send({ type: 'inCall', callId: call.id });
  }, 200);
  t.teardown(() => clearInterval(reporting));
  await sleep(2500);
  t.is((await f.server.api(`/api/v1/calls/${call.id}`, { cookie: f.anna.cookie })).body.call.state, 'active', 'still active while both report');

  screenReports = false;
  const ended = await anna.next(callEvent('call.ended', call.id), 5000);
  t.like(ended.payload.call, { state: 'ended', endReason: 'lost' });
  await screen.close();
  await anna.close();
});

test('a caller who vanishes while it rings leaves a missed call behind', async (t) => {
  const f = await buildCallFamily(t, { 'calls.aliveSeconds': 1 });
  const screen = await connectLive(f.server, f.screen.cookie);
  await ready(screen);
  const call = (await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.omaId } })).body.call;
  const ended = await screen.next(callEvent('call.ended', call.id), 5000);
  t.like(ended.payload.call, { state: 'missed', endReason: 'lost' });
  await screen.close();
});

test('after a restart, a call that rang out meanwhile is missed at once and an active call nobody reports in ends', async (t) => {
  const f = await buildCallFamily(t, { 'calls.ringSeconds': 2, 'calls.aliveSeconds': 2 });
  const ringing = (await f.server.api('/api/v1/calls', { cookie: f.anna.cookie, body: { userId: f.omaId } })).body.call;
  const active = (await f.server.api('/api/v1/calls', { cookie: f.bob.cookie, body: { userId: f.admin.id } })).body.call;
  await f.server.api(`/api/v1/calls/${active.id}/answer`, { cookie: f.admin.cookie, body: {} });
  await f.server.stop();
  await sleep(2100);

  const again = await startServer({ dataDir: f.server.dataDir, config: f.server.config, logger: createLogger('silent', { pretty: false }), port: 0, host: '127.0.0.1' });
  t.teardown(() => again.stop(1000));
  const origin = new URL(f.server.config.server.publicUrl).origin;
  const state = async (id: string, cookie: string) => {
    const response = await fetch(`http://127.0.0.1:${again.port}/api/v1/calls/${id}`, { headers: { cookie, origin } });
    return ((await response.json()) as { call: { state: string; endReason: string } }).call;
  };
  const missed = await until(async () => {
    const call = await state(ringing.id, f.anna.cookie);
    return call.state === 'missed' ? call : undefined;
  }, 3000);
  t.is(missed.endReason, 'unanswered');
  t.is((await state(active.id, f.bob.cookie)).state, 'active', 'the people of an active call get a report interval first');
  const lost = await until(async () => {
    const call = await state(active.id, f.bob.cookie);
    return call.state === 'ended' ? call : undefined;
  }, 6000);
  t.is(lost.endReason, 'lost');
});
