import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { useI18n, type I18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import type { MessageJson } from '../chatsApi.js';
import { CallButton, GroupCallButton } from '../calls/CallButton.js';
import { Composer } from '../chats/Composer.js';
import { useTyping } from '../chats/live.js';
import { MessageItem } from '../chats/MessageItem.js';
import { conversationTitle, firstName, usePeople } from '../chats/people.js';
import { useConversation } from '../chats/useConversation.js';
import { AppFrame } from '../components/Frames.js';
import { useSession } from '../session.js';
import '../chats.css';

/** "Anna is typing…", "Anna and Bram are typing…". */
function typingSentence(names: string[], t: I18n['t']): string {
  if (names.length === 0) return '';
  if (names.length === 1) return t('chats.typing.one', { name: names[0] as string });
  return t('chats.typing.many', { names: names.slice(0, -1).join(', '), last: names.at(-1) as string });
}

/**
 * Which own message carries the read marker: the newest one that someone else has read up to
 * (or past), with who has.
 */
function seenMarker(messages: MessageJson[], readUpTo: Map<string, string>, me: string | undefined, others: string[]): { id: string; readers: string[] } | null {
  const position = new Map(messages.map((m, index) => [m.id, index]));
  const mine = messages.findLastIndex((m) => m.authorId === me && !m.deletedAt);
  if (mine === -1) return null;
  const readers = others.filter((id) => {
    const upTo = readUpTo.get(id);
    return upTo !== undefined && (position.get(upTo) ?? -1) >= mine;
  });
  return readers.length ? { id: (messages[mine] as MessageJson).id, readers } : null;
}

/** One conversation: history (newest at the bottom), earlier pages on request, live changes, and writing. */
export function Conversation(props: { id: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const people = usePeople();
  const { typing, stopped } = useTyping(props.id);
  const state = useConversation(props.id, stopped);
  const { conversation, messages } = state;
  const [replyTo, setReplyTo] = useState<MessageJson | null>(null);
  const atBottom = useRef(true);
  const toBottom = useRef(true);

  useEffect(() => {
    const onScroll = () => {
      atBottom.current = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 160;
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);

  // A new message at the end scrolls it into view, unless the person is reading further up.
  const newest = messages.at(-1)?.id;
  useEffect(() => {
    if (!newest || !(atBottom.current || toBottom.current)) return;
    toBottom.current = false;
    window.scrollTo({ top: document.documentElement.scrollHeight });
  }, [newest, typing.length]);

  const cancelReply = useCallback(() => setReplyTo(null), []);
  const title = conversation ? conversationTitle(conversation, people, me?.id, t) : t('chats.conversation');
  const others = conversation?.participantIds.filter((id) => id !== me?.id) ?? [];
  const otherPerson = others.length === 1 ? people.get(others[0] as string) : undefined;
  const seen = seenMarker(messages, state.readUpTo, me?.id, others);
  const seenText = seen && (conversation?.kind === 'direct' ? t('chats.seen') : t('chats.seenBy', { names: seen.readers.map((id) => firstName(people, id, t)).join(', ') }));

  return (
    <AppFrame>
      <div className="conversation">
        <div className="conversation__head">
          <Link to="/chats" className="conversation__back">
            {t('chats.back')}
          </Link>
          <PageHeading title={title}>{title}</PageHeading>
          {conversation?.kind === 'direct' && otherPerson && <CallButton person={otherPerson} className="conversation__call" />}
          {conversation?.kind === 'group' && conversation.groupId && <GroupCallButton group={{ id: conversation.groupId, name: title }} className="conversation__call" />}
        </div>
        {state.error && <Notice tone="error">{state.error}</Notice>}
        {!state.loaded && !state.error && <p role="status">{t('app.loading')}</p>}
        {state.loaded && (
          <>
            {state.hasEarlier && (
              <Button variant="secondary" className="conversation__earlier" busy={state.loadingEarlier} busyLabel={t('app.loading')} onClick={state.loadEarlier}>
                {t('chats.earlier')}
              </Button>
            )}
            {messages.length === 0 && <p className="lead">{t('chats.startHint')}</p>}
            <ol className="messages" aria-label={t('chats.messagesLabel', { name: title })} aria-live="polite">
              {messages.map((message) => (
                <MessageItem
                  key={message.id}
                  message={message}
                  mine={message.authorId === me?.id}
                  author={firstName(people, message.authorId, t)}
                  replyLabel={message.replyTo?.authorId === me?.id ? t('chats.replyToYou') : t('chats.replyTo', { name: firstName(people, message.replyTo?.authorId ?? null, t) })}
                  replyShown={Boolean(message.replyTo && messages.some((m) => m.id === message.replyTo?.id))}
                  seen={seen?.id === message.id ? seenText : null}
                  onReply={setReplyTo}
                  onChanged={state.put}
                  onDeleted={(id) => {
                    state.remove(id);
                    if (replyTo?.id === id) setReplyTo(null);
                  }}
                />
              ))}
            </ol>
            <p className="typing" aria-live="polite">
              {typingSentence(
                typing.map((id) => firstName(people, id, t)),
                t,
              )}
            </p>
            <Composer
              conversationId={props.id}
              title={title}
              replyTo={replyTo && { message: replyTo, label: replyTo.authorId === me?.id ? t('chats.replyingToYou') : t('chats.replyingTo', { name: firstName(people, replyTo.authorId, t) }) }}
              onCancelReply={cancelReply}
              onSent={(message) => {
                toBottom.current = true;
                state.put(message);
              }}
            />
          </>
        )}
      </div>
    </AppFrame>
  );
}
