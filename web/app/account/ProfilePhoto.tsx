import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { isApiError } from '../../common/api.js';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n, type I18n } from '../../common/i18n.js';
import { uploads, useUploadBatch, type QueuedUpload } from '../../common/uploadQueue.js';
import { setProfilePhoto } from '../accounts.js';
import { Avatar } from '../family/Avatar.js';
import { deleteMedia } from '../photos/api.js';
import { useSession } from '../session.js';

type Message = { tone: 'error' | 'success' | 'info'; text: string } | null;

/** The upload queue's batch of this screen: one photo at a time. */
const batch = 'profile-photo';

/** An upload that the server stored as a video: a photo's name, but not a photo. */
class NotAPhoto extends Error {}

/** What the finished or failed upload says; nothing while it runs. */
function outcome(upload: QueuedUpload | undefined, i18n: I18n): Message {
  if (upload?.state === 'done') return { tone: 'success', text: i18n.t('people.photo.saved') };
  if (upload?.state !== 'failed') return null;
  if (upload.error instanceof NotAPhoto) return { tone: 'error', text: i18n.t('people.photo.notPhoto') };
  if (isApiError(upload.error, 'body_too_large')) return { tone: 'error', text: i18n.t('people.photo.tooLarge') };
  return { tone: 'error', text: errorSentence(upload.error, i18n) };
}

/**
 * My profile photo: shown large (initials without one), chosen from the phone or computer and
 * uploaded with progress and a way to stop, or removed. The family sees it next to the name.
 */
export function ProfilePhoto() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const me = session.me;
  const inputId = useId();
  const [upload] = useUploadBatch(batch);
  const [removing, setRemoving] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  // True while the arrived photo is being made the profile photo: stopping cannot undo that.
  const saving = useRef(false);
  const sending = upload?.state === 'waiting' || upload?.state === 'uploading';

  // Leaving the page stops an upload nobody will see finish.
  useEffect(() => () => uploads.drop(batch), []);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || sending) return;
    // The last photo's outcome makes way for this one's.
    uploads.drop(batch);
    setMessage(null);
    if (file.type && !file.type.startsWith('image/')) {
      setMessage({ tone: 'error', text: t('people.photo.notPhoto') });
      return;
    }
    uploads.add([file], batch, {
      afterUpload: async (media) => {
        if (media.kind !== 'photo') {
          // A video with a photo's name: it is not kept.
          await deleteMedia(media.id).catch(() => undefined);
          throw new NotAPhoto();
        }
        saving.current = true;
        try {
          session.updatedMe(await setProfilePhoto(media.id));
        } finally {
          saving.current = false;
        }
      },
    });
  };

  const stop = () => {
    if (saving.current) return;
    uploads.drop(batch);
    setMessage({ tone: 'info', text: t('people.photo.cancelled') });
  };

  const remove = async () => {
    if (removing) return;
    setRemoving(true);
    uploads.drop(batch);
    setMessage(null);
    try {
      session.updatedMe(await setProfilePhoto(null));
      setMessage({ tone: 'success', text: t('people.photo.removed') });
    } catch (thrown) {
      setMessage({ tone: 'error', text: errorSentence(thrown, i18n) });
    } finally {
      setRemoving(false);
    }
  };

  if (!me) return null;
  const shown = message ?? outcome(upload, i18n);
  const percent = upload?.percent ?? 0;
  return (
    <section className="card stack" aria-labelledby="account-photo">
      <h2 id="account-photo">{t('people.photo.title')}</h2>
      <div className="photo-picker">
        <Avatar person={me} size="large" />
        <p className="muted">{t(me.photoUrl ? 'people.photo.intro' : 'people.photo.none')}</p>
      </div>
      {sending ? (
        <div className="stack stack--tight">
          <label htmlFor={`${inputId}-progress`}>{t('people.photo.uploading', { percent })}</label>
          <progress id={`${inputId}-progress`} className="upload-progress" max={100} value={percent} />
          <Button variant="secondary" onClick={stop}>
            {t('people.photo.cancel')}
          </Button>
        </div>
      ) : (
        <div className="button-row">
          <label className="button button--primary file-button" htmlFor={inputId}>
            {t(me.photoUrl ? 'people.photo.change' : 'people.photo.choose')}
          </label>
          <input id={inputId} className="visually-hidden" type="file" accept="image/*" onChange={choose} />
          {me.photoUrl && (
            <Button variant="secondary" busy={removing} busyLabel={t('people.saving')} onClick={() => void remove()}>
              {t('people.photo.remove')}
            </Button>
          )}
        </div>
      )}
      {shown && <Notice tone={shown.tone}>{shown.text}</Notice>}
    </section>
  );
}
