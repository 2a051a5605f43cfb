/**
 * A scripted WebSocket for testing web/common code under node: what it sends is recorded, and
 * the test plays the server's frames. Install it (with a minimal window and document) before
 * importing the code under test.
 */
export class FakeSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  /** Every socket made, oldest first; reset it at the start of a test. */
  static made: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  sent: string[] = [];
  constructor(readonly url: string) {
    super();
    FakeSocket.made.push(this);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    // Like a dead connection, it never reports its close: the client must not wait for it.
    this.readyState = FakeSocket.CLOSING;
  }
  /** The server accepts: the socket opens and says `ready`. */
  open(lastEventId: number): void {
    this.readyState = FakeSocket.OPEN;
    this.frame({ type: 'ready', lastEventId });
  }
  /** A frame from the server. */
  frame(data: unknown): void {
    this.dispatchEvent(Object.assign(new Event('message'), { data: JSON.stringify(data) }));
  }
}

/** Puts FakeSocket, a window and a document (visible unless the page says otherwise) on globalThis. */
export function installFakeBrowser(page: { visibilityState: DocumentVisibilityState } = { visibilityState: 'visible' }, extra: Record<string, unknown> = {}): void {
  Object.assign(globalThis, {
    WebSocket: FakeSocket,
    window: Object.assign(new EventTarget(), { location: { protocol: 'http:', host: 'prifora.test' } }),
    document: new EventTarget(),
    ...extra,
  });
  Object.defineProperty(globalThis.document, 'visibilityState', { get: () => page.visibilityState, configurable: true });
}
