/**
 * The order the screen plays slides in, apart from any drawing: the server's playlist puts new
 * photos first and shuffles the rest; this queue walks it, and when a relative shares a photo
 * while a round is under way, plays that photo next instead of at the start of the next round.
 */

/** What the queue needs of a slide: the id of its photo or video. */
export interface Keyed {
  media: { id: string };
}

/** The next slide, and whether the round ended with the one before (time to fetch a new one). */
export interface Next<S> {
  slide: S;
  wrapped: boolean;
}

/** A playlist walked one slide at a time, round after round. */
export class SlideQueue<S extends Keyed> {
  private round: S[] = [];
  private position = 0;
  private playlist: S[] = [];

  /** How many slides the playlist has. */
  get size(): number {
    return this.playlist.length;
  }

  /** The slides of the playlist, in its order. */
  get slides(): readonly S[] {
    return this.playlist;
  }

  /**
   * Takes a changed playlist during a round: slides not in the old one play next (in the
   * playlist's order, so new first), then what was left of the round, less the slides that were
   * taken out. The first playlist starts the first round.
   */
  update(slides: readonly S[]): void {
    if (this.playlist.length === 0) {
      this.start(slides);
      return;
    }
    const before = new Set(this.playlist.map((s) => s.media.id));
    const now = new Map(slides.map((s) => [s.media.id, s]));
    const fresh = slides.filter((s) => !before.has(s.media.id));
    const rest = this.round.slice(this.position).flatMap((s) => {
      const current = now.get(s.media.id);
      return current ? [current] : [];
    });
    this.playlist = [...slides];
    this.round = [...fresh, ...rest];
    this.position = 0;
  }

  /** Starts a new round with a fresh playlist (the server shuffles each one anew). */
  start(slides: readonly S[]): void {
    this.playlist = [...slides];
    this.round = [...slides];
    this.position = 0;
  }

  /** The next slide; at the end of a round it starts again from the playlist it has. */
  next(): Next<S> | undefined {
    let wrapped = false;
    if (this.position >= this.round.length) {
      if (this.playlist.length === 0) return undefined;
      this.round = [...this.playlist];
      this.position = 0;
      wrapped = true;
    }
    const slide = this.round[this.position] as S;
    this.position += 1;
    return { slide, wrapped };
  }
}
