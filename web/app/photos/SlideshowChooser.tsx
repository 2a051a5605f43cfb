import { useEffect, useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { useSession } from '../session.js';
import { addToSlideshow, listSlideshows, type SlideshowJson } from './api.js';
import { screensText } from './screensText.js';

/**
 * Choosing a slideshow for photos: the family's slideshows, each with the screens it plays on,
 * as one button each. Adding one that is already in it changes nothing, so pressing twice is
 * harmless. Says how it went in a sentence.
 */
export function SlideshowChooser(props: { mediaIds: string[]; onCancel(): void; cancelLabel?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const [slideshows, setSlideshows] = useState<SlideshowJson[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    listSlideshows().then(
      (list) => {
        if (!cancelled) setSlideshows(list);
      },
      (error: unknown) => {
        if (!cancelled) setResult({ tone: 'error', text: errorSentence(error, i18n) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [i18n]);

  const choose = async (slideshow: SlideshowJson) => {
    setBusy(slideshow.id);
    setResult(null);
    try {
      for (const mediaId of props.mediaIds) await addToSlideshow(slideshow.id, mediaId);
      const count = props.mediaIds.length;
      setResult({ tone: 'success', text: t(count === 1 ? 'slideshows.added.one' : 'slideshows.added.other', { count, name: slideshow.name }) });
    } catch (error) {
      setResult({ tone: 'error', text: errorSentence(error, i18n) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="slideshow-chooser">
      {slideshows === null && !result && <p role="status">{t('app.loading')}</p>}
      {slideshows?.length === 0 && (
        <p>
          {me?.role === 'admin' ? t('slideshows.chooser.noneAdmin') : t('slideshows.chooser.none')}{' '}
          {me?.role === 'admin' && <Link to="/slideshows">{t('slideshows.chooser.make')}</Link>}
        </p>
      )}
      {slideshows && slideshows.length > 0 && (
        <ul className="slideshow-chooser__list" aria-label={t('slideshows.chooser.label')}>
          {slideshows.map((slideshow) => (
            <li key={slideshow.id}>
              <button type="button" className="slideshow-chooser__option" aria-disabled={busy !== null || undefined} onClick={() => busy === null && void choose(slideshow)}>
                <span className="slideshow-chooser__name">{busy === slideshow.id ? t('slideshows.adding') : slideshow.name}</span>
                <span className="slideshow-chooser__meta">{screensText(i18n, slideshow.screens)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {result && <Notice tone={result.tone}>{result.text}</Notice>}
      <Button variant="secondary" onClick={props.onCancel}>
        {props.cancelLabel ?? (result?.tone === 'success' ? t('photos.done') : t('photos.cancel'))}
      </Button>
    </div>
  );
}
