import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { AppFrame } from '../components/Frames.js';
import { useSession } from '../session.js';
import { AdminOnly } from '../stations/AdminOnly.js';
import { ClockSettings } from '../stations/ClockSettings.js';
import { NightSettings } from '../stations/NightSettings.js';
import { QuickReplies } from '../stations/QuickReplies.js';
import { ScreenSlideshows } from '../stations/ScreenSlideshows.js';
import { SoundSettings } from '../stations/SoundSettings.js';
import { useStationSettings } from '../stations/useStationSettings.js';
import '../stations/stations.css';

/** The settings themselves, for an admin. */
function SettingsOf(props: { personId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, reload, saved } = useStationSettings(props.personId);

  const name = state.status === 'ready' ? state.person.firstName : null;
  // One heading in every state: it keeps the focus it took on arrival when the settings load.
  const title = name ? t('stationSettings.title', { name }) : t('stationSettings.pageTitle');
  return (
    <>
      <div className="stack stack--tight">
        <PageHeading title={title}>{title}</PageHeading>
        {name && <p className="lead">{t('stationSettings.intro', { name })}</p>}
      </div>
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'missing' && <Notice tone="info">{t('stationSettings.notFound')}</Notice>}
      {state.status === 'failed' && (
        <div className="stack">
          <Notice tone="error">{errorSentence(state.error, i18n)}</Notice>
          <Button onClick={reload}>{t('error.tryAgain')}</Button>
        </div>
      )}
      {state.status === 'ready' && name && (
        <>
          <ClockSettings personId={props.personId} name={name} settings={state.settings} onSaved={saved} />
          <NightSettings personId={props.personId} name={name} settings={state.settings} onSaved={saved} />
          <QuickReplies personId={props.personId} name={name} settings={state.settings} onSaved={saved} />
          <SoundSettings personId={props.personId} name={name} settings={state.settings} onSaved={saved} />
          <ScreenSlideshows personId={props.personId} name={name} />
        </>
      )}
    </>
  );
}

/**
 * Family → a station person's card → the settings of their screen: the clock, night mode, quick
 * replies, reading aloud and sound, and the slideshows it plays. Each part is saved on its own
 * and reaches the screen live. Only admins change them; anyone else is told whom to ask.
 */
export function StationSettings(props: { personId: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <AppFrame>
      <Link to="/family" className="back-link">
        {t('stationSettings.back')}
      </Link>
      {me?.role === 'admin' ? (
        <SettingsOf personId={props.personId} />
      ) : (
        <>
          <PageHeading title={t('stationSettings.pageTitle')}>{t('stationSettings.pageTitle')}</PageHeading>
          <AdminOnly task="settings" />
        </>
      )}
    </AppFrame>
  );
}
