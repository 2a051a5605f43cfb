import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../common/i18n.js';
import type { MessageJson } from '../chatsApi.js';
import { DeleteMessage } from './DeleteMessage.js';
import { EditMessage } from './EditMessage.js';
import { MessageMedia } from './MessageMedia.js';

/** The element id of a message in the conversation, to jump to it from a reply. */
export const messageElementId = (id: string) => `message-${id}`;

/** Moves to a message shown in the conversation and gives it the focus. */
function showMessage(id: string): void {
  const element = document.getElementById(messageElementId(id));
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}

export interface MessageItemProps {
  message: MessageJson;
  mine: boolean;
  /** The author's first name. */
  author: string;
  /** Whose message this answers: "Reply to Anna", "Reply to you". */
  replyLabel: string;
  /** Whether the quoted message is loaded, so the quote can lead to it. */
  replyShown: boolean;
  /** "Seen" (or "Seen by Anna") under the newest own message the others have read. */
  seen: string | null;
  onReply(message: MessageJson): void;
  onChanged(message: MessageJson): void;
  onDeleted(id: string): void;
}

/** One message: who wrote it, what it answers, its text and photos, and what the viewer may do with it. */
export function MessageItem(props: MessageItemProps) {
  const { t, formatTime } = useI18n();
  const { message, mine } = props;
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const itemRef = useRef<HTMLLIElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const deleted = Boolean(message.deletedAt);
  const bodyId = `${messageElementId(message.id)}-body`;

  // Back from editing, the keyboard continues where it started.
  useEffect(() => {
    if (wasEditing.current && !editing) editRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const abilities = deleted ? undefined : message.abilities;
  const classes = ['message-row', mine ? 'message-row--mine' : '', deleted ? 'message-row--deleted' : ''].filter(Boolean).join(' ');
  return (
    <li ref={itemRef} id={messageElementId(message.id)} tabIndex={-1} className={classes}>
      <div className="message">
        <span className="message__author">{mine ? t('chats.you') : props.author}</span>
        {message.replyTo && (
          <button type="button" className="message__reply" disabled={!props.replyShown} onClick={() => showMessage(message.replyTo?.id ?? '')}>
            <span className="message__reply-author">{props.replyLabel}</span>
            <span className="message__reply-text">{message.replyTo.excerpt || t('chats.deleted')}</span>
          </button>
        )}
        {editing ? (
          <EditMessage
            message={message}
            onCancel={() => setEditing(false)}
            onSaved={(saved) => {
              props.onChanged(saved);
              setEditing(false);
            }}
          />
        ) : (
          (deleted || message.body) && (
            <p className="message__body" id={bodyId}>
              {deleted ? t('chats.deleted') : message.body}
            </p>
          )
        )}
        {!deleted && message.attachments.length > 0 && <MessageMedia attachments={message.attachments} author={mine ? t('chats.you') : props.author} />}
        <span className="message__meta">
          <time dateTime={message.createdAt}>{formatTime(new Date(message.createdAt))}</time>
          {message.editedAt && !deleted && <span className="message__edited"> · {t('chats.edited')}</span>}
        </span>
      </div>
      {(!deleted && !editing) || props.seen ? (
        <div className="message-row__below">
          {!deleted && !editing && (
            <span className="message-actions">
              <button type="button" className="message-actions__button" aria-describedby={message.body ? bodyId : undefined} onClick={() => props.onReply(message)}>
                {t('chats.reply')}
              </button>
              {abilities?.edit && (
                <button ref={editRef} type="button" className="message-actions__button" aria-describedby={message.body ? bodyId : undefined} onClick={() => setEditing(true)}>
                  {t('chats.edit')}
                </button>
              )}
              {abilities?.delete && (
                <button type="button" className="message-actions__button" aria-describedby={message.body ? bodyId : undefined} onClick={() => setConfirming(true)}>
                  {t('chats.delete')}
                </button>
              )}
            </span>
          )}
          {props.seen && <span className="message-row__seen">{props.seen}</span>}
        </div>
      ) : null}
      {confirming && (
        <DeleteMessage
          message={message}
          mine={mine}
          returnFocus={() => itemRef.current}
          onClose={() => setConfirming(false)}
          onDeleted={() => {
            setConfirming(false);
            props.onDeleted(message.id);
          }}
        />
      )}
    </li>
  );
}
