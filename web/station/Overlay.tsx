import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../common/i18n.js';
import { markConversationRead, markNoticeRead, sendQuickReply, type PersonJson } from './api.js';
import { Avatar } from './Avatar.js';
import { PhoneIcon } from './calls/PhoneIcon.js';
import type { InboxItem, MessageItem, NoticeItem } from './inbox.js';
import { speak, stopSpeaking } from './speech.js';
import { useIdle } from './useIdle.js';

/** An overlay goes away by itself after this long without a touch; it stays reachable from its tile. */
export const overlayMs = 30_000;
/** How long "Sent to Anna" shows before the overlay closes. */
const sentMs = 4_000;

export interface OverlayProps {
  item: InboxItem;
  people: ReadonlyMap<string, PersonJson>;
  quickReplies: readonly string[];
  readAloud: boolean;
  /** Whether the station may call this person now (the sender gets a Call button). */
  mayCall(userId: string): boolean;
  /** Calls the sender back. */
  onCall(person: PersonJson): void;
  /** Closes the overlay; `read` when the person closed it or answered (not when it timed out). */
  onClose(read: boolean): void;
}

/** One overlay over the home screen: a new message or a notice, large. */
export function Overlay(props: OverlayProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { onClose } = props;
  useIdle(true, () => onClose(false), overlayMs);
  useEffect(() => {
    heading.current?.focus();
    return stopSpeaking;
  }, [props.item.key]);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="overlay-title">
      <div className="overlay__card">
        {props.item.kind === 'message' ? <MessageOverlay {...props} item={props.item} heading={heading} /> : <NoticeOverlay {...props} item={props.item} heading={heading} />}
      </div>
    </div>
  );
}

/** Someone's first name as the station person knows them; the family's name for the system. */
function senderOf(item: MessageItem, people: ReadonlyMap<string, PersonJson>): PersonJson | undefined {
  const authorId = item.messages.at(-1)?.authorId;
  return authorId ? people.get(authorId) : undefined;
}

/** A quick reply of emoji only ("❤️") gets a word beside it: every button says what it does. */
function replyLabel(reply: string, t: ReturnType<typeof useI18n>['t']): string {
  return /\p{L}/u.test(reply) ? reply : t('station.reply.send', { reply });
}

function MessageOverlay(props: OverlayProps & { item: MessageItem; heading: React.RefObject<HTMLHeadingElement | null> }) {
  const { t, language } = useI18n();
  const { item, onClose } = props;
  const sender = senderOf(item, props.people);
  const name = sender?.firstName ?? t('station.message.someone');
  const newest = item.messages.at(-1);
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  const spoken = item.messages.map((m) => m.body || t('station.message.photoOnly', { name })).join(' ');
  const aloud = t('station.message.aloud', { name, text: spoken });

  useEffect(() => {
    if (props.readAloud) speak(aloud, language);
    // Read once when a message opens (or a newer one joins it), not again at every render.
  }, [item.key, newest?.id]);

  useEffect(() => {
    if (state !== 'sent') return;
    const timer = setTimeout(() => onClose(true), sentMs);
    return () => clearTimeout(timer);
  }, [state, onClose]);

  const close = async () => {
    if (newest) await markConversationRead(item.conversationId, newest.id).catch(() => undefined);
    onClose(true);
  };

  // Calling back answers the message: it counts as read, and the call takes the screen.
  const callSender = (person: PersonJson) => {
    if (newest) void markConversationRead(item.conversationId, newest.id).catch(() => undefined);
    props.onCall(person);
  };

  const reply = async (text: string) => {
    if (!newest || state === 'sending') return;
    setState('sending');
    try {
      await sendQuickReply(item.conversationId, text, newest.id);
      await markConversationRead(item.conversationId, newest.id).catch(() => undefined);
      setState('sent');
    } catch {
      setState('failed');
    }
  };

  return (
    <>
      <header className="overlay__from">
        <Avatar name={name} photoUrl={sender?.photoUrl ?? null} size="large" />
        <div>
          <h2 id="overlay-title" ref={props.heading} tabIndex={-1}>
            {t('station.message.from', { name })}
          </h2>
          {item.title ? <p className="overlay__group">{t('station.message.inGroup', { group: item.title })}</p> : null}
        </div>
        {sender && props.mayCall(sender.id) ? (
          <button type="button" className="station-button station-button--answer overlay__call" onClick={() => callSender(sender)}>
            <PhoneIcon />
            {t('station.call.person', { name })}
          </button>
        ) : null}
      </header>
      <div className="overlay__messages">
        {item.messages.map((message) => {
          const photo = message.attachments.find((a) => a.kind === 'photo');
          return (
            <div key={message.id} className="overlay__message">
              {message.body ? <p className="overlay__text">{message.body}</p> : <p className="overlay__text">{t('station.message.photoOnly', { name })}</p>}
              {photo?.urls.station || photo?.urls.thumb ? <img className="overlay__photo" src={photo.urls.station ?? photo.urls.thumb} alt="" /> : null}
            </div>
          );
        })}
      </div>
      {state === 'sent' ? (
        <p className="overlay__sent" role="status">
          {t('station.reply.sent', { name })}
        </p>
      ) : (
        <div className="overlay__replies" role="group" aria-label={t('station.reply.label')}>
          {props.quickReplies.map((text) => (
            <button key={text} type="button" className="station-button station-button--reply" aria-disabled={state === 'sending' || undefined} onClick={() => void reply(text)}>
              {replyLabel(text, t)}
            </button>
          ))}
        </div>
      )}
      {state === 'failed' ? (
        <p className="overlay__failed" role="alert">
          {t('station.reply.failed')}
        </p>
      ) : null}
      <div className="overlay__actions">
        {props.readAloud ? (
          <button type="button" className="station-button station-button--quiet" onClick={() => speak(aloud, language)}>
            {t('station.readAloud')}
          </button>
        ) : null}
        <button type="button" className="station-button station-button--close" onClick={() => void close()}>
          {t('station.close')}
        </button>
      </div>
    </>
  );
}

function NoticeOverlay(props: OverlayProps & { item: NoticeItem; heading: React.RefObject<HTMLHeadingElement | null> }) {
  const { t, language } = useI18n();
  const { notice } = props.item;
  const { onClose } = props;
  const aloud = `${notice.title}. ${notice.body}`;
  useEffect(() => {
    if (props.readAloud) speak(aloud, language);
  }, [notice.id]);
  const close = async () => {
    await markNoticeRead(notice.id).catch(() => undefined);
    onClose(true);
  };
  return (
    <>
      <header className="overlay__from">
        <div>
          <p className="overlay__kind">{notice.author ? t('station.notice.from', { name: notice.author.name }) : t('station.notice.kind')}</p>
          <h2 id="overlay-title" ref={props.heading} tabIndex={-1}>
            {notice.title}
          </h2>
        </div>
      </header>
      <div className="overlay__messages">
        <p className="overlay__text overlay__text--notice">{notice.body}</p>
      </div>
      <div className="overlay__actions">
        {props.readAloud ? (
          <button type="button" className="station-button station-button--quiet" onClick={() => speak(aloud, language)}>
            {t('station.readAloud')}
          </button>
        ) : null}
        <button type="button" className="station-button station-button--close" onClick={() => void close()}>
          {t('station.close')}
        </button>
      </div>
    </>
  );
}
