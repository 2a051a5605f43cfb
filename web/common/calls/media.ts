/**
 * The camera and microphone for a call. A call goes ahead with what works: audio only when the
 * camera is missing, refused or busy; without a microphone the person still sees and hears the
 * other side, and is told why they cannot be heard.
 */

/** How one device stands: working, or why not. */
export type DeviceStatus = 'on' | 'missing' | 'refused' | 'busy' | 'unsupported';

/** What was obtained for a call. */
export interface LocalMedia {
  /** The tracks that work (possibly none). */
  stream: MediaStream;
  microphone: DeviceStatus;
  camera: DeviceStatus;
}

/** Video that serves a call on a phone and a laptop alike, from the front camera. */
export const videoConstraints: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 }, facingMode: 'user' };
const audioConstraints: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

/** Why getUserMedia failed, in the terms above. */
export function statusOfError(error: unknown): DeviceStatus {
  const name = (error as { name?: string } | null)?.name;
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'refused';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'missing';
    case 'NotReadableError':
    case 'AbortError':
    case 'TrackStartError':
      return 'busy';
    default:
      return 'busy';
  }
}

async function one(kind: 'audio' | 'video'): Promise<{ track: MediaStreamTrack | null; status: DeviceStatus }> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia(kind === 'audio' ? { audio: audioConstraints } : { video: videoConstraints });
    const track = stream.getTracks()[0] ?? null;
    return track ? { track, status: 'on' } : { track: null, status: 'missing' };
  } catch (error) {
    return { track: null, status: statusOfError(error) };
  }
}

/**
 * Asks for the microphone and the camera at once: one permission prompt. When that fails, each
 * is asked for on its own, to keep the one that works and to know why the other does not.
 */
export async function openLocalMedia(): Promise<LocalMedia> {
  if (!navigator.mediaDevices?.getUserMedia) {
    // Browsers offer cameras only on https (or on this computer itself).
    return { stream: new MediaStream(), microphone: 'unsupported', camera: 'unsupported' };
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: audioConstraints, video: videoConstraints });
    return { stream, microphone: 'on', camera: 'on' };
  } catch {
    const audio = await one('audio');
    const video = await one('video');
    const stream = new MediaStream([audio.track, video.track].filter((t): t is MediaStreamTrack => t !== null));
    return { stream, microphone: audio.status, camera: video.status };
  }
}

/** Asks for the camera again (after the person allowed it, or plugged one in). */
export async function openCamera(): Promise<{ track: MediaStreamTrack | null; status: DeviceStatus }> {
  if (!navigator.mediaDevices?.getUserMedia) return { track: null, status: 'unsupported' };
  return one('video');
}

/** Asks for the microphone again. */
export async function openMicrophone(): Promise<{ track: MediaStreamTrack | null; status: DeviceStatus }> {
  if (!navigator.mediaDevices?.getUserMedia) return { track: null, status: 'unsupported' };
  return one('audio');
}

/** Stops every track, so the camera light goes out. */
export function stopMedia(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
