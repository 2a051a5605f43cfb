/**
 * One side of a built-in call: an RTCPeerConnection driven by the "perfect negotiation" pattern
 * (W3C WebRTC spec, section 10.7 example), so either side may renegotiate at any time (a camera
 * that comes on later, an ICE restart after a network change) and an offer from both at once is
 * settled the same way on both: the impolite side (the caller) ignores the other's offer, the
 * polite side (the one who answered) rolls its own back and answers.
 *
 * The caller makes the first offer, with an audio and a video section even when it lacks one
 * of the devices, so the other side can still send what it has. The side that answers attaches
 * its own tracks to the sections of that first offer before answering, which needs no second
 * round.
 */
import type { SignalData } from '../live.js';

export interface PeerOptions {
  iceServers: RTCIceServer[];
  polite: boolean;
  /** Sends a signal to the other side (over the live connection). */
  send(data: SignalData): void;
  /** The other side's media, one stream that gains tracks as they arrive. */
  onRemoteStream(stream: MediaStream): void;
  onConnectionState(state: RTCPeerConnectionState): void;
  /** Something went wrong that the pattern cannot recover from on its own. */
  onError(error: unknown): void;
}

type Kind = 'audio' | 'video';

export class Peer {
  readonly pc: RTCPeerConnection;
  readonly remote = new MediaStream();
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswer = false;
  private closed = false;
  /** Signals are handled one at a time, in the order they came. */
  private queue: Promise<void> = Promise.resolve();
  /** The local track meant for each kind (null: none, or switched off). */
  private readonly tracks: Record<Kind, MediaStreamTrack | null> = { audio: null, video: null };
  private localStream: MediaStream;

  constructor(
    private readonly options: PeerOptions,
    local: MediaStream,
  ) {
    this.localStream = local;
    for (const track of local.getTracks()) this.tracks[track.kind as Kind] = track;
    const pc = new RTCPeerConnection({ iceServers: options.iceServers, bundlePolicy: 'max-bundle' });
    this.pc = pc;
    pc.onnegotiationneeded = () => void this.offer();
    pc.onicecandidate = ({ candidate }) => {
      if (!this.closed) options.send({ candidate: candidate ? candidate.toJSON() : null });
    };
    pc.ontrack = ({ track }) => {
      if (!this.remote.getTracks().includes(track)) this.remote.addTrack(track);
      track.addEventListener('ended', () => this.remote.removeTrack(track));
      options.onRemoteStream(this.remote);
    };
    pc.onconnectionstatechange = () => options.onConnectionState(pc.connectionState);
  }

  /**
   * The caller's start, once the call is answered: an audio and a video section, sending what
   * this side has and receiving either way. The offer follows from negotiationneeded.
   */
  start(): void {
    for (const kind of ['audio', 'video'] as const) {
      const track = this.tracks[kind];
      this.pc.addTransceiver(track ?? kind, { direction: track ? 'sendrecv' : 'recvonly', streams: [this.localStream] });
    }
  }

  /** Handles a signal from the other side, after those before it. */
  receive(data: SignalData): void {
    this.queue = this.queue.then(() => this.handle(data)).catch((error: unknown) => this.options.onError(error));
  }

  /**
   * Sends `track` for its kind instead of what was sent before (null: nothing, like a camera
   * switched off). A kind this side did not send yet starts sending, which renegotiates.
   */
  async setTrack(kind: Kind, track: MediaStreamTrack | null): Promise<void> {
    this.tracks[kind] = track;
    const transceiver = this.transceiverOf(kind);
    if (!transceiver) return;
    await transceiver.sender.replaceTrack(track);
    if (track && transceiver.direction !== 'sendrecv') {
      transceiver.sender.setStreams?.(this.localStream);
      transceiver.direction = 'sendrecv';
    }
  }

  /** Starts ICE again (after the network changed): both sides look for a new path. */
  restartIce(): void {
    if (!this.closed) this.pc.restartIce();
  }

  close(): void {
    this.closed = true;
    this.pc.onnegotiationneeded = null;
    this.pc.onicecandidate = null;
    this.pc.ontrack = null;
    this.pc.onconnectionstatechange = null;
    this.pc.close();
  }

  private transceiverOf(kind: Kind): RTCRtpTransceiver | undefined {
    return this.pc.getTransceivers().find((t) => t.currentDirection !== 'stopped' && t.receiver.track.kind === kind);
  }

  private async offer(): Promise<void> {
    if (this.closed) return;
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      if (this.pc.localDescription) this.options.send({ sdp: this.pc.localDescription.toJSON() });
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.makingOffer = false;
    }
  }

  private async handle(data: SignalData): Promise<void> {
    if (this.closed) return;
    const pc = this.pc;
    if ('sdp' in data) {
      const description = data.sdp;
      const readyForOffer = !this.makingOffer && (pc.signalingState === 'stable' || this.settingRemoteAnswer);
      const collision = description.type === 'offer' && !readyForOffer;
      this.ignoreOffer = !this.options.polite && collision;
      if (this.ignoreOffer) return;
      this.settingRemoteAnswer = description.type === 'answer';
      // An offer in have-local-offer rolls the polite side's own offer back first.
      await pc.setRemoteDescription(description);
      this.settingRemoteAnswer = false;
      if (description.type === 'offer') {
        await this.attachTracks();
        await pc.setLocalDescription();
        if (pc.localDescription) this.options.send({ sdp: pc.localDescription.toJSON() });
      }
      return;
    }
    try {
      await pc.addIceCandidate(data.candidate ?? undefined);
    } catch (error) {
      // Candidates of an offer this side ignored fail to apply; that is expected.
      if (!this.ignoreOffer) throw error;
    }
  }

  /** Puts this side's tracks on the sections the other side offered that do not carry them yet. */
  private async attachTracks(): Promise<void> {
    for (const kind of ['audio', 'video'] as const) {
      const track = this.tracks[kind];
      const transceiver = this.transceiverOf(kind);
      if (!track || !transceiver || transceiver.sender.track === track) continue;
      await transceiver.sender.replaceTrack(track);
      transceiver.sender.setStreams?.(this.localStream);
      if (transceiver.direction === 'recvonly' || transceiver.direction === 'inactive') transceiver.direction = 'sendrecv';
    }
  }
}
