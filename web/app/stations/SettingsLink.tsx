import { useI18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import './stations.css';

/** On a station person's card (admins): the way to the settings of their screen. */
export function SettingsLink(props: { person: { id: string; firstName: string } }) {
  const { t } = useI18n();
  return (
    <div className="person-card__settings">
      <Link to={`/family/stations/${encodeURIComponent(props.person.id)}/settings`} className="person-card__settings-link">
        {t('stations.settingsLink', { name: props.person.firstName })}
      </Link>
    </div>
  );
}
