/**
 * The life of a call as a pure state machine, so every path through it can be tested without a
 * server. The calls service asks it before every change and refuses what it does not allow.
 */

import type { CallState, EndReason } from '../db/models/Call.js';

export { callStates, endReasons, participantStates, type CallState, type EndReason, type ParticipantState } from '../db/models/Call.js';

/**
 * What can happen to a call:
 * - answer: a callee picks up (the first one, for a call that is still ringing);
 * - cancel: the caller hangs up before anyone answered;
 * - timeout: nobody answered in time;
 * - declineAll: every callee said "not now";
 * - lose: the server stopped hearing from the people in it (a closed tab, a dead phone);
 * - hangup: someone hangs up an active call and fewer than two people are left in it;
 * - fail: a client reports that the call could not be set up or broke down.
 */
export const callActions = ['answer', 'cancel', 'timeout', 'declineAll', 'lose', 'hangup', 'fail'] as const;
export type CallAction = (typeof callActions)[number];

const transitions: Record<CallState, Partial<Record<CallAction, CallState>>> = {
  // A call nobody picked up is a missed call for the people called, however it stopped ringing.
  ringing: { answer: 'active', cancel: 'missed', timeout: 'missed', lose: 'missed', declineAll: 'declined', fail: 'failed' },
  active: { hangup: 'ended', lose: 'ended', fail: 'failed' },
  ended: {},
  missed: {},
  declined: {},
  failed: {},
};

/** The state after an action, or null when the action is not possible in that state. */
export function nextCallState(state: CallState, action: CallAction): CallState | null {
  return transitions[state][action] ?? null;
}

/** Whether nothing more can happen to a call. */
export function isFinalCallState(state: CallState): boolean {
  return Object.keys(transitions[state]).length === 0;
}

/** Whether a call is still going: ringing or active. */
export function isLiveCallState(state: CallState): boolean {
  return !isFinalCallState(state);
}

/** The reason that goes with the final state an action leads to. */
export function endReasonOf(action: CallAction): EndReason | null {
  switch (action) {
    case 'cancel':
      return 'cancelled';
    case 'timeout':
      return 'unanswered';
    case 'declineAll':
      return 'declined';
    case 'lose':
      return 'lost';
    case 'hangup':
      return 'hangup';
    case 'fail':
      return 'failed';
    case 'answer':
      return null;
  }
}
