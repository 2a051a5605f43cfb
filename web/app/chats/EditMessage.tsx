import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { limits } from '../../../server/limits.js';
import { Button } from '../../common/components/Button.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { editMessage, type MessageJson } from '../chatsApi.js';

/** Changing the text of one's own message in place: Enter saves, Escape leaves it as it was. */
export function EditMessage(props: { message: MessageJson; onSaved(message: MessageJson): void; onCancel(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [text, setText] = useState(props.message.body);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    const body = text.trim();
    if (body === props.message.body.trim()) {
      props.onCancel();
      return;
    }
    if (!body) {
      setError(t('chats.edit.empty'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      props.onSaved(await editMessage(props.message.id, body));
    } catch (thrown) {
      setError(errorSentence(thrown, i18n));
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      props.onCancel();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <form className="message-edit" onSubmit={save}>
      <label className="visually-hidden" htmlFor={id}>
        {t('chats.edit.label')}
      </label>
      {error && (
        <p className="message-edit__error" role="alert">
          {error}
        </p>
      )}
      <textarea
        id={id}
        className="message-edit__input"
        rows={Math.min(6, Math.max(2, text.split('\n').length))}
        value={text}
        maxLength={limits.messageLength}
        autoFocus
        onFocus={(event) => event.currentTarget.setSelectionRange(event.currentTarget.value.length, event.currentTarget.value.length)}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-hint`}
      />
      <p className="message-edit__hint" id={`${id}-hint`}>
        {t('chats.edit.hint')}
      </p>
      <div className="message-edit__actions">
        <Button type="submit" busy={saving} busyLabel={t('chats.edit.saving')}>
          {t('chats.edit.save')}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {t('chats.edit.cancel')}
        </Button>
      </div>
    </form>
  );
}
