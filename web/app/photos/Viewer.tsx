import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Button } from '../../common/components/Button.js';
import { Dialog } from '../../common/components/Dialog.js';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { useSession } from '../session.js';
import { deleteMedia, type GridItemJson } from './api.js';
import { SlideshowChooser } from './SlideshowChooser.js';
import { kindWord, sharedText } from './when.js';

/** A horizontal move of at least this many pixels (and more sideways than up or down) is a swipe. */
const swipeMin = 50;

/**
 * One photo or video over the whole screen: who shared it and when, the previous and next one
 * by button, arrow key or swipe, a video with its controls, adding it to a slideshow, and
 * deleting it (whoever shared it, or an admin) after a question. Escape closes a question first,
 * then the viewer.
 */
export function Viewer(props: {
  items: GridItemJson[];
  index: number;
  hasMore: boolean;
  /** Shows another item. */
  onShow(mediaId: string): void;
  /** Loads the next page; resolves to its items. */
  onLoadMore(): Promise<GridItemJson[]>;
  onDeleted(mediaId: string): void;
  onClose(): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const [panel, setPanel] = useState<'none' | 'slideshow' | 'delete'>('none');
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const swipe = useRef<{ x: number; y: number; id: number } | null>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const openedFrom = useRef<string | null>(null);
  // A question closed: its buttons are gone, so the button that opened it takes the focus back.
  useEffect(() => {
    if (panel !== 'none' || !openedFrom.current) return;
    actionsRef.current?.querySelector<HTMLElement>(`[data-opens="${openedFrom.current}"]`)?.focus();
    openedFrom.current = null;
  }, [panel]);
  const item = props.items[props.index];
  if (!item) return null;
  const { media } = item;
  const last = props.index === props.items.length - 1;
  const canNext = !last || props.hasMore;
  const canPrevious = props.index > 0;
  const word = kindWord(i18n, media.kind);
  const caption = sharedText(i18n, item, me?.id);

  const go = async (step: 1 | -1) => {
    setPanel('none');
    setError(null);
    const neighbour = props.items[props.index + step];
    if (neighbour) props.onShow(neighbour.media.id);
    else if (step === 1 && props.hasMore) {
      const first = (await props.onLoadMore())[0];
      if (first) props.onShow(first.media.id);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Arrow keys inside the video player seek; inside a question they belong to its buttons.
    const target = event.target as HTMLElement;
    if (target.tagName === 'VIDEO' || panel !== 'none') return;
    if (event.key === 'ArrowRight' && canNext) {
      event.preventDefault();
      void go(1);
    } else if (event.key === 'ArrowLeft' && canPrevious) {
      event.preventDefault();
      void go(-1);
    }
  };

  const onPointerDown = (event: PointerEvent) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    swipe.current = { x: event.clientX, y: event.clientY, id: event.pointerId };
  };
  const onPointerUp = (event: PointerEvent) => {
    const start = swipe.current;
    swipe.current = null;
    if (!start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) < swipeMin || Math.abs(dx) <= Math.abs(dy)) return;
    if (dx < 0 && canNext) void go(1);
    if (dx > 0 && canPrevious) void go(-1);
  };

  const remove = async () => {
    setDeleting(true);
    setError(null);
    try {
      await deleteMedia(media.id);
      setPanel('none');
      props.onDeleted(media.id);
    } catch (thrown) {
      setError(errorSentence(thrown, i18n));
    } finally {
      setDeleting(false);
    }
  };

  const open = (which: 'slideshow' | 'delete') => {
    openedFrom.current = which;
    setPanel(which);
  };

  const close = () => {
    if (panel !== 'none') setPanel('none');
    else props.onClose();
  };

  return (
    <Dialog title={`${word}, ${caption}`} hideTitle onClose={close} className="photo-viewer">
      <div className="photo-viewer__frame" onKeyDown={onKeyDown}>
        <div className="photo-viewer__bar">
          <p className="photo-viewer__caption">{caption.charAt(0).toUpperCase() + caption.slice(1)}</p>
          <Button variant="secondary" className="photo-viewer__close" autoFocus onClick={props.onClose}>
            {t('photos.viewer.close')}
          </Button>
        </div>
        <div className="photo-viewer__stage" onPointerDown={onPointerDown} onPointerUp={onPointerUp} onPointerCancel={() => (swipe.current = null)}>
          {media.kind === 'video' ? (
            <video
              key={media.id}
              className="photo-viewer__media"
              controls
              playsInline
              preload="metadata"
              poster={media.urls.poster}
              src={media.urls.video}
              aria-label={`${word}, ${caption}`}
            />
          ) : (
            <img
              key={media.id}
              className="photo-viewer__media"
              src={media.urls.station ?? media.urls.full ?? media.urls.thumb}
              alt={`${word}, ${caption}`}
              width={media.width ?? undefined}
              height={media.height ?? undefined}
              draggable={false}
            />
          )}
        </div>
        {error && <Notice tone="error">{error}</Notice>}
        {panel === 'slideshow' && (
          <section className="photo-viewer__panel" aria-label={t('slideshows.chooser.title')}>
            <h3>{t('slideshows.chooser.title')}</h3>
            <SlideshowChooser mediaIds={[media.id]} onCancel={() => setPanel('none')} />
          </section>
        )}
        {panel === 'delete' && (
          <section className="photo-viewer__panel" role="alertdialog" aria-label={t('photos.delete.title')}>
            <h3>{t('photos.delete.title')}</h3>
            <p>{t('photos.delete.explain')}</p>
            <div className="button-row">
              <Button className="button--danger" autoFocus busy={deleting} busyLabel={t('photos.delete.busy')} onClick={remove}>
                {t('photos.delete.confirm')}
              </Button>
              <Button variant="secondary" onClick={() => setPanel('none')}>
                {t('photos.delete.keep')}
              </Button>
            </div>
          </section>
        )}
        {panel === 'none' && (
          <div className="photo-viewer__actions" ref={actionsRef}>
            <Button variant="secondary" aria-disabled={!canPrevious || undefined} onClick={() => canPrevious && void go(-1)}>
              {t('photos.viewer.previous')}
            </Button>
            <Button variant="secondary" aria-disabled={!canNext || undefined} onClick={() => canNext && void go(1)}>
              {t('photos.viewer.next')}
            </Button>
            <Button variant="secondary" data-opens="slideshow" onClick={() => open('slideshow')}>
              {t('photos.viewer.addToSlideshow')}
            </Button>
            {item.abilities.delete && (
              <Button variant="secondary" className="button--danger-outline" data-opens="delete" onClick={() => open('delete')}>
                {t('photos.viewer.delete')}
              </Button>
            )}
          </div>
        )}
      </div>
    </Dialog>
  );
}
