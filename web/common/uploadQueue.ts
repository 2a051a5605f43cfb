/**
 * The photos and videos on their way to the server, from every screen that shares them (Photos,
 * Slideshows, the chat composer, the profile photo). There is one queue for the app: an upload
 * keeps going while the person is on another screen, and at most two files go up at a time,
 * because the server processes two at once and more would only split the bandwidth. Each screen
 * lists the batch it picked.
 */
import { useSyncExternalStore } from 'react';
import type { MediaJson } from './types.js';
import { uploadMedia, type Upload, type UploadProgress } from './upload.js';

/** One picked file and how far it is. */
export interface QueuedUpload {
  key: string;
  /** Where it was picked, so each screen lists its own: 'photos', a slideshow's id, a composer. */
  batch: string;
  name: string;
  kind: 'photo' | 'video';
  /** A blob: URL to show a picked photo before it has arrived, when the screen asked for one. */
  previewUrl: string | null;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  /** 0–100, of the bytes sent. */
  percent: number;
  media: MediaJson | null;
  /** What went wrong (an ApiError, or what `afterUpload` threw), for the screen to say as a sentence. */
  error: unknown;
}

/** Starts sending one file; the queue is given a fake one in tests. */
export type StartUpload = (file: File, onProgress: (progress: UploadProgress) => void) => Upload<MediaJson>;

/** What a screen asks for the files it adds. */
export interface AddOptions {
  /** What to do with a file once it has arrived (add it to a slideshow); a failure fails the file. */
  afterUpload?(media: MediaJson): Promise<void>;
  /** Make a preview URL for each photo (revoked when the file is removed or cleared). */
  previews?: boolean;
}

interface Entry {
  file: File;
  afterUpload: AddOptions['afterUpload'];
  running: Upload<MediaJson> | null;
}

type Listener = () => void;
type DoneListener = (upload: QueuedUpload) => void;

/** The upload queue; `uploads` below is the app's one instance. */
export class UploadQueue {
  private items: QueuedUpload[] = [];
  private entries = new Map<string, Entry>();
  private listeners = new Set<Listener>();
  private doneListeners = new Set<DoneListener>();
  private next = 0;

  constructor(
    private readonly start: StartUpload = uploadMedia,
    private readonly parallel = 2,
  ) {}

  /** The current list (a new array after every change, as useSyncExternalStore needs). */
  readonly snapshot = (): QueuedUpload[] => this.items;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Calls `listener` each time a file has arrived (and its afterUpload has run). */
  onDone(listener: DoneListener): () => void {
    this.doneListeners.add(listener);
    return () => this.doneListeners.delete(listener);
  }

  /** Queues files picked on one screen. */
  add(files: File[], batch: string, options: AddOptions = {}): void {
    const added = files.map((file): QueuedUpload => {
      const key = `upload-${(this.next += 1)}`;
      const kind = file.type.startsWith('video/') ? 'video' : 'photo';
      this.entries.set(key, { file, afterUpload: options.afterUpload, running: null });
      const previewUrl = options.previews && kind === 'photo' ? URL.createObjectURL(file) : null;
      return { key, batch, name: file.name, kind, previewUrl, state: 'waiting', percent: 0, media: null, error: null };
    });
    this.items = [...this.items, ...added];
    this.pump();
  }

  /** Stops an upload, or forgets a finished or failed one. */
  remove(key: string): void {
    this.forget((item) => item.key === key);
  }

  /** Stops and forgets every file of a batch (a message was sent, or its screen closed). */
  drop(batch: string): void {
    this.forget((item) => item.batch === batch);
  }

  /** Forgets the finished and failed files of a batch (the person has seen them). */
  clear(batch: string): void {
    this.forget((item) => item.batch === batch && (item.state === 'done' || item.state === 'failed'));
  }

  /** Tries a failed file again. */
  retry(key: string): void {
    if (this.items.find((item) => item.key === key)?.state !== 'failed') return;
    this.update(key, { state: 'waiting', percent: 0, error: null });
    this.pump();
  }

  private forget(which: (item: QueuedUpload) => boolean): void {
    const gone = this.items.filter(which);
    if (gone.length === 0) return;
    for (const item of gone) {
      const running = this.entries.get(item.key)?.running;
      // Forgotten first, so the cancelled upload's rejection finds nothing to mark failed.
      this.entries.delete(item.key);
      running?.cancel();
      if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    }
    this.items = this.items.filter((item) => !which(item));
    this.pump();
  }

  private update(key: string, change: Partial<QueuedUpload>): void {
    this.items = this.items.map((item) => (item.key === key ? { ...item, ...change } : item));
    this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private runningCount(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.running) count += 1;
    return count;
  }

  private pump(): void {
    let free = this.parallel - this.runningCount();
    for (const item of this.items) {
      if (free <= 0) break;
      if (item.state !== 'waiting') continue;
      this.begin(item.key);
      free -= 1;
    }
    this.emit();
  }

  private begin(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    // Each event checks that this upload is still the file's own: the file may have been removed.
    let upload: Upload<MediaJson> | null = null;
    const current = () => upload !== null && this.entries.get(key)?.running === upload;
    upload = this.start(entry.file, ({ sent, total }) => {
      if (current()) this.update(key, { percent: total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 0 });
    });
    entry.running = upload;
    this.update(key, { state: 'uploading', percent: 0, error: null });
    upload.done
      .then(async (media) => {
        if (current()) await entry.afterUpload?.(media);
        return media;
      })
      .then(
        (media) => {
          if (!current()) return;
          entry.running = null;
          this.update(key, { state: 'done', percent: 100, media });
          const done = this.items.find((item) => item.key === key);
          if (done) for (const listener of [...this.doneListeners]) listener(done);
          this.pump();
        },
        (error: unknown) => {
          if (!current()) return;
          entry.running = null;
          this.update(key, { state: 'failed', error });
          this.pump();
        },
      );
  }
}

/** The app's upload queue. */
export const uploads = new UploadQueue();

/** The uploads of one batch, re-rendering on every change. */
export function useUploadBatch(batch: string, queue: UploadQueue = uploads): QueuedUpload[] {
  const all = useSyncExternalStore(queue.subscribe, queue.snapshot);
  return all.filter((item) => item.batch === batch);
}
