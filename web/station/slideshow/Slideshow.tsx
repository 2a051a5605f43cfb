import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../common/i18n.js';
import type { SlideJson } from '../api.js';
import { PhoneIcon } from '../calls/PhoneIcon.js';
import { Player, type Layer } from './player.js';

/** The crossfade between two slides (station.css), unless the screen asks for reduced motion. */
const fadeMs = 1_000;
/** The longest a loaded photo waits for its decode before it may fade in. */
const decodeWaitMs = 1_000;
/** The crossfade at a benchmark's pace (`.slideshow--brisk`). */
const briskFadeMs = 100;

export interface SlideshowProps {
  /** The newest playlist; a new array means it changed (a photo shared, a slideshow assigned). */
  slides: readonly SlideJson[] | null;
  /** How many times the playlist has been fetched for a new round; each is a fresh shuffle. */
  round: number;
  /** Whether videos play with sound (the admin allowed it). */
  videoSound: boolean;
  /** A fixed time per slide instead of each slideshow's interval (benchmarks and tests only). */
  paceMs: number | null;
  /** A round has ended: fetch the playlist again. */
  onRound(): void;
  /** Calling whoever shared a photo, from its caption, where the station may call them. */
  call: SlideCall;
}

/** Calling the person who shared a slide. */
export interface SlideCall {
  mayCall(userId: string): boolean;
  onCall(userId: string, name: string): void;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * The photos and videos of the screen's slideshows, one at a time with a calm crossfade and the
 * caption "van Anna, gisteren" under each. Only the slide shown and the next one are in the page.
 */
export function Slideshow(props: SlideshowProps) {
  const { t } = useI18n();
  const [layers, setLayers] = useState<Array<Layer<SlideJson>>>([]);
  const player = useRef<Player<SlideJson> | null>(null);
  const onRound = useRef(props.onRound);
  onRound.current = props.onRound;
  const { paceMs } = props;

  useEffect(() => {
    const fade = prefersReducedMotion() ? 0 : paceMs === null ? fadeMs : briskFadeMs;
    const created = new Player<SlideJson>({
      dwellMs: (slide) => paceMs ?? (slide as SlideJson).intervalSeconds * 1000,
      fadeMs: fade,
      render: (next) => setLayers(next as Array<Layer<SlideJson>>),
      onRound: () => onRound.current(),
      maxVideoMs: paceMs ?? undefined,
    });
    player.current = created;
    return () => {
      created.stop();
      player.current = null;
    };
  }, [paceMs]);

  const { slides, round } = props;
  const lastRound = useRef(round);
  useEffect(() => {
    if (!slides || !player.current) return;
    if (round !== lastRound.current) {
      lastRound.current = round;
      player.current.restart(slides);
    } else {
      player.current.update(slides);
    }
  }, [slides, round]);

  if (slides && slides.length === 0) {
    return (
      <div className="slideshow slideshow--empty">
        <p>{t('station.slideshow.empty')}</p>
      </div>
    );
  }
  return (
    <div className={paceMs === null ? 'slideshow' : 'slideshow slideshow--brisk'}>
      {layers.map((layer) => (
        <SlideView key={layer.key} layer={layer} videoSound={props.videoSound} player={player} call={props.call} />
      ))}
    </div>
  );
}

function SlideView(props: { layer: Layer<SlideJson>; videoSound: boolean; player: { current: Player<SlideJson> | null }; call: SlideCall }) {
  const { t } = useI18n();
  const { layer, player, call } = props;
  const sharer = layer.slide.addedBy ?? null;
  const { media } = layer.slide;
  const video = useRef<HTMLVideoElement>(null);
  const visible = layer.state !== 'loading';

  useEffect(() => {
    const element = video.current;
    if (!element || !visible) return;
    element.muted = !props.videoSound;
    element.play().catch(() => {
      // Browsers refuse sound without a touch first: play it muted rather than not at all.
      element.muted = true;
      element.play().catch(() => player.current?.ended(layer.key));
    });
  }, [visible, props.videoSound, player, layer.key]);

  useEffect(() => {
    const element = video.current;
    // A removed <video> keeps its buffers until its source is dropped.
    return () => {
      if (!element) return;
      element.removeAttribute('src');
      element.load();
    };
  }, []);

  const className = `slide${visible ? ' slide--visible' : ''}`;
  const src = media.kind === 'video' ? media.urls.video : (media.urls.station ?? media.urls.full);
  return (
    <figure className={className} aria-hidden={visible ? undefined : true} inert={!visible}>
      {media.kind === 'video' ? (
        <video
          ref={video}
          className="slide__media"
          src={src}
          poster={media.urls.poster}
          muted
          playsInline
          preload="auto"
          onLoadedData={() => player.current?.loaded(layer.key)}
          onError={() => player.current?.failed(layer.key)}
          onEnded={() => player.current?.ended(layer.key)}
        />
      ) : (
        <img
          className="slide__media"
          src={src}
          alt=""
          decoding="async"
          onLoad={(event) => {
            const image = event.currentTarget;
            // Decode before the fade, so the crossfade never stutters on a large photo; but never
            // wait on a decoder that does not answer.
            const ready = () => player.current?.loaded(layer.key);
            void Promise.race([image.decode(), new Promise((resolve) => setTimeout(resolve, decodeWaitMs))]).then(ready, ready);
          }}
          onError={() => player.current?.failed(layer.key)}
        />
      )}
      <figcaption className="slide__caption">
        <span className="slide__caption-text">{layer.slide.caption}</span>
        {sharer && call.mayCall(sharer.id) ? (
          <button type="button" className="station-button station-button--answer station-button--compact slide__call" onClick={() => call.onCall(sharer.id, sharer.name)}>
            <PhoneIcon />
            {t('station.call.person', { name: sharer.name })}
          </button>
        ) : null}
      </figcaption>
    </figure>
  );
}
