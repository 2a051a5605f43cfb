import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { useAnnouncement } from '../family/useAnnouncement.js';
import { ScreenItem } from './ScreenItem.js';
import { useStations } from './useStations.js';
import './stations.css';

/**
 * Admins, on the Family screen: the Home Stations in the house, whose screen each one is and
 * whether it is connected, kept current live; rename, remove, and "Add a screen".
 */
export function ConnectedScreens() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, reload } = useStations();
  const announcement = useAnnouncement();
  const changed = announcement.after(reload);

  return (
    <section className="card stack" aria-labelledby="family-screens">
      <div className="section-head">
        <h2 id="family-screens" ref={announcement.headingRef} tabIndex={-1}>
          {t('stations.title')}
        </h2>
        <p className="muted">{t('stations.intro')}</p>
      </div>
      {announcement.text && <Notice tone="success">{announcement.text}</Notice>}
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'failed' && (
        <div className="stack stack--tight">
          <Notice tone="error">{errorSentence(state.error, i18n)}</Notice>
          <Button variant="secondary" onClick={() => void reload()}>
            {t('error.tryAgain')}
          </Button>
        </div>
      )}
      {state.status === 'ready' &&
        (state.stations.length === 0 ? (
          <p className="muted">{t('stations.none')}</p>
        ) : (
          <ul className="screen-list">
            {state.stations.map((station) => (
              <ScreenItem key={station.id} station={station} onChanged={changed} />
            ))}
          </ul>
        ))}
      <Link to="/family/stations/add" className="button button--primary screens-add">
        {t('stations.add')}
      </Link>
    </section>
  );
}
