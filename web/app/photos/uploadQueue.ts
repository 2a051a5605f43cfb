/**
 * The photos and videos being shared from the Photos and Slideshows screens. The queue lives
 * outside the screens, so an upload keeps going while the person reads a chat and is still
 * listed when they come back. Two files go up at a time (the server processes two at once).
 */
import { useSyncExternalStore } from 'react';
import type { Upload } from '../../common/upload.js';
import { uploadMedia, type MediaJson } from './api.js';

/** One picked file and how far it is. */
export interface PhotoUpload {
  key: string;
  name: string;
  kind: 'photo' | 'video';
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  /** 0–100, of the bytes sent. */
  percent: number;
  media: MediaJson | null;
  /** What went wrong (an ApiError), for the screen to say as a sentence. */
  error: unknown;
  /** Where it was picked, so each screen lists its own: 'photos', or a slideshow's id. */
  batch: string;
}

const parallel = 2;

type Listener = () => void;
/** What to do with a file once it has arrived (add it to a slideshow); a failure fails the file. */
type AfterUpload = (media: MediaJson) => Promise<void>;
type DoneListener = (upload: PhotoUpload) => void;

/** The upload queue; `uploads` below is the app's one instance. */
export class UploadQueue {
  private items: PhotoUpload[] = [];
  private files = new Map<string, File>();
  private after = new Map<string, AfterUpload>();
  private running = new Map<string, Upload<{ media: MediaJson }>>();
  private listeners = new Set<Listener>();
  private doneListeners = new Set<DoneListener>();
  private next = 0;

  constructor(private readonly start = uploadMedia) {}

  /** The current list (a new array after every change). */
  readonly snapshot = (): PhotoUpload[] => this.items;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Calls `listener` each time a file has arrived. */
  onDone(listener: DoneListener): () => void {
    this.doneListeners.add(listener);
    return () => this.doneListeners.delete(listener);
  }

  /** Queues files picked on one screen; `afterUpload` runs for each once it has arrived. */
  add(files: File[], batch: string, afterUpload?: AfterUpload): void {
    const added = files.map((file): PhotoUpload => {
      const key = `photo-upload-${(this.next += 1)}`;
      this.files.set(key, file);
      if (afterUpload) this.after.set(key, afterUpload);
      return { key, name: file.name, kind: file.type.startsWith('video/') ? 'video' : 'photo', state: 'waiting', percent: 0, media: null, error: null, batch };
    });
    this.items = [...this.items, ...added];
    this.pump();
  }

  /** Stops an upload, or forgets a finished or failed one. */
  remove(key: string): void {
    const upload = this.running.get(key);
    this.running.delete(key);
    upload?.cancel();
    this.files.delete(key);
    this.after.delete(key);
    this.items = this.items.filter((item) => item.key !== key);
    this.pump();
  }

  /** Tries a failed file again. */
  retry(key: string): void {
    this.update(key, { state: 'waiting', percent: 0, error: null });
    this.pump();
  }

  /** Forgets the finished and failed files of a batch (the person has seen them). */
  clear(batch: string): void {
    for (const item of this.items) {
      if (item.batch !== batch || (item.state !== 'done' && item.state !== 'failed')) continue;
      this.files.delete(item.key);
      this.after.delete(item.key);
    }
    this.items = this.items.filter((item) => item.batch !== batch || item.state === 'waiting' || item.state === 'uploading');
    this.emit();
  }

  private update(key: string, change: Partial<PhotoUpload>): void {
    this.items = this.items.map((item) => (item.key === key ? { ...item, ...change } : item));
    this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private pump(): void {
    for (const item of this.items) {
      if (this.running.size >= parallel) break;
      if (item.state === 'waiting') this.begin(item.key);
    }
    this.emit();
  }

  private begin(key: string): void {
    const file = this.files.get(key);
    if (!file) return;
    const upload = this.start(file, ({ sent, total }) => {
      if (this.running.get(key) === upload) this.update(key, { percent: total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 0 });
    });
    this.running.set(key, upload);
    this.update(key, { state: 'uploading', percent: 0, error: null });
    upload.done
      .then(async ({ media }) => {
        await this.after.get(key)?.(media);
        return media;
      })
      .then(
        (media) => {
          if (this.running.get(key) !== upload) return;
          this.running.delete(key);
          this.files.delete(key);
          this.after.delete(key);
          this.update(key, { state: 'done', percent: 100, media });
          const done = this.items.find((item) => item.key === key);
          if (done) for (const listener of [...this.doneListeners]) listener(done);
          this.pump();
        },
        (error: unknown) => {
          // A cancelled upload was removed already.
          if (this.running.get(key) !== upload) return;
          this.running.delete(key);
          this.update(key, { state: 'failed', error });
          this.pump();
        },
      );
  }
}

/** The app's upload queue. */
export const uploads = new UploadQueue();

/** The uploads of one batch, re-rendering on every change. */
export function useUploads(batch: string): PhotoUpload[] {
  const all = useSyncExternalStore(uploads.subscribe, uploads.snapshot);
  return all.filter((item) => item.batch === batch);
}
