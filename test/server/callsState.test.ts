import test from 'ava';
import { callRefusal, inWindow, isNight, localTime, withinWindows, type CallRules } from '../../server/services/callHours.js';
import { CallRuntime } from '../../server/services/callRuntime.js';
import { callActions, callStates, endReasonOf, isFinalCallState, nextCallState, type CallAction, type CallState } from '../../server/services/callState.js';

test('the state machine allows exactly the transitions of a call’s life', (t) => {
  const allowed: Record<string, CallState> = {
    'ringing answer': 'active',
    'ringing cancel': 'missed',
    'ringing timeout': 'missed',
    'ringing lose': 'missed',
    'ringing declineAll': 'declined',
    'ringing fail': 'failed',
    'active hangup': 'ended',
    'active lose': 'ended',
    'active fail': 'failed',
  };
  for (const state of callStates) {
    for (const action of callActions) {
      t.is(nextCallState(state, action), allowed[`${state} ${action}`] ?? null, `${state} + ${action}`);
    }
  }
});

test('ended, missed, declined and failed are final; ringing and active are not', (t) => {
  t.deepEqual(
    callStates.filter((s) => isFinalCallState(s)),
    ['ended', 'missed', 'declined', 'failed'],
  );
});

test('every action that ends a call names why, and answering names nothing', (t) => {
  const reasons = Object.fromEntries(callActions.map((a: CallAction) => [a, endReasonOf(a)]));
  t.deepEqual(reasons, { answer: null, cancel: 'cancelled', timeout: 'unanswered', declineAll: 'declined', lose: 'lost', hangup: 'hangup', fail: 'failed' });
});

// Tuesday 25 November 2026; Amsterdam is UTC+1 then.
const at = (hhmm: string, day = '2026-11-25') => new Date(`${day}T${hhmm}:00+01:00`);
const zone = 'Europe/Amsterdam';

test('local time reads the minute and weekday in the family’s time zone', (t) => {
  t.deepEqual(localTime(new Date('2026-11-24T23:30:00Z'), zone), { minute: 30, day: 'wed' });
  t.deepEqual(localTime(new Date('2026-11-24T23:30:00Z'), 'UTC'), { minute: 23 * 60 + 30, day: 'tue' });
});

test('a window includes its start, excludes its end, and may cross midnight', (t) => {
  const day = { from: '08:00', until: '21:00' };
  t.true(withinWindows([day], at('08:00'), zone));
  t.true(withinWindows([day], at('20:59'), zone));
  t.false(withinWindows([day], at('21:00'), zone));
  t.false(withinWindows([day], at('07:59'), zone));
  const night = { from: '21:00', until: '08:00' };
  t.true(withinWindows([night], at('23:00'), zone));
  t.true(withinWindows([night], at('03:00'), zone));
  t.false(withinWindows([night], at('12:00'), zone));
  t.true(withinWindows(null, at('03:00'), zone), 'no windows: any time');
});

test('a window on named days holds only on those days, and its morning after midnight belongs to the day before', (t) => {
  // 2026-11-25 is a Wednesday.
  t.true(inWindow({ from: '10:00', until: '12:00', days: ['wed'] }, localTime(at('11:00'), zone)));
  t.false(inWindow({ from: '10:00', until: '12:00', days: ['tue', 'thu'] }, localTime(at('11:00'), zone)));
  const tuesdayNight = { from: '22:00', until: '02:00', days: ['tue' as const] };
  t.true(inWindow(tuesdayNight, localTime(at('01:00'), zone)), 'Wednesday 01:00 is still Tuesday night');
  t.false(inWindow(tuesdayNight, localTime(at('23:00'), zone)), 'Wednesday 23:00 is not');
});

test('night mode holds only when enabled, from its start until its end', (t) => {
  const night = { enabled: true, from: '22:00', until: '07:00' };
  t.true(isNight(night, at('23:15'), zone));
  t.true(isNight(night, at('06:59'), zone));
  t.false(isNight(night, at('07:00'), zone));
  t.false(isNight({ ...night, enabled: false }, at('23:15'), zone));
});

const rules = (overrides: Partial<CallRules> = {}): CallRules => ({
  mayCall: true,
  mayLookIn: false,
  callHours: null,
  lookInHours: null,
  callAtNight: false,
  lookInAtNight: false,
  ...overrides,
});

test('calling the station: the admin’s rule, the hours, then night mode unless allowed', (t) => {
  const input = (hhmm: string, night = false, lookIn = false) => ({ lookIn, now: at(hhmm), timeZone: zone, night });
  t.is(callRefusal(rules({ mayCall: false }), input('12:00')), 'notAllowed');
  t.is(callRefusal(rules(), input('12:00')), null);
  const daytime = rules({ callHours: [{ from: '08:00', until: '21:00' }] });
  t.is(callRefusal(daytime, input('12:00')), null);
  t.is(callRefusal(daytime, input('22:00')), 'notNow', 'never between 21:00 and 08:00');
  t.is(callRefusal(rules(), input('23:00', true)), 'notNow', 'never during night mode');
  t.is(callRefusal(rules({ callAtNight: true }), input('23:00', true)), null, 'unless allowed');
});

test('looking in needs the look-in rule, its own hours, and its own night permission', (t) => {
  const input = (hhmm: string, night = false) => ({ lookIn: true, now: at(hhmm), timeZone: zone, night });
  t.is(callRefusal(rules(), input('12:00')), 'lookInNotAllowed');
  t.is(callRefusal(rules({ mayLookIn: true }), input('12:00')), null);
  t.is(callRefusal(rules({ mayLookIn: true, lookInHours: [{ from: '10:00', until: '11:00' }] }), input('12:00')), 'lookInNotAllowed');
  t.is(callRefusal(rules({ mayLookIn: true, callAtNight: true }), input('23:00', true)), 'lookInNotAllowed');
  t.is(callRefusal(rules({ mayLookIn: true, callAtNight: true, lookInAtNight: true }), input('23:00', true)), null);
  t.is(callRefusal(rules({ mayLookIn: true, mayCall: false }), input('12:00')), 'notAllowed', 'a look-in is a call');
});

const caller = 'aaaaaaaa-0000-4000-8000-000000000001';
const station = 'aaaaaaaa-0000-4000-8000-000000000002';
const cousin = 'aaaaaaaa-0000-4000-8000-000000000003';

function tracked(state: 'ringing' | 'active', states: Record<string, 'ringing' | 'joined' | 'answeredElsewhere' | 'left'>, engine: 'builtin' | 'jitsi' = 'builtin') {
  return {
    id: 'bbbbbbbb-0000-4000-8000-000000000001',
    kind: 'family' as const,
    engine,
    state,
    ringUntil: new Date(Date.now() + 60_000).toISOString(),
    caller: { id: station },
    participants: Object.entries(states).map(([id, s]) => ({ user: { id }, state: s })),
  };
}

test('signals pass between the caller and someone called while it rings, and only between the two in it once active', (t) => {
  const runtime = new CallRuntime({ ringMs: 45_000, aliveMs: 30_000 });
  t.teardown(() => runtime.stop());
  const callId = 'bbbbbbbb-0000-4000-8000-000000000001';
  runtime.follow(tracked('ringing', { [station]: 'joined', [caller]: 'ringing', [cousin]: 'ringing' }));
  t.true(runtime.mayRelay(station, caller, callId));
  t.true(runtime.mayRelay(cousin, station, callId));
  t.false(runtime.mayRelay(caller, cousin, callId), 'two people called do not signal each other');
  t.false(runtime.mayRelay(station, station, callId));
  runtime.follow(tracked('active', { [station]: 'joined', [caller]: 'joined', [cousin]: 'answeredElsewhere' }));
  t.true(runtime.mayRelay(caller, station, callId));
  t.false(runtime.mayRelay(cousin, station, callId), 'someone who saw it answered elsewhere is out');
  t.false(runtime.mayRelay(caller, station, 'bbbbbbbb-0000-4000-8000-000000000099'), 'another call');
  runtime.follow({ ...tracked('active', { [station]: 'joined', [caller]: 'left' }), state: 'ended' as const });
  t.false(runtime.mayRelay(station, caller, callId), 'an ended call is forgotten');
  runtime.follow(tracked('active', { [station]: 'joined', [caller]: 'joined' }, 'jitsi'));
  t.false(runtime.mayRelay(caller, station, callId), 'Jitsi calls carry their own signalling');
});

test('the runtime reports someone silent for too long once, and not someone who reports in', (t) => {
  let now = 1_000_000;
  const runtime = new CallRuntime({ ringMs: 45_000, aliveMs: 30_000, now: () => now });
  t.teardown(() => runtime.stop());
  const lost: string[][] = [];
  runtime.timeouts = { ringTimedOut: async () => undefined, lost: async (_callId, userIds) => void lost.push(userIds) };
  const callId = 'bbbbbbbb-0000-4000-8000-000000000001';
  runtime.follow(tracked('active', { [station]: 'joined', [caller]: 'joined' }));
  now += 20_000;
  runtime.alive(caller, callId);
  now += 15_000;
  runtime.sweep();
  t.deepEqual(lost, [[station]], 'the station was silent for 35 s, the caller for 15 s');
  now += 5_000;
  runtime.sweep();
  t.is(lost.length, 1, 'reported once');
});
