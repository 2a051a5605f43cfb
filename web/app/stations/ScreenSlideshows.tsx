import { useCallback, useEffect, useId, useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { useLiveEvents } from '../../common/useLiveEvents.js';
import { listSlideshows, screenSlideshows, setScreenSlideshows, type SlideshowJson } from '../photos/api.js';
import { SettingsSection } from './SettingsSection.js';
import { useSettingsForm } from './useSettingsForm.js';

type Loaded = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; slideshows: SlideshowJson[]; chosen: string[] };

/** The same choice in any order counts as no change. */
const sorted = (ids: string[]) => [...ids].sort();

/** Which of the family's slideshows play on this screen. */
export function ScreenSlideshows(props: { personId: string; name: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const load = useCallback(() => {
    Promise.all([listSlideshows(), screenSlideshows(props.personId)]).then(
      ([slideshows, chosen]) => setLoaded({ status: 'ready', slideshows, chosen: sorted(chosen) }),
      (error: unknown) => setLoaded((before) => (before.status === 'ready' ? before : { status: 'failed', error })),
    );
  }, [props.personId]);
  useEffect(load, [load]);
  useLiveEvents((event) => {
    if (event.event === 'slideshow.changed') load();
  }, load);

  const chosen = loaded.status === 'ready' ? loaded.chosen : [];
  const form = useSettingsForm(
    chosen,
    async (ids) => sorted(await setScreenSlideshows(props.personId, ids)),
    (saved) => t(saved.length ? 'stationSettings.slideshows.saved' : 'stationSettings.slideshows.savedNone', { name: props.name }),
  );
  const legendId = useId();

  if (loaded.status !== 'ready') {
    return (
      <section className="card stack" aria-labelledby={legendId}>
        <h2 id={legendId}>{t('stationSettings.slideshows.title')}</h2>
        {loaded.status === 'loading' ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <>
            <Notice tone="error">{errorSentence(loaded.error, i18n)}</Notice>
            <Button variant="secondary" onClick={load}>
              {t('error.tryAgain')}
            </Button>
          </>
        )}
      </section>
    );
  }
  if (loaded.slideshows.length === 0) {
    return (
      <section className="card stack" aria-labelledby={legendId}>
        <h2 id={legendId}>{t('stationSettings.slideshows.title')}</h2>
        <p className="muted">{t('stationSettings.slideshows.none')}</p>
        <Link to="/slideshows" className="button button--secondary settings-link">
          {t('stationSettings.slideshows.open')}
        </Link>
      </section>
    );
  }

  const toggle = (id: string, on: boolean) => form.setDraft((ids) => sorted(on ? [...ids, id] : ids.filter((i) => i !== id)));
  return (
    <SettingsSection name="slideshows" title={t('stationSettings.slideshows.title')} form={form} saveLabel={t('stationSettings.slideshows.save')}>
      <fieldset className="choices">
        <legend className="choices__legend">{t('stationSettings.slideshows.legend', { name: props.name })}</legend>
        {loaded.slideshows.map((slideshow) => (
          <label key={slideshow.id} className="choice">
            <input type="checkbox" checked={form.draft.includes(slideshow.id)} onChange={(event) => toggle(slideshow.id, event.target.checked)} />
            {slideshow.name}
          </label>
        ))}
      </fieldset>
    </SettingsSection>
  );
}
