import { useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Dialog } from '../../common/components/Dialog.js';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { useSession } from '../session.js';
import { addToSlideshow, type SlideshowJson } from './api.js';
import { Thumb } from './Thumb.js';
import { PickFiles } from './UploadPanel.js';
import { useGrid } from './useGrid.js';
import { kindWord, sharedText } from './when.js';

/**
 * Adding to a slideshow: the person's photos and videos to tick (those already in it left out),
 * or new ones from the device, which go into the slideshow as soon as they have arrived.
 */
export function AddPhotos(props: { slideshow: SlideshowJson; onPickFiles(files: File[]): void; onAdded(): void; onClose(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const grid = useGrid();
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inIt = new Set((props.slideshow.items ?? []).map((item) => item.media.id));
  const candidates = (grid.items ?? []).filter((item) => !inIt.has(item.media.id));

  const toggle = (id: string) => setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      for (const id of chosen) await addToSlideshow(props.slideshow.id, id);
      props.onAdded();
      props.onClose();
    } catch (thrown) {
      setError(errorSentence(thrown, i18n));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('slideshows.addTitle', { name: props.slideshow.name })} onClose={props.onClose} className="add-photos">
      <div className="add-photos__upload">
        <p>{t('slideshows.addUploadHint')}</p>
        <PickFiles
          label={t('slideshows.addUpload')}
          variant="secondary"
          onFiles={(files) => {
            props.onPickFiles(files);
            props.onClose();
          }}
        />
      </div>
      <h3>{t('slideshows.addFromPhotos')}</h3>
      {grid.error !== null && <Notice tone="error">{errorSentence(grid.error, i18n)}</Notice>}
      {grid.items === null && grid.error === null && <p role="status">{t('app.loading')}</p>}
      {grid.items && candidates.length === 0 && <p>{t('slideshows.addNothing')}</p>}
      {candidates.length > 0 && (
        <ul className="photo-grid photo-grid--pick" aria-label={t('slideshows.addGridLabel')}>
          {candidates.map((item) => {
            const pressed = chosen.includes(item.media.id);
            return (
              <li key={item.media.id} className="photo-grid__cell">
                <button
                  type="button"
                  className="photo-grid__button"
                  aria-pressed={pressed}
                  aria-label={`${kindWord(i18n, item.media.kind)}, ${sharedText(i18n, item, me?.id)}`}
                  onClick={() => toggle(item.media.id)}
                >
                  <Thumb media={item.media} videoLabel={t('photos.video')} />
                  {pressed && <span className="photo-grid__tick" aria-hidden="true" />}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {grid.hasMore && (
        <Button variant="secondary" busy={grid.loadingMore} busyLabel={t('app.loading')} onClick={() => void grid.loadMore()}>
          {t('photos.more')}
        </Button>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      <div className="button-row add-photos__buttons">
        <Button aria-disabled={chosen.length === 0 || undefined} busy={busy} busyLabel={t('slideshows.adding')} onClick={() => chosen.length > 0 && void add()}>
          {chosen.length === 0 ? t('slideshows.addNone') : t(chosen.length === 1 ? 'slideshows.addChosen.one' : 'slideshows.addChosen.other', { count: chosen.length })}
        </Button>
        <Button variant="secondary" onClick={props.onClose}>
          {t('photos.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
