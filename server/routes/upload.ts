import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { AppError } from '../errors.js';
import { sniff, sniffBytes, type SniffedType } from '../media/sniff.js';
import type { AppContext } from '../middleware/types.js';
import { newUploadPath, uploadLimit } from '../services/media.js';

/** A file that arrived whole, in DATA/media/tmp, with what its content is. */
export interface ReceivedUpload {
  uploadPath: string;
  sha256: string;
  bytes: number;
  type: SniffedType;
}

const tooLarge = (limit: number) =>
  new AppError(413, 'body_too_large', `The file is larger than ${Math.round(limit / 1e6)} MB.`, { params: { limitMb: Math.round(limit / 1e6) } });

/**
 * Looks at the first bytes as they arrive (the type decides the size limit), hashes and counts
 * every byte on its way to disk, and stops the upload the moment it passes its limit, so no file
 * is ever held in memory and nothing too large is written whole.
 */
class Inspector extends Transform {
  readonly hash = crypto.createHash('sha256');
  bytes = 0;
  type: SniffedType | null = null;
  #head: Buffer[] = [];
  #headBytes = 0;

  constructor(private readonly limitFor: (type: SniffedType) => number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    if (!this.type) {
      this.#head.push(chunk);
      this.#headBytes += chunk.length;
      if (this.#headBytes < sniffBytes) return done();
      const decided = this.#decide();
      if (decided) return done(decided);
      const head = Buffer.concat(this.#head);
      this.#head = [];
      return done(null, head);
    }
    if (this.bytes > this.limitFor(this.type)) return done(tooLarge(this.limitFor(this.type)));
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.type) return done();
    if (this.#headBytes === 0) return done(new AppError(422, 'unprocessable_media', 'The file is empty.'));
    const decided = this.#decide();
    if (decided) return done(decided);
    done(null, Buffer.concat(this.#head));
  }

  #decide(): AppError | null {
    this.type = sniff(Buffer.concat(this.#head));
    if (!this.type) return new AppError(415, 'unsupported_file', 'This file is not a photo or video prifora accepts.');
    if (this.bytes > this.limitFor(this.type)) return tooLarge(this.limitFor(this.type));
    return null;
  }
}

/**
 * Receives one file from a multipart/form-data request (field "file") straight to disk. The
 * client's file name and Content-Type are never used: the content decides. An aborted upload
 * leaves no file.
 */
export async function receiveUpload(ctx: AppContext): Promise<ReceivedUpload> {
  const services = ctx.services;
  if (!ctx.is('multipart/form-data')) {
    throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data in a field named "file".');
  }
  const largest = Math.max(uploadLimit(services, 'photo'), uploadLimit(services, 'video'));
  const declared = Number(ctx.get('content-length') || '0');
  if (declared > largest + 64 * 1024) throw tooLarge(largest);

  const uploadPath = await newUploadPath(services);
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: ctx.req.headers, limits: { files: 1, fields: 10, parts: 12, fieldSize: 1024, headerPairs: 20 } });
  } catch {
    throw new AppError(400, 'invalid_input', 'body: is not a valid multipart/form-data body', { details: { issues: [{ field: 'body', problem: 'is not a valid multipart/form-data body', code: 'invalid_format' }] } });
  }

  const received = new Promise<ReceivedUpload>((resolve, reject) => {
    let settled = false;
    let writing: Promise<ReceivedUpload> | null = null;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      ctx.req.unpipe(parser);
      ctx.req.resume();
      fs.rm(uploadPath, { force: true }, () => reject(error));
    };
    const tooMany = () => fail(new AppError(413, 'body_too_large', 'The upload has too many parts; send one file in a field named "file".'));
    parser.on('partsLimit', tooMany);
    parser.on('filesLimit', tooMany);
    parser.on('fieldsLimit', tooMany);
    parser.on('error', () => fail(new AppError(400, 'invalid_input', 'body: is not a valid multipart/form-data body')));
    parser.on('file', (name, stream) => {
      if (name !== 'file' || writing) {
        stream.resume();
        return;
      }
      const inspector = new Inspector((type) => uploadLimit(services, type.kind));
      writing = pipeline(stream, inspector, fs.createWriteStream(uploadPath, { mode: 0o600 })).then(() => ({
        uploadPath,
        sha256: inspector.hash.digest('hex'),
        bytes: inspector.bytes,
        type: inspector.type as SniffedType,
      }));
      writing.catch(fail);
    });
    parser.on('close', () => {
      if (settled) return;
      if (!writing) return fail(new AppError(400, 'invalid_input', 'file: is required', { details: { issues: [{ field: 'file', problem: 'is required', code: 'required' }] } }));
      writing.then((upload) => {
        if (settled) return;
        settled = true;
        resolve(upload);
      }, fail);
    });
    ctx.req.on('close', () => {
      if (!ctx.req.complete) fail(new AppError(400, 'invalid_input', 'The upload was interrupted.'));
    });
  });
  ctx.req.pipe(parser);
  return received;
}
