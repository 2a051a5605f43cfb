import { useRef } from 'react';
import { useI18n } from '../../common/i18n.js';
import type { QueuedUpload } from '../../common/uploadQueue.js';
import { uploadFailure } from './useUploads.js';

/** The picked photos and videos, each with its progress and a way to cancel, retry or remove it. */
export function UploadList(props: { items: QueuedUpload[]; onRemove(key: string): void; onRetry(key: string): void; focusAfterLast(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const listRef = useRef<HTMLUListElement>(null);
  if (props.items.length === 0) return null;

  // The removed row's button had the focus: hand it to the row that takes its place.
  const remove = (key: string) => {
    const index = props.items.findIndex((item) => item.key === key);
    props.onRemove(key);
    requestAnimationFrame(() => {
      const row = listRef.current?.children[index];
      const button = row?.querySelector<HTMLButtonElement>('.upload__button:last-child');
      if (button) button.focus();
      else props.focusAfterLast();
    });
  };

  return (
    <ul ref={listRef} className="uploads" aria-label={t('chats.upload.listLabel')}>
      {props.items.map((item) => {
        const status =
          item.state === 'waiting'
            ? t('chats.upload.waiting')
            : item.state === 'uploading'
              ? item.percent >= 100
                ? t('chats.upload.finishing')
                : t('chats.upload.percent', { percent: item.percent })
              : item.state === 'done'
                ? t('chats.upload.done')
                : t('chats.upload.failed');
        return (
          <li key={item.key} className={`upload upload--${item.state}`}>
            {item.previewUrl ? (
              <img className="upload__preview" src={item.previewUrl} alt="" />
            ) : (
              <span className="upload__preview upload__preview--video" aria-hidden="true">
                {t('chats.video')}
              </span>
            )}
            <div className="upload__main">
              <span className="upload__top">
                <span className="upload__name">{item.name}</span>
                <span className="upload__status">{status}</span>
              </span>
              {item.state !== 'failed' && (
                <div
                  className="upload__track"
                  role="progressbar"
                  aria-label={t('chats.upload.progressLabel', { name: item.name })}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={item.percent}
                  aria-valuetext={status}
                >
                  {/* The CSP allows no style attributes in markup; React sets this through the CSSOM. */}
                  <span className="upload__bar" style={{ width: `${item.percent}%` }} />
                </div>
              )}
              {item.state === 'failed' && (
                <p className="upload__error" role="alert">
                  {uploadFailure(item.error, item.name, i18n)}
                </p>
              )}
            </div>
            <span className="upload__buttons">
              {item.state === 'failed' && (
                <button type="button" className="upload__button" aria-label={t('chats.upload.retryLabel', { name: item.name })} onClick={() => props.onRetry(item.key)}>
                  {t('chats.upload.retry')}
                </button>
              )}
              {item.state === 'waiting' || item.state === 'uploading' ? (
                <button type="button" className="upload__button" aria-label={t('chats.upload.cancelLabel', { name: item.name })} onClick={() => remove(item.key)}>
                  {t('chats.upload.cancel')}
                </button>
              ) : (
                <button type="button" className="upload__button" aria-label={t('chats.upload.removeLabel', { name: item.name })} onClick={() => remove(item.key)}>
                  {t('chats.upload.remove')}
                </button>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
