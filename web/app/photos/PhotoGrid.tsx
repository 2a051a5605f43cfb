import { useI18n } from '../../common/i18n.js';
import { useSession } from '../session.js';
import type { GridItemJson } from './api.js';
import { Thumb } from './Thumb.js';
import { kindWord, sharedText } from './when.js';

/** The grid of thumbnails, each a button that opens the viewer; it names what it opens. */
export function PhotoGrid(props: { items: GridItemJson[]; onOpen(index: number): void; label: string }) {
  const i18n = useI18n();
  const { me } = useSession();
  return (
    <ul className="photo-grid" aria-label={props.label}>
      {props.items.map((item, index) => (
        <li key={item.media.id} className="photo-grid__cell">
          <button
            type="button"
            className="photo-grid__button"
            data-media-id={item.media.id}
            aria-label={`${kindWord(i18n, item.media.kind)}, ${sharedText(i18n, item, me?.id)}`}
            onClick={() => props.onOpen(index)}
          >
            <Thumb media={item.media} videoLabel={i18n.t('photos.video')} />
          </button>
        </li>
      ))}
    </ul>
  );
}
