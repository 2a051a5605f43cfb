import { useEffect, useRef } from 'react';

/**
 * A live video of a call (a MediaStream cannot be given as an attribute, so it is set on the
 * element). `muted` for one's own camera, which must never play back into the microphone;
 * `mirrored` shows one's own picture as in a mirror, the way people expect to see themselves.
 */
export function CallVideo(props: { stream: MediaStream | null; label: string; muted?: boolean; mirrored?: boolean; className?: string; hidden?: boolean }) {
  const ref = useRef<HTMLVideoElement>(null);
  const { stream } = props;
  useEffect(() => {
    const video = ref.current;
    if (!video || video.srcObject === stream) return;
    video.srcObject = stream;
    // Autoplay can be refused before the page was touched; the next track or tap plays it.
    if (stream) void video.play().catch(() => undefined);
  }, [stream]);
  const className = ['call-video', props.mirrored ? 'call-video--mirrored' : '', props.hidden ? 'call-video--hidden' : '', props.className ?? ''].filter(Boolean).join(' ');
  return <video ref={ref} className={className} aria-label={props.label} autoPlay playsInline muted={props.muted} />;
}
