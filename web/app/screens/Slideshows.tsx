import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { TextField } from '../../common/components/TextField.js';
import { errorSentence, fieldErrors } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { uploads } from '../../common/uploadQueue.js';
import { useLiveEvents } from '../../common/useLiveEvents.js';
import { AppFrame } from '../components/Frames.js';
import { listStationPeople, type PersonJson } from '../familyApi.js';
import { createSlideshow, getSlideshow, listSlideshows, type SlideshowJson } from '../photos/api.js';
import { SlideshowCard } from '../photos/SlideshowCard.js';
import { useSession } from '../session.js';
import '../photos/photos.css';

/** An admin makes a new slideshow. */
function NewSlideshow(props: { onCreated(slideshow: SlideshowJson): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await createSlideshow(name);
      setName('');
      props.onCreated(created);
    } catch (thrown) {
      setError(thrown);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = fieldErrors(error, i18n).name;
  return (
    <section className="card card--soft" aria-labelledby="new-slideshow">
      <form className="stack" onSubmit={submit} noValidate>
        <h2 id="new-slideshow">{t('slideshows.new.title')}</h2>
        <TextField label={t('slideshows.new.name')} hint={t('slideshows.new.hint')} value={name} onValueChange={setName} error={fieldError} maxLength={100} />
        {error !== null && !fieldError && <Notice tone="error">{errorSentence(error, i18n)}</Notice>}
        <div>
          <Button type="submit" busy={busy} busyLabel={t('slideshows.saving')}>
            {t('slideshows.new.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/**
 * Slideshows: what the family's screens play. Everyone adds photos and takes out what they
 * added; admins make, rename and order slideshows and choose the screens that play them.
 */
export function Slideshows() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const [slideshows, setSlideshows] = useState<SlideshowJson[] | null>(null);
  const [stations, setStations] = useState<PersonJson[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [list, people] = await Promise.all([listSlideshows(), listStationPeople()]);
      // The list carries counts only; each slideshow's items come with its own page.
      setSlideshows(await Promise.all(list.map((slideshow) => getSlideshow(slideshow.id))));
      setStations(people);
      setError(null);
    } catch (thrown) {
      setError(thrown);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => uploads.onDone(() => void load()), [load]);
  useLiveEvents((event) => {
    if (event.event === 'slideshow.changed' || event.event === 'media.deleted') void load();
  }, load);

  // A new slideshow's heading takes the focus, so the admin lands where its photos go.
  useEffect(() => {
    if (!created || !slideshows?.some((s) => s.id === created)) return;
    document.getElementById(`slideshow-${created}`)?.focus();
    setCreated(null);
  }, [created, slideshows]);

  const stationName = stations[0]?.firstName ?? null;
  return (
    <AppFrame>
      <div className="photos-page-head">
        <PageHeading title={t('slideshows.title')}>{t('slideshows.title')}</PageHeading>
        <Link to="/photos" className="photos-page-head__link">
          {t('slideshows.toPhotos')}
        </Link>
      </div>
      <p className="lead">{stationName ? t('slideshows.intro', { name: stationName }) : t('slideshows.introFamily')}</p>
      {error !== null && <Notice tone="error">{errorSentence(error, i18n)}</Notice>}
      {slideshows === null && error === null && <p role="status">{t('app.loading')}</p>}
      {slideshows?.length === 0 && (
        <section className="card card--soft photos-empty">
          <h2>{t('slideshows.empty.title')}</h2>
          <p>{me?.role === 'admin' ? t('slideshows.empty.admin') : t('slideshows.empty.member')}</p>
        </section>
      )}
      {slideshows?.map((slideshow) => <SlideshowCard key={slideshow.id} slideshow={slideshow} stations={stations} onChanged={load} />)}
      {me?.role === 'admin' && (
        <NewSlideshow
          onCreated={(slideshow) => {
            setCreated(slideshow.id);
            void load();
          }}
        />
      )}
    </AppFrame>
  );
}
