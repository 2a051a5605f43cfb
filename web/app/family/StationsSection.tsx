import { Notice } from '../../common/components/Notice.js';
import { useI18n } from '../../common/i18n.js';
import type { PersonJson } from '../familyApi.js';
import { SettingsLink } from '../stations/SettingsLink.js';
import { AddStationPerson } from './AddStationPerson.js';
import { ManagePerson } from './ManagePerson.js';
import { PersonCard } from './PersonCard.js';
import { useAnnouncement } from './useAnnouncement.js';

/**
 * The station people, each named by their screen ("Riet’s screen") and tapped for a chat; admins
 * add one, open the settings of their screen, and may remove one.
 */
export function StationsSection(props: { stations: PersonJson[]; isAdmin: boolean; reload(): Promise<void> }) {
  const { t } = useI18n();
  const announcement = useAnnouncement();
  const changed = announcement.after(props.reload);
  return (
    <section className="card stack" aria-labelledby="family-stations">
      <div className="section-head">
        <h2 id="family-stations" ref={announcement.headingRef} tabIndex={-1}>
          {t('family.stations')}
        </h2>
        {props.stations.length > 0 && <p className="muted">{t('people.stations.intro')}</p>}
      </div>
      {announcement.text && <Notice tone="success">{announcement.text}</Notice>}
      {props.stations.length === 0 ? (
        <p className="muted">{t(props.isAdmin ? 'people.stations.noneAdmin' : 'family.noStations')}</p>
      ) : (
        <ul className="person-list">
          {props.stations.map((station) => (
            <PersonCard key={station.id} person={station} isMe={false} title={t('family.stationOf', { name: station.firstName })}>
              {props.isAdmin && <SettingsLink person={station} />}
              {props.isAdmin && <ManagePerson person={station} isMe={false} onChanged={changed} />}
            </PersonCard>
          ))}
        </ul>
      )}
      {props.isAdmin && (
        // Open while there is no screen yet: then adding one is what the admin came for.
        <details className="manage" open={props.stations.length === 0 || undefined}>
          <summary className="manage__summary">{t('people.station.addTitle')}</summary>
          <div className="manage__body">
            <AddStationPerson onAdded={changed} />
          </div>
        </details>
      )}
    </section>
  );
}
