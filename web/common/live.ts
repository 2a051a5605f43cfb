/**
 * The live connection: one websocket to /api/v1/live (see server/live/protocol.ts) shared by
 * every screen. It remembers the id of the last event it saw and, when the socket closes,
 * reconnects with `?after=` that id (waiting longer after each failure, up to 30 s), so events
 * missed while a phone slept or changed networks arrive afterwards. Coming back online or
 * showing the page again reconnects at once. Screens subscribe to the events they care about.
 */

/** One persisted event, as the server sends it. */
export interface LiveEvent {
  id: number;
  event: string;
  payload: Record<string, unknown>;
  at: string;
}

/** Someone else typing in a conversation: a signal of the moment, never stored or replayed. */
export interface TypingSignal {
  conversationId: string;
  userId: string;
}

/** What a WebRTC signal of a built-in call carries: a session description, or an ICE candidate (null: no more). */
export type SignalData = { sdp: RTCSessionDescriptionInit } | { candidate: RTCIceCandidateInit | null };

/** A WebRTC signal from the other person in a built-in call (relayed by the server, never stored). */
export interface CallSignal {
  callId: string;
  from: string;
  data: SignalData;
}

/** Whether the connection is up; `signedOut` when the server closed it for good (a revoked session, an unpaired screen). */
export type LiveStatus = 'connecting' | 'open' | 'closed' | 'signedOut';

type Listener = (event: LiveEvent) => void;
type StatusListener = (status: LiveStatus) => void;
type TypingListener = (signal: TypingSignal) => void;
type SignalListener = (signal: CallSignal) => void;

const maxDelayMs = 30_000;
/** The server closed the socket for good: 4001 a person signed out, 4002 a screen unpaired. */
const signedOutCodes = new Set([4001, 4002]);
/**
 * A socket can look open after a phone slept or changed networks while its connection is long
 * dead; only an answer proves it alive. The client pings this often while the page is shown, and
 * at once on waking, and gives up on a socket that does not answer in time.
 */
const probeEveryMs = 25_000;
const pongWithinMs = 5_000;
/** Call frames held while the socket is down: enough for an offer and its candidates, not a backlog. */
const heldCallFramesMax = 200;

/** A live client; `live` below is the app's one instance. */
export class LiveClient {
  private socket: WebSocket | null = null;
  private lastEventId: number | null = null;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private probeTimer: ReturnType<typeof setInterval> | undefined;
  private pongDeadline: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<Listener>();
  private statusListeners = new Set<StatusListener>();
  private typingListeners = new Set<TypingListener>();
  private signalListeners = new Set<SignalListener>();
  private heldCallFrames: string[] = [];
  private started = false;
  status: LiveStatus = 'closed';

  constructor(private readonly path = '/api/v1/live') {}

  /** Opens the connection (once) and keeps it open until stop(). */
  start(): void {
    if (this.started) return;
    this.started = true;
    window.addEventListener('online', this.wake);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.probeTimer = setInterval(() => {
      if (document.visibilityState === 'visible') this.probe();
    }, probeEveryMs);
    this.connect();
  }

  /** Closes the connection and stops reconnecting (signing out). */
  stop(): void {
    this.started = false;
    clearTimeout(this.timer);
    clearInterval(this.probeTimer);
    clearTimeout(this.pongDeadline);
    window.removeEventListener('online', this.wake);
    document.removeEventListener('visibilitychange', this.onVisibility);
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000);
    this.lastEventId = null;
    this.heldCallFrames = [];
    this.setStatus('closed');
  }

  /** Calls `listener` with every event until the returned function is called. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` whenever the status changes. */
  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Calls `listener` whenever someone else types in one of this person's conversations. */
  onTyping(listener: TypingListener): () => void {
    this.typingListeners.add(listener);
    return () => this.typingListeners.delete(listener);
  }

  /** Tells the others in a conversation that this person is typing. */
  sendTyping(conversationId: string): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'typing', conversationId }));
  }

  /** Calls `listener` with every WebRTC signal that reaches this person's apps. */
  onSignal(listener: SignalListener): () => void {
    this.signalListeners.add(listener);
    return () => this.signalListeners.delete(listener);
  }

  /**
   * Sends a WebRTC signal to the other person in a built-in call. While the socket is down it is
   * held and sent once the connection is back, so an offer made during a reconnect still arrives.
   */
  sendSignal(callId: string, to: string, data: SignalData): void {
    this.sendCallFrame(JSON.stringify({ type: 'signal', callId, to, data }));
  }

  /** The call screen's "still here" (every 10 s while its person is in a call). */
  sendInCall(callId: string): void {
    this.sendCallFrame(JSON.stringify({ type: 'inCall', callId }));
  }

  private sendCallFrame(frame: string): void {
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(frame);
      return;
    }
    if (this.heldCallFrames.length < heldCallFramesMax) this.heldCallFrames.push(frame);
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private url(): string {
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const after = this.lastEventId === null ? '' : `?after=${this.lastEventId}`;
    return `${scheme}//${window.location.host}${this.path}${after}`;
  }

  private connect(): void {
    clearTimeout(this.timer);
    if (!this.started || this.socket) return;
    this.setStatus('connecting');
    const socket = new WebSocket(this.url());
    this.socket = socket;
    socket.addEventListener('message', (message) => {
      if (this.socket !== socket || typeof message.data !== 'string') return;
      this.receive(message.data);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      clearTimeout(this.pongDeadline);
      if (signedOutCodes.has(event.code)) {
        this.started = false;
        this.setStatus('signedOut');
        return;
      }
      this.setStatus('closed');
      this.scheduleReconnect();
    });
  }

  private receive(text: string): void {
    let frame: { type?: unknown; id?: unknown; event?: unknown; payload?: unknown; at?: unknown; lastEventId?: unknown };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      return;
    }
    if (frame.type === 'pong') {
      clearTimeout(this.pongDeadline);
      this.pongDeadline = undefined;
      return;
    }
    if (frame.type === 'ready') {
      this.failures = 0;
      if (typeof frame.lastEventId === 'number' && (this.lastEventId === null || frame.lastEventId > this.lastEventId)) this.lastEventId = frame.lastEventId;
      this.setStatus('open');
      const held = this.heldCallFrames;
      this.heldCallFrames = [];
      for (const frame of held) this.sendCallFrame(frame);
      return;
    }
    if (frame.type === 'signal') {
      const { callId, from, data } = frame as { callId?: unknown; from?: unknown; data?: unknown };
      if (typeof callId !== 'string' || typeof from !== 'string' || !data || typeof data !== 'object') return;
      for (const listener of [...this.signalListeners]) listener({ callId, from, data: data as SignalData });
      return;
    }
    if (frame.type === 'typing') {
      const { conversationId, userId } = frame as { conversationId?: unknown; userId?: unknown };
      if (typeof conversationId !== 'string' || typeof userId !== 'string') return;
      for (const listener of [...this.typingListeners]) listener({ conversationId, userId });
      return;
    }
    if (frame.type !== 'event' || typeof frame.id !== 'number' || typeof frame.event !== 'string') return;
    if (this.lastEventId !== null && frame.id <= this.lastEventId) return;
    this.lastEventId = frame.id;
    const event: LiveEvent = { id: frame.id, event: frame.event, payload: (frame.payload ?? {}) as Record<string, unknown>, at: String(frame.at) };
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error(error);
      }
    }
  }

  private scheduleReconnect(): void {
    if (!this.started) return;
    this.failures += 1;
    const delay = Math.min(maxDelayMs, 500 * 2 ** Math.min(this.failures - 1, 6)) * (0.75 + Math.random() * 0.5);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  /** Reconnects now instead of after the back-off (the server is known to be back). */
  reconnectNow(): void {
    this.wake();
  }

  /** Asks an open socket for a pong; one that stays silent is dropped and replaced at once. */
  private probe(): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN || this.pongDeadline !== undefined) return;
    socket.send(JSON.stringify({ type: 'ping' }));
    this.pongDeadline = setTimeout(() => {
      this.pongDeadline = undefined;
      if (this.socket !== socket) return;
      // Its close event may take minutes on a dead connection; stop listening to it now.
      this.socket = null;
      socket.close();
      this.setStatus('closed');
      this.failures = 0;
      this.connect();
    }, pongWithinMs);
  }

  /**
   * Back online or the page shown again: reconnects now when the connection is down, and checks
   * an open-looking one is really alive.
   */
  private readonly wake = (): void => {
    if (!this.started) return;
    if (this.socket?.readyState === WebSocket.OPEN) return this.probe();
    if (this.socket?.readyState === WebSocket.CONNECTING) return;
    this.failures = 0;
    this.connect();
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.wake();
  };
}

/** The app's live connection. */
export const live = new LiveClient();
