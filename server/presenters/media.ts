import type { MediaKind, MediaSize } from '../db/models/Media.js';
import type { StoredMedia } from '../services/media.js';

/** A photo or video as clients see it, with the URLs of its stored sizes. */
export interface MediaJson {
  id: string;
  kind: MediaKind;
  mime: string;
  width: number | null;
  height: number | null;
  /** Seconds, for videos (null without ffprobe). */
  duration: number | null;
  /** ThumbHash (base64) to paint before the photo loads. */
  placeholder: string | null;
  /** Each stored size's URL (they need a session): thumb, station, full for photos; video, poster for videos. */
  urls: Partial<Record<MediaSize, string>>;
  createdAt: string;
}

/** Presents a stored media item. */
export function presentMedia(stored: StoredMedia): MediaJson {
  const { media, files } = stored;
  return {
    id: media.id,
    kind: media.kind,
    mime: media.sourceMime,
    width: media.width,
    height: media.height,
    duration: media.duration,
    placeholder: media.placeholder,
    urls: Object.fromEntries(files.map((f) => [f.size, `/api/v1/media/${media.id}/${f.size}`])),
    createdAt: media.createdAt.toISOString(),
  };
}
