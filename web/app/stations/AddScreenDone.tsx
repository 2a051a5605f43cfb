import { useEffect, useRef } from 'react';
import { Button } from '../../common/components/Button.js';
import { useI18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import type { StationJson } from './api.js';

/**
 * After approving a code: what happens now on the screen, and the likely next steps (its
 * settings, another screen, back to the family). The sentence takes the focus, so it is read out.
 */
export function AddScreenDone(props: { station: StationJson; onAnother(): void }) {
  const { t } = useI18n();
  const { station } = props;
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const person = station.stationPerson.firstName;
  return (
    <div className="stack">
      <div className="notice notice--success" role="status">
        <p ref={ref} tabIndex={-1}>
          {t('stations.addPage.done', { name: station.name, person })}
        </p>
      </div>
      <div className="button-row">
        <Link to={`/family/stations/${encodeURIComponent(station.stationPerson.id)}/settings`} className="button button--primary">
          {t('stations.settingsLink', { name: person })}
        </Link>
        <Button variant="secondary" onClick={props.onAnother}>
          {t('stations.addPage.another')}
        </Button>
        <Link to="/family" className="button button--quiet">
          {t('stations.addPage.toFamily')}
        </Link>
      </div>
    </div>
  );
}
