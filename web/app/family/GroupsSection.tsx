import { Notice } from '../../common/components/Notice.js';
import { useI18n } from '../../common/i18n.js';
import type { PersonJson } from '../familyApi.js';
import type { GroupJson } from './api.js';
import { GroupCard } from './GroupCard.js';
import { NewGroupForm } from './NewGroupForm.js';
import { useAnnouncement } from './useAnnouncement.js';

/** The groups (members: their own; admins: all, with a form for a new one). */
export function GroupsSection(props: { groups: GroupJson[]; everyone: PersonJson[]; meId: string | undefined; isAdmin: boolean; reload(): Promise<void> }) {
  const { t } = useI18n();
  const announcement = useAnnouncement();
  const changed = announcement.after(props.reload);
  return (
    <section className="card stack" aria-labelledby="family-groups">
      <div className="section-head">
        <h2 id="family-groups" ref={announcement.headingRef} tabIndex={-1}>
          {t('people.groups.title')}
        </h2>
        <p className="muted">{t(props.isAdmin ? 'people.groups.introAdmin' : 'people.groups.intro')}</p>
      </div>
      {announcement.text && <Notice tone="success">{announcement.text}</Notice>}
      {props.groups.length === 0 ? (
        <p className="muted">{t(props.isAdmin ? 'people.groups.noneAdmin' : 'people.groups.none')}</p>
      ) : (
        <ul className="group-list">
          {props.groups.map((group) => (
            <GroupCard key={group.id} group={group} everyone={props.everyone} meId={props.meId} onChanged={changed} />
          ))}
        </ul>
      )}
      {props.isAdmin && (
        // Open while there is no group yet: then making one is what the admin came for.
        <details className="manage" open={props.groups.length === 0 || undefined}>
          <summary className="manage__summary" id="family-new-group">
            {t('people.group.newTitle')}
          </summary>
          <div className="manage__body">
            <NewGroupForm people={props.everyone} onCreated={changed} />
          </div>
        </details>
      )}
    </section>
  );
}
