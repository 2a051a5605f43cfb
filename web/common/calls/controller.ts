/**
 * One call's life on one screen, from ringing to the end, for the web app and the station alike:
 * it follows the call's live events, joins on the call's engine (the built-in WebRTC peer or the
 * family's Jitsi), tells the server every 10 s that its person is still in the call, notices a
 * connection that drops and does not come back, and hangs up when the page goes away. Screens
 * render `view` and call the actions; nothing here touches React.
 */
import { live, type LiveEvent, type SignalData } from '../live.js';
import type { Language } from '../i18n.js';
import type { JitsiSurface } from '../jitsi.js';
import { answerCall, declineCall, getCall, hangUpCall, hangUpOnLeaving, joinCall } from './api.js';
import { markHandledHere } from './incoming.js';
import { JitsiEmbed } from './jitsiEmbed.js';
import { openCamera, openLocalMedia, openMicrophone, stopMedia, type DeviceStatus } from './media.js';
import { Peer } from './peer.js';
import { signalInbox } from './signals.js';
import { compareFlow, readFlow, type CallFlow } from './stats.js';
import { callOfEvent, isFinished, participantOf, type CallEngine, type CallJoinJson, type CallJson, type CallPersonJson } from './types.js';

/**
 * Where the call stands for this screen: `incoming` it rings for this person (not answered
 * here), `calling` this person rings the others, `connecting` answered and the media is being
 * set up, `active` people see and hear each other, `reconnecting` the connection dropped and is
 * being found again, `ended` over for this person.
 */
export type CallPhase = 'loading' | 'incoming' | 'calling' | 'connecting' | 'active' | 'reconnecting' | 'ended';

/** Why the call is over for this person, in the terms a screen words. */
export type CallEnd =
  | 'hungUp' // this person hung up (or cancelled while it rang)
  | 'theyHungUp'
  | 'noAnswer' // nobody answered this person's call
  | 'declined' // the people called said "not now"
  | 'cancelled' // the caller stopped before this person answered
  | 'missed' // it rang here and nobody answered
  | 'declinedHere'
  | 'answeredElsewhere' // someone else in the family took it (answeredBy says who)
  | 'answeredOnOtherDevice'
  | 'lost' // the connection broke and did not come back
  | 'failed'; // it could not be set up

/** Everything a call screen shows. */
export interface CallView {
  phase: CallPhase;
  call: CallJson | null;
  engine: CallEngine | null;
  /** The others in the call (for a direct call, the one other person). */
  others: CallPersonJson[];
  localStream: MediaStream | null;
  remoteStream: MediaStream | null;
  /** Whether each device works, or why not. */
  microphone: DeviceStatus | null;
  camera: DeviceStatus | null;
  /** The person's own switches. */
  microphoneOn: boolean;
  cameraOn: boolean;
  /** Whether the other person's picture arrives (else their photo is shown). */
  receivingVideo: boolean;
  /** Many packets get lost: the picture may stutter. */
  weakConnection: boolean;
  /** This call may be recorded (the admin allowed it and Jitsi can record). */
  recordingAllowed: boolean;
  /** Jitsi reports a recording running now. */
  recordingNow: boolean;
  end: CallEnd | null;
  /** A failed request (loading, answering, joining), for a sentence. */
  error: unknown;
  /** What this person just asked for, while the server answers. */
  busy: 'answer' | 'decline' | 'hangUp' | null;
}

/** How often a call screen says "still here": the server drops someone silent for 30 s. */
export const inCallEveryMs = 10_000;
/** How long a dropped connection may look for a new path before the call counts as lost. */
export const dropGraceMs = 15_000;
/** How long setting up may take before the call counts as failed. */
export const connectWithinMs = 30_000;
/** How long the impolite side waits on a disconnected connection before restarting ICE. */
const restartIceAfterMs = 3_000;
const statsEveryMs = 2_000;

const stateRank: Record<CallJson['state'], number> = { ringing: 0, active: 1, ended: 2, missed: 2, declined: 2, failed: 2 };

/** Why a call that is over ended, for this person. */
export function endOf(call: CallJson, me: string): CallEnd | null {
  const mine = participantOf(call, me);
  if (mine?.state === 'answeredElsewhere') return call.answeredBy?.id === me ? 'answeredOnOtherDevice' : 'answeredElsewhere';
  if (mine?.state === 'declined') return 'declinedHere';
  const caller = mine?.role === 'caller';
  if (!isFinished(call.state)) return mine && mine.state !== 'joined' && mine.state !== 'ringing' ? 'hungUp' : null;
  switch (call.state) {
    case 'declined':
      return caller ? 'declined' : 'declinedHere';
    case 'missed':
      if (call.endReason === 'cancelled') return caller ? 'hungUp' : 'cancelled';
      return caller ? 'noAnswer' : 'missed';
    case 'failed':
      return 'failed';
    default:
      return call.endReason === 'lost' ? 'lost' : 'theyHungUp';
  }
}

type Listener = (view: CallView) => void;

export interface CallControllerOptions {
  callId: string;
  /** The signed-in person (for a station, its station person). */
  me: string;
  surface: JitsiSurface;
  language: Language;
}

/** See the file comment. Make one with `acquireCall` (web/common/calls/useCall.ts) rather than directly. */
export class CallController {
  view: CallView = {
    phase: 'loading',
    call: null,
    engine: null,
    others: [],
    localStream: null,
    remoteStream: null,
    microphone: null,
    camera: null,
    microphoneOn: true,
    cameraOn: true,
    receivingVideo: false,
    weakConnection: false,
    recordingAllowed: false,
    recordingNow: false,
    end: null,
    error: null,
    busy: null,
  };

  private readonly listeners = new Set<Listener>();
  private readonly cleanups: Array<() => void> = [];
  private started = false;
  private disposed = false;
  private joining: Promise<void> | null = null;
  private join: CallJoinJson | null = null;
  private peer: Peer | null = null;
  private peerStarted = false;
  private jitsi: JitsiEmbed | null = null;
  private jitsiJoined = false;
  private jitsiParent: HTMLElement | null = null;
  private jitsiParentReady: ((parent: HTMLElement) => void) | null = null;
  private connected = false;
  private localEnd: CallEnd | null = null;
  private inCallTimer: ReturnType<typeof setInterval> | undefined;
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;
  private dropTimer: ReturnType<typeof setTimeout> | undefined;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private lastFlow: CallFlow | null = null;
  /** Signals that came before the peer existed (the offer can beat the camera). */
  private early: SignalData[] = [];
  private readonly watched = new WeakSet<MediaStreamTrack>();

  constructor(readonly options: CallControllerOptions) {}

  get callId(): string {
    return this.options.callId;
  }

  /** Calls `listener` with every new view until the returned function is called. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts following the call (once). */
  start(): void {
    if (this.started) return;
    this.started = true;
    live.start();
    this.cleanups.push(live.subscribe((event) => this.onEvent(event)));
    // Events missed while the connection was down arrive on catch-up; asking again covers a
    // phone that slept past the event log's memory.
    this.cleanups.push(
      live.onStatus((status) => {
        if (status === 'open' && !this.isOver()) void this.reload();
      }),
    );
    this.cleanups.push(signalInbox.claim(this.callId, (signal) => this.onSignal(signal.from, signal.data)));
    const onPageHide = () => {
      if (this.isInCall()) hangUpOnLeaving(this.callId);
    };
    window.addEventListener('pagehide', onPageHide);
    this.cleanups.push(() => window.removeEventListener('pagehide', onPageHide));
    void this.reload();
  }

  /** Where a Jitsi call puts its iframe (the screen's element; null when it goes). */
  setJitsiParent(parent: HTMLElement | null): void {
    this.jitsiParent = parent;
    if (parent && this.jitsiParentReady) {
      this.jitsiParentReady(parent);
      this.jitsiParentReady = null;
    }
  }

  /** Answers the call that rings for this person; `auto`: a station answering an allowed look-in after its countdown. */
  async answer(auto = false): Promise<void> {
    if (this.view.busy) return;
    this.update({ busy: 'answer', error: null });
    markHandledHere(this.callId);
    try {
      this.apply(await answerCall(this.callId, auto));
      this.update({ busy: null });
    } catch (error) {
      this.update({ busy: null, error });
      void this.reload();
    }
  }

  /** "Not now". */
  async decline(): Promise<void> {
    if (this.view.busy) return;
    this.update({ busy: 'decline', error: null });
    markHandledHere(this.callId);
    try {
      this.apply(await declineCall(this.callId));
      this.update({ busy: null });
    } catch (error) {
      this.update({ busy: null, error });
    }
  }

  /** Hangs up (the caller before an answer cancels the call). */
  async hangUp(): Promise<void> {
    if (this.view.busy === 'hangUp' || this.view.phase === 'ended') return;
    this.localEnd = 'hungUp';
    this.jitsi?.hangUp();
    this.update({ busy: 'hangUp', error: null });
    this.teardownMedia();
    try {
      const call = await hangUpCall(this.callId);
      this.finish('hungUp', call);
    } catch (error) {
      // The call is over for this screen either way; the server ends it on silence.
      this.finish('hungUp', this.view.call, error);
    }
  }

  /** Switches the microphone off or on again; a microphone that did not work is asked for again. */
  async toggleMicrophone(): Promise<void> {
    const stream = this.view.localStream;
    const track = stream?.getAudioTracks()[0];
    if (track && this.view.microphone === 'on') {
      track.enabled = !track.enabled;
      this.update({ microphoneOn: track.enabled });
      return;
    }
    const opened = await openMicrophone();
    if (!opened.track || this.isOver()) {
      opened.track?.stop();
      this.update({ microphone: opened.status });
      return;
    }
    const next = new MediaStream([...(stream?.getTracks() ?? []), opened.track]);
    await this.peer?.setTrack('audio', opened.track);
    this.update({ localStream: next, microphone: 'on', microphoneOn: true });
  }

  /**
   * Switches the camera off (nothing is sent, so the other side shows this person's photo) or
   * on again; a camera that did not work is asked for again, and the call renegotiates to send it.
   */
  async toggleCamera(): Promise<void> {
    const stream = this.view.localStream;
    const track = stream?.getVideoTracks()[0];
    if (track && this.view.camera === 'on') {
      const on = !this.view.cameraOn;
      track.enabled = on;
      await this.peer?.setTrack('video', on ? track : null);
      this.update({ cameraOn: on });
      return;
    }
    const opened = await openCamera();
    if (!opened.track || this.isOver()) {
      opened.track?.stop();
      this.update({ camera: opened.status });
      return;
    }
    const next = new MediaStream([...(stream?.getTracks() ?? []), opened.track]);
    await this.peer?.setTrack('video', opened.track);
    this.update({ localStream: next, camera: 'on', cameraOn: true });
  }

  /** The built-in call's connection, for statistics (null on Jitsi or before joining). */
  get peerConnection(): RTCPeerConnection | null {
    return this.peer?.pc ?? null;
  }

  /**
   * The screen goes away: a call this person is in is hung up (leaving the call screen is
   * leaving the call); one that only rings here keeps ringing elsewhere.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.isInCall()) void hangUpCall(this.callId).catch(() => undefined);
    this.teardownMedia();
    this.stopTimers();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.listeners.clear();
  }

  private isOver(): boolean {
    return this.disposed || this.view.phase === 'ended';
  }

  /** Whether this person is in the call now (joined, and it is not over). */
  private isInCall(): boolean {
    const call = this.view.call;
    if (!call || this.isOver() || isFinished(call.state)) return false;
    return participantOf(call, this.options.me)?.state === 'joined';
  }

  private update(changes: Partial<CallView>): void {
    if (this.disposed) return;
    this.view = { ...this.view, ...changes };
    for (const listener of [...this.listeners]) listener(this.view);
  }

  private async reload(): Promise<void> {
    try {
      this.apply(await getCall(this.callId));
    } catch (error) {
      if (this.view.phase === 'loading') this.update({ error, phase: 'ended' });
    }
  }

  private onEvent(event: LiveEvent): void {
    const call = callOfEvent(event);
    if (call?.id === this.callId) this.apply(call);
  }

  /** Takes the call's newest state (an answer, an event, a reload) and acts on it. */
  private apply(call: CallJson): void {
    if (this.isOver()) return;
    const known = this.view.call;
    // A replayed event can be older than what a reload already said.
    if (known && stateRank[call.state] < stateRank[known.state]) return;
    const me = this.options.me;
    const mine = participantOf(call, me);
    // In a group call that goes on, the others are whoever is in it now.
    const others = call.participants.filter((p) => p.user.id !== me && (call.kind !== 'group' || call.state !== 'active' || p.state === 'joined')).map((p) => p.user);
    this.update({ call, engine: call.engine, others });
    if (!mine) {
      this.finish('failed', call);
      return;
    }
    const ended = endOf(call, me);
    if (ended) {
      this.finish(this.localEnd ?? ended, call);
      return;
    }
    if (mine.state === 'ringing') {
      this.update({ phase: 'incoming' });
      return;
    }
    // Joined: in the call from here on.
    this.keepReporting();
    this.joining ??= this.joinNow().catch((error: unknown) => this.fail(error));
    this.advance();
  }

  /** Moves the phase along once the call and the engine agree. */
  private advance(): void {
    const call = this.view.call;
    if (!call || this.isOver()) return;
    if (call.state === 'ringing') {
      this.update({ phase: 'calling' });
      return;
    }
    if (call.engine === 'builtin' && this.peer && !this.peerStarted && participantOf(call, this.options.me)?.role === 'caller') {
      this.peerStarted = true;
      this.peer.start();
    }
    const up = call.engine === 'jitsi' ? this.jitsiJoined : this.connected;
    if (up) this.update({ phase: 'active' });
    else if (this.view.phase !== 'reconnecting') {
      this.update({ phase: 'connecting' });
      this.connectTimer ??= setTimeout(() => {
        if (!this.connected && !this.jitsiJoined) void this.breakDown('failed');
      }, connectWithinMs);
    }
  }

  private keepReporting(): void {
    if (this.inCallTimer !== undefined) return;
    live.sendInCall(this.callId);
    this.inCallTimer = setInterval(() => live.sendInCall(this.callId), inCallEveryMs);
  }

  private async joinNow(): Promise<void> {
    const call = this.view.call as CallJson;
    if (call.engine === 'jitsi') {
      const join = await joinCall(this.callId);
      this.join = join;
      this.update({ recordingAllowed: join.recording });
      await this.openJitsi(join);
      return;
    }
    // The join details and the camera are independent: ask for both at once.
    const [join, media] = await Promise.all([joinCall(this.callId), openLocalMedia()]);
    if (this.isOver()) {
      stopMedia(media.stream);
      return;
    }
    this.join = join;
    this.update({ localStream: media.stream, microphone: media.microphone, camera: media.camera, microphoneOn: media.microphone === 'on', cameraOn: media.camera === 'on', recordingAllowed: join.recording });
    this.peer = new Peer(
      {
        iceServers: join.iceServers,
        polite: join.polite,
        send: (data) => {
          const to = this.peerId();
          if (to) live.sendSignal(this.callId, to, data);
        },
        onRemoteStream: (stream) => this.watchRemote(stream),
        onConnectionState: (state) => this.onConnectionState(state),
        onError: (error) => console.error('call negotiation', error),
      },
      media.stream,
    );
    this.statsTimer = setInterval(() => void this.sampleStats(), statsEveryMs);
    // Signals kept for this call before the peer existed are handled now.
    for (const pending of this.early.splice(0)) this.peer.receive(pending);
    this.advance();
  }

  /** The other side of a built-in call: the one who answered, for the caller; else the caller. */
  private peerId(): string | null {
    const call = this.view.call;
    if (!call) return null;
    if (call.caller?.id === this.options.me) return call.answeredBy?.id ?? this.join?.peers[0]?.id ?? null;
    return call.caller?.id ?? null;
  }

  private onSignal(from: string, data: SignalData): void {
    if (this.isOver()) return;
    const expected = this.peerId();
    if (expected && from !== expected) return;
    if (this.peer) this.peer.receive(data);
    else this.early.push(data);
  }

  private onConnectionState(state: RTCPeerConnectionState): void {
    if (this.isOver()) return;
    if (state === 'connected') {
      this.connected = true;
      clearTimeout(this.connectTimer);
      clearTimeout(this.dropTimer);
      clearTimeout(this.restartTimer);
      this.dropTimer = undefined;
      this.update({ phase: 'active' });
      return;
    }
    if (state === 'disconnected' || state === 'failed') {
      if (!this.connected) return;
      this.update({ phase: 'reconnecting' });
      // One side restarts, so both do not offer at once; on failure either may.
      if (state === 'failed') this.peer?.restartIce();
      else if (!this.join?.polite) {
        clearTimeout(this.restartTimer);
        this.restartTimer = setTimeout(() => this.peer?.restartIce(), restartIceAfterMs);
      }
      this.dropTimer ??= setTimeout(() => void this.breakDown('lost'), dropGraceMs);
    }
  }

  /**
   * Shows the other side's picture as soon as frames arrive: a remote track is muted until its
   * first packets come, and again when they stop (a camera switched off). The statistics
   * confirm it every few seconds.
   */
  private watchRemote(stream: MediaStream): void {
    for (const track of stream.getVideoTracks()) {
      if (this.watched.has(track)) continue;
      this.watched.add(track);
      track.addEventListener('unmute', () => this.update({ receivingVideo: true }));
      track.addEventListener('mute', () => this.update({ receivingVideo: false }));
      if (!track.muted) this.update({ receivingVideo: true });
    }
    this.update({ remoteStream: stream });
  }

  private async sampleStats(): Promise<void> {
    const pc = this.peer?.pc;
    if (!pc || this.isOver()) return;
    const flow = await readFlow(pc);
    const before = this.lastFlow;
    this.lastFlow = flow;
    if (!before) return;
    const change = compareFlow(before, flow);
    if (change.receivingVideo !== this.view.receivingVideo || (change.lossRatio > 0.1) !== this.view.weakConnection) {
      this.update({ receivingVideo: change.receivingVideo, weakConnection: change.lossRatio > 0.1 });
    }
  }

  private async openJitsi(join: CallJoinJson): Promise<void> {
    const parent = this.jitsiParent ?? (await new Promise<HTMLElement>((resolve) => (this.jitsiParentReady = resolve)));
    if (this.isOver()) return;
    this.jitsi = await JitsiEmbed.open({
      domain: join.domain as string,
      room: join.room,
      token: join.token as string,
      parent,
      surface: this.options.surface,
      language: this.options.language,
      events: {
        onJoined: () => {
          this.jitsiJoined = true;
          this.advance();
        },
        onLeft: () => void this.hangUp(),
        onFailed: () => void this.breakDown('failed'),
        onRecording: (on) => this.update({ recordingNow: on }),
      },
    });
    if (this.isOver()) this.jitsi.dispose();
  }

  /** Joining failed (the server refused, the engine did not load). */
  private fail(error: unknown): void {
    if (this.isOver()) return;
    this.update({ error });
    void this.breakDown('failed');
  }

  /** The call broke down on this side: it ends as failed for everyone. */
  private async breakDown(end: 'lost' | 'failed'): Promise<void> {
    if (this.isOver()) return;
    this.localEnd = end;
    this.teardownMedia();
    try {
      this.finish(end, await hangUpCall(this.callId, true));
    } catch {
      this.finish(end, this.view.call);
    }
  }

  private finish(end: CallEnd, call: CallJson | null, error: unknown = this.view.error): void {
    if (this.disposed) return;
    this.teardownMedia();
    this.stopTimers();
    this.update({ phase: 'ended', end, call, busy: null, error, localStream: null, remoteStream: null });
  }

  private stopTimers(): void {
    clearInterval(this.inCallTimer);
    clearInterval(this.statsTimer);
    clearTimeout(this.connectTimer);
    clearTimeout(this.dropTimer);
    clearTimeout(this.restartTimer);
  }

  private teardownMedia(): void {
    this.peer?.close();
    this.peer = null;
    if (this.jitsi) {
      this.jitsi.dispose();
      this.jitsi = null;
    }
    stopMedia(this.view.localStream);
  }
}
