import { useEffect, useState } from 'react';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { searchMessages, type ConversationJson, type MessageJson } from '../chatsApi.js';
import type { PersonJson } from '../familyApi.js';
import { excerpt, queryWords } from './excerpt.js';
import { conversationTitle, firstName } from './people.js';

const typingPauseMs = 300;

/** The results of a search for the query, read a moment after the person stops typing. */
function useSearch(query: string): { results: MessageJson[] | null; error: string | null } {
  const i18n = useI18n();
  const [results, setResults] = useState<MessageJson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const searchable = queryWords(query).length > 0;
  useEffect(() => {
    setResults(null);
    setError(null);
    if (!searchable) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchMessages(query.trim(), controller.signal).then(setResults, (thrown: unknown) => {
        if (!controller.signal.aborted) setError(errorSentence(thrown, i18n));
      });
    }, typingPauseMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, searchable, i18n]);
  return { results, error };
}

/** Messages found for the query: in which conversation, who said it, and the words around the match. */
export function ChatSearchResults(props: { query: string; conversations: ConversationJson[]; people: Map<string, PersonJson>; me: string | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { results, error } = useSearch(props.query);
  const byId = new Map(props.conversations.map((c) => [c.id, c]));
  const searchable = queryWords(props.query).length > 0;
  const status = !searchable
    ? t('chats.search.needWord')
    : error
      ? error
      : results === null
        ? t('chats.search.busy')
        : results.length === 0
          ? t('chats.search.none', { query: props.query.trim() })
          : results.length === 1
            ? t('chats.search.one')
            : t('chats.search.many', { count: results.length });
  return (
    <section className="search-results" aria-label={t('chats.search.resultsLabel')}>
      <p className={error ? 'search-results__status search-results__status--error' : 'search-results__status'} role="status">
        {status}
      </p>
      {results && results.length > 0 && (
        <ul className="chat-list">
          {results.map((message) => {
            const conversation = byId.get(message.conversationId);
            const name = conversation ? conversationTitle(conversation, props.people, props.me, t) : t('chats.conversation');
            const author = message.authorId === props.me ? t('chats.you') : firstName(props.people, message.authorId, t);
            return (
              <li key={message.id}>
                <Link to={`/chats/${message.conversationId}`} className="chat-list__item search-result">
                  <span className="chat-list__text">
                    <span className="chat-list__top">
                      <span className="chat-list__title">{name}</span>
                      <time dateTime={message.createdAt} className="chat-list__when">
                        {i18n.formatRelative(new Date(message.createdAt))}
                      </time>
                    </span>
                    <span className="search-result__excerpt">
                      <span className="search-result__author">{author}: </span>
                      {excerpt(message.body, props.query).map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
                    </span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
