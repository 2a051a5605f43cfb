import { useState } from 'react';
import { isApiError } from '../../common/api.js';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { navigate } from '../../common/router.js';
import { openDirectConversation } from '../chatsApi.js';
import type { PersonJson } from '../familyApi.js';
import { Dialog } from '../../common/components/Dialog.js';

/** Picking someone in the family to write to: opens the chat with them, made on first use. */
export function NewChat(props: { people: Map<string, PersonJson>; me: string | undefined; onClose(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const others = [...props.people.values()].filter((p) => p.id !== props.me).sort((a, b) => a.displayName.localeCompare(b.displayName, i18n.language));

  const open = async (person: PersonJson) => {
    if (opening) return;
    setOpening(person.id);
    setError(null);
    try {
      const conversation = await openDirectConversation(person.id);
      props.onClose();
      navigate(`/chats/${conversation.id}`);
    } catch (thrown) {
      setError(isApiError(thrown, 'forbidden') ? t('chats.newChat.notAllowed', { name: person.firstName }) : errorSentence(thrown, i18n));
      setOpening(null);
    }
  };

  return (
    <Dialog title={t('chats.newChat.title')} onClose={props.onClose} className="new-chat">
      <p>{t('chats.newChat.intro')}</p>
      {error && <Notice tone="error">{error}</Notice>}
      {props.people.size === 0 ? (
        <p role="status">{t('app.loading')}</p>
      ) : others.length === 0 ? (
        <p>{t('chats.newChat.nobody')}</p>
      ) : (
        <ul className="people-picker" aria-label={t('chats.newChat.listLabel')}>
          {others.map((person) => (
            <li key={person.id}>
              <button type="button" className="people-picker__person" aria-disabled={opening !== null || undefined} onClick={() => open(person)}>
                <span className="chat-list__avatar" aria-hidden="true">
                  {person.firstName.slice(0, 1).toUpperCase()}
                </span>
                <span className="people-picker__name">{person.displayName}</span>
                {opening === person.id && <span className="people-picker__busy">{t('chats.newChat.opening')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="modal__actions">
        <Button variant="secondary" onClick={props.onClose}>
          {t('chats.newChat.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
