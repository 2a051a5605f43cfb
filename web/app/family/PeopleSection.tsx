import { Notice } from '../../common/components/Notice.js';
import { useI18n } from '../../common/i18n.js';
import type { PersonJson } from '../familyApi.js';
import { ManagePerson } from './ManagePerson.js';
import { PersonCard } from './PersonCard.js';
import { useAnnouncement } from './useAnnouncement.js';

/** Everyone with an account, each a card to tap for a chat; admins also manage each person. */
export function PeopleSection(props: { people: PersonJson[]; meId: string | undefined; isAdmin: boolean; reload(): Promise<void> }) {
  const { t } = useI18n();
  const announcement = useAnnouncement();
  return (
    <section className="card stack" aria-labelledby="family-people">
      <div className="section-head">
        <h2 id="family-people" ref={announcement.headingRef} tabIndex={-1}>
          {t('family.people')}
        </h2>
        <p className="muted">{t(props.isAdmin ? 'people.intro.admin' : 'people.intro')}</p>
      </div>
      {announcement.text && <Notice tone="success">{announcement.text}</Notice>}
      <ul className="person-list">
        {props.people.map((person) => {
          const isMe = person.id === props.meId;
          return (
            <PersonCard key={person.id} person={person} isMe={isMe}>
              {props.isAdmin && <ManagePerson person={person} isMe={isMe} onChanged={announcement.after(props.reload)} />}
            </PersonCard>
          );
        })}
      </ul>
    </section>
  );
}
