import { useId } from 'react';
import { Button } from '../../common/components/Button.js';
import { useI18n } from '../../common/i18n.js';
import { navigate } from '../../common/router.js';
import { GroupCallButton } from '../calls/CallButton.js';
import type { PersonJson } from '../familyApi.js';
import type { GroupJson } from './api.js';
import { Avatar } from './Avatar.js';
import { ManageGroup } from './ManageGroup.js';
import { personName } from './names.js';

/**
 * One group: its name, who is in it, the way to its chat for those in it, and for admins the
 * group's options (rename, members, delete).
 */
export function GroupCard(props: { group: GroupJson; everyone: PersonJson[]; meId: string | undefined; onChanged(announcement: string): Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { group } = props;
  const headingId = useId();
  const members = props.everyone.filter((p) => group.memberIds.includes(p.id));
  const isIn = props.meId !== undefined && group.memberIds.includes(props.meId);
  return (
    <li className="group-card stack stack--tight" aria-labelledby={headingId}>
      <div className="group-card__head">
        <h3 id={headingId} className="group-card__name">
          {group.name}
        </h3>
        <span className="muted small">{t(members.length === 1 ? 'people.group.count.one' : 'people.group.count.other', { count: members.length })}</span>
      </div>
      {members.length === 0 ? (
        <p className="muted">{t('people.group.empty')}</p>
      ) : (
        <ul className="group-card__members">
          {members.map((person) => (
            <li key={person.id} className="group-card__member">
              <Avatar person={person} size="small" />
              <span>{person.id === props.meId ? t('people.youName', { name: person.firstName }) : personName(person, i18n)}</span>
            </li>
          ))}
        </ul>
      )}
      {isIn && (
        <Button variant="secondary" className="group-card__chat" onClick={() => navigate(`/chats/${encodeURIComponent(group.conversationId)}`)}>
          {t('people.group.openChat', { name: group.name })}
        </Button>
      )}
      {isIn && <GroupCallButton group={group} />}
      {/* Keyed by what it edits, so a change made elsewhere (another admin) starts it afresh. */}
      {group.abilities.manage && <ManageGroup key={`${group.name}:${group.memberIds.join(',')}`} group={group} everyone={props.everyone} onChanged={props.onChanged} />}
    </li>
  );
}
