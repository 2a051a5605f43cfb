import type { CallEngine, CallKind, CallState, ParticipantState } from '../db/models/Call.js';

/** What the runtime needs to know of a call that is ringing or active: the calls presenter's JSON fits. */
export interface TrackedCallInput {
  id: string;
  kind: CallKind;
  engine: CallEngine;
  state: CallState;
  ringUntil: string;
  caller: { id: string } | null;
  participants: Array<{ user: { id: string }; state: ParticipantState }>;
}

interface TrackedCall {
  id: string;
  engine: CallEngine;
  state: CallState;
  callerId: string | null;
  participants: Map<string, ParticipantState>;
  ringUntil: number;
  ringTimer: NodeJS.Timeout | undefined;
  /** When each joined person was last heard of (a report from their call screen, or joining). */
  lastAlive: Map<string, number>;
}

/** What the runtime asks the calls service to do when a timer runs out. */
export interface CallTimeouts {
  /** The ringing time of a call is over: whoever has not answered missed it. */
  ringTimedOut(callId: string): Promise<void>;
  /** These joined people have not reported in time: they are gone (a closed tab, a dead phone). */
  lost(callId: string, userIds: string[]): Promise<void>;
}

export interface CallRuntimeOptions {
  ringMs: number;
  aliveMs: number;
  now?: () => number;
}

const live = (state: CallState) => state === 'ringing' || state === 'active';

/**
 * The in-memory side of calls in one server process: the calls still ringing or active (mirrored
 * from the call events), their ring timers, when each person in them last reported, who is
 * online, and whether a WebRTC signal may pass between two people. The database stays the
 * truth; this only knows enough to act quickly and to notice silence. At start the calls still
 * ringing or active are tracked again (services/callWatch.ts), so timers survive a restart.
 */
export class CallRuntime {
  /** Whether someone has an open live connection; the live hub provides it when it starts. */
  online: (userId: string) => boolean = () => false;
  /** Set when the watcher starts; until then timers fire into nothing. */
  timeouts: CallTimeouts | undefined;

  readonly ringMs: number;
  readonly aliveMs: number;
  readonly #now: () => number;
  readonly #calls = new Map<string, TrackedCall>();
  #sweep: NodeJS.Timeout | undefined;

  constructor(options: CallRuntimeOptions) {
    this.ringMs = options.ringMs;
    this.aliveMs = options.aliveMs;
    this.#now = options.now ?? Date.now;
  }

  /** Starts looking for silent people; a process that never starts it (the CLI) has no timers. */
  start(): void {
    if (this.#sweep) return;
    const every = Math.max(100, Math.min(5_000, Math.floor(this.aliveMs / 3)));
    this.#sweep = setInterval(() => this.sweep(), every);
    this.#sweep.unref();
  }

  /** Stops every timer and forgets every call. */
  stop(): void {
    if (this.#sweep) clearInterval(this.#sweep);
    this.#sweep = undefined;
    for (const call of this.#calls.values()) clearTimeout(call.ringTimer);
    this.#calls.clear();
  }

  /** The ids of the calls tracked now. */
  trackedIds(): string[] {
    return [...this.#calls.keys()];
  }

  /**
   * Follows a call's newest state (from an event, or read at start). A final state forgets it;
   * people who just joined get a full report interval before their silence counts.
   */
  follow(input: TrackedCallInput): void {
    if (!live(input.state)) {
      this.forget(input.id);
      return;
    }
    const now = this.#now();
    const known = this.#calls.get(input.id);
    const call: TrackedCall = known ?? {
      id: input.id,
      engine: input.engine,
      state: input.state,
      callerId: input.caller?.id ?? null,
      participants: new Map(),
      ringUntil: Date.parse(input.ringUntil),
      ringTimer: undefined,
      lastAlive: new Map(),
    };
    call.state = input.state;
    call.participants = new Map(input.participants.map((p) => [p.user.id, p.state]));
    for (const [userId, state] of call.participants) {
      if (state === 'joined' && !call.lastAlive.has(userId)) call.lastAlive.set(userId, now);
      if (state !== 'joined') call.lastAlive.delete(userId);
    }
    this.#calls.set(call.id, call);
    const ringing = [...call.participants.values()].includes('ringing');
    if (ringing && !call.ringTimer) {
      call.ringTimer = setTimeout(() => this.#ringOver(call.id), Math.max(0, call.ringUntil - now));
      call.ringTimer.unref();
    } else if (!ringing && call.ringTimer) {
      clearTimeout(call.ringTimer);
      call.ringTimer = undefined;
    }
  }

  /** Forgets a call that ended. */
  forget(callId: string): void {
    const call = this.#calls.get(callId);
    if (call) clearTimeout(call.ringTimer);
    this.#calls.delete(callId);
  }

  /** A call screen reports that its person is still in the call. */
  alive(userId: string, callId: string): void {
    const call = this.#calls.get(callId);
    if (call?.participants.get(userId) === 'joined') call.lastAlive.set(userId, this.#now());
  }

  /**
   * Whether a WebRTC signal may pass from one person to another: only on the built-in engine,
   * only between the caller and someone called while the call rings, and only between the two
   * people in it once it is active.
   */
  mayRelay(fromUserId: string, toUserId: string, callId: string): boolean {
    const call = this.#calls.get(callId);
    if (!call || call.engine !== 'builtin' || fromUserId === toUserId) return false;
    const from = call.participants.get(fromUserId);
    const to = call.participants.get(toUserId);
    if (call.state === 'active') return from === 'joined' && to === 'joined';
    const callerInvolved = call.callerId === fromUserId || call.callerId === toUserId;
    const reachable = (state: ParticipantState | undefined) => state === 'ringing' || state === 'joined';
    return callerInvolved && reachable(from) && reachable(to);
  }

  /** Reports the joined people nobody has heard of for too long; each silence is reported once. */
  sweep(): void {
    const now = this.#now();
    for (const call of this.#calls.values()) {
      const silent = [...call.lastAlive].filter(([, at]) => now - at > this.aliveMs).map(([userId]) => userId);
      if (silent.length === 0) continue;
      for (const userId of silent) call.lastAlive.set(userId, Number.POSITIVE_INFINITY);
      void this.timeouts?.lost(call.id, silent);
    }
  }

  #ringOver(callId: string): void {
    const call = this.#calls.get(callId);
    if (call) call.ringTimer = undefined;
    void this.timeouts?.ringTimedOut(callId);
  }
}
