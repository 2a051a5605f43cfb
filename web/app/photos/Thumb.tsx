import { useMemo, useState } from 'react';
import { thumbHashToDataURL } from 'thumbhash';
import type { MediaJson } from '../../common/types.js';

function placeholderUrl(hash: string | null): string | null {
  if (!hash) return null;
  try {
    return thumbHashToDataURL(Uint8Array.from(atob(hash), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** "1:05" from 65 seconds. */
export function durationText(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * A square thumbnail that loads when it comes near the screen. Until it has, the ThumbHash
 * placeholder (a blurred miniature, decoded here from 25 bytes) or a calm neutral box shows.
 * Videos show their poster and their length. Decoration only: the button around it names it.
 */
export function Thumb(props: { media: MediaJson; videoLabel: string; className?: string }) {
  const { media } = props;
  const [loaded, setLoaded] = useState(false);
  const placeholder = useMemo(() => placeholderUrl(media.placeholder), [media.placeholder]);
  const src = media.kind === 'video' ? media.urls.poster : media.urls.thumb;
  return (
    <span className={['media-thumb', loaded ? 'media-thumb--loaded' : '', props.className ?? ''].filter(Boolean).join(' ')} aria-hidden="true">
      {placeholder && <img className="media-thumb__placeholder" src={placeholder} alt="" />}
      {src && <img className="media-thumb__image" src={src} alt="" loading="lazy" decoding="async" onLoad={() => setLoaded(true)} />}
      {media.kind === 'video' && (
        <span className="media-thumb__video">
          {props.videoLabel}
          {media.duration !== null && ` ${durationText(media.duration)}`}
        </span>
      )}
    </span>
  );
}
