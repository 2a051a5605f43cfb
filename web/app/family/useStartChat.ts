import { useState } from 'react';
import { isApiError } from '../../common/api.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { navigate } from '../../common/router.js';
import type { PersonJson } from '../familyApi.js';
import { openDirectConversation } from './api.js';

/** Starting a chat with someone: busy while the conversation opens, then its page; or why not. */
export interface StartChat {
  busy: boolean;
  error: string | null;
  start(): Promise<void>;
}

/** Opens (or makes) the direct conversation with a person and goes to it. */
export function useStartChat(person: PersonJson): StartChat {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      navigate(`/chats/${encodeURIComponent(await openDirectConversation(person.id))}`);
    } catch (thrown) {
      // A station person the admins have not opened to this relative.
      setError(isApiError(thrown, 'forbidden') ? i18n.t('people.chat.notAllowed', { name: person.firstName }) : errorSentence(thrown, i18n));
      setBusy(false);
    }
  };
  return { busy, error, start };
}
