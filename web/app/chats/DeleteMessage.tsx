import { useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { deleteMessage, type MessageJson } from '../chatsApi.js';
import { Dialog } from '../../common/components/Dialog.js';

/** Asks before deleting a message; everyone keeps seeing that something was deleted there. */
export function DeleteMessage(props: { message: MessageJson; mine: boolean; onDeleted(): void; onClose(): void; returnFocus(): HTMLElement | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setDeleting(true);
    setError(null);
    try {
      await deleteMessage(props.message.id);
      props.onDeleted();
    } catch (thrown) {
      setError(errorSentence(thrown, i18n));
      setDeleting(false);
    }
  };

  const excerpt = props.message.body.length > 120 ? `${props.message.body.slice(0, 120)}…` : props.message.body;
  return (
    <Dialog title={t('chats.delete.title')} onClose={props.onClose} returnFocus={props.returnFocus}>
      {excerpt && <blockquote className="modal__quote">{excerpt}</blockquote>}
      <p>{props.mine ? t('chats.delete.explain') : t('chats.delete.explainOther')}</p>
      {error && <Notice tone="error">{error}</Notice>}
      <div className="modal__actions">
        <Button className="delete-confirm" busy={deleting} busyLabel={t('chats.delete.busy')} onClick={confirm}>
          {t('chats.delete.confirm')}
        </Button>
        <Button variant="secondary" data-autofocus onClick={props.onClose}>
          {t('chats.delete.keep')}
        </Button>
      </div>
    </Dialog>
  );
}
