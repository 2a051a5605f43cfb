import { useCallback, useEffect, useState } from 'react';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n, type I18n, type MessageKey } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { useLiveEvents } from '../../common/useLiveEvents.js';
import { listConversations, type ConversationJson } from '../chatsApi.js';
import { HomeCalls } from '../calls/HomeCalls.js';
import { AppFrame } from '../components/Frames.js';
import { SignedInDevices } from '../components/SignedInDevices.js';
import { listNotices, listPeople, type NoticeJson, type PersonJson } from '../familyApi.js';
import { changesGrid } from '../photos/liveChanges.js';
import { Thumb } from '../photos/Thumb.js';
import { useGrid } from '../photos/useGrid.js';
import { useStationName } from '../photos/useStationName.js';
import { kindWord, sharedText, whenText } from '../photos/when.js';
import { useSession } from '../session.js';
import '../photos/photos.css';

/** The greeting for the hour of the day: morning from 6, afternoon from 12, evening from 18. */
export function greetingKey(hour: number): MessageKey {
  if (hour >= 6 && hour < 12) return 'home.greeting.morning';
  if (hour >= 12 && hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

/** How many conversations and notices Home shows before "all". */
const shown = 5;

/** A conversation's name: the group's, or the first names of the others. */
function conversationName(conversation: ConversationJson, people: Map<string, PersonJson>, meId: string | undefined, i18n: I18n): string {
  if (conversation.title) return conversation.title;
  const names = conversation.participantIds.filter((id) => id !== meId).flatMap((id) => people.get(id)?.firstName ?? []);
  return names.length > 0 ? names.join(', ') : i18n.t('home.chats.someone');
}

/** Loads something for Home and reloads it on demand; failures become a sentence. */
function useLoad<T>(load: () => Promise<T>): { value: T | null; error: unknown; reload(): void } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    load().then(
      (loaded) => {
        setValue(loaded);
        setError(null);
      },
      (thrown: unknown) => setError(thrown),
    );
  }, [load]);
  useEffect(() => reload(), [reload]);
  return { value, error, reload };
}

const loadConversations = async () => {
  const [conversations, people] = await Promise.all([listConversations(), listPeople()]);
  return { conversations, people: new Map(people.map((person) => [person.id, person])) };
};
const loadNotices = async (): Promise<NoticeJson[]> => (await listNotices()).notices.filter((notice) => !notice.read);

/**
 * Home: a greeting, the six newest photos, the conversations with what is unread, and what is
 * new in the message center; each leads to its own page. It stays current by itself: new
 * messages, photos and notices arrive over the live connection.
 */
export function Home() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me, family } = useSession();
  const stationName = useStationName();
  const photos = useGrid(6);
  const chats = useLoad(loadConversations);
  const notices = useLoad(loadNotices);
  const { refresh } = photos;
  const reloadChats = chats.reload;
  const reloadNotices = notices.reload;

  useLiveEvents(
    (event) => {
      if (changesGrid(event.event, event.payload)) refresh();
      if (event.event.startsWith('message.') || event.event.startsWith('conversation.')) reloadChats();
      if (event.event.startsWith('notice.')) reloadNotices();
    },
    () => {
      refresh();
      reloadChats();
      reloadNotices();
    },
  );

  const name = me?.firstName ?? '';
  const conversations = chats.value?.conversations ?? [];
  const unreadNotices = notices.value ?? [];

  return (
    <AppFrame>
      <div className="welcome">
        <PageHeading title={t('home.pageTitle')}>{t(greetingKey(new Date().getHours()), { name })}</PageHeading>
        {family && <p className="lead">{t('home.welcome', { family: family.name })}</p>}
      </div>

      <section className="card stack home-section" aria-labelledby="home-photos">
        <div className="photos-section-head">
          <h2 id="home-photos">{t('home.photos.title')}</h2>
          <Link to="/photos">{t('home.photos.all')}</Link>
        </div>
        {photos.error !== null && <Notice tone="error">{errorSentence(photos.error, i18n)}</Notice>}
        {photos.items?.length === 0 && (
          <>
            <p>{stationName ? t('photos.empty.title', { name: stationName }) : t('photos.empty.titleFamily')}</p>
            <div>
              <Link to="/photos" className="button button--primary">
                {t('home.photos.share')}
              </Link>
            </div>
          </>
        )}
        {photos.items && photos.items.length > 0 && (
          <ul className="photo-strip" aria-label={t('home.photos.label')}>
            {photos.items.map((item) => (
              <li key={item.media.id}>
                <Link to="/photos" className="photo-strip__link" aria-label={`${kindWord(i18n, item.media.kind)}, ${sharedText(i18n, item, me?.id)}`}>
                  <Thumb media={item.media} videoLabel={t('photos.video')} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <HomeCalls />

      <section className="card stack home-section" aria-labelledby="home-chats">
        <div className="photos-section-head">
          <h2 id="home-chats">{t('home.chats.title')}</h2>
          <Link to="/chats">{t('home.chats.all')}</Link>
        </div>
        {chats.error !== null && <Notice tone="error">{errorSentence(chats.error, i18n)}</Notice>}
        {chats.value && conversations.length === 0 && (
          <p>
            {t('home.chats.empty')} <Link to="/family">{t('home.chats.toFamily')}</Link>
          </p>
        )}
        {conversations.length > 0 && (
          <ul className="home-list" aria-label={t('home.chats.label')}>
            {conversations.slice(0, shown).map((conversation) => {
              const title = conversationName(conversation, chats.value?.people ?? new Map(), me?.id, i18n);
              return (
                <li key={conversation.id}>
                  <Link to={`/chats/${conversation.id}`} className={`home-list__item${conversation.unread > 0 ? ' home-list__item--unread' : ''}`}>
                    <span className="home-list__title">{title}</span>
                    {conversation.lastMessageAt && <span className="home-list__meta">{whenText(i18n, conversation.lastMessageAt)}</span>}
                    {conversation.unread > 0 && (
                      <span className="badge" aria-label={t('home.chats.unread', { count: conversation.unread })}>
                        {conversation.unread}
                      </span>
                    )}
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section className="card stack home-section" aria-labelledby="home-notices">
        <div className="photos-section-head">
          <h2 id="home-notices">{t('home.notices.title')}</h2>
          <Link to="/notices">{t('home.notices.all')}</Link>
        </div>
        {notices.error !== null && <Notice tone="error">{errorSentence(notices.error, i18n)}</Notice>}
        {notices.value && unreadNotices.length === 0 && <p>{t('home.notices.empty')}</p>}
        {unreadNotices.length > 0 && (
          <ul className="home-list" aria-label={t('home.notices.label')}>
            {unreadNotices.slice(0, shown).map((notice) => (
              <li key={notice.id}>
                <Link to="/notices" className="home-list__item home-list__item--unread">
                  <span className="home-list__title">{notice.title}</span>
                  <span className="home-list__meta">
                    {notice.author ? t('home.notices.from', { name: notice.author.name, when: whenText(i18n, notice.createdAt) }) : whenText(i18n, notice.createdAt)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <SignedInDevices />
    </AppFrame>
  );
}
