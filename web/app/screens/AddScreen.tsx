import { useCallback, useEffect, useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { Link, navigate, useLocation } from '../../common/router.js';
import { AppFrame } from '../components/Frames.js';
import { listStationPeople, type PersonJson } from '../familyApi.js';
import { useSession } from '../session.js';
import { AddScreenDone } from '../stations/AddScreenDone.js';
import { AddScreenForm } from '../stations/AddScreenForm.js';
import { AdminOnly } from '../stations/AdminOnly.js';
import type { StationJson } from '../stations/api.js';
import '../stations/stations.css';

/** The code in the QR code's link (`?code=KX7M4P`), or ''. */
function scannedCode(search: string): string {
  return (new URLSearchParams(search).get('code') ?? '').slice(0, 20);
}

type PeopleState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; people: PersonJson[] };

/** The admin's part: the form, or what to do first when nobody has a screen yet. */
function AddScreenAdmin(props: { code: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [people, setPeople] = useState<PeopleState>({ status: 'loading' });
  const [added, setAdded] = useState<StationJson | null>(null);
  const [round, setRound] = useState(0);
  const load = useCallback(() => {
    setPeople({ status: 'loading' });
    listStationPeople().then(
      (list) => setPeople({ status: 'ready', people: list }),
      (error: unknown) => setPeople({ status: 'failed', error }),
    );
  }, []);
  useEffect(load, [load]);

  if (added) {
    return (
      <section className="card stack">
        <AddScreenDone
          station={added}
          onAnother={() => {
            setAdded(null);
            setRound((r) => r + 1);
            // The scanned code is used up; the next screen has its own.
            navigate('/family/stations/add', { replace: true });
          }}
        />
      </section>
    );
  }
  if (people.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (people.status === 'failed') {
    return (
      <div className="stack">
        <Notice tone="error">{errorSentence(people.error, i18n)}</Notice>
        <Button onClick={load}>{t('error.tryAgain')}</Button>
      </div>
    );
  }
  if (people.people.length === 0) {
    return (
      <section className="card stack">
        <p>{t('stations.addPage.noPerson')}</p>
        <Link to="/family#family-stations" className="button button--primary">
          {t('stations.addPage.addPerson')}
        </Link>
      </section>
    );
  }
  return (
    <section className="card stack">
      <p>{t(props.code ? 'stations.addPage.introScanned' : 'stations.addPage.intro')}</p>
      <AddScreenForm key={round} stationPeople={people.people} initialCode={props.code} onAdded={setAdded} />
    </section>
  );
}

/**
 * Family → Screens → Add a screen, also reached from the QR code a new Home Station shows
 * (`/family/stations/add?code=…`, through the sign-in page when needed). Only admins add
 * screens; anyone else is told whom to ask.
 */
export function AddScreen() {
  const { t } = useI18n();
  const { me } = useSession();
  const { search } = useLocation();
  return (
    <AppFrame>
      <Link to="/family" className="back-link">
        {t('stations.addPage.back')}
      </Link>
      <PageHeading title={t('stations.addPage.pageTitle')}>{t('stations.addPage.title')}</PageHeading>
      {me?.role === 'admin' ? <AddScreenAdmin code={scannedCode(search)} /> : <AdminOnly task="add" />}
    </AppFrame>
  );
}
