/** The call endpoints of server/routes/calls.ts, for the web app and the station alike. */
import { request } from '../api.js';
import type { CallHistoryPageJson, CallJoinJson, CallJson, CallOptionsJson, CallTarget } from './types.js';

const enc = encodeURIComponent;

/** Rings someone, a group (Jitsi only) or, from a station, the family; the call is ringing. */
export async function startCall(target: CallTarget): Promise<CallJson> {
  return (await request<{ call: CallJson }>('/api/v1/calls', { body: target })).call;
}

/** One call the person is in. */
export async function getCall(id: string): Promise<CallJson> {
  return (await request<{ call: CallJson }>(`/api/v1/calls/${enc(id)}`)).call;
}

/** Answers a call that rings for the person; `auto` for a station's look-in after its countdown. */
export async function answerCall(id: string, auto = false): Promise<CallJson> {
  return (await request<{ call: CallJson }>(`/api/v1/calls/${enc(id)}/answer`, { body: auto ? { auto: true } : {} })).call;
}

/** "Not now". */
export async function declineCall(id: string): Promise<CallJson> {
  return (await request<{ call: CallJson }>(`/api/v1/calls/${enc(id)}/decline`, { body: {} })).call;
}

/** Hangs up (or cancels a call that still rings); `failed` when it broke down on this side. */
export async function hangUpCall(id: string, failed = false): Promise<CallJson> {
  return (await request<{ call: CallJson }>(`/api/v1/calls/${enc(id)}/hangup`, { body: failed ? { failed: true } : {} })).call;
}

/**
 * Hangs up while the page goes away: a keepalive request outlives the page, where an ordinary
 * one would be cancelled with it.
 */
export function hangUpOnLeaving(id: string): void {
  void fetch(`/api/v1/calls/${enc(id)}/hangup`, {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: '{}',
  }).catch(() => undefined);
}

/** What this person needs to be in the call (409 while it still rings for them). */
export async function joinCall(id: string): Promise<CallJoinJson> {
  return (await request<{ join: CallJoinJson }>(`/api/v1/calls/${enc(id)}/join`)).join;
}

/** A page of the person's calls, newest first. */
export async function listCalls(query: { before?: string; limit?: number; filter?: 'all' | 'missed' | 'live' } = {}): Promise<CallHistoryPageJson> {
  const params = new URLSearchParams();
  if (query.before) params.set('before', query.before);
  if (query.limit) params.set('limit', String(query.limit));
  if (query.filter) params.set('filter', query.filter);
  const search = params.toString();
  return request<CallHistoryPageJson>(`/api/v1/calls${search ? `?${search}` : ''}`);
}

/** The person has seen their missed calls. */
export async function markMissedSeen(): Promise<void> {
  await request<void>('/api/v1/calls/missed/seen', { method: 'POST', body: {} });
}

/** Whether the person may call someone now, and look in on them. */
export async function getCallOptions(userId: string): Promise<CallOptionsJson> {
  return (await request<{ options: CallOptionsJson }>(`/api/v1/call-options/${enc(userId)}`)).options;
}
