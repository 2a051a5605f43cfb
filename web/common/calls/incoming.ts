/**
 * The calls ringing for the signed-in person right now, kept from the live call events, for
 * the incoming-call banner of the web app and the station's full-screen ring. call.ringing is
 * replayed on catch-up, so a call counts only while it still rings for this person and its
 * ringUntil is ahead; whenever the connection (re)opens, the server's list of live calls is
 * asked again. Calls this person made never ring here (their other tabs hear call.ringing too).
 */
import { live, type LiveEvent } from '../live.js';
import { listCalls } from './api.js';
import { signalInbox } from './signals.js';
import { callOfEvent, participantOf, type CallJson, type CallPersonJson } from './types.js';

/** A short-lived note: the call that rang here was taken by someone else, or on another device. */
export interface IncomingNote {
  callId: string;
  kind: 'answeredElsewhere' | 'answeredOnOtherDevice';
  /** Who answered. */
  by: CallPersonJson | null;
  /** Who was calling. */
  caller: CallPersonJson | null;
}

export interface IncomingState {
  ringing: CallJson[];
  notes: IncomingNote[];
}

/** How long a note stays. */
const noteMs = 8_000;

type Listener = (state: IncomingState) => void;

export class IncomingCalls {
  state: IncomingState = { ringing: [], notes: [] };
  private readonly listeners = new Set<Listener>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private cleanups: Array<() => void> = [];
  /** Calls answered or declined on this page: their replayed events must not ring again. */
  private readonly handled = new Set<string>();
  /**
   * Call events counted as they come, and the count at each call's latest: the server's list of
   * live calls, asked for before an event came, knows less about that call than the event.
   */
  private events = 0;
  private readonly lastEventOf = new Map<string, number>();
  private refreshing = 0;

  constructor(
    readonly me: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts following the live connection (once). */
  start(): void {
    if (this.cleanups.length > 0) return;
    live.start();
    signalInbox.start();
    this.cleanups.push(live.subscribe((event) => this.onEvent(event)));
    this.cleanups.push(
      live.onStatus((status) => {
        if (status === 'open') void this.refresh();
      }),
    );
    if (live.status === 'open') void this.refresh();
  }

  stop(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.set({ ringing: [], notes: [] });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * This page answers or declines the call: its own answer (whose event may arrive before the
   * request returns) is not "another device", and the call's next event takes it off the list.
   */
  handledHere(callId: string): void {
    this.handled.add(callId);
  }

  /** Answering or declining here failed: the call is this page's to ring again. */
  notHandledHere(callId: string): void {
    this.handled.delete(callId);
  }

  /** Takes a call off the list now (declined here). */
  dismiss(callId: string): void {
    this.remove(callId);
  }

  /** Puts a note away before its time. */
  dismissNote(callId: string): void {
    this.set({ ...this.state, notes: this.state.notes.filter((n) => n.callId !== callId) });
  }

  /** Asks the server which calls ring for this person now. */
  async refresh(): Promise<void> {
    const asked = this.events;
    this.refreshing += 1;
    try {
      const page = await listCalls({ filter: 'live', limit: 20 });
      // A call whose event came while the list was on its way: the event is newer (a call that
      // started ringing then is not in the list, one that ended then still is).
      const newer = (callId: string) => (this.lastEventOf.get(callId) ?? -1) >= asked;
      const ringing = page.calls.filter((entry) => entry.direction === 'incoming' && entry.myState === 'ringing' && !newer(entry.call.id)).map((entry) => entry.call);
      for (const call of this.state.ringing) if (!newer(call.id) && !ringing.some((c) => c.id === call.id)) this.remove(call.id);
      for (const call of ringing) this.consider(call);
    } catch {
      // The events keep the list current; the next reconnect asks again.
    } finally {
      this.refreshing -= 1;
      // What came before this question is of no use to a later one.
      if (this.refreshing === 0) for (const [callId, at] of this.lastEventOf) if (at < asked) this.lastEventOf.delete(callId);
    }
  }

  /** Whether a call rings for this person now. */
  ringsForMe(call: CallJson): boolean {
    if (call.caller?.id === this.me || this.handled.has(call.id)) return false;
    if (call.state !== 'ringing' && call.state !== 'active') return false;
    return participantOf(call, this.me)?.state === 'ringing' && Date.parse(call.ringUntil) > this.now();
  }

  private onEvent(event: LiveEvent): void {
    const call = callOfEvent(event);
    if (!call) return;
    this.lastEventOf.set(call.id, this.events++);
    const wasRinging = this.state.ringing.some((c) => c.id === call.id);
    const mine = participantOf(call, this.me);
    if (wasRinging && mine?.state === 'answeredElsewhere') this.note({ callId: call.id, kind: 'answeredElsewhere', by: call.answeredBy, caller: call.caller });
    else if (wasRinging && mine?.state === 'joined' && !this.handled.has(call.id)) this.note({ callId: call.id, kind: 'answeredOnOtherDevice', by: call.answeredBy, caller: call.caller });
    this.consider(call);
  }

  private consider(call: CallJson): void {
    if (!this.ringsForMe(call)) {
      this.remove(call.id);
      return;
    }
    const others = this.state.ringing.filter((c) => c.id !== call.id);
    this.set({ ...this.state, ringing: [...others, call].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) });
    clearTimeout(this.timers.get(call.id));
    // The server ends it then too; this only spares a ring after a lost event.
    this.timers.set(
      call.id,
      setTimeout(() => this.remove(call.id), Math.max(0, Date.parse(call.ringUntil) - this.now())),
    );
  }

  private remove(callId: string): void {
    clearTimeout(this.timers.get(callId));
    this.timers.delete(callId);
    if (!this.state.ringing.some((c) => c.id === callId)) return;
    this.set({ ...this.state, ringing: this.state.ringing.filter((c) => c.id !== callId) });
  }

  private note(note: IncomingNote): void {
    this.set({ ...this.state, notes: [...this.state.notes.filter((n) => n.callId !== note.callId), note] });
    const key = `note:${note.callId}`;
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => this.dismissNote(note.callId), noteMs),
    );
  }

  private set(state: IncomingState): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener(state);
  }
}

let shared: IncomingCalls | null = null;

/** The page's incoming calls for this person, made (and started) on first use. */
export function incomingCallsFor(me: string): IncomingCalls {
  if (shared?.me !== me) {
    shared?.stop();
    shared = new IncomingCalls(me);
  }
  shared.start();
  return shared;
}

/** Tells the page's incoming calls that this page answered or declined a call (a call screen did). */
export function markHandledHere(callId: string): void {
  shared?.handledHere(callId);
}
