// What an uploaded file is, decided by its content (magic bytes via file-type), never by its name
// or the browser's type: a renamed .exe is refused. The content passes through as a stream that
// counts and hashes it and fails past the limit, so nothing beyond the limit is ever held.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../platform/errors.ts';
import type { TUploadContentType } from './uploads.store.ts';

export const UPLOAD_TYPES: readonly TUploadContentType[] = ['application/pdf', 'image/png', 'image/jpeg'];

/** file-type reads at most this much to decide (its own sample size). */
const SNIFF_BYTES = 4100;

export interface TInspectedContent {
  contentType: TUploadContentType;
  /** The whole content; reading it to the end fills in `sizeBytes` and `sha256`. */
  body: Readable;
  measured(): { sizeBytes: number; sha256: string };
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError('upload.too_large', {
    message: `The file is too large: at most ${formatBytes(maxBytes)}.`,
    fields: [{ field: 'file', message: `Choose a file of at most ${formatBytes(maxBytes)}.` }],
  });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * Reads the first bytes, decides the type, and hands back the content as a stream again. Refuses
 * an empty file (upload.empty), a type outside `accept` (upload.type_refused) and more than
 * `maxBytes` (upload.too_large, possibly only while the body is read).
 */
export async function inspectContent(
  source: Readable | Buffer,
  rules: { maxBytes: number; accept: readonly TUploadContentType[] },
): Promise<TInspectedContent> {
  const chunks = Buffer.isBuffer(source) ? [source][Symbol.iterator]() : (source[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const take = (chunk: Buffer) => {
    sizeBytes += chunk.length;
    if (sizeBytes > rules.maxBytes) throw tooLarge(rules.maxBytes);
    hash.update(chunk);
    return chunk;
  };

  // Refused content is not read further: the source is let go (a request stream is then discarded).
  const release = async (error: unknown): Promise<never> => {
    await chunks.return?.();
    throw error;
  };

  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  let contentType: TUploadContentType | undefined;
  try {
    while (headBytes < SNIFF_BYTES) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(take(next.value));
      headBytes += next.value.length;
    }
    if (sizeBytes === 0) throw new AppError('upload.empty', { fields: [{ field: 'file', message: 'The file is empty. Choose the file again.' }] });
    const detected = await fileTypeFromBuffer(Buffer.concat(head));
    contentType = UPLOAD_TYPES.find((type) => type === detected?.mime && rules.accept.includes(type));
    if (!contentType) throw typeRefused(rules.accept);
  } catch (error) {
    return release(error);
  }

  async function* rest(): AsyncGenerator<Buffer> {
    let complete = ended;
    try {
      yield* head;
      if (!ended) for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield take(next.value);
      complete = true;
    } finally {
      // Over the limit, or the store gave up reading: let the source go.
      if (!complete) await chunks.return?.();
    }
  }
  return {
    contentType,
    body: Readable.from(rest(), { objectMode: false }),
    measured: () => ({ sizeBytes, sha256: hash.copy().digest('hex') }),
  };
}

function typeRefused(accept: readonly TUploadContentType[]): AppError {
  const names = accept.map((type) => ({ 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' })[type]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}` : (names[0] ?? '');
  const message = `Upload a ${list} file.`;
  return new AppError('upload.type_refused', { message, fields: [{ field: 'file', message }] });
}

/** Also C1 controls and the bidirectional overrides: a name shown to staff must read as it is. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The name as the user's computer called it, kept to show: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined, contentType: TUploadContentType): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const printable = base.replace(UNPRINTABLE, '');
  const trimmed = [...printable.trim()].slice(0, 200).join('').trim();
  if (trimmed && trimmed !== '.' && trimmed !== '..') return trimmed;
  return `file.${{ 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' }[contentType]}`;
}
