import type { ReactNode } from 'react';
import { Notice } from '../../common/components/Notice.js';
import { useI18n } from '../../common/i18n.js';
import { CallButton } from '../calls/CallButton.js';
import type { PersonJson } from '../familyApi.js';
import { Avatar } from './Avatar.js';
import { useStartChat } from './useStartChat.js';

/**
 * One person of the family: photo or initials, name and role. Tapping someone else opens the
 * chat with them, and their call button rings them; `children` (an admin's options) go under it.
 */
export function PersonCard(props: { person: PersonJson; isMe: boolean; title?: string; children?: ReactNode }) {
  const { t } = useI18n();
  const { person, isMe } = props;
  const chat = useStartChat(person);
  const title = props.title ?? `${person.firstName} ${person.lastName}`;
  const body = (
    <>
      <Avatar person={person} />
      <span className="person-card__text">
        <span className="person-card__name">{title}</span>
        <span className="person-card__meta">
          {person.role === 'admin' && <span className="badge">{t('family.admin')}</span>}
          {isMe && <span>{t('family.you')}</span>}
        </span>
      </span>
    </>
  );
  return (
    <li className="person-card" data-person={person.id}>
      {isMe ? (
        <div className="person-card__row">{body}</div>
      ) : (
        <button
          type="button"
          className="person-card__row person-card__open"
          aria-disabled={chat.busy || undefined}
          onClick={() => void chat.start()}
        >
          {body}
          <span className="person-card__action">
            {chat.busy ? t('people.chat.opening') : t('people.chat.open')}
          </span>
        </button>
      )}
      {chat.error && <Notice tone="error">{chat.error}</Notice>}
      {!isMe && <CallButton person={person} />}
      {props.children}
    </li>
  );
}
