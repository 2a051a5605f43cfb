/**
 * The error of the media core. It knows nothing of HTTP beyond a suggested status: the upload
 * route turns it into an `AppError` (and a translated message) by `code`, never by message text.
 */
export type MediaErrorCode =
  /** The content is none of the accepted photo or video formats, whatever its name says. */
  | 'unsupported_type'
  /** The file claims a format but its structure is broken or cut short. */
  | 'corrupt'
  /** The header declares more pixels than the limit; nothing was decoded. */
  | 'too_many_pixels'
  /** An HEVC-coded HEIC/HEIF photo and no decoder for it on this machine. */
  | 'heic_unsupported'
  /** An external tool (jpegtran, heif-convert, ffmpeg, ffprobe) failed on a file it should read. */
  | 'tool_failed';

const statusOf: Record<MediaErrorCode, number> = {
  unsupported_type: 415,
  corrupt: 422,
  too_many_pixels: 422,
  heic_unsupported: 415,
  tool_failed: 500,
};

/** A photo or video that cannot be processed, with a stable code, a hint and the cause. */
export class MediaError extends Error {
  readonly code: MediaErrorCode;
  /** The HTTP status an upload route should answer with. */
  readonly status: number;
  readonly hint: string | undefined;

  constructor(code: MediaErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'MediaError';
    this.code = code;
    this.status = statusOf[code];
    this.hint = options.hint;
  }
}
