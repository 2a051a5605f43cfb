/**
 * Where WebRTC signals wait for their call screen. The other side's offer can arrive between
 * answering and the call screen being ready (it still asks for the join details and the camera),
 * and a signal nobody listens to is gone: so signals of calls nobody has claimed yet are kept
 * for a short while and handed over, in order, when a call claims them.
 */
import { live, type CallSignal } from '../live.js';

/** How long an unclaimed signal is kept: longer than answering and opening the camera take. */
const keepMs = 30_000;
const keptMax = 300;

type Handler = (signal: CallSignal) => void;

class SignalInbox {
  private kept: Array<{ at: number; signal: CallSignal }> = [];
  private handlers = new Map<string, Handler>();
  private stopListening: (() => void) | null = null;

  /** Starts keeping signals (once; the app frame and every call screen call it). */
  start(): void {
    if (this.stopListening) return;
    this.stopListening = live.onSignal((signal) => this.receive(signal));
  }

  /**
   * Routes the signals of one call to `handler`, first those kept for it. Returns the function
   * that lets go.
   */
  claim(callId: string, handler: Handler): () => void {
    this.start();
    this.handlers.set(callId, handler);
    const now = Date.now();
    const mine = this.kept.filter((k) => k.signal.callId === callId && now - k.at < keepMs);
    this.kept = this.kept.filter((k) => k.signal.callId !== callId);
    for (const { signal } of mine) handler(signal);
    return () => {
      if (this.handlers.get(callId) === handler) this.handlers.delete(callId);
    };
  }

  private receive(signal: CallSignal): void {
    const handler = this.handlers.get(signal.callId);
    if (handler) {
      handler(signal);
      return;
    }
    const now = Date.now();
    this.kept = this.kept.filter((k) => now - k.at < keepMs).slice(-(keptMax - 1));
    this.kept.push({ at: now, signal });
  }
}

/** The page's one signal inbox. */
export const signalInbox = new SignalInbox();
