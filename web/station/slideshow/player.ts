/**
 * The slideshow's timing, apart from React: which slide is shown, which one waits (hidden,
 * loading) to fade in over it, and when. At most these two slides exist at any moment, so a
 * screen that runs for months holds two photos, never the thousands it has shown.
 *
 * A slide fades in once the one before has been shown for its interval and the new one has
 * loaded (a photo that fails to load is skipped); a video stays until it ends.
 */
import { SlideQueue, type Keyed } from './queue.js';

/** One of the two slides on screen: `loading` (hidden), `entering` (fading in) or `shown`. */
export interface Layer<S> {
  key: number;
  slide: S;
  state: 'loading' | 'entering' | 'shown';
}

/** What the screen draws: the slide shown and the one on its way, oldest first. */
export type Layers<S> = Array<Layer<S>>;

export interface PlayerOptions {
  /** How long a slide stays, in ms (the slideshow's interval, or the pace set for a benchmark). */
  dwellMs(slide: Keyed): number;
  /** How long the crossfade takes (0 with reduced motion). */
  fadeMs: number;
  /** Called with the layers whenever they change. */
  render(layers: Layers<Keyed>): void;
  /** A round ended: time to fetch the playlist again. */
  onRound(): void;
  /** The longest a video plays before the next slide. */
  maxVideoMs?: number;
}

/** How long to wait before trying again when no slide would load (offline, nothing cached). */
const retryAfterFailuresMs = 15_000;
/** A slide still loading after this long is skipped (a stalled connection, a decoder that never answers). */
const loadTimeoutMs = 20_000;
/** How soon a photo just shared replaces the one shown, at the earliest. */
const freshAfterMs = 1_500;

/** Plays a SlideQueue on two layers. */
export class Player<S extends Keyed> {
  readonly queue = new SlideQueue<S>();
  private shown: Layer<S> | undefined;
  private incoming: Layer<S> | undefined;
  private nextKey = 1;
  private dwellDone = true;
  private failures = 0;
  /** Ends the dwell of the slide shown. */
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Tries again after every slide failed to load. */
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Gives up on a hidden slide that does not load. */
  private loadTimer: ReturnType<typeof setTimeout> | undefined;
  private fadeTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** The key of the hidden slide once it has loaded. */
  private ready: number | undefined;

  constructor(private readonly options: PlayerOptions) {}

  /** Takes a changed playlist; a slide not seen before comes next, within seconds. */
  update(slides: readonly S[]): void {
    const known = new Set(this.queue.slides.map((s) => s.media.id));
    const hasFresh = this.queue.size > 0 && slides.some((s) => !known.has(s.media.id));
    this.queue.update(slides);
    const waiting = this.incoming?.state === 'loading' ? this.incoming : undefined;
    const waitingGone = waiting !== undefined && !slides.some((s) => s.media.id === waiting.slide.media.id);
    // What waited hidden may have been taken out, or a just-shared photo should come first.
    if (!this.incoming || waitingGone || (hasFresh && waiting)) this.loadNext();
    if (hasFresh && this.shown) {
      clearTimeout(this.timer);
      this.dwellDone = false;
      this.timer = setTimeout(() => this.endDwell(), freshAfterMs);
    }
  }

  /** Starts a new round from a freshly fetched playlist, without interrupting the slide shown. */
  restart(slides: readonly S[]): void {
    this.queue.start(slides);
    if (!this.incoming || this.incoming.state === 'loading') this.loadNext();
  }

  /** The hidden slide has loaded (and decoded): it may fade in once the shown one has had its time. */
  loaded(key: number): void {
    if (this.incoming?.key !== key || this.incoming.state !== 'loading') return;
    clearTimeout(this.loadTimer);
    this.failures = 0;
    this.ready = key;
    this.maybeFade();
  }

  /** A slide could not be loaded (offline and not cached, or removed): skip it. */
  failed(key: number): void {
    if (this.incoming?.key !== key) return;
    clearTimeout(this.loadTimer);
    this.failures += 1;
    if (this.failures >= Math.max(3, this.queue.size)) {
      this.failures = 0;
      this.incoming = undefined;
      this.emit();
      // The slide shown stays (its dwell runs on); the next one is tried again later.
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.loadNext(), retryAfterFailuresMs);
      return;
    }
    this.loadNext();
  }

  /** The video shown has ended: on to the next slide. */
  ended(key: number): void {
    if (this.shown?.key === key) this.endDwell();
  }

  /** Stops every timer (the slideshow left the screen). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.loadTimer);
    clearTimeout(this.fadeTimer);
  }

  private emit(): void {
    if (this.stopped) return;
    const layers: Layers<S> = [];
    if (this.shown) layers.push(this.shown);
    if (this.incoming) layers.push(this.incoming);
    this.options.render(layers);
  }

  private loadNext(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.loadTimer);
    let next = this.queue.next();
    // The photo just shown does not come straight back at the turn of a round.
    if (next && this.queue.size > 1 && next.slide.media.id === this.shown?.slide.media.id) {
      const after = this.queue.next();
      if (after) next = { slide: after.slide, wrapped: next.wrapped || after.wrapped };
    }
    if (!next) {
      this.incoming = undefined;
      this.emit();
      return;
    }
    if (next.wrapped) this.options.onRound();
    if (this.queue.size === 1 && this.shown?.slide.media.id === next.slide.media.id) {
      // One photo only: it stays, rather than fading into itself at every interval.
      this.incoming = undefined;
      this.emit();
      return;
    }
    const key = this.nextKey++;
    this.incoming = { key, slide: next.slide, state: 'loading' };
    this.ready = undefined;
    this.loadTimer = setTimeout(() => this.failed(key), loadTimeoutMs);
    this.emit();
  }

  private endDwell(): void {
    this.dwellDone = true;
    this.maybeFade();
  }

  private maybeFade(): void {
    if (this.stopped || !this.dwellDone || !this.incoming || this.ready !== this.incoming.key) return;
    const entering: Layer<S> = { ...this.incoming, state: 'entering' };
    this.incoming = entering;
    this.dwellDone = false;
    this.emit();
    clearTimeout(this.fadeTimer);
    this.fadeTimer = setTimeout(() => this.settle(entering), this.options.fadeMs);
  }

  /** The fade is done: the new slide is the shown one, the old one goes, the next starts loading. */
  private settle(entering: Layer<S>): void {
    if (this.incoming?.key !== entering.key) return;
    this.shown = { ...entering, state: 'shown' };
    this.incoming = undefined;
    const isVideo = (entering.slide as unknown as { media: { kind?: string } }).media.kind === 'video';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.endDwell(), isVideo ? (this.options.maxVideoMs ?? 120_000) : this.options.dwellMs(entering.slide));
    this.loadNext();
  }
}
