import { useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../common/i18n.js';
import { Button } from '../../common/components/Button.js';
import { Dialog } from '../../common/components/Dialog.js';
import type { MediaJson } from '../../common/types.js';

/** One photo large, with the others of the message a key or a button away. */
function PhotoViewer(props: { photos: MediaJson[]; index: number; author: string; onIndex(index: number): void; onClose(): void }) {
  const { t } = useI18n();
  const { photos, index } = props;
  const photo = photos[index];
  if (!photo) return null;
  const count = photos.length;
  const go = (step: number) => props.onIndex((index + step + count) % count);
  const onKeyDown = (event: KeyboardEvent) => {
    if (count < 2) return;
    if (event.key === 'ArrowRight') go(1);
    else if (event.key === 'ArrowLeft') go(-1);
  };
  const title = count > 1 ? t('chats.photoOfFrom', { n: index + 1, count, name: props.author }) : t('chats.photoFrom', { name: props.author });
  return (
    <Dialog
      title={title}
      onClose={props.onClose}
      className="viewer"
      onKeyDown={onKeyDown}
      headerAction={
        <Button data-autofocus onClick={props.onClose}>
          {t('chats.close')}
        </Button>
      }
    >
      <div className="viewer__body">
        <img className="viewer__photo" src={photo.urls.station ?? photo.urls.full ?? photo.urls.thumb} alt={title} width={photo.width ?? undefined} height={photo.height ?? undefined} />
        {count > 1 && (
          <div className="viewer__actions">
            <Button variant="secondary" onClick={() => go(-1)}>
              {t('chats.previousPhoto')}
            </Button>
            <Button variant="secondary" onClick={() => go(1)}>
              {t('chats.nextPhoto')}
            </Button>
          </div>
        )}
      </div>
    </Dialog>
  );
}

/** The photos and videos of a message: photos as thumbnails that open large, videos with their poster and controls. */
export function MessageMedia(props: { attachments: MediaJson[]; author: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  const photos = props.attachments.filter((a) => a.kind === 'photo');
  const count = props.attachments.length;
  return (
    <div className={`message__media message__media--${Math.min(count, 3)}`}>
      {props.attachments.map((attachment, index) => {
        const label = count > 1 ? t('chats.mediaOf', { n: index + 1, count }) : '';
        if (attachment.kind === 'video') {
          return (
            <video
              key={attachment.id}
              className="message__video"
              controls
              preload="none"
              playsInline
              poster={attachment.urls.poster}
              src={attachment.urls.video}
              width={attachment.width ?? undefined}
              height={attachment.height ?? undefined}
              aria-label={[t('chats.videoFrom', { name: props.author }), label].filter(Boolean).join(', ')}
            />
          );
        }
        const photoIndex = photos.indexOf(attachment);
        return (
          <button key={attachment.id} type="button" className="message__photo" onClick={() => setOpen(photoIndex)} aria-label={[t('chats.openPhoto', { name: props.author }), label].filter(Boolean).join(', ')}>
            <img src={attachment.urls.thumb} alt="" loading="lazy" width={attachment.width ?? undefined} height={attachment.height ?? undefined} />
          </button>
        );
      })}
      {open !== null && <PhotoViewer photos={photos} index={open} author={props.author} onIndex={setOpen} onClose={() => setOpen(null)} />}
    </div>
  );
}
