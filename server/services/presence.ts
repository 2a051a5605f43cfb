/**
 * Which paired screens have a live connection to this server process. The live hub reports here;
 * the station list reads it. A process without a hub (the CLI) does not track, and then a
 * screen's last contact is the only clue.
 */
export class StationPresence {
  #tracking = false;
  readonly #sockets = new Map<string, number>();

  /** Whether "no connection" is a fact here: a live hub reports to this process. */
  get tracking(): boolean {
    return this.#tracking;
  }

  /** Called by the live hub when it starts. */
  track(): void {
    this.#tracking = true;
  }

  connected(stationId: string): void {
    this.#sockets.set(stationId, (this.#sockets.get(stationId) ?? 0) + 1);
  }

  disconnected(stationId: string): void {
    const left = (this.#sockets.get(stationId) ?? 1) - 1;
    if (left > 0) this.#sockets.set(stationId, left);
    else this.#sockets.delete(stationId);
  }

  /** Whether a screen has at least one open live connection. */
  isConnected(stationId: string): boolean {
    return this.#sockets.has(stationId);
  }

  /** The screens with an open connection. */
  connectedIds(): string[] {
    return [...this.#sockets.keys()];
  }
}
