import { Call } from '../db/index.js';
import type { CallJson } from '../presenters/call.js';
import { callJson, dropParticipants, loadCall, ringTimedOut } from './calls.js';
import type { ServiceContext } from './context.js';

/** The call events whose payload carries the call's newest state. */
const callEvents = ['call.ringing', 'call.answered', 'call.answeredElsewhere', 'call.updated', 'call.ended'];

/**
 * Keeps the call runtime of a running server in step with the database: it follows every call
 * event, hands the runtime's timeouts to the calls service, and at start tracks the calls still
 * ringing or active again. A call that rang out while the server was down is missed at once; the
 * people of an active call get a full report interval to show they are still there. Returns the
 * function that stops it.
 */
export async function watchCalls(ctx: ServiceContext): Promise<() => void> {
  const runtime = ctx.calls;
  const report = (what: string) => (error: unknown) => ctx.logger.error({ err: error }, what);
  runtime.timeouts = {
    ringTimedOut: (callId) => ringTimedOut(ctx, callId).catch(report('ending a call that rang out failed')),
    lost: (callId, userIds) => dropParticipants(ctx, callId, userIds).catch(report('ending a call nobody reported in failed')),
  };
  const unsubscribe = callEvents.map((type) => ctx.bus.on(type, (event) => runtime.follow(event.payload.call as CallJson)));
  const live = await Call.findAll({ where: { state: ['ringing', 'active'] }, attributes: ['id'] });
  for (const { id } of live) {
    const loaded = await loadCall(id);
    if (loaded) runtime.follow(callJson(ctx, loaded));
  }
  runtime.start();
  return () => {
    for (const off of unsubscribe) off();
    runtime.stop();
    runtime.timeouts = undefined;
  };
}
