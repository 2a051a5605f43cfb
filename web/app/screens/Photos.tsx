import { useEffect, useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { uploads, useUploadBatch } from '../../common/uploadQueue.js';
import { useLiveEvents } from '../../common/useLiveEvents.js';
import { AppFrame } from '../components/Frames.js';
import { PhotoGrid } from '../photos/PhotoGrid.js';
import { PickFiles, UploadPanel } from '../photos/UploadPanel.js';
import { useGrid } from '../photos/useGrid.js';
import { useStationName } from '../photos/useStationName.js';
import { Viewer } from '../photos/Viewer.js';
import { changesGrid } from '../photos/liveChanges.js';
import '../photos/photos.css';

/**
 * Photos: every photo and video the person may see, newest first, in a grid that grows with
 * "Show more"; sharing many at once with progress per file; a full-screen viewer.
 */
export function Photos() {
  const i18n = useI18n();
  const { t } = i18n;
  const grid = useGrid();
  const { refresh, drop } = grid;
  const stationName = useStationName();
  // The open item by id: a live refresh may put new photos before it.
  const [openId, setOpenId] = useState<string | null>(null);

  useEffect(() => uploads.onDone(() => refresh()), [refresh]);
  useLiveEvents((event) => {
    if (changesGrid(event.event, event.payload)) refresh();
  }, refresh);

  const items = grid.items;
  // While the first photos are on their way, their progress says enough: no photos-empty lesson.
  const sharing = useUploadBatch('photos').length > 0;
  const openIndex = openId && items ? items.findIndex((item) => item.media.id === openId) : -1;
  const pick = <PickFiles label={t('photos.upload.pick')} onFiles={(files) => uploads.add(files, 'photos')} />;

  // After deleting, the viewer shows the next item (or the one before the last).
  const deleted = (mediaId: string) => {
    const list = items ?? [];
    const index = list.findIndex((item) => item.media.id === mediaId);
    setOpenId(list[index + 1]?.media.id ?? list[index - 1]?.media.id ?? null);
    drop(mediaId);
  };

  return (
    <AppFrame>
      <div className="photos-page-head">
        <PageHeading title={t('photos.title')}>{t('photos.title')}</PageHeading>
        <Link to="/slideshows" className="photos-page-head__link">
          {t('photos.toSlideshows')}
        </Link>
      </div>
      {items && (items.length > 0 || sharing) && <div className="photos-actions">{pick}</div>}
      <UploadPanel batch="photos" offerSlideshow />
      {grid.error !== null && <Notice tone="error">{errorSentence(grid.error, i18n)}</Notice>}
      {items === null && grid.error === null && <p role="status">{t('app.loading')}</p>}
      {items?.length === 0 && !sharing && (
        <section className="card card--soft photos-empty">
          <h2>{stationName ? t('photos.empty.title', { name: stationName }) : t('photos.empty.titleFamily')}</h2>
          <p>{t('photos.empty.body')}</p>
          {pick}
        </section>
      )}
      {items && items.length > 0 && (
        <>
          <PhotoGrid items={items} onOpen={(index) => setOpenId(items[index]?.media.id ?? null)} label={t('photos.gridLabel')} />
          {grid.hasMore && (
            <Button variant="secondary" className="photos-more" busy={grid.loadingMore} busyLabel={t('app.loading')} onClick={() => void grid.loadMore()}>
              {t('photos.more')}
            </Button>
          )}
        </>
      )}
      {items && openIndex >= 0 && (
        <Viewer
          items={items}
          index={openIndex}
          hasMore={grid.hasMore}
          onShow={setOpenId}
          onLoadMore={grid.loadMore}
          onDeleted={deleted}
          onClose={() => setOpenId(null)}
        />
      )}
    </AppFrame>
  );
}
