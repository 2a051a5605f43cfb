import test from 'ava';
import { FakeSocket, installFakeBrowser } from '../helpers/fakeSocket.js';

/**
 * The web app's live client against a scripted WebSocket: the behaviour a phone needs after
 * sleep or a network change, which a real browser cannot be made to show on demand (a dead TCP
 * connection that still looks open).
 */

const page = { visibilityState: 'visible' as DocumentVisibilityState };
installFakeBrowser(page);

const { LiveClient } = await import('../../web/common/live.js');

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

test('waking with a socket that looks open pings it, and a silent one is replaced at once, resuming after the last event', async (t) => {
  FakeSocket.made = [];
  const client = new LiveClient();
  t.teardown(() => client.stop());
  const seen: number[] = [];
  client.subscribe((event) => seen.push(event.id));
  client.start();
  const first = FakeSocket.made[0]!;
  first.open(7);
  first.frame({ type: 'event', id: 8, event: 'message.created', payload: {}, at: new Date().toISOString() });
  t.is(client.status, 'open');

  // The phone wakes: the page is shown again.
  page.visibilityState = 'visible';
  document.dispatchEvent(new Event('visibilitychange'));
  t.deepEqual(first.sent.map((s) => JSON.parse(s).type), ['ping']);
  await wait(5_300);

  t.is(FakeSocket.made.length, 2, 'a new socket replaces the silent one');
  t.is(new URL(FakeSocket.made[1]!.url).searchParams.get('after'), '8');
  t.deepEqual(seen, [8]);
});

test('a socket that answers the ping is kept', async (t) => {
  FakeSocket.made = [];
  const client = new LiveClient();
  t.teardown(() => client.stop());
  client.start();
  const socket = FakeSocket.made[0]!;
  socket.open(0);
  window.dispatchEvent(new Event('online'));
  t.is(socket.sent.length, 1);
  socket.frame({ type: 'pong' });
  await wait(5_300);
  t.is(FakeSocket.made.length, 1);
  t.is(client.status, 'open');
});
