import { useId, useRef, useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Dialog } from '../../common/components/Dialog.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n, type I18n } from '../../common/i18n.js';
import { uploads, useUploadBatch, type QueuedUpload } from '../../common/uploadQueue.js';
import { SlideshowChooser } from './SlideshowChooser.js';

function statusText(item: QueuedUpload, i18n: I18n): string {
  const { t } = i18n;
  if (item.state === 'waiting') return t('photos.upload.waiting');
  if (item.state === 'done') return t('photos.upload.done');
  if (item.state === 'failed') return t('photos.upload.failed');
  return item.percent >= 100 ? t('photos.upload.finishing') : t('photos.upload.percent', { percent: item.percent });
}

/** The button that picks photos and videos (many at once): a label on a hidden file input. */
export function PickFiles(props: { label: string; onFiles(files: File[]): void; variant?: 'primary' | 'secondary' }) {
  const id = useId();
  return (
    <span className="pick-files">
      <input
        id={id}
        className="pick-files__input"
        type="file"
        multiple
        accept="image/*,video/*"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared, so picking the same file again after a failure still counts as a change.
          event.target.value = '';
          if (files.length > 0) props.onFiles(files);
        }}
      />
      <label htmlFor={id} className={`button button--${props.variant ?? 'primary'} pick-files__button`}>
        {props.label}
      </label>
    </span>
  );
}

/**
 * The files of one batch on their way: per file its name, a progress bar and a cancel button; a
 * failure as a sentence with "Try again". When everything has arrived, the new photos can go
 * into a slideshow in one go (`offerSlideshow`), and "Done" clears the list.
 */
export function UploadPanel(props: { batch: string; offerSlideshow?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const items = useUploadBatch(props.batch);
  const [choosing, setChoosing] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  if (items.length === 0) return null;

  const running = items.filter((item) => item.state === 'waiting' || item.state === 'uploading').length;
  const arrived = items.filter((item) => item.state === 'done' && item.media).map((item) => item.media?.id as string);
  const failed = items.filter((item) => item.state === 'failed').length;

  // The removed row's button had the focus: hand it to the row that takes its place.
  const remove = (key: string) => {
    const index = items.findIndex((item) => item.key === key);
    uploads.remove(key);
    requestAnimationFrame(() => {
      const rows = listRef.current?.querySelectorAll<HTMLElement>('.upload-row');
      const row = rows?.[Math.min(index, rows.length - 1)];
      row?.querySelector<HTMLButtonElement>('button')?.focus();
    });
  };

  const summary =
    running > 0
      ? t(running === 1 ? 'photos.upload.running.one' : 'photos.upload.running.other', { count: running })
      : t(arrived.length === 1 ? 'photos.upload.arrived.one' : 'photos.upload.arrived.other', { count: arrived.length });

  return (
    <section className="card upload-panel" aria-label={t('photos.upload.title')}>
      <p className="upload-panel__summary" role="status">
        {summary}
        {failed > 0 && ` ${t(failed === 1 ? 'photos.upload.failedCount.one' : 'photos.upload.failedCount.other', { count: failed })}`}
      </p>
      <ul ref={listRef} className="upload-list" aria-label={t('photos.upload.listLabel')}>
        {items.map((item) => {
          const status = statusText(item, i18n);
          return (
            <li key={item.key} className={`upload-row upload-row--${item.state}`}>
              <div className="upload-row__top">
                <span className="upload-row__name">{item.name}</span>
                <span className="upload-row__status">{status}</span>
              </div>
              {item.state !== 'failed' && (
                <progress
                  className="upload-row__bar"
                  max={100}
                  value={item.state === 'waiting' ? 0 : item.percent}
                  aria-label={t('photos.upload.progressLabel', { name: item.name })}
                  aria-valuetext={status}
                />
              )}
              {item.state === 'failed' && (
                <p className="upload-row__error" role="alert">
                  {errorSentence(item.error, i18n, { body_too_large: 'photos.upload.tooLarge' })}
                </p>
              )}
              <div className="upload-row__buttons">
                {item.state === 'failed' && (
                  <button type="button" className="upload-row__button" aria-label={t('photos.upload.retryLabel', { name: item.name })} onClick={() => uploads.retry(item.key)}>
                    {t('photos.upload.retry')}
                  </button>
                )}
                {item.state === 'waiting' || item.state === 'uploading' ? (
                  <button type="button" className="upload-row__button" aria-label={t('photos.upload.cancelLabel', { name: item.name })} onClick={() => remove(item.key)}>
                    {t('photos.upload.cancel')}
                  </button>
                ) : item.state === 'failed' ? (
                  <button type="button" className="upload-row__button" aria-label={t('photos.upload.removeLabel', { name: item.name })} onClick={() => remove(item.key)}>
                    {t('photos.upload.remove')}
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {running === 0 && (
        <div className="button-row">
          {props.offerSlideshow && arrived.length > 0 && (
            <Button onClick={() => setChoosing(true)}>{t(arrived.length === 1 ? 'photos.upload.toSlideshow.one' : 'photos.upload.toSlideshow.other', { count: arrived.length })}</Button>
          )}
          <Button variant="secondary" onClick={() => uploads.clear(props.batch)}>
            {t('photos.done')}
          </Button>
        </div>
      )}
      {choosing && (
        <Dialog title={t('slideshows.chooser.title')} onClose={() => setChoosing(false)}>
          <SlideshowChooser mediaIds={arrived} onCancel={() => setChoosing(false)} />
        </Dialog>
      )}
    </section>
  );
}
