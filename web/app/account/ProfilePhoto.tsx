import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { isApiError } from '../../common/api.js';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { uploadFile, type Upload, type UploadProgress } from '../../common/upload.js';
import { deleteMedia, setProfilePhoto, type UploadedMedia } from '../accounts.js';
import { Avatar } from '../family/Avatar.js';
import { useSession } from '../session.js';

type Message = { tone: 'error' | 'success' | 'info'; text: string } | null;

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
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [removing, setRemoving] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const running = useRef<Upload<{ media: UploadedMedia }> | null>(null);

  // Leaving the page stops an upload nobody will see finish.
  useEffect(() => () => running.current?.cancel(), []);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || running.current) return;
    setMessage(null);
    if (file.type && !file.type.startsWith('image/')) {
      setMessage({ tone: 'error', text: t('people.photo.notPhoto') });
      return;
    }
    const upload = uploadFile<{ media: UploadedMedia }>('/api/v1/media', file, setProgress);
    running.current = upload;
    setProgress({ sent: 0, total: file.size });
    try {
      const { media } = await upload.done;
      if (media.kind !== 'photo') {
        // A video with a photo's name: it is not kept.
        await deleteMedia(media.id).catch(() => undefined);
        setMessage({ tone: 'error', text: t('people.photo.notPhoto') });
        return;
      }
      session.updatedMe(await setProfilePhoto(media.id));
      setMessage({ tone: 'success', text: t('people.photo.saved') });
    } catch (thrown) {
      if (thrown instanceof DOMException && thrown.name === 'AbortError') setMessage({ tone: 'info', text: t('people.photo.cancelled') });
      else if (isApiError(thrown, 'body_too_large')) setMessage({ tone: 'error', text: t('people.photo.tooLarge') });
      else setMessage({ tone: 'error', text: errorSentence(thrown, i18n) });
    } finally {
      running.current = null;
      setProgress(null);
    }
  };

  const remove = async () => {
    if (removing) return;
    setRemoving(true);
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
  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <section className="card stack" aria-labelledby="account-photo">
      <h2 id="account-photo">{t('people.photo.title')}</h2>
      <div className="photo-picker">
        <Avatar person={me} size="large" />
        <p className="muted">{t(me.photoUrl ? 'people.photo.intro' : 'people.photo.none')}</p>
      </div>
      {progress ? (
        <div className="stack stack--tight">
          <label htmlFor={`${inputId}-progress`}>{t('people.photo.uploading', { percent })}</label>
          <progress id={`${inputId}-progress`} className="upload-progress" max={100} value={percent} />
          <Button variant="secondary" onClick={() => running.current?.cancel()}>
            {t('people.photo.cancel')}
          </Button>
        </div>
      ) : (
        <div className="button-row">
          <label className="button button--primary file-button" htmlFor={inputId}>
            {t(me.photoUrl ? 'people.photo.change' : 'people.photo.choose')}
          </label>
          <input id={inputId} className="visually-hidden" type="file" accept="image/*" onChange={(event) => void choose(event)} />
          {me.photoUrl && (
            <Button variant="secondary" busy={removing} busyLabel={t('people.saving')} onClick={() => void remove()}>
              {t('people.photo.remove')}
            </Button>
          )}
        </div>
      )}
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </section>
  );
}
