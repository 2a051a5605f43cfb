/**
 * The photos and videos picked for the next message: a batch of the app's upload queue, with
 * previews, held to what one message may carry. Leaving the conversation stops them.
 */
import { useEffect, useId } from 'react';
import { isApiError } from '../../common/api.js';
import { errorSentence } from '../../common/errors.js';
import type { I18n } from '../../common/i18n.js';
import { uploads, useUploadBatch, type QueuedUpload } from '../../common/uploadQueue.js';

/** The most photos and videos one message holds (the server refuses more). */
export const maxAttachments = 10;

/** The picked files and what can be done with them. */
export interface Uploads {
  items: QueuedUpload[];
  /** Adds files; returns how many did not fit under maxAttachments. */
  add(files: File[]): number;
  /** Stops an upload (or forgets a finished or failed one). */
  remove(key: string): void;
  retry(key: string): void;
  /** Forgets every file (after sending). */
  clear(): void;
}

/** Why a file did not upload, with what to do about it. */
export function uploadFailure(error: unknown, name: string, i18n: I18n): string {
  // The upload route's own codes (server/routes/upload.ts) say more than the general sentences.
  if (isApiError(error) && (error.code as string) === 'unsupported_file') return i18n.t('chats.upload.notMedia', { name });
  if (isApiError(error, 'body_too_large')) return i18n.t('chats.upload.tooLarge', { name });
  return errorSentence(error, i18n);
}

/** Keeps the uploads of one composer. */
export function useUploads(): Uploads {
  const batch = `chat-${useId()}`;
  const items = useUploadBatch(batch);

  useEffect(() => () => uploads.drop(batch), [batch]);

  return {
    items,
    add(files) {
      const room = Math.max(0, maxAttachments - items.length);
      uploads.add(files.slice(0, room), batch, { previews: true });
      return Math.max(0, files.length - room);
    },
    remove: (key) => uploads.remove(key),
    retry: (key) => uploads.retry(key),
    clear: () => uploads.drop(batch),
  };
}
