import { useEffect } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { useLocation } from '../../common/router.js';
import { AppFrame } from '../components/Frames.js';
import { GroupsSection } from '../family/GroupsSection.js';
import { Invitations } from '../family/Invitations.js';
import { byName } from '../family/names.js';
import { PeopleSection } from '../family/PeopleSection.js';
import { StationContacts } from '../family/StationContacts.js';
import { StationsSection } from '../family/StationsSection.js';
import { useFamilyData } from '../family/useFamilyData.js';
import { useSession } from '../session.js';
import { ConnectedScreens } from '../stations/ConnectedScreens.js';

/**
 * Family: everyone in the family and the groups, each a tap away from a chat. Admins also
 * change roles, remove people, shape groups, add station people and decide who may reach them,
 * and invite by email. The parts live in web/app/family/.
 */
export function Family() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const isAdmin = me?.role === 'admin';
  const { state, reload } = useFamilyData();
  const { hash } = useLocation();
  const ready = state.status === 'ready';
  // A link to a part of the page (/family#family-stations, from "Add a screen") lands there once it is shown.
  useEffect(() => {
    if (!ready || !hash) return;
    const target = document.getElementById(hash);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [ready, hash]);

  return (
    <AppFrame>
      <PageHeading title={t('family.pageTitle')}>{t('family.title')}</PageHeading>
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'failed' && (
        <div className="stack">
          <Notice tone="error">{errorSentence(state.error, i18n)}</Notice>
          <Button onClick={() => void reload()}>{t('error.tryAgain')}</Button>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <PeopleSection people={state.data.people} meId={me?.id} isAdmin={isAdmin} reload={reload} />
          {isAdmin && <Invitations />}
          <GroupsSection
            groups={state.data.groups}
            everyone={[...state.data.people, ...state.data.stations].sort(byName)}
            meId={me?.id}
            isAdmin={isAdmin}
            reload={reload}
          />
          <StationsSection stations={state.data.stations} isAdmin={isAdmin} reload={reload} />
          {isAdmin && <ConnectedScreens />}
          {isAdmin && state.data.stations.map((station) => <StationContacts key={station.id} station={station} people={state.data.people} />)}
        </>
      )}
    </AppFrame>
  );
}
