import { useCallback, useEffect, useId, useState } from 'react';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { listConversations, type ConversationJson } from '../chatsApi.js';
import { ChatSearchResults } from '../chats/ChatSearch.js';
import { useLiveEvents } from '../../common/useLiveEvents.js';
import { NewChat } from '../chats/NewChat.js';
import { conversationTitle, preview, usePeople } from '../chats/people.js';
import { AppFrame } from '../components/Frames.js';
import { useSession } from '../session.js';
import '../chats.css';

/** The conversations, most recent first, with what was said last and how much is unread; search and a new chat. */
export function Chats() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const people = usePeople();
  const searchId = useId();
  const [conversations, setConversations] = useState<ConversationJson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [choosing, setChoosing] = useState(false);

  const load = useCallback(async () => {
    try {
      setConversations(await listConversations());
      setError(null);
    } catch (thrown) {
      setError(errorSentence(thrown, i18n));
    }
  }, [i18n]);

  useEffect(() => {
    void load();
  }, [load]);

  useLiveEvents((event) => {
    if (event.event.startsWith('message.') || event.event.startsWith('conversation.')) void load();
  });

  const searching = query.trim() !== '';
  return (
    <AppFrame>
      <div className="chats">
        <div className="chats__head">
          <PageHeading title={t('chats.title')}>{t('chats.title')}</PageHeading>
          <button type="button" className="button button--primary chats__new" onClick={() => setChoosing(true)}>
            {t('chats.newChat')}
          </button>
        </div>
        <div role="search" className="chats__search">
          <label className="chats__search-label" htmlFor={searchId}>
            {t('chats.search.label')}
          </label>
          <input
            id={searchId}
            className="field__input"
            type="search"
            value={query}
            placeholder={t('chats.search.placeholder')}
            autoComplete="off"
            enterKeyHint="search"
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query) {
                event.preventDefault();
                setQuery('');
              }
            }}
          />
        </div>
        {error && <Notice tone="error">{error}</Notice>}
        {searching ? (
          <ChatSearchResults query={query} conversations={conversations ?? []} people={people} me={me?.id} />
        ) : (
          <>
            {conversations === null && !error && <p role="status">{t('app.loading')}</p>}
            {conversations?.length === 0 && <p className="lead">{t('chats.empty')}</p>}
            {conversations && conversations.length > 0 && (
              <ul className="chat-list" aria-label={t('chats.listLabel')}>
                {conversations.map((conversation) => {
                  const title = conversationTitle(conversation, people, me?.id, t);
                  const when = conversation.lastMessageAt ? new Date(conversation.lastMessageAt) : null;
                  return (
                    <li key={conversation.id}>
                      <Link to={`/chats/${conversation.id}`} className={`chat-list__item${conversation.unread ? ' chat-list__item--unread' : ''}`}>
                        <span className="chat-list__avatar" aria-hidden="true">
                          {title.slice(0, 1).toUpperCase()}
                        </span>
                        <span className="chat-list__text">
                          <span className="chat-list__top">
                            <span className="chat-list__title">{title}</span>
                            {when && (
                              <time dateTime={conversation.lastMessageAt ?? undefined} className="chat-list__when">
                                {i18n.formatRelative(when)}
                              </time>
                            )}
                          </span>
                          <span className="chat-list__bottom">
                            <span className="chat-list__last">{preview(conversation.lastMessage, t)}</span>
                            {conversation.unread > 0 && (
                              <span className="badge" aria-label={t('chats.unread', { count: conversation.unread })}>
                                {conversation.unread}
                              </span>
                            )}
                          </span>
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        )}
      </div>
      {choosing && <NewChat people={people} me={me?.id} onClose={() => setChoosing(false)} />}
    </AppFrame>
  );
}
