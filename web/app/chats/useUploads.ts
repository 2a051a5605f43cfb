/**
 * The photos and videos picked for the next message: each uploads on its own (two at a time),
 * with progress, cancel, and retry after a failure. Nothing here blocks the page: uploads run
 * while the person reads, scrolls and types.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../common/api.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n, type I18n } from '../../common/i18n.js';
import type { Upload } from '../../common/upload.js';
import { uploadMedia, type AttachmentJson } from '../chatsApi.js';

/** The most photos and videos one message holds (the server refuses more). */
export const maxAttachments = 10;
const parallel = 2;

/** One picked file and how far its upload is. */
export interface UploadItem {
  key: string;
  name: string;
  kind: 'photo' | 'video';
  /** A blob: URL to show the picked photo before it is uploaded (null for videos). */
  previewUrl: string | null;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  /** 0–100, of the bytes sent. */
  percent: number;
  media: AttachmentJson | null;
  /** Why it failed, as a sentence. */
  error: string | null;
}

/** The picked files and what can be done with them. */
export interface Uploads {
  items: UploadItem[];
  /** Adds files; returns how many did not fit under maxAttachments. */
  add(files: File[]): number;
  /** Stops an upload (or forgets a finished or failed one). */
  remove(key: string): void;
  retry(key: string): void;
  /** Forgets every file (after sending). */
  clear(): void;
}

/** Why a file did not upload, with what to do about it. */
function uploadFailure(error: unknown, name: string, i18n: I18n): string {
  // The upload route's own codes (server/routes/upload.ts) say more than the general sentences.
  if (isApiError(error) && (error.code as string) === 'unsupported_file') return i18n.t('chats.upload.notMedia', { name });
  if (isApiError(error, 'body_too_large')) return i18n.t('chats.upload.tooLarge', { name });
  return errorSentence(error, i18n);
}

/** Keeps the uploads of one composer. */
export function useUploads(): Uploads {
  const i18n = useI18n();
  const i18nRef = useRef(i18n);
  i18nRef.current = i18n;
  const [items, setItems] = useState<UploadItem[]>([]);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const files = useRef(new Map<string, File>());
  const running = useRef(new Map<string, Upload<AttachmentJson>>());
  const nextKey = useRef(0);

  const update = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const start = useCallback(
    (key: string) => {
      const file = files.current.get(key);
      if (!file) return;
      const upload = uploadMedia(file, ({ sent, total }) => update(key, { percent: total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 0 }));
      running.current.set(key, upload);
      update(key, { state: 'uploading', percent: 0, error: null });
      upload.done.then(
        (media) => {
          if (running.current.get(key) !== upload) return;
          running.current.delete(key);
          update(key, { state: 'done', percent: 100, media });
        },
        (error: unknown) => {
          // A cancelled upload was removed already.
          if (running.current.get(key) !== upload) return;
          running.current.delete(key);
          update(key, { state: 'failed', error: uploadFailure(error, file.name, i18nRef.current) });
        },
      );
    },
    [update],
  );

  useEffect(() => {
    let free = parallel - running.current.size;
    for (const item of items) {
      if (free <= 0) break;
      if (item.state !== 'waiting' || running.current.has(item.key)) continue;
      start(item.key);
      free -= 1;
    }
  }, [items, start]);

  const forget = (key: string) => {
    const upload = running.current.get(key);
    running.current.delete(key);
    upload?.cancel();
    files.current.delete(key);
    const url = itemsRef.current.find((item) => item.key === key)?.previewUrl;
    if (url) URL.revokeObjectURL(url);
  };

  // Leaving the conversation stops what is still uploading.
  useEffect(
    () => () => {
      for (const upload of running.current.values()) upload.cancel();
      running.current.clear();
      for (const item of itemsRef.current) if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    },
    [],
  );

  return {
    items,
    add(picked) {
      const room = Math.max(0, maxAttachments - itemsRef.current.length);
      const added = picked.slice(0, room).map((file): UploadItem => {
        const key = `upload-${(nextKey.current += 1)}`;
        files.current.set(key, file);
        const kind = file.type.startsWith('video/') ? 'video' : 'photo';
        return { key, name: file.name, kind, previewUrl: kind === 'photo' ? URL.createObjectURL(file) : null, state: 'waiting', percent: 0, media: null, error: null };
      });
      setItems((list) => [...list, ...added]);
      return picked.length - added.length;
    },
    remove(key) {
      forget(key);
      setItems((list) => list.filter((item) => item.key !== key));
    },
    retry(key) {
      update(key, { state: 'waiting', percent: 0, error: null });
    },
    clear() {
      for (const item of itemsRef.current) forget(item.key);
      setItems([]);
    },
  };
}
