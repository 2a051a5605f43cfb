import { useState } from 'react';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { Avatar } from '../family/Avatar.js';
import { ConfirmRemoval } from '../family/ConfirmRemoval.js';
import { revokeStation, type StationJson } from './api.js';
import { RenameScreen } from './RenameScreen.js';
import { screenStatus } from './status.js';

/**
 * One paired screen: where it stands ("Living room"), whose screen it is, and whether it is
 * connected; an admin renames it or removes it (after a question) under "Change “Living room”".
 * @param props.onChanged - reloads the list after a change, with a sentence to announce
 */
export function ScreenItem(props: { station: StationJson; onChanged(announcement: string): Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { station } = props;
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const status = screenStatus(station, i18n);
  const person = station.stationPerson.firstName;

  const remove = async () => {
    if (removing) return;
    setRemoving(true);
    setError(null);
    try {
      await revokeStation(station.id);
      await props.onChanged(t('stations.remove.done', { name: station.name }));
    } catch (thrown) {
      setError(errorSentence(thrown, i18n));
      setRemoving(false);
    }
  };

  return (
    <li className="screen-card" data-station={station.id}>
      <div className="screen-card__head">
        <Avatar person={{ ...station.stationPerson, role: 'station' }} />
        <div className="screen-card__text">
          <h3 className="screen-card__name">{station.name}</h3>
          <p className="screen-card__whose">{t('family.stationOf', { name: person })}</p>
          <p className={`screen-status screen-status--${status.kind}`}>{status.text}</p>
        </div>
      </div>
      <details className="manage" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="manage__summary">{t('stations.manage', { name: station.name })}</summary>
        <div className="manage__body stack">
          {error && <Notice tone="error">{error}</Notice>}
          <RenameScreen
            station={station}
            onRenamed={async (announcement) => {
              // Done with this screen: the fold closes and the announcement takes the focus.
              setOpen(false);
              await props.onChanged(announcement);
            }}
          />
          <ConfirmRemoval
            busy={removing}
            onConfirm={() => void remove()}
            words={{
              start: t('stations.remove.start', { name: station.name }),
              question: t('stations.remove.question', { name: station.name }),
              consequence: t('stations.remove.consequence', { person }),
              confirm: t('stations.remove.confirm'),
              busy: t('stations.remove.busy'),
              cancel: t('stations.remove.cancel'),
            }}
          />
        </div>
      </details>
    </li>
  );
}
