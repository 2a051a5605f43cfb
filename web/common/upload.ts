/**
 * Uploads one photo or video to POST /api/v1/media with progress and cancel. fetch() cannot
 * report upload progress, so this is the one place that uses XMLHttpRequest; its failures become
 * the same ApiErrors as request()'s.
 */
import { ApiError, apiLanguage, errorFrom } from './api.js';
import type { MediaJson } from './types.js';

/** How far an upload is: bytes sent of the total. */
export interface UploadProgress {
  sent: number;
  total: number;
}

/** One running upload: its result, and a way to stop it. */
export interface Upload<T> {
  done: Promise<T>;
  /** Stops the upload; `done` then rejects with an AbortError (a DOMException). */
  cancel(): void;
}

/**
 * Starts uploading a file as the multipart field "file".
 * @param onProgress - called as bytes leave the browser (the last call has sent === total)
 * @returns the upload; `done` resolves to the parsed JSON answer (`{ media }` for /api/v1/media)
 */
export function uploadFile<T>(path: string, file: File, onProgress: (progress: UploadProgress) => void): Upload<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    const language = apiLanguage();
    if (language) xhr.setRequestHeader('accept-language', language);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network', message: 'The upload could not reach the server.' }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body !== undefined) {
        onProgress({ sent: file.size, total: file.size });
        resolve(body as T);
      } else if (xhr.status >= 200 && xhr.status < 300) {
        reject(new ApiError({ status: xhr.status, code: 'bad_response', message: 'The answer was not JSON.' }));
      } else {
        reject(errorFrom({ status: xhr.status, statusText: xhr.statusText, retryAfter: xhr.getResponseHeader('retry-after') }, body));
      }
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, cancel: () => xhr.abort() };
}

/** Starts uploading one photo or video to POST /api/v1/media; `done` gives the stored item. */
export function uploadMedia(file: File, onProgress: (progress: UploadProgress) => void): Upload<MediaJson> {
  const upload = uploadFile<{ media: MediaJson }>('/api/v1/media', file, onProgress);
  return { done: upload.done.then((answer) => answer.media), cancel: upload.cancel };
}
