import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n, type I18n } from '../../common/i18n.js';
import { live, type LiveEvent } from '../../common/live.js';
import { Link } from '../../common/router.js';
import { getConversation, listConversations, listMessages, markRead, sendMessage, type ConversationJson, type MessageJson } from '../chatsApi.js';
import { AppFrame } from '../components/Frames.js';
import { listPeople, type PersonJson } from '../familyApi.js';
import { useSession } from '../session.js';
import '../chats.css';

/** Calls `listener` with every live event while the component is shown. */
function useLiveEvents(listener: (event: LiveEvent) => void): void {
  const ref = useRef(listener);
  useEffect(() => {
    ref.current = listener;
  });
  useEffect(() => {
    live.start();
    return live.subscribe((event) => ref.current(event));
  }, []);
}

/** Everyone in the family by id, for naming authors and direct conversations. */
function usePeople(): Map<string, PersonJson> {
  const [people, setPeople] = useState(new Map<string, PersonJson>());
  useEffect(() => {
    let cancelled = false;
    listPeople().then(
      (list) => {
        if (!cancelled) setPeople(new Map(list.map((p) => [p.id, p])));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return people;
}

/** A conversation's name: the group's, or the first name of the other person. */
function conversationTitle(conversation: ConversationJson, people: Map<string, PersonJson>, me: string | undefined, t: I18n['t']): string {
  if (conversation.title) return conversation.title;
  const others = conversation.participantIds.filter((id) => id !== me).map((id) => people.get(id)?.firstName);
  const names = others.filter((name): name is string => Boolean(name));
  return names.length ? names.join(', ') : t('chats.someone');
}

function preview(message: MessageJson | null, t: I18n['t']): string {
  if (!message) return t('chats.noMessages');
  if (message.deletedAt) return t('chats.deleted');
  if (message.body) return message.body;
  return message.attachments.length ? t('chats.photo') : '';
}

/** The conversations, most recent first, with what was said last and how much is unread. */
export function Chats() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const people = usePeople();
  const [conversations, setConversations] = useState<ConversationJson[] | null>(null);
  const [error, setError] = useState<string | null>(null);

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

  return (
    <AppFrame>
      <PageHeading title={t('chats.title')}>{t('chats.title')}</PageHeading>
      {error && <Notice tone="error">{error}</Notice>}
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
                      {when && <time dateTime={conversation.lastMessageAt ?? undefined} className="chat-list__when">{i18n.formatRelative(when)}</time>}
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
    </AppFrame>
  );
}

function upsert(list: MessageJson[], message: MessageJson): MessageJson[] {
  const index = list.findIndex((m) => m.id === message.id);
  if (index === -1) return [...list, message].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const copy = list.slice();
  copy[index] = { ...message, abilities: message.abilities ?? list[index]?.abilities };
  return copy;
}

/** One conversation: history (newest at the bottom), earlier pages on request, live updates and sending. */
export function Conversation(props: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const people = usePeople();
  const [conversation, setConversation] = useState<ConversationJson | null>(null);
  const [messages, setMessages] = useState<MessageJson[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const endRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const readUpTo = useRef<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const [found, page] = await Promise.all([getConversation(props.id), listMessages(props.id)]);
        if (cancelled) return;
        setConversation(found);
        setMessages(page.messages.slice().reverse());
        setNextBefore(page.nextBefore);
        setLoaded(true);
      } catch (thrown) {
        if (!cancelled) setError(errorSentence(thrown, i18n));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [props.id, i18n]);

  // Newest at the bottom: keep it in view while reading the end.
  useEffect(() => {
    if (stickToBottom.current) endRef.current?.scrollIntoView({ block: 'end' });
    stickToBottom.current = true;
  }, [messages]);

  // Mark read up to the newest message.
  useEffect(() => {
    const newest = messages.at(-1);
    if (!newest || readUpTo.current === newest.id) return;
    readUpTo.current = newest.id;
    markRead(props.id, newest.id).catch(() => undefined);
  }, [messages, props.id]);

  // Whenever the live connection (re)opens, fetch the newest page too: nothing said between
  // loading the history and the connection catching up goes missing.
  useEffect(
    () =>
      live.onStatus((status) => {
        if (status !== 'open') return;
        listMessages(props.id).then(
          (page) => setMessages((list) => page.messages.reduce((merged, message) => upsert(merged, message), list)),
          () => undefined,
        );
      }),
    [props.id],
  );

  useLiveEvents((event) => {
    if (event.payload.conversationId !== props.id) return;
    if (event.event === 'message.created' || event.event === 'message.edited') {
      const message = event.payload.message as MessageJson;
      setMessages((list) => upsert(list, message));
    } else if (event.event === 'message.deleted') {
      const id = event.payload.messageId as string;
      setMessages((list) => list.map((m) => (m.id === id ? { ...m, body: '', attachments: [], deletedAt: event.at } : m)));
    }
  });

  const loadEarlier = async () => {
    if (!nextBefore) return;
    setLoadingEarlier(true);
    try {
      const page = await listMessages(props.id, nextBefore);
      stickToBottom.current = false;
      setMessages((list) => [...page.messages.slice().reverse().filter((m) => !list.some((l) => l.id === m.id)), ...list]);
      setNextBefore(page.nextBefore);
    } catch (thrown) {
      setError(errorSentence(thrown, i18n));
    } finally {
      setLoadingEarlier(false);
    }
  };

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    setSendError(null);
    try {
      const message = await sendMessage(props.id, body);
      setMessages((list) => upsert(list, message));
      setText('');
    } catch (thrown) {
      setSendError(errorSentence(thrown, i18n));
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  const title = conversation ? conversationTitle(conversation, people, me?.id, t) : t('chats.conversation');
  const authorName = (id: string | null) => (id && people.get(id)?.firstName) || t('chats.someone');

  return (
    <AppFrame>
      <div className="conversation">
        <div className="conversation__head">
          <Link to="/chats" className="conversation__back">
            {t('chats.back')}
          </Link>
          <PageHeading title={title}>{title}</PageHeading>
        </div>
        {error && <Notice tone="error">{error}</Notice>}
        {!loaded && !error && <p role="status">{t('app.loading')}</p>}
        {loaded && (
          <>
            {nextBefore && (
              <Button variant="secondary" className="conversation__earlier" busy={loadingEarlier} busyLabel={t('app.loading')} onClick={loadEarlier}>
                {t('chats.earlier')}
              </Button>
            )}
            {messages.length === 0 && <p className="lead">{t('chats.startHint')}</p>}
            <ol className="messages" aria-label={t('chats.messagesLabel', { name: title })} aria-live="polite">
              {messages.map((message) => {
                const mine = message.authorId === me?.id;
                const created = new Date(message.createdAt);
                return (
                  <li key={message.id} className={`message${mine ? ' message--mine' : ''}${message.deletedAt ? ' message--deleted' : ''}`}>
                    <span className="message__author">{mine ? t('chats.you') : authorName(message.authorId)}</span>
                    {message.replyTo && <span className="message__reply">{message.replyTo.excerpt || t('chats.deleted')}</span>}
                    <span className="message__body">{message.deletedAt ? t('chats.deleted') : message.body}</span>
                    {message.attachments.length > 0 && !message.deletedAt && (
                      <span className="message__photos">
                        {message.attachments.map((a) => (a.urls.thumb ? <img key={a.id} src={a.urls.thumb} alt={t('chats.photo')} /> : null))}
                      </span>
                    )}
                    <span className="message__meta">
                      <time dateTime={message.createdAt}>{i18n.formatTime(created)}</time>
                      {message.editedAt && !message.deletedAt && <span> · {t('chats.edited')}</span>}
                    </span>
                  </li>
                );
              })}
            </ol>
            <div ref={endRef} />
            <form className="composer" onSubmit={send}>
              {sendError && <Notice tone="error">{sendError}</Notice>}
              <label className="composer__label" htmlFor="composer-text">
                {t('chats.messageLabel', { name: title })}
              </label>
              <div className="composer__row">
                <textarea
                  id="composer-text"
                  className="composer__input"
                  rows={2}
                  value={text}
                  placeholder={t('chats.placeholder')}
                  onChange={(event) => {
                    setText(event.target.value);
                    live.sendTyping(props.id);
                  }}
                  onKeyDown={onKeyDown}
                />
                <Button type="submit" busy={sending} busyLabel={t('chats.sending')}>
                  {t('chats.send')}
                </Button>
              </div>
            </form>
          </>
        )}
      </div>
    </AppFrame>
  );
}
