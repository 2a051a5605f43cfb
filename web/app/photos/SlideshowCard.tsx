import { useState, type FormEvent } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { TextField } from '../../common/components/TextField.js';
import { errorSentence, fieldErrors } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { uploads } from '../../common/uploadQueue.js';
import type { PersonJson } from '../familyApi.js';
import { AddPhotos } from './AddPhotos.js';
import { addToSlideshow, removeFromSlideshow, renameSlideshow, reorderSlideshow, screenSlideshows, setScreenSlideshows, type SlideshowItemJson, type SlideshowJson } from './api.js';
import { screensText } from './screensText.js';
import { SlideshowItems } from './SlideshowItems.js';
import { UploadPanel } from './UploadPanel.js';

/** An admin renames a slideshow in place. */
function RenameForm(props: { slideshow: SlideshowJson; onDone(renamed: boolean): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = useState(props.slideshow.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await renameSlideshow(props.slideshow.id, name);
      props.onDone(true);
    } catch (thrown) {
      setError(thrown);
      setBusy(false);
    }
  };
  const fieldError = fieldErrors(error, i18n).name;
  return (
    <form className="stack stack--tight" onSubmit={submit} noValidate>
      <TextField label={t('slideshows.rename.label')} value={name} onValueChange={setName} error={fieldError} autoFocus maxLength={100} />
      {error !== null && !fieldError && <Notice tone="error">{errorSentence(error, i18n)}</Notice>}
      <div className="button-row">
        <Button type="submit" busy={busy} busyLabel={t('slideshows.saving')}>
          {t('slideshows.rename.save')}
        </Button>
        <Button variant="secondary" onClick={() => props.onDone(false)}>
          {t('photos.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * An admin chooses which screens play a slideshow: one checkbox per station person. The API sets
 * a screen's whole list, so each change reads that screen's list first and changes one entry.
 */
function ScreenChoices(props: { slideshow: SlideshowJson; stations: PersonJson[]; onChanged(): Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  // The box shows the choice at once; the slideshow's screens catch up once saved and reloaded.
  const [pending, setPending] = useState<{ id: string; on: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const playing = new Set((props.slideshow.screens ?? []).map((screen) => screen.id));
  const toggle = async (station: PersonJson, on: boolean) => {
    setPending({ id: station.id, on });
    setError(null);
    try {
      const current = await screenSlideshows(station.id);
      const next = on ? [...new Set([...current, props.slideshow.id])] : current.filter((id) => id !== props.slideshow.id);
      await setScreenSlideshows(station.id, next);
      await props.onChanged();
    } catch (thrown) {
      setError(errorSentence(thrown, i18n));
    } finally {
      setPending(null);
    }
  };
  return (
    <fieldset className="choices">
      <legend className="choices__legend">{t('slideshows.screens.legend')}</legend>
      {props.stations.map((station) => (
        <label key={station.id} className="check">
          <input
            type="checkbox"
            checked={pending?.id === station.id ? pending.on : playing.has(station.id)}
            aria-disabled={pending !== null || undefined}
            onChange={(event) => pending === null && void toggle(station, event.target.checked)}
          />
          {t('slideshows.screens.playsOn', { name: station.firstName })}
        </label>
      ))}
      {error && <Notice tone="error">{error}</Notice>}
    </fieldset>
  );
}

/**
 * One slideshow: its name, the screens it plays on, its items in order; adding photos (from the
 * grid or new ones), taking one out; admins reorder, rename and choose the screens.
 */
export function SlideshowCard(props: { slideshow: SlideshowJson; stations: PersonJson[]; onChanged(): Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { slideshow } = props;
  const [renaming, setRenaming] = useState(false);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const items = slideshow.items ?? [];
  const headingId = `slideshow-${slideshow.id}`;

  const reorder = async (mediaIds: string[]): Promise<boolean> => {
    try {
      await reorderSlideshow(slideshow.id, mediaIds);
      return true;
    } catch (thrown) {
      setNotice({ tone: 'error', text: errorSentence(thrown, i18n) });
      return false;
    }
  };

  const remove = async (item: SlideshowItemJson) => {
    setNotice(null);
    try {
      await removeFromSlideshow(slideshow.id, item.media.id);
      setNotice({ tone: 'success', text: t('slideshows.removed', { name: slideshow.name }) });
      void props.onChanged();
    } catch (thrown) {
      setNotice({ tone: 'error', text: errorSentence(thrown, i18n) });
    }
  };

  const upload = (files: File[]) => uploads.add(files, slideshow.id, { afterUpload: (media) => addToSlideshow(slideshow.id, media.id) });

  return (
    <section className="card stack slideshow-card" aria-labelledby={headingId}>
      <div className="slideshow-card__head">
        <h2 id={headingId} tabIndex={-1}>
          {slideshow.name}
        </h2>
        <p className="muted">
          {screensText(i18n, slideshow.screens)} · {t(items.length === 1 ? 'slideshows.count.one' : 'slideshows.count.other', { count: items.length })}
        </p>
      </div>
      {renaming && (
        <RenameForm
          slideshow={slideshow}
          onDone={(renamed) => {
            setRenaming(false);
            if (renamed) void props.onChanged();
          }}
        />
      )}
      {items.length === 0 && <p>{t('slideshows.emptyOne')}</p>}
      <SlideshowItems name={slideshow.name} items={items} canReorder={slideshow.abilities.reorder} onReorder={reorder} onRemove={(item) => void remove(item)} />
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      <UploadPanel batch={slideshow.id} />
      <div className="button-row">
        <Button onClick={() => setAdding(true)}>{t('slideshows.add')}</Button>
        {slideshow.abilities.manage && !renaming && (
          <Button variant="secondary" onClick={() => setRenaming(true)}>
            {t('slideshows.rename')}
          </Button>
        )}
      </div>
      {slideshow.abilities.manage && props.stations.length > 0 && <ScreenChoices slideshow={slideshow} stations={props.stations} onChanged={props.onChanged} />}
      {adding && <AddPhotos slideshow={slideshow} onPickFiles={upload} onAdded={() => void props.onChanged()} onClose={() => setAdding(false)} />}
    </section>
  );
}
