import { useEffect, useRef, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import { limits } from '../../../server/limits.js';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { sendMessage, type MessageJson } from '../chatsApi.js';
import { useSendTyping } from './live.js';
import { UploadList } from './UploadList.js';
import { maxAttachments, useUploads } from './useUploads.js';

export interface ComposerProps {
  conversationId: string;
  /** Who the message goes to, for the label ("Message to Anna"). */
  title: string;
  /** The message being answered, quoted above the text. */
  replyTo: { message: MessageJson; label: string } | null;
  onCancelReply(): void;
  onSent(message: MessageJson): void;
}

/**
 * Writing a message: text, photos and videos (each uploading on its own while the person goes
 * on typing or reading), and the quote of the message it answers. Send waits for the uploads
 * and then sends everything as one message.
 */
export function Composer(props: ComposerProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { conversationId, replyTo } = props;
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  // Send was pressed while photos were still uploading: send once they are.
  const [waiting, setWaiting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tooMany, setTooMany] = useState(false);
  const uploads = useUploads();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const sendTyping = useSendTyping(conversationId);
  const { items } = uploads;
  const failed = items.some((item) => item.state === 'failed');
  const pending = items.some((item) => item.state === 'waiting' || item.state === 'uploading');

  // Answering a message: the quote appears and the text field takes the focus.
  const replyId = replyTo?.message.id;
  useEffect(() => {
    if (replyId) textRef.current?.focus();
  }, [replyId]);

  const send = async () => {
    const body = text.trim();
    setWaiting(false);
    setSending(true);
    setError(null);
    try {
      const message = await sendMessage(conversationId, {
        ...(body ? { body } : {}),
        ...(replyTo ? { replyTo: replyTo.message.id } : {}),
        ...(items.length ? { attachments: items.map((item) => item.media?.id ?? '') } : {}),
      });
      props.onSent(message);
      setText('');
      setTooMany(false);
      uploads.clear();
      props.onCancelReply();
    } catch (thrown) {
      setError(errorSentence(thrown, i18n));
    } finally {
      setSending(false);
    }
  };

  useEffect(() => {
    if (!waiting) return;
    if (failed) {
      setWaiting(false);
      setError(t('chats.upload.fixFailed'));
    } else if (!pending) void send();
    // send() of this render reads the newest text and uploads.
  }, [waiting, failed, pending]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (sending || waiting) return;
    if (!text.trim() && items.length === 0) {
      textRef.current?.focus();
      return;
    }
    if (failed) {
      setError(t('chats.upload.fixFailed'));
      return;
    }
    if (pending) setWaiting(true);
    else void send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && replyTo) {
      event.preventDefault();
      props.onCancelReply();
    }
  };

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    // The same file can be picked again after removing it.
    event.target.value = '';
    if (picked.length === 0) return;
    setError(null);
    setTooMany(uploads.add(picked) > 0);
  };

  return (
    <form className="composer" onSubmit={submit} aria-label={t('chats.composerLabel')}>
      {replyTo && (
        <div className="composer__reply">
          <span className="composer__reply-text">
            <span className="composer__reply-author">{replyTo.label}</span>
            <span className="composer__reply-excerpt">{replyTo.message.body || (replyTo.message.attachments.length ? t('chats.photo') : '')}</span>
          </span>
          <button
            type="button"
            className="composer__small-button"
            onClick={() => {
              props.onCancelReply();
              textRef.current?.focus();
            }}
          >
            {t('chats.cancelReply')}
          </button>
        </div>
      )}
      <UploadList items={items} onRemove={uploads.remove} onRetry={uploads.retry} focusAfterLast={() => addRef.current?.focus()} />
      {tooMany && <Notice tone="info">{t('chats.upload.tooMany', { max: maxAttachments })}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      {waiting && (
        <p className="composer__status" role="status">
          {t('chats.upload.sendWhenDone')}
        </p>
      )}
      <label className="composer__label" htmlFor="composer-text">
        {t('chats.messageLabel', { name: props.title })}
      </label>
      <div className="composer__row">
        <textarea
          id="composer-text"
          ref={textRef}
          className="composer__input"
          rows={2}
          value={text}
          maxLength={limits.messageLength}
          placeholder={items.length ? t('chats.captionPlaceholder') : t('chats.placeholder')}
          onChange={(event) => {
            setText(event.target.value);
            if (event.target.value) sendTyping();
          }}
          onKeyDown={onKeyDown}
        />
        <Button type="submit" busy={sending || waiting} busyLabel={t('chats.sending')}>
          {t('chats.send')}
        </Button>
      </div>
      <div className="composer__tools">
        <button
          ref={addRef}
          type="button"
          className="button button--secondary composer__add"
          aria-disabled={items.length >= maxAttachments || undefined}
          onClick={() => {
            if (items.length >= maxAttachments) setTooMany(true);
            else fileRef.current?.click();
          }}
        >
          {t('chats.addPhotos')}
        </button>
        <input ref={fileRef} type="file" accept="image/*,video/*" multiple hidden onChange={onFiles} aria-label={t('chats.addPhotos')} />
      </div>
    </form>
  );
}
