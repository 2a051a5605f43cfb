/**
 * The ringtone: a warm two-note ring made with WebAudio, so no sound file (and no other origin)
 * is needed. Browsers let a page make sound only after the person has touched it once; until
 * then the tone waits, and it starts with the first touch or key if the call still rings.
 */

/** One ring: two soft notes, then quiet; repeated every `cycleSeconds`. */
const notes = [
  { frequency: 659.25, start: 0, length: 0.42 },
  { frequency: 523.25, start: 0.5, length: 0.6 },
];
const cycleSeconds = 2.4;

class Ringtone {
  private context: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private volume = 0.6;
  private ringing = false;
  private readonly resumeOnTouch = () => void this.context?.resume();

  /** Starts ringing (again); `volume` from 0 to 1. Does nothing where WebAudio is missing. */
  start(volume = this.volume): void {
    this.volume = Math.min(1, Math.max(0, volume));
    if (this.ringing) return;
    const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return;
    this.ringing = true;
    this.context ??= new Context();
    if (this.context.state === 'suspended') {
      void this.context.resume().catch(() => undefined);
      window.addEventListener('pointerdown', this.resumeOnTouch, { capture: true });
      window.addEventListener('keydown', this.resumeOnTouch, { capture: true });
    }
    this.ring();
    this.timer = setInterval(() => this.ring(), cycleSeconds * 1000);
  }

  /** Stops ringing at once. */
  stop(): void {
    if (!this.ringing) return;
    this.ringing = false;
    clearInterval(this.timer);
    window.removeEventListener('pointerdown', this.resumeOnTouch, { capture: true });
    window.removeEventListener('keydown', this.resumeOnTouch, { capture: true });
    // Suspending cuts the notes already scheduled.
    void this.context?.suspend().catch(() => undefined);
  }

  /** Whether the tone is sounding now (it may wait for a first touch). */
  get audible(): boolean {
    return this.ringing && this.context?.state === 'running';
  }

  private ring(): void {
    const context = this.context;
    if (!context) return;
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const at = context.currentTime + 0.05;
    for (const note of notes) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.frequency;
      // A soft attack and a decay, like a bell, instead of a click.
      gain.gain.setValueAtTime(0, at + note.start);
      gain.gain.linearRampToValueAtTime(this.volume * 0.5, at + note.start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.001, at + note.start + note.length);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at + note.start);
      oscillator.stop(at + note.start + note.length + 0.05);
    }
  }
}

/** The page's one ringtone. */
export const ringtone = new Ringtone();
