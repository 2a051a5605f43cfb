import { WebSocket } from 'ws';
import type { LivePrincipal } from './principal.js';

/** Refused frames one socket may send in a minute before it is closed with 1008. */
export const maxRefusalsPerMinute = 20;

/** A socket whose unsent backlog grows past this is dropped; it catches up from the database. */
const maxBufferedBytes = 8 * 1024 * 1024;

const typingIntervalMs = 1000;

/** Signals one socket may send in a window: an offer, an answer and a burst of candidates fit many times over. */
export const signalBurst = { max: 100, windowMs: 10_000 };

/** An event frame held back while a catch-up from the database runs. */
export interface HeldEvent {
  id: number;
  frame: string;
}

/**
 * One open websocket and what the hub knows about it: who it is, whether it answered the last
 * ping, and the events held back while it catches up.
 */
export class LiveConnection {
  /** Whether a pong came since the last ping; the heartbeat drops the socket when it did not. */
  alive = true;
  // Held from birth: the first catch-up (or the ready of a fresh socket) decides what goes out.
  #held: HeldEvent[] | null = [];
  #refusals: number[] = [];
  #typing = new Map<string, number>();
  #signals: number[] = [];
  #catchUps: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: WebSocket,
    public principal: LivePrincipal,
  ) {}

  /** Whether frames can still be sent. */
  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /**
   * Sends a frame; `done` runs once it is handed to the operating system (or the send failed).
   * A client that reads too slowly to keep up is dropped rather than buffered without end.
   */
  send(frame: string, done?: () => void): void {
    if (!this.open) {
      done?.();
      return;
    }
    if (this.socket.bufferedAmount > maxBufferedBytes) {
      this.socket.terminate();
      done?.();
      return;
    }
    this.socket.send(frame, () => done?.());
  }

  /** Hands over an event frame: sent now, or held while a catch-up runs. */
  deliver(id: number, frame: string): void {
    if (this.#held) this.#held.push({ id, frame });
    else this.send(frame);
  }

  /** Starts holding live events back (a resume asked for a new catch-up). */
  hold(): void {
    this.#held ??= [];
  }

  /** Stops holding events back and returns those held, oldest first. */
  release(): HeldEvent[] {
    const held = this.#held ?? [];
    this.#held = null;
    return held;
  }

  /** Runs catch-ups one after another, so a resume during a catch-up waits its turn. */
  queue(work: () => Promise<void>): Promise<void> {
    const run = this.#catchUps.then(work);
    this.#catchUps = run.catch(() => undefined);
    return run;
  }

  /** Counts a refused frame; true when this socket has refused too many within a minute. */
  refused(now = Date.now()): boolean {
    this.#refusals = this.#refusals.filter((at) => now - at < 60_000);
    this.#refusals.push(now);
    return this.#refusals.length > maxRefusalsPerMinute;
  }

  /** Whether a typing notice for a conversation may be relayed now: at most one a second each. */
  mayRelayTyping(conversationId: string, now = Date.now()): boolean {
    const last = this.#typing.get(conversationId);
    if (last !== undefined && now - last < typingIntervalMs) return false;
    // Forget old conversations so a client cycling through ids cannot grow the map.
    if (this.#typing.size >= 100) this.#typing.clear();
    this.#typing.set(conversationId, now);
    return true;
  }

  /** Whether a WebRTC signal may be relayed now: at most signalBurst.max in a sliding window. */
  maySignal(now = Date.now()): boolean {
    this.#signals = this.#signals.filter((at) => now - at < signalBurst.windowMs);
    if (this.#signals.length >= signalBurst.max) return false;
    this.#signals.push(now);
    return true;
  }
}
